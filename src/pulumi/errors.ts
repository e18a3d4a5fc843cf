import type { StackRef } from './types.js'
import { formatStackRef } from './stack-name.js'

/** Why an attempt did not produce a usable answer. */
export type Failure =
  | {
      kind: 'status'
      status: number
      serverMessage?: string
      retryAfterMs?: number
      /** `X-Pulumi-Request-ID`, which Pulumi support asks for. */
      requestId?: string
      /** A 401 or 404 without Pulumi Cloud's JSON error body: the server is not the Pulumi Cloud API. */
      notPulumi?: boolean
    }
  | { kind: 'network'; notSent: boolean; code: string }
  | { kind: 'timeout'; afterMs: number }
  /** The status arrived but the body was cut short or was not the JSON expected. */
  | { kind: 'bad-body'; status: number; notPulumi?: boolean }

/** What a request was for, so an error can say it in words. */
export interface RequestContext {
  method: string
  path: string
  /** A verb phrase: "create a deployment", "read the deployment settings". */
  action: string
  /** Which thing a 404 is about. */
  subject: 'stack' | 'deployment' | 'org'
  stackRef?: StackRef
  org?: string
  /** `abc-123` or `version 7`, for a deployment subject. */
  deployment?: string
  baseUrl: string
}

export interface PulumiApiErrorDetails {
  /** The HTTP status; 0 when no response arrived (network error or timeout). */
  status: number
  method: string
  path: string
  serverMessage?: string
  stackRef?: StackRef
  /** Whether trying again later may succeed (5xx, 429, network, unreadable body). */
  retryable: boolean
  attempts: number
  /** How long the server asked to be left alone (Retry-After), when it said. */
  retryAfterMs?: number
}

/** A Pulumi Cloud request that failed; `message` is a sentence for the user. Never contains the access token. */
export class PulumiApiError extends Error {
  readonly status: number
  readonly method: string
  readonly path: string
  readonly serverMessage?: string
  readonly stackRef?: StackRef
  readonly retryable: boolean
  readonly attempts: number
  readonly retryAfterMs?: number

  constructor(message: string, details: PulumiApiErrorDetails) {
    super(message)
    this.name = 'PulumiApiError'
    this.status = details.status
    this.method = details.method
    this.path = details.path
    this.serverMessage = details.serverMessage
    this.stackRef = details.stackRef
    this.retryable = details.retryable
    this.attempts = details.attempts
    this.retryAfterMs = details.retryAfterMs
  }
}

export interface CreateCandidate {
  id: string
  version: number
  created: string
}

/**
 * A create whose fate is unknown: it failed after being sent, and the stack's deployments could not settle whether
 * it was processed (none could be read, or more than one could be it). Running again might deploy twice.
 */
export class AmbiguousCreateError extends Error {
  readonly stackRef: StackRef
  readonly candidates: CreateCandidate[]

  constructor(message: string, stackRef: StackRef, candidates: CreateCandidate[]) {
    super(message)
    this.name = 'AmbiguousCreateError'
    this.stackRef = stackRef
    this.candidates = candidates
  }
}

export function isRetryableFailure(failure: Failure): boolean {
  // A web page instead of the API's JSON will not change on a second try.
  if (failure.kind === 'bad-body') return !failure.notPulumi
  if (failure.kind !== 'status') return true
  return failure.status >= 500 || failure.status === 429 || failure.status === 408
}

/** A short phrase for logs: "HTTP 503", "connection reset (ECONNRESET)". */
export function describeFailure(failure: Failure): string {
  switch (failure.kind) {
    case 'status':
      return `HTTP ${failure.status}${failure.retryAfterMs !== undefined ? ` (Retry-After ${failure.retryAfterMs} ms)` : ''}`
    case 'network':
      return failure.notSent
        ? `could not connect (${failure.code})`
        : `connection failed after sending (${failure.code})`
    case 'timeout':
      return `no answer within ${failure.afterMs} ms`
    case 'bad-body':
      return `HTTP ${failure.status} with an incomplete or unreadable body`
  }
}

export function apiError(failure: Failure, ctx: RequestContext, attempts: number): PulumiApiError {
  return new PulumiApiError(messageFor(failure, ctx, attempts), {
    status: failure.kind === 'status' || failure.kind === 'bad-body' ? failure.status : 0,
    method: ctx.method,
    path: ctx.path,
    serverMessage: failure.kind === 'status' ? failure.serverMessage : undefined,
    stackRef: ctx.stackRef,
    retryable: isRetryableFailure(failure),
    attempts,
    retryAfterMs: failure.kind === 'status' ? failure.retryAfterMs : undefined
  })
}

function messageFor(failure: Failure, ctx: RequestContext, attempts: number): string {
  const where = ctx.stackRef
    ? ` for stack ${formatStackRef(ctx.stackRef)}`
    : ctx.org
      ? ` for organization ${ctx.org}`
      : ''
  const tries = attempts > 1 ? ` (${attempts} attempts)` : ''
  switch (failure.kind) {
    case 'network':
      return (
        `Could not reach Pulumi Cloud at ${origin(ctx.baseUrl)} to ${ctx.action}${where}: ${describeFailure(failure)}` +
        `${tries}. Check that the Pulumi Cloud URL is right and that the runner's network or proxy lets it through, ` +
        `then try again.`
      )
    case 'timeout':
      return (
        `Pulumi Cloud did not answer within ${Math.round(failure.afterMs / 1000)} s when asked to ${ctx.action}${where}` +
        `${tries}. Pulumi Cloud may be unavailable; try again in a few minutes.`
      )
    case 'bad-body':
      if (failure.notPulumi) return notPulumiMessage(failure.status, ctx, where)
      return (
        `Pulumi Cloud sent an incomplete or unreadable answer (HTTP ${failure.status}) when asked to ${ctx.action}` +
        `${where}${tries}. Pulumi Cloud may be having trouble; try again in a few minutes.`
      )
    case 'status':
      return statusMessage(failure, ctx, where, tries)
  }
}

