// What each endpoint does, given a routed request; HTTP plumbing and faults live in server.ts.
import {
  DEPLOYMENT_STATUSES,
  type DeploymentStatus,
  type OrgDeploymentsMetadata,
  type PulumiOperation,
  type UserInfo
} from '../../src/pulumi/types.js'
import { driftRuns, driftStatus } from './drift.js'
import { engineEventsPage } from './engine-events.js'
import { ApiError } from './errors.js'
import { batchDecrypt, exportStack, type StackKeys } from './stack-state.js'
import { stepLogs, streamLogs } from './logs.js'
import type { RouteMatch } from './routes.js'
import type { SecretStore } from './secret-store.js'
import {
  effectiveSettings,
  isPlainObject,
  mergeSettings,
  withoutNulls,
  type JsonObject
} from './settings-merge.js'
import type { CloudState, DeploymentRecord, StackRecord } from './state.js'
import {
  asDecoded,
  canonicalizeKeys,
  createRequestProblem,
  settingsProblem,
  settingsSchemaNode
} from './validation.js'
import { deploymentView, snapshotView, updateInfos, type ViewContext } from './views.js'

export interface Answer {
  status: number
  /** JSON to send; undefined for an empty body. */
  body?: unknown
}

export interface HandlerContext {
  state: CloudState
  secrets: SecretStore
  apiUrl: string
  consoleUrl: string
  logBatchSize: number
  /** Most engine events one page carries. */
  eventsPageSize: number
  keys: StackKeys
  /** Who an `Authorization` header's token belongs to. */
  userOf(authorization: string | string[] | undefined): UserInfo
}

export interface IncomingCall {
  route: RouteMatch
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  /** Parsed JSON, or the raw text when the body was not JSON. */
  body: unknown
  rawBody: string
}

const ok = (body?: unknown): Answer => ({ status: 200, body })

function jsonBody(call: IncomingCall, what: string): unknown {
  if (call.rawBody.trim() === '') return {}
  if (typeof call.body === 'string') {
    throw new ApiError(
      400,
      `The ${what} body is not valid JSON; send a JSON object with Content-Type: application/json.`
    )
  }
  return call.body
}

function revealSecrets(ctx: HandlerContext, body: unknown): unknown {
  try {
    return ctx.secrets.reveal(body)
  } catch (error) {
    throw new ApiError(400, (error as Error).message)
  }
}

function readSettingsBody(ctx: HandlerContext, call: IncomingCall): JsonObject {
  const body = revealSecrets(
    ctx,
    canonicalizeKeys(jsonBody(call, 'deployment settings'), settingsSchemaNode())
  )
  const problem = settingsProblem(withoutNulls(body))
  if (problem) throw new ApiError(400, problem)
  return body as JsonObject
}

function hasSettings(stack: StackRecord): boolean {
  return Object.keys(stack.settings).length > 0
}

function sourceProblem(settings: JsonObject): string | undefined {
  const sourceContext = (settings.sourceContext ?? {}) as JsonObject
  const git = sourceContext.git
  const template = sourceContext.template
  if (isPlainObject(template) && typeof template.sourceUrl === 'string') return undefined
  if (isPlainObject(sourceContext.hg) && typeof sourceContext.hg.repoUrl === 'string') return undefined
  if (!isPlainObject(git) || typeof git.repoUrl !== 'string' || git.repoUrl === '') {
    return 'The deployment has no source: neither the request nor the stack settings give sourceContext.git.repoUrl. Configure the stack for deployments or send a sourceContext.'
  }
  if (typeof git.branch === 'string' && typeof git.commit === 'string') {
    return `sourceContext.git.branch ('${git.branch}') and sourceContext.git.commit ('${git.commit}') are mutually exclusive; send only one.`
  }
  if (typeof git.branch === 'string' && typeof git.tag === 'string') {
    return `sourceContext.git.branch ('${git.branch}') and sourceContext.git.tag ('${git.tag}') are mutually exclusive; send only one.`
  }
  if (![git.branch, git.commit, git.tag].some(ref => typeof ref === 'string' && ref !== '')) {
    return 'The deployment source names no git branch, commit or tag; set sourceContext.git.branch or sourceContext.git.commit.'
  }
  return undefined
}

