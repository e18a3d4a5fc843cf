// The `results` output: one object per stack, for any number of stacks, so a workflow reads the same shape whether
// it deploys one stack or fifty; and the rules that fold several stacks into the step's own outputs.
import { hasChanges, type ChangeSummary } from '../deployment/changes.js'
import type { DeploymentStatus, PulumiOperation } from '../pulumi/types.js'
import type { DeploymentReport } from './model.js'

/**
 * Pulumi Cloud's last status for the stack's deployment, `left-running` when the step stopped following it while it
 * ran (and did not cancel it), or `not-run` when none was created for it.
 */
export type ResultStatus = DeploymentStatus | 'left-running' | 'not-run'

/** One element of `results`; the keys are the step outputs' names, so a workflow reads both alike. */
export interface StackResult {
  stack: string
  operation: PulumiOperation
  'deployment-id': string | null
  'deployment-version': number | null
  status: ResultStatus
  'console-url': string | null
  'update-version': number | null
  changes: ChangeSummary | null
  'has-changes': boolean | null
  'drift-detected': boolean | null
  /** The stack's outputs, when they were read. */
  outputs: Record<string, unknown> | null
  /** This stack's own log file, when its log was followed. */
  'log-file'?: string
}

export interface ResultFacts {
  /** The last status Pulumi Cloud reported; undefined when the deployment was never seen after its creation. */
  lastStatus?: DeploymentStatus | 'left-running'
  logFile?: string
  outputs?: Record<string, unknown>
}

/** The result of one stack, from its report and what Pulumi Cloud last said. */
export function stackResult(report: DeploymentReport, facts: ResultFacts = {}): StackResult {
  const changes = report.changes ?? null
  const changed = changes ? hasChanges(changes) : null
  const created = report.deploymentId !== undefined
  return {
    stack: report.stack,
    operation: report.operation,
    'deployment-id': report.deploymentId ?? null,
    'deployment-version': report.version ?? null,
    status: created ? (facts.lastStatus ?? 'not-started') : 'not-run',
    'console-url': report.consoleUrl ?? null,
    'update-version': report.updateVersion ?? null,
    changes,
    'has-changes': changed,
    // Known once a drift check ended: from Pulumi Cloud's drift run, or the refresh's change counts.
    'drift-detected': report.drift?.detected ?? null,
    outputs: facts.outputs ?? null,
    ...(facts.logFile === undefined ? {} : { 'log-file': facts.logFile })
  }
}

// Worst first. A stack still unfinished (not waited for, or the wait ended) outranks one that was skipped: it may yet
// fail. A stack not run counts as skipped: nothing was deployed to it.
const SEVERITY: readonly DeploymentStatus[] = [
  'failed',
  'unknown',
  'running',
  'accepted',
  'not-started',
  'skipped',
  'succeeded'
]

/** The status that speaks for several stacks: the worst of theirs (`failed` > `skipped` > `succeeded`). */
export function worstStatus(statuses: readonly ResultStatus[]): DeploymentStatus {
  let worst = SEVERITY.length - 1
  for (const status of statuses) {
    const rank = SEVERITY.indexOf(
      status === 'not-run' ? 'skipped' : status === 'left-running' ? 'running' : status
    )
    if (rank >= 0 && rank < worst) worst = rank
  }
  return SEVERITY[worst] as DeploymentStatus
}

export interface CombinedOutputs {
  status: DeploymentStatus
  /** True when any stack has changes; false when every stack reported none; unknown otherwise. */
  hasChanges?: boolean
  /** The counts of every stack that reported them, added up. */
  changes?: ChangeSummary
}

/** The step outputs that speak for every stack at once. */
export function combineResults(results: readonly StackResult[]): CombinedOutputs {
  const combined: CombinedOutputs = { status: worstStatus(results.map(r => r.status)) }
  const flags = results.map(r => r['has-changes'])
  if (flags.some(flag => flag === true)) combined.hasChanges = true
  else if (flags.length > 0 && flags.every(flag => flag === false)) combined.hasChanges = false
  for (const result of results) {
    if (!result.changes) continue
    combined.changes ??= {}
    for (const [kind, count] of Object.entries(result.changes))
      combined.changes[kind] = (combined.changes[kind] ?? 0) + count
  }
  return combined
}

/** The `results` output's text. */
export function resultsJson(results: readonly StackResult[]): string {
  return JSON.stringify(results)
}
