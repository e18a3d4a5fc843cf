import type { PulumiOperation } from '../../src/pulumi/types.js'
import {
  resourceAt,
  downloadProgress,
  formatDuration,
  operationBanner,
  resourceLines,
  resourcesSummary,
  type ChangeCounts
} from './pulumi-output.js'
import { DEFAULT_STEP_MS, StepLines } from './step-lines.js'
import { failureMessage } from './engine-events.js'
import type {
  EngineScript,
  GeneratedLines,
  LineBlock,
  PolicyScript,
  Scenario,
  ScenarioLine,
  ScenarioStep
} from './types.js'

export interface ScenarioOptions {
  creates?: number
  updates?: number
  replaces?: number
  deletes?: number
  sames?: number
  /**
   * How many resource lines the Pulumi step prints, generated on demand (the step's `generated`, so a million
   * cost nothing up front). Default: one per change, as plain `lines`. Without any count, every line is a create.
   */
  resources?: number
  /** Each step's duration (default 1000). */
  stepMs?: number
  /** Time queued (default stepMs, at most 1000) and accepted (default stepMs, at most 500). */
  queuedMs?: number
  acceptedMs?: number
  result?: Scenario['result']
  /** The step that fails when `result` is `failed`; default the Pulumi operation step. */
  failStep?: string
  /** `2022`: the step names of 2022 deployments (no Setup, `Pulumi operation`); default `current`. */
  headers?: 'current' | '2022'
  /** The stack the output names, `org/project/stack`; default `organization/project/dev`. */
  stack?: string
  /** Colour resource and summary lines as a terminal would; default true. */
  ansi?: boolean
  /**
   * Adds a `Pre-run command 1` step that echoes these environment variables (through `{{env.NAME}}`), secrets
   * included, as a careless program would: for testing that logs are redacted.
   */
  echoEnv?: string[]
  /** A policy violation against one of the resources: printed under `Policy Violations:` and sent as an event. */
  policy?: PolicyScript
  /** The stack's outputs once the deployment succeeds (see Scenario.outputs). */
  outputs?: Record<string, unknown>
}

function counts(opts: ScenarioOptions): ChangeCounts {
  const given = [opts.creates, opts.updates, opts.replaces, opts.deletes, opts.sames].some(
    c => c !== undefined
  )
  if (given) {
    return {
      create: opts.creates ?? 0,
      update: opts.updates ?? 0,
      replace: opts.replaces ?? 0,
      delete: opts.deletes ?? 0,
      same: opts.sames ?? 0
    }
  }
  if (opts.resources !== undefined)
    return { create: opts.resources, update: 0, replace: 0, delete: 0, same: 0 }
  return { create: 2, update: 1, replace: 0, delete: 0, same: 3 }
}

function materialize(block: LineBlock): string[] {
  return Array.from({ length: block.count }, (_, i) => block.line(i))
}

function pulumiStepOutput(
  operation: PulumiOperation,
  opts: ScenarioOptions,
  failing: boolean
): { lines: ScenarioLine[]; generated?: GeneratedLines[] } {
  const ansi = opts.ansi ?? true
  const changes = counts(opts)
  const ref = (opts.stack ?? 'organization/project/dev').split('/')
  const display = `${ref[0] ?? 'organization'}/${ref[2] ?? ref[1] ?? 'dev'}`
  const project = ref[1] ?? 'project'
  const changed = changes.create + changes.update + changes.replace + changes.delete
  const resourceCount = opts.resources ?? changed
  const block = resourceLines(resourceCount, changes, operation, ansi)
  const planning = operation === 'preview' || operation === 'detect-drift'
  const lines: ScenarioLine[] = [
    operationBanner(operation, display),
    '',
    `    pulumi:pulumi:Stack ${project}-${ref[2] ?? 'dev'}${planning ? '' : ' running'}`
  ]
  const generated = opts.resources !== undefined ? [{ ...block, at: lines.length }] : undefined
  if (!generated) lines.push(...materialize(block))
  const error = ansi ? '\x1b[31merror:\x1b[0m' : 'error:'
  if (failing) {
    lines.push('', 'Diagnostics:')
    if (resourceCount > 0) {
      const failed = resourceAt(0, resourceCount, changes)
      lines.push(`  ${failed.type} (${failed.name}):`, `    ${error} ${failureMessage(failed)}`, '')
    }
    lines.push(
      `  pulumi:pulumi:Stack (${project}-${ref[2] ?? 'dev'}):`,
      `    ${error} ${planning ? 'preview failed' : 'update failed'}`
    )
  }
  if (opts.policy) {
    const index = opts.policy.resourceIndex ?? 0
    const r = resourceAt(index, Math.max(resourceCount, index + 1), changes)
    lines.push(
      '',
      'Policy Violations:',
      `    [${opts.policy.enforcementLevel === 'mandatory' ? 'mandatory' : 'advisory'}]  aws-guard v0.0.1  s3-no-public-read (${r.type}: ${r.name})`,
      '    Prohibits setting the publicRead or publicReadWrite permission on AWS S3 buckets.',
      `    S3 bucket '${r.name}' has acl 'public-read'.`
    )
  }
  lines.push('', ...resourcesSummary(changes, operation, ansi))
  if (!planning) lines.push('', `Duration: ${formatDuration(opts.stepMs ?? DEFAULT_STEP_MS)}`)
  return generated ? { lines, generated } : { lines }
}