function createDeployment(ctx: HandlerContext, stack: StackRecord, call: IncomingCall): Answer {
  const received = jsonBody(call, 'deployment request')
  const request = revealSecrets(ctx, asDecoded(canonicalizeKeys(received))) as JsonObject
  const problem = createRequestProblem(request)
  if (problem) throw new ApiError(400, problem)
  const initiatorHeader = call.headers['x-pulumi-deployment-initiator']
  const initiator = Array.isArray(initiatorHeader) ? initiatorHeader[0] : initiatorHeader
  const settings = effectiveSettings(stack.settings, request)
  const noSource = sourceProblem(settings)
  if (noSource) throw new ApiError(400, noSource)
  const deployment = ctx.state.createDeployment(stack, {
    operation: request.operation as PulumiOperation,
    settings,
    request: received,
    initiator,
    requestedBy: ctx.userOf(call.headers.authorization)
  })
  const { org, project, stack: name } = stack
  return {
    status: 202,
    body: {
      id: deployment.id,
      consoleUrl: `${ctx.consoleUrl}/${org}/${project}/${name}/deployments/${deployment.version}`,
      version: deployment.version
    }
  }
}

function listQuery(query: Record<string, string>): {
  page: number
  pageSize: number
  asc: boolean
  status?: DeploymentStatus
} {
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = query[name]
    if (raw === undefined) return fallback
    const value = Number(raw)
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      const range = max === Infinity ? `at least ${min}` : `from ${min} to ${max}`
      throw new ApiError(400, `Invalid query parameter '${name}': '${raw}' must be an integer ${range}.`)
    }
    return value
  }
  const page = integer('page', 1, 1, Infinity)
  const pageSize = integer('pageSize', 10, 1, 100)
  const ascRaw = query.asc
  if (ascRaw !== undefined && ascRaw !== 'true' && ascRaw !== 'false') {
    throw new ApiError(400, `Invalid query parameter 'asc': '${ascRaw}' must be true or false.`)
  }
  const status = query.status
  if (status !== undefined && !(DEPLOYMENT_STATUSES as readonly string[]).includes(status)) {
    throw new ApiError(
      400,
      `Invalid query parameter 'status': '${status}' must be one of ${DEPLOYMENT_STATUSES.join(', ')}.`
    )
  }
  return { page, pageSize, asc: ascRaw === 'true', status: status as DeploymentStatus | undefined }
}

function list(ctx: HandlerContext, deployments: DeploymentRecord[], query: Record<string, string>): Answer {
  const { page, pageSize, asc, status } = listQuery(query)
  const view = viewContext(ctx)
  const matching = deployments.filter(d => status === undefined || d.timeline.status(view.now) === status)
  // Deployments are kept in creation order, oldest first.
  const sorted = asc ? matching : [...matching].reverse()
  const pageItems = sorted.slice((page - 1) * pageSize, page * pageSize)
  return ok({
    deployments: pageItems.map(d => snapshotView(d, view, ctx.state.isPaused(d.stack))),
    itemsPerPage: pageSize,
    total: matching.length
  })
}

function viewContext(ctx: HandlerContext): ViewContext {
  return { now: ctx.state.now(), apiUrl: ctx.apiUrl, consoleUrl: ctx.consoleUrl }
}

function orgMetadata(ctx: HandlerContext, org: string): OrgDeploymentsMetadata {
  const now = ctx.state.now()
  const counts = { notStarted: 0, accepted: 0, running: 0, failed: 0, succeeded: 0, skipped: 0, total: 0 }
  const key: Record<DeploymentStatus, keyof typeof counts | undefined> = {
    'not-started': 'notStarted',
    accepted: 'accepted',
    running: 'running',
    failed: 'failed',
    succeeded: 'succeeded',
    skipped: 'skipped',
    unknown: undefined
  }
  const pausedStacks: string[] = []
  for (const stack of ctx.state.stacks.values()) {
    if (stack.org !== org) continue
    if (stack.paused) pausedStacks.push(`${stack.project}/${stack.stack}`)
    for (const deployment of stack.deployments) {
      const counted = key[deployment.timeline.status(now)]
      if (counted) counts[counted]++
      counts.total++
    }
  }
  return {
    paused: ctx.state.pausedOrgs.has(org),
    pausedStacks,
    concurrency: ctx.state.concurrencyOf(org),
    deploymentCounts: counts
  }
}

