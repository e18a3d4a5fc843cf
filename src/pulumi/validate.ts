// Every answer of Pulumi Cloud is checked here, at the client's boundary, before any of it is used: an id goes into
// a URL path, a version into outputs and links, a status decides when following ends. What does not fit is refused
// (the answer counts as unreadable) or, where a report can still be made, replaced by what the action knows.
import {
  DEPLOYMENT_STATUSES,
  type CreateDeploymentResponse,
  type Deployment,
  type DeploymentJob,
  type DeploymentStatus,
  type ListDeploymentsResponse,
  type LogEntry,
  type StepRun,
  type StepStatus
} from './types.js'

// Pulumi's deployment ids are UUIDs; nothing else may become a path segment (`..` would leave the deployment's URL).
const DEPLOYMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const STEP_STATUSES: readonly StepStatus[] = ['not-started', 'running', 'succeeded', 'failed']
// Bounds on what one answer may carry into the report.
const MAX_JOBS = 20
const MAX_STEPS = 200
const MAX_STEP_NAME = 1_000
const MAX_LOG_TOKEN = 4_096

export function isDeploymentId(value: unknown): value is string {
  return typeof value === 'string' && DEPLOYMENT_ID.test(value)
}

/** A whole number a version can be: no fraction, no string, nothing past 2^53. */
export function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

/** One of the six documented statuses; anything else is reported as `unknown`, never repeated. */
export function statusOf(value: unknown): DeploymentStatus {
  return typeof value === 'string' && (DEPLOYMENT_STATUSES as readonly string[]).includes(value)
    ? (value as DeploymentStatus)
    : 'unknown'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

function optionalText(value: unknown, max = MAX_STEP_NAME): string | undefined {
  return typeof value === 'string' ? value.slice(0, max) : undefined
}

/** A deployment with a valid id and version, a known status (else `unknown`), and well-formed jobs and steps. */
export function validDeployment(body: unknown): Deployment | undefined {
  if (!isRecord(body)) return undefined
  const id = own(body, 'id')
  const version = own(body, 'version')
  if (!isDeploymentId(id) || !isVersion(version)) return undefined
  const jobs = own(body, 'jobs')
  const updates = own(body, 'updates')
  return {
    ...(body as unknown as Deployment),
    id,
    version,
    status: statusOf(own(body, 'status')),
    created: optionalText(own(body, 'created')) ?? '',
    jobs: Array.isArray(jobs) ? jobs.slice(0, MAX_JOBS).flatMap(job => validJob(job) ?? []) : undefined,
    updates: Array.isArray(updates)
      ? (updates.filter(u => isRecord(u) && isVersion(own(u, 'version'))) as Deployment['updates'])
      : undefined
  }
}

function validJob(job: unknown): DeploymentJob | undefined {
  if (!isRecord(job)) return undefined
  const steps = own(job, 'steps')
  return {
    status: statusOf(own(job, 'status')),
    started: optionalText(own(job, 'started')),
    lastUpdated: optionalText(own(job, 'lastUpdated')),
    steps: Array.isArray(steps) ? steps.slice(0, MAX_STEPS).flatMap(step => validStep(step) ?? []) : []
  }
}

function validStep(step: unknown): StepRun | undefined {
  if (!isRecord(step)) return undefined
  const name = optionalText(own(step, 'name'))
  if (name === undefined) return undefined
  const status = own(step, 'status')
  return {
    name,
    status: STEP_STATUSES.includes(status as StepStatus) ? (status as StepStatus) : 'not-started',
    started: optionalText(own(step, 'started')),
    lastUpdated: optionalText(own(step, 'lastUpdated'))
  }
}

/** The stack's deployments, each one valid; an entry that is not is left out. */
export function validDeploymentList(body: unknown): ListDeploymentsResponse | undefined {
  if (!isRecord(body)) return undefined
  const deployments = own(body, 'deployments')
  if (!Array.isArray(deployments)) return undefined
  return {
    ...(body as unknown as ListDeploymentsResponse),
    deployments: deployments.flatMap(d => validDeployment(d) ?? []) as ListDeploymentsResponse['deployments']
  }
}

/** The answer to a create: a valid id and a version of at least 1. The console URL is checked by the client. */
export function validCreateResponse(body: unknown): CreateDeploymentResponse | undefined {
  if (!isRecord(body)) return undefined
  const id = own(body, 'id')
  const version = own(body, 'version')
  if (!isDeploymentId(id) || !isVersion(version) || version < 1) return undefined
  const consoleUrl = own(body, 'consoleUrl')
  return { id, version, consoleUrl: typeof consoleUrl === 'string' ? consoleUrl : '' }
}

/** One entry of a log page: a step's header or a line; anything else (wrong types, no text) is none. */
export function validLogEntry(entry: unknown): LogEntry | undefined {
  if (!isRecord(entry)) return undefined
  const timestamp = typeof own(entry, 'timestamp') === 'string' ? (own(entry, 'timestamp') as string) : ''
  const header = own(entry, 'header')
  const line = own(entry, 'line')
  if (typeof header === 'string') return { header, timestamp }
  if (typeof line === 'string') return { line, timestamp }
  return undefined
}

/** A page's `nextToken`: a token that is not a short string is taken as none, which ends the log. */
export function validLogToken(token: unknown): string | undefined {
  return typeof token === 'string' && token.length <= MAX_LOG_TOKEN ? token : undefined
}

/**
 * The console page Pulumi Cloud named, when it is an https: address on the console's own origin (that of the page
 * the action would compute); otherwise the computed one.
 */
export function consoleUrlOrComputed(given: string, computed: string): string {
  try {
    const url = new URL(given)
    return url.protocol === 'https:' &&
      url.origin === new URL(computed).origin &&
      url.username === '' &&
      url.password === ''
      ? url.href
      : computed
  } catch {
    return computed
  }
}
