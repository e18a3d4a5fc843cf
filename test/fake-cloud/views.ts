// The JSON the fake answers, shaped as spec/deployments-openapi.json describes each response.
import type {
  Deployment,
  DeploymentJob,
  DeploymentNestedUpdate,
  DeploymentSnapshot,
  UserInfo
} from '../../src/pulumi/types.js'
import { isPlainObject, type JsonObject } from './settings-merge.js'
import type { DeploymentRecord } from './state.js'

export const ZERO_TIME = '0001-01-01T00:00:00Z'

export const REQUESTED_BY: UserInfo = {
  name: 'Fake Cloud User',
  githubLogin: 'fake-cloud-user',
  avatarUrl: 'https://avatars.githubusercontent.com/u/0?v=4'
}

/** RFC 3339, as job and step timestamps are. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString()
}

/** Pulumi's own `created` / `modified` format: `2022-10-17 22:12:34.834`, UTC. */
export function pulumiDate(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '')
}

export interface ViewContext {
  now: number
  apiUrl: string
  consoleUrl: string
}

// The service marks variables secret by their look as well as by request (deployments-api-preview.md).
const SECRET_LOOKING_NAME = /SECRET|TOKEN|PASSWORD|PASSPHRASE|PRIVATE|ACCESS_KEY|CREDENTIAL/i

function environment(
  deployment: DeploymentRecord,
  apiUrl: string
): { name: string; value?: string; secret: boolean }[] {
  const operationContext = deployment.settings.operationContext as JsonObject | undefined
  const variables = (operationContext?.environmentVariables ?? {}) as Record<string, unknown>
  const listed = Object.entries(variables).map(([name, value]) =>
    typeof value === 'string' && !SECRET_LOOKING_NAME.test(name)
      ? { name, value, secret: false }
      : { name, secret: true }
  )
  return [
    ...listed,
    { name: 'PULUMI_CI_BUILD_ID', value: deployment.id, secret: false },
    { name: 'PULUMI_CI_BUILD_NUMBER', value: String(deployment.version), secret: false },
    { name: 'PULUMI_CI_SYSTEM', value: 'Pulumi Deploy', secret: false },
    { name: 'PULUMI_ACCESS_TOKEN', secret: true },
    { name: 'PULUMI_BACKEND_URL', value: `${apiUrl}/`, secret: false }
  ]
}

function source(deployment: DeploymentRecord): {
  git?: { repoURL: string; branch?: string; commit?: string; repoDir?: string }
} {
  const git = (deployment.settings.sourceContext as JsonObject | undefined)?.git
  if (!isPlainObject(git) || typeof git.repoUrl !== 'string') return {}
  const out: { repoURL: string; branch?: string; commit?: string; repoDir?: string } = {
    repoURL: git.repoUrl
  }
  for (const key of ['branch', 'commit', 'repoDir'] as const) {
    if (typeof git[key] === 'string') out[key] = git[key]
  }
  return { git: out }
}

function job(deployment: DeploymentRecord, now: number): DeploymentJob | undefined {
  const timeline = deployment.timeline
  if (!timeline.hasRun(now)) return undefined
  const started = timeline.jobStartedAt() as number
  const end = timeline.endAt()
  const steps = deployment.scenario.steps.map((step, i) => {
    const state = timeline.step(i, now)
    return {
      name: step.name,
      status: state.status,
      started: state.startedAt === undefined ? ZERO_TIME : rfc3339(state.startedAt),
      lastUpdated: state.updatedAt === undefined ? ZERO_TIME : rfc3339(state.updatedAt)
    }
  })
  return {
    status: timeline.status(now),
    started: rfc3339(started),
    lastUpdated: rfc3339(end !== undefined && end <= now ? end : now),
    steps
  }
}

export function nestedUpdates(deployment: DeploymentRecord, now: number): DeploymentNestedUpdate[] {
  const timeline = deployment.timeline
  if (!timeline.hasRun(now) || timeline.pulumiStep < 0) return []
  const state = timeline.step(timeline.pulumiStep, now)
  if (state.startedAt === undefined) return []
  const result = !state.finished ? 'in-progress' : state.status === 'failed' ? 'failed' : 'succeeded'
  return [
    {
      id: deployment.update.id,
      updateID: deployment.update.updateID,
      version: deployment.update.version,
      startTime: Math.floor(state.startedAt / 1000),
      endTime: state.finished ? Math.floor((state.updatedAt as number) / 1000) : 0,
      result,
      kind: deployment.update.kind,
      message: '',
      environment: { 'pulumi.deploymentId': deployment.id }
    }
  ]
}

export function deploymentView(deployment: DeploymentRecord, ctx: ViewContext): Deployment {
  const { now } = ctx
  const jobView = job(deployment, now)
  const updates = nestedUpdates(deployment, now)
  return {
    id: deployment.id,
    created: pulumiDate(deployment.createdAt),
    modified: pulumiDate(deployment.timeline.lastChange(now)),
    status: deployment.timeline.status(now),
    version: deployment.version,
    latestVersion: deployment.stack.deployments.length,
    requestedBy: deployment.requestedBy ?? REQUESTED_BY,
    ...(jobView ? { jobs: [jobView] } : {}),
    pulumiOperation: deployment.operation,
    ...(deployment.initiator !== undefined ? { initiator: deployment.initiator } : {}),
    ...(updates.length > 0 ? { updates } : {}),
    configuration: { environmentVariables: environment(deployment, ctx.apiUrl), source: source(deployment) }
  }
}

export function snapshotView(
  deployment: DeploymentRecord,
  ctx: ViewContext,
  paused: boolean
): DeploymentSnapshot {
  const jobView = job(deployment, ctx.now)
  const full = deploymentView(deployment, ctx)
  return {
    id: full.id,
    created: full.created,
    modified: full.modified,
    status: full.status,
    version: full.version,
    latestVersion: full.latestVersion,
    requestedBy: full.requestedBy,
    projectName: deployment.stack.project,
    stackName: deployment.stack.stack,
    paused,
    pulumiOperation: deployment.operation,
    updates: nestedUpdates(deployment, ctx.now),
    jobs: jobView ? [jobView] : [],
    ...(deployment.initiator !== undefined ? { initiator: deployment.initiator } : {})
  }
}

// The engine counts only the ops that happened: a kind with no resource is absent, not zero.
function nonZero(changes: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(changes).filter(([, count]) => count !== 0))
}

/** `GET .../deployments/{id}/updates`: the stack update(s) the deployment made, as `UpdateInfo`. */
export function updateInfos(deployment: DeploymentRecord, now: number): JsonObject[] {
  return nestedUpdates(deployment, now).map(update => ({
    info: {
      kind: update.kind,
      startTime: update.startTime,
      endTime: update.endTime,
      result: update.result,
      message: update.message,
      environment: update.environment,
      config: {},
      version: update.version,
      // A scenario that scripts no counts gets none: the report then reads them from the log, as from an update
      // the service could not count.
      ...((update.result === 'succeeded' || update.result === 'failed') &&
      deployment.scenario.update?.resourceChanges !== undefined
        ? { resourceChanges: nonZero(deployment.scenario.update.resourceChanges) }
        : {})
    },
    updateID: update.updateID,
    version: update.version,
    latestVersion: deployment.stack.updateVersion,
    requestedBy: deployment.requestedBy ?? REQUESTED_BY
  }))
}
