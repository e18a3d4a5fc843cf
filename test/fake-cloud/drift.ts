// Drift runs and drift status (spec/results-openapi.json): every detect-drift and remediate-drift deployment is a
// drift run; it found drift when its refresh ran to its end and counted changes. A run whose refresh never ended
// (a step before it failed, or it was cancelled) found none, whatever its status.
import type { DeploymentStatus } from '../../src/pulumi/types.js'
import type { JsonObject } from './settings-merge.js'
import type { DeploymentRecord, StackRecord } from './state.js'
import { pulumiDate } from './views.js'

const DRIFT_OPERATIONS = new Set(['detect-drift', 'remediate-drift'])
const TERMINAL: readonly DeploymentStatus[] = ['succeeded', 'failed', 'skipped']

function changesOf(deployment: DeploymentRecord): Record<string, number> {
  const scripted = deployment.scenario.update?.resourceChanges ?? deployment.scenario.engine?.counts ?? {}
  return Object.fromEntries(Object.entries(scripted).filter(([, n]) => n !== 0))
}

function refreshEnded(deployment: DeploymentRecord, now: number): boolean {
  const { timeline } = deployment
  if (timeline.cancelled || !timeline.hasRun(now)) return false
  // A scenario cut short before its Pulumi step has none: the timeline's fallback (the last step) is no refresh.
  const step = deployment.scenario.steps[timeline.pulumiStep]
  if (!step || !(step.pulumiOperation === true || /^pulumi /i.test(step.name))) return false
  return (
    timeline.step(timeline.pulumiStep, now).finished && !timeline.step(timeline.pulumiStep, now).neverRuns
  )
}

function driftDetected(deployment: DeploymentRecord, now: number): boolean {
  if (!refreshEnded(deployment, now)) return false
  return Object.entries(changesOf(deployment)).some(([op, n]) => op !== 'same' && n > 0)
}

function runView(deployment: DeploymentRecord, now: number): JsonObject {
  const status = deployment.timeline.status(now)
  const detected = driftDetected(deployment, now)
  const update = (): JsonObject => ({
    updateId: deployment.update.updateID,
    status: refreshEnded(deployment, now) ? status : 'running',
    modified: pulumiDate(deployment.timeline.lastChange(now)),
    ...(refreshEnded(deployment, now) ? { resourceChanges: changesOf(deployment) } : {})
  })
  return {
    id: `drift-${deployment.id}`,
    driftDetected: detected,
    created: pulumiDate(deployment.createdAt),
    status,
    deploymentId: deployment.id,
    deploymentVersion: deployment.version,
    ...(deployment.timeline.hasRun(now) ? { detectUpdate: update() } : {}),
    ...(deployment.operation === 'remediate-drift' && detected ? { remediateUpdate: update() } : {})
  }
}

function runsOf(stack: StackRecord): DeploymentRecord[] {
  return stack.deployments.filter(d => DRIFT_OPERATIONS.has(d.operation)).reverse()
}

/** `GET …/drift/runs`: newest first, paginated as the other lists are. */
export function driftRuns(stack: StackRecord, now: number, query: Record<string, string>): JsonObject {
  const page = Math.max(1, Number(query.page ?? 1) || 1)
  const pageSize = Math.min(100, Math.max(1, Number(query.pageSize ?? 10) || 10))
  const all = runsOf(stack)
  return {
    driftRuns: all.slice((page - 1) * pageSize, page * pageSize).map(d => runView(d, now)),
    itemsPerPage: pageSize,
    total: all.length
  }
}

/** `GET …/drift/status`: the latest run's finding, and whether one is in progress. */
export function driftStatus(stack: StackRecord, now: number): JsonObject {
  const [latest] = runsOf(stack)
  return {
    driftDetected: latest ? driftDetected(latest, now) : false,
    latestDriftRun: latest ? `drift-${latest.id}` : '',
    runInProgress: latest ? !TERMINAL.includes(latest.timeline.status(now)) : false
  }
}