function statusMessage(
  failure: Failure & { kind: 'status' },
  ctx: RequestContext,
  where: string,
  tries: string
): string {
  if (failure.notPulumi) return notPulumiMessage(failure.status, ctx, where)
  const said = failure.serverMessage ? ` Pulumi Cloud said: ${failure.serverMessage}` : ''
  const saidSentence = said ? `${said.replace(/\.?$/, '.')}` : ''
  const stack = ctx.stackRef ? formatStackRef(ctx.stackRef) : undefined
  const org = ctx.stackRef?.org ?? ctx.org
  switch (failure.status) {
    case 400:
      return (
        `Pulumi Cloud rejected the request to ${ctx.action}${where} (400 Bad Request): ` +
        `${failure.serverMessage ?? 'it gave no reason'}. Correct the settings or inputs it names and run again.`
      )
    case 401:
      return (
        `Pulumi Cloud did not accept the access token (401 Unauthorized) when asked to ${ctx.action}${where}: the ` +
        `token is missing, invalid or expired. Set the \`pulumi-access-token\` input or the PULUMI_ACCESS_TOKEN ` +
        `environment variable to a valid Pulumi access token.`
      )
    case 402:
      return (
        `Pulumi Cloud refused to ${ctx.action}${where} because the organization ${org ?? ''}'s plan does not ` +
        `include it (402 Payment Required). Pulumi Deployments needs a paid tier, and drift detection and ` +
        `remediation need Business Critical; upgrade the plan or use another organization.${saidSentence}`
      )
    case 403:
      return (
        `The Pulumi access token does not have permission to ${ctx.action}${where} (403 Forbidden). Use a token ` +
        `whose user, team or organization has access to ${stack ? `the stack ${stack}` : `the organization ${org ?? ''}`}` +
        `${ctx.subject === 'org' && ctx.method !== 'GET' ? '; pausing or resuming an organization needs an organization admin' : ''}.` +
        saidSentence
      )
    case 404:
      return notFoundMessage(ctx, stack) + saidSentence
    case 409:
      return (
        `Pulumi Cloud refused to ${ctx.action}${where} because it conflicts with the current state (409 Conflict)` +
        `${ctx.subject === 'deployment' ? ', for example because the deployment has already finished' : ''}.` +
        saidSentence
      )
    case 429:
      return (
        `Pulumi Cloud kept limiting the rate of requests (429 Too Many Requests) when asked to ${ctx.action}${where}` +
        `${tries}. Wait a few minutes before running again, and run fewer workflows against Pulumi Cloud at once.`
      )
    default:
      if (failure.status >= 500) {
        const support = failure.requestId
          ? ` If it keeps failing, give Pulumi support the request ID ${failure.requestId}.`
          : ''
        return (
          `Pulumi Cloud is unavailable: it answered HTTP ${failure.status} when asked to ${ctx.action}${where}` +
          `${tries}. Try again in a few minutes.${saidSentence}${support}`
        )
      }
      return `Pulumi Cloud refused to ${ctx.action}${where} (HTTP ${failure.status}).${saidSentence}`
  }
}

/** Says the address is wrong, not the token or the stack: the answer did not come from the Pulumi Cloud API. */
function notPulumiMessage(status: number, ctx: RequestContext, where: string): string {
  const given = origin(ctx.baseUrl)
  let hint = "https://api.pulumi.com, or your self-hosted Pulumi Cloud's api. address"
  try {
    const url = new URL(ctx.baseUrl)
    if (url.hostname.startsWith('app.')) hint = `${url.protocol}//api.${url.hostname.slice(4)}`
  } catch {
    // An address that does not parse never reaches a request.
  }
  return (
    `${given} answered HTTP ${status} when asked to ${ctx.action}${where}, but this does not look like the Pulumi ` +
    `Cloud API: it did not answer with Pulumi Cloud's JSON. Check \`cloud-url\` (or PULUMI_BACKEND_URL), and use ` +
    `the api. address (${hint}), not the console's.`
  )
}

function notFoundMessage(ctx: RequestContext, stack: string | undefined): string {
  if (ctx.subject === 'deployment' && stack) {
    return (
      `Deployment ${ctx.deployment ?? ''} of stack ${stack} was not found (404 Not Found) when asked to ` +
      `${ctx.action}: it may belong to another stack, or the access token cannot see it.`
    )
  }
  if (ctx.subject === 'org' || !stack) {
    return (
      `The Pulumi organization ${ctx.org ?? ''} does not exist, or the access token cannot see it (404 Not Found), ` +
      `when asked to ${ctx.action}. Check the organization name and the token.`
    )
  }
  return (
    `The stack ${stack} does not exist in Pulumi Cloud, or the access token cannot see it (404 Not Found), when ` +
    `asked to ${ctx.action}. Check the stack name (organization/project/stack), create the stack if it is new, and ` +
    `use a token with access to it.`
  )
}

function origin(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin
  } catch {
    return baseUrl
  }
}