function stackHandlers(ctx: HandlerContext, call: IncomingCall, stack: StackRecord): Answer {
  const { state } = ctx
  const deployment = (): DeploymentRecord => state.deployment(stack, call.route.deploymentId as string)
  switch (call.route.endpoint) {
    case 'getSettings':
      // As the OpenAPI describes it: 404 when the stack has no stored deployment settings.
      if (!hasSettings(stack))
        throw new ApiError(404, `No deployment settings found for stack '${stack.ref}'`)
      return ok(ctx.secrets.redact(stack.settings))
    case 'patchSettings':
      stack.settings = mergeSettings(stack.settings, readSettingsBody(ctx, call))
      return ok(ctx.secrets.redact(stack.settings))
    case 'replaceSettings':
      stack.settings = mergeSettings({}, readSettingsBody(ctx, call))
      return ok(ctx.secrets.redact(stack.settings))
    case 'deleteSettings':
      stack.settings = {}
      return ok(true)
    case 'createDeployment':
      return createDeployment(ctx, stack, call)
    case 'listStackDeployments':
      return list(ctx, stack.deployments, call.query)
    case 'getDeployment':
      return ok(deploymentView(deployment(), viewContext(ctx)))
    case 'getDeploymentByVersion': {
      const raw = call.route.version as string
      if (!/^\d+$/.test(raw))
        throw new ApiError(400, `The deployment version '${raw}' must be a positive integer.`)
      return ok(deploymentView(state.deploymentByVersion(stack, Number(raw)), viewContext(ctx)))
    }
    case 'streamLogs':
      return ok(
        streamLogs(
          deployment(),
          { now: state.now(), consoleUrl: ctx.consoleUrl },
          call.query.continuationToken,
          ctx.logBatchSize
        )
      )
    case 'stepLogs':
      return ok(stepLogs(deployment(), { now: state.now(), consoleUrl: ctx.consoleUrl }, call.query))
    case 'getUpdates':
      return ok(updateInfos(deployment(), state.now()))
    case 'getEngineEvents': {
      const updateID = call.route.deploymentId as string
      const found = stack.deployments.find(d => d.update.updateID === updateID)
      if (!found) throw new ApiError(404, `Update '${updateID}' not found for stack '${stack.ref}'`)
      return ok(engineEventsPage(found, state.now(), call.query.continuationToken, ctx.eventsPageSize))
    }
    case 'exportStack':
      return ok(exportStack(state, ctx.keys, stack))
    case 'batchDecrypt':
      return ok(batchDecrypt(ctx.keys, jsonBody(call, 'batch-decrypt')))
    case 'getDriftStatus':
      return ok(driftStatus(stack, state.now()))
    case 'listDriftRuns':
      return ok(driftRuns(stack, state.now(), call.query))
    case 'cancelDeployment':
      state.cancel(deployment())
      return ok()
    case 'pauseStack':
    case 'resumeStack':
      if (!hasSettings(stack)) {
        throw new ApiError(
          400,
          `Attempted to pause or resume deployments on stack '${stack.ref}' before it has been configured for deployments; set its deployment settings first.`
        )
      }
      state.setPaused({ stack: stack.ref }, call.route.endpoint === 'pauseStack')
      return ok()
    case 'stackMetadata':
      return ok({
        paused: state.isPaused(stack),
        stackPaused: stack.paused,
        organizationPaused: state.pausedOrgs.has(stack.org),
        hasSchedules: false
      })
    default:
      throw new ApiError(404, `The Deployments API has no ${call.route.endpoint} endpoint for this path.`)
  }
}

function orgHandlers(ctx: HandlerContext, call: IncomingCall, org: string): Answer {
  const { state } = ctx
  switch (call.route.endpoint) {
    case 'listOrgDeployments':
      return list(
        ctx,
        state.deployments.filter(d => d.stack.org === org),
        call.query
      )
    case 'pauseOrg':
    case 'resumeOrg':
      state.setPaused({ org }, call.route.endpoint === 'pauseOrg')
      return ok()
    case 'orgMetadata':
      return ok(orgMetadata(ctx, org))
    default:
      throw new ApiError(404, `The Deployments API has no ${call.route.endpoint} endpoint for this path.`)
  }
}

/** Answers a routed, authenticated request, or throws an ApiError. */
export function handle(ctx: HandlerContext, call: IncomingCall): Answer {
  ctx.state.refresh()
  const { route } = call
  if (route.endpoint === 'getCurrentUser') return ok(ctx.userOf(call.headers.authorization))
  if (route.stackRef !== undefined) return stackHandlers(ctx, call, ctx.state.stack(route.stackRef))
  const org = route.org as string
  if (!ctx.state.hasOrg(org)) throw new ApiError(404, `Organization '${org}' not found`)
  return orgHandlers(ctx, call, org)
}
