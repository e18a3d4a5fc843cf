import { parsePulumiTime } from '../pulumi/time.js'
import type { Deployment, DeploymentJob } from '../pulumi/types.js'
import type { FollowOutcome } from '../deployment/follow.js'
import type { LogRenderer } from '../deployment/log-renderer.js'
import type { DeploymentReport, DriftFinding, StepReport } from './model.js'
import { formatDuration } from '../config/duration.js'
import type { OperationResults } from '../deployment/results.js'
import { driftedResources, type DriftRun } from '../pulumi/drift.js'
import type { ChangeSummary } from '../deployment/changes.js'

const FAILED_STEP_LINES = 30

export interface ReportInput {
  base: Omit<DeploymentReport, 'status' | 'steps'>
  outcome: FollowOutcome
  renderer: LogRenderer
  cancelled: boolean
  /** The deployment had already ended when the step went to cancel it, so nothing was left running. */
  ended?: boolean
  timeoutMs?: number
  /** What Pulumi Cloud's structured endpoints said, when they were read. */
  results?: OperationResults
  /** For a drift check that ended: its drift run, when listed. */
  drift?: { run?: DriftRun }
}

/** Turns what was followed into the one model the outputs, the summary and the comment are all built from. */
export function buildReport({
  base,
  outcome,
  renderer,
  cancelled,
  ended,
  timeoutMs,
  results,
  drift
}: ReportInput): DeploymentReport {
  const deployment = outcome.deployment
  const job = deployment?.jobs?.[0]
  const steps = job ? stepReports(job) : []
  const report: DeploymentReport = {
    ...base,
    status: statusOf(outcome, cancelled, ended),
    steps,
    // Pulumi Cloud's exact counts; the log's `Resources:` block only when they could not be had.
    changes: results?.changes ?? renderer.changes(),
    changesFrom: results?.changes ? 'pulumi-cloud' : renderer.changes() ? 'log' : undefined,
    engine: results?.engine,
    output: renderer.operationOutput(),
    ...durations(deployment, job)
  }
  if (drift) report.drift = driftFinding(drift.run, report.changes)
  const failed = job?.steps.find(s => s.status === 'failed')
  if (deployment?.status === 'failed' && failed) {
    report.failedStep = { name: failed.name, lastLines: renderer.lastLines(failed.name, FAILED_STEP_LINES) }
  }
  const update = deployment?.updates?.at(-1)
  if (update) {
    // A preview is no stack update: it has a console page but no version of the stack to name.
    if (update.version > 0 && !isPreviewKind(update.kind)) report.updateVersion = update.version
    report.updateUrl = updateUrl(base.consoleUrl, base.version, update)
    report.updateIsPreview = isPreviewKind(update.kind)
  }
  // A deployment not cancelled is not necessarily running: one still queued will run later, unwatched. One that
  // never started changed nothing, and says so when it was cancelled.
  const queued = isQueued(deployment)
  const leftAlone = queued
    ? 'the deployment stays queued and will still run'
    : 'the deployment was left running'
  const cancelledText = queued
    ? 'the deployment had not started and was cancelled, so nothing was changed'
    : 'the deployment was cancelled'
  if (outcome.kind === 'timed-out') {
    const limit = timeoutMs === undefined ? '' : ` after ${formatDuration(timeoutMs)}`
    report.message = `The wait timed out${limit}; ${cancelled ? cancelledText : leftAlone}.`
  } else if (outcome.kind === 'aborted') {
    report.message = `The step was cancelled; ${cancelled ? (queued ? cancelledText : 'so was the deployment') : leftAlone}.`
  }
  return report
}

function isQueued(deployment: Deployment | undefined): boolean {
  // Never seen after its creation: it was queued then.
  return !deployment || deployment.status === 'not-started' || deployment.status === 'accepted'
}

// A deployment the step stopped following without cancelling it is reported as left running (or queued), never as
// cancelled: it may still change the stack.
function statusOf(outcome: FollowOutcome, cancelled: boolean, ended = false): DeploymentReport['status'] {
  if (outcome.kind === 'terminal') return outcome.deployment.status
  if (cancelled) return 'cancelled'
  if (ended) return outcome.kind === 'timed-out' ? 'timed-out' : 'cancelled'
  return isQueued(outcome.deployment) ? 'left-queued' : 'left-running'
}

function stepReports(job: DeploymentJob): StepReport[] {
  return job.steps.map(step => {
    const start = parsePulumiTime(step.started)
    const end = parsePulumiTime(step.lastUpdated)
    const durationMs =
      start !== undefined && end !== undefined && step.status !== 'not-started' ? end - start : undefined
    return { name: step.name, status: step.status, durationMs }
  })
}

function durations(
  deployment: Deployment | undefined,
  job: DeploymentJob | undefined
): { queuedMs?: number; runningMs?: number } {
  const created = deployment ? parsePulumiTime(deployment.created) : undefined
  const jobStart = parsePulumiTime(job?.started)
  const jobEnd = parsePulumiTime(job?.lastUpdated)
  return {
    queuedMs: created !== undefined && jobStart !== undefined ? Math.max(0, jobStart - created) : undefined,
    runningMs: jobStart !== undefined && jobEnd !== undefined ? Math.max(0, jobEnd - jobStart) : undefined
  }
}

/**
 * The console link of the stack update a deployment made: `.../updates/{version}`, or `.../previews/{updateID}` for
 * a preview (WIRE-NOTES). The stack's console address is the deployment's, less its `/deployments/{version}` tail.
 */
export function updateUrl(
  consoleUrl: string | undefined,
  deploymentVersion: number | undefined,
  update: { version: number; updateID: string; kind: string }
): string | undefined {
  if (!consoleUrl) return undefined
  // Plain string work: no value from an answer ever becomes part of a pattern.
  const url = consoleUrl.endsWith('/') ? consoleUrl.slice(0, -1) : consoleUrl
  const tail = /\/deployments\/\d+$/.exec(url)?.[0]
  if (tail === undefined || (deploymentVersion !== undefined && tail !== `/deployments/${deploymentVersion}`))
    return undefined
  const stackUrl = url.slice(0, -tail.length)
  return isPreviewKind(update.kind)
    ? `${stackUrl}/previews/${encodeURIComponent(update.updateID)}`
    : `${stackUrl}/updates/${update.version}`
}

/** `preview`, or the service's `Pupdate`, `Prefresh`, ... for previews of other operations. */
function isPreviewKind(kind: string): boolean {
  return kind === 'preview' || /^P[a-z]/.test(kind)
}

// Pulumi Cloud's drift run says whether drift was found; the refresh's change counts say in how many resources, and
// decide alone when no run was listed. A check that broke before its refresh counted nothing found none.
function driftFinding(run: DriftRun | undefined, changes: ChangeSummary | undefined): DriftFinding {
  const counted = driftedResources(run?.detectChanges ?? changes)
  const detected = run ? run.driftDetected : counted > 0
  return {
    detected,
    ...(detected && counted > 0 ? { resources: counted } : {}),
    ...(run ? { runId: run.id } : {})
  }
}