function stepNames(
  operation: PulumiOperation,
  opts: ScenarioOptions
): { name: string; lines: ScenarioLine[] }[] {
  const legacy = opts.headers === '2022'
  const steps: { name: string; lines: ScenarioLine[] }[] = []
  if (!legacy)
    steps.push({ name: 'Setup', lines: ['Preparing the deployment environment', 'Environment ready'] })
  steps.push(
    { name: 'Download deployment executor', lines: downloadProgress() },
    {
      name: 'Get source',
      lines: ["Cloning into '/deployment/source'...", 'HEAD is now at 3f2c1ab Deploy the web tier']
    },
    {
      name: 'Download dependencies',
      lines: ['Installing plugin aws 6.66.0', 'Installing plugin random 4.16.8']
    }
  )
  if (!legacy) {
    steps.push({
      name: 'Install dependencies',
      lines: ['npm ci', '', 'added 214 packages, and audited 215 packages in 6s', 'found 0 vulnerabilities']
    })
  }
  if (opts.echoEnv && opts.echoEnv.length > 0) {
    steps.push({ name: 'Pre-run command 1', lines: opts.echoEnv.map(name => `${name}={{env.${name}}}`) })
  }
  steps.push({ name: legacy ? 'Pulumi operation' : `pulumi ${operation}`, lines: [] })
  return steps
}

/** A realistic deployment of any operation: executor setup steps, then the Pulumi operation and its summary. */
export function pulumiScenario(operation: PulumiOperation, opts: ScenarioOptions = {}): Scenario {
  const stepMs = opts.stepMs ?? DEFAULT_STEP_MS
  const result = opts.result ?? 'succeeded'
  const named = stepNames(operation, opts)
  const pulumiIndex = named.length - 1
  const failIndex =
    result === 'failed' ? (opts.failStep ? named.findIndex(s => s.name === opts.failStep) : pulumiIndex) : -1
  if (result === 'failed' && failIndex < 0) {
    throw new Error(`failStep '${opts.failStep}' is not one of: ${named.map(s => s.name).join(', ')}.`)
  }
  const steps: ScenarioStep[] = named.slice(0, failIndex >= 0 ? failIndex + 1 : undefined).map((step, i) => {
    const failing = i === failIndex
    const output = i === pulumiIndex ? pulumiStepOutput(operation, opts, failing) : { lines: step.lines }
    if (failing && i !== pulumiIndex)
      output.lines.push(`error: ${step.name.toLowerCase()} failed: exit status 1`)
    return {
      name: step.name,
      durationMs: stepMs,
      ...output,
      ...(failing ? { status: 'failed' as const } : {}),
      ...(i === pulumiIndex ? { pulumiOperation: true } : {})
    }
  })
  const changes = counts(opts)
  const pulumiFails = result === 'failed' && failIndex === pulumiIndex
  const changed = changes.create + changes.update + changes.replace + changes.delete
  const engine: EngineScript = {
    stack: opts.stack ?? 'organization/project/dev',
    counts: changes,
    resources: opts.resources ?? changed,
    planning: operation === 'preview' || operation === 'detect-drift',
    policy: opts.policy,
    failingResource: pulumiFails && (opts.resources ?? changed) > 0 ? 0 : undefined
  }
  return {
    // A real deployment waits a moment before it runs, however long its steps take.
    queuedMs: opts.queuedMs ?? Math.min(stepMs, 1000),
    acceptedMs: opts.acceptedMs ?? Math.min(stepMs, 500),
    steps: result === 'skipped' ? [] : steps,
    result,
    update: { resourceChanges: { ...changes } },
    engine,
    ...(opts.outputs ? { outputs: opts.outputs } : {})
  }
}

export function previewScenario(opts: ScenarioOptions = {}): Scenario {
  return pulumiScenario('preview', opts)
}

export function updateScenario(opts: ScenarioOptions = {}): Scenario {
  return pulumiScenario('update', opts)
}

/** Every line of a step as the log serves it (newline added, generated lines in place). */
export function* expandLines(step: ScenarioStep): Generator<string> {
  const lines = new StepLines(step)
  for (let i = 0; i < lines.count; i++) yield lines.text(i)
}
