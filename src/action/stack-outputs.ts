// Sets the stack's outputs as step outputs: all of them as JSON in `outputs`, and each whose name can be a step
// output (and is not one of this action's own) on its own, as Pulumi's own action does. Every decrypted secret is
// masked through the runner first, so no output, log line or summary can show it.
import type { StackOutputsResult } from '../deployment/stack-outputs.js'
import type { RunnerIO } from '../github/runner.js'
import type { OutputReport } from '../report/model.js'
import { OUTPUT } from './outputs.js'

/** This action's outputs (action.yml), and the one another issue reserves; a stack output never overwrites one. */
export const ACTION_OUTPUTS: ReadonlySet<string> = new Set([...Object.values(OUTPUT), 'drift-detected'])

// What GitHub accepts as a step output name.
const STEP_OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,99}$/

export function isOwnStepOutputName(name: string): boolean {
  return STEP_OUTPUT_NAME.test(name) && !ACTION_OUTPUTS.has(name.toLowerCase())
}

/** Registers a decrypted value with the runner in each form it may be written: whole, inside JSON, line by line. */
function mask(runner: RunnerIO, value: string): void {
  if (value === '') return
  const forms = new Set([value, JSON.stringify(value).slice(1, -1)])
  for (const line of value.split(/\r?\n|\r/)) if (line.trim() !== '') forms.add(line.trim())
  for (const form of forms) runner.setSecret(form)
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Masks, then sets the outputs; returns them as reports show them (secrets `[secret]`, always). */
export function publishStackOutputs(result: StackOutputsResult, runner: RunnerIO): OutputReport[] {
  const shown = maskStackOutputs(result, runner)
  const all = Object.fromEntries(result.outputs.map(o => [o.name, o.value]))
  runner.setOutput(OUTPUT.outputs, JSON.stringify(all))
  for (const o of result.outputs) {
    if (isOwnStepOutputName(o.name)) runner.setOutput(o.name, asText(o.value))
  }
  return shown
}

/** Masks every decrypted value; returns the outputs as reports show them. Sets no output: one of several stacks. */
export function maskStackOutputs(result: StackOutputsResult, runner: RunnerIO): OutputReport[] {
  for (const value of result.revealed) mask(runner, value)
  return result.outputs.map(o => ({
    name: o.name,
    secret: o.secret,
    shown: o.secret ? '[secret]' : asText(o.value)
  }))
}
