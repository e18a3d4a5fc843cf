// The deployment log as the action printed it, and as the scenario says it must read.
import { expandLines, type Scenario } from '../fake-cloud/index.js'

export interface PrintedLine {
  /** The `::group::` the line was printed under. */
  step: string
  text: string
}

/**
 * Every log line the action printed: the lines inside its folds that are not workflow commands, each with the group
 * it was printed under. Everything else on stdout (the action's own messages and commands) is left out: the action
 * says nothing of its own inside a fold, and a relayed line that began with `::` was printed as `: :`.
 */
export function printedLogLines(stdout: string): PrintedLine[] {
  const lines: PrintedLine[] = []
  let step: string | undefined
  for (const line of stdout.split('\n')) {
    if (line.startsWith('::group::')) step = line.slice('::group::'.length)
    else if (line === '::endgroup::') step = undefined
    else if (step !== undefined && !line.startsWith('::')) lines.push({ step, text: line })
  }
  return lines
}

/** Every line of the scenario's log, in order, as a terminal shows it (progress bars at their last state). */
export function expectedLogLines(scenario: Scenario): PrintedLine[] {
  return scenario.steps.flatMap(step =>
    [...expandLines(step)].map(line => ({ step: step.name, text: shown(line) }))
  )
}

function shown(line: string): string {
  const text = line.replace(/\n$/, '').replace(/\r+$/, '')
  return text.slice(text.lastIndexOf('\r') + 1)
}
