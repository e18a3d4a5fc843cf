import {
  AmbiguousCreateError,
  describeFailure,
  type CreateCandidate,
  type Failure,
  type PulumiApiError
} from './errors.js'
import type { Clock, RetryBudget } from './retry.js'
import { formatStackRef } from './stack-name.js'
import { parsePulumiTime } from './time.js'
import type {
  CreateDeploymentRequest,
  CreateDeploymentResponse,
  Deployment,
  ListDeploymentsResponse,
  StackRef
} from './types.js'

export type AttemptResult<T> = { ok: true; value: T } | { ok: false; failure: Failure }

export type CreateResult = CreateDeploymentResponse & { recovered?: boolean }

/** What the create needs from the client: one raw attempt, the stack's list (with GET retries), and reporting. */
export interface CreateIo {
  clock: Clock
  budget: RetryBudget
  sendCreate(signal?: AbortSignal): Promise<AttemptResult<CreateDeploymentResponse>>
  listRecent(page: number, pageSize: number, signal?: AbortSignal): Promise<ListDeploymentsResponse>
  getDeployment(id: string, signal?: AbortSignal): Promise<Deployment>
  /** Who the access token belongs to (GET /api/user), or undefined when Pulumi Cloud did not say. */
  whoAmI(signal?: AbortSignal): Promise<string | undefined>
  /** How long deployments are looked for after an ambiguous failure before the create is sent again. */
  lookupWindowMs: number
  notifyRetry(attempt: number, delayMs: number, reason: string): void
  /** Says something the user should know (a create sent again). */
  notice(text: string): void
  fail(failure: Failure, attempts: number): PulumiApiError
  consoleUrl(version: number): string
}

// `created` is the server's clock and the send time the runner's; a deployment created up to this long before we
// sent still counts as possibly ours. Hosted runners keep time to well under a second; the margin is for
// self-hosted ones, kept small because a deployment someone else started in it would be taken for ours.
export const CLOCK_SKEW_TOLERANCE_MS = 30_000
// When, as shares of the window, the stack's deployments are read after an ambiguous failure: at once, then less and
// less often, the last look at the window's end.
const LOOK_SCHEDULE = [0, 0.1, 0.3, 0.6, 1]
const LOOKUP_PAGE_SIZE = 20
const LOOKUP_MAX_PAGES = 5
// Listed deployments carry no commit; with a pinned commit, up to this many candidates are read one by one to
// compare it. More than that is ambiguous anyway.
const MAX_COMMIT_CHECKS = 5

/**
 * - `resend`: the server provably did not act (the connection was never made), so sending again cannot duplicate.
 * - `look`: it may have acted (reset after sending, timeout, any 5xx, and 429): read the stack's deployments before
 *   deciding. A 503 or 429 is no proof either: a proxy answers 503 when the service dropped a request it had
 *   already carried out, and a 429 can come from deep inside a handler that already created the deployment.
 * - `accepted`: a 2xx arrived with an unreadable body; it was processed, so it is never sent again.
 * - `final`: a 4xx answer; nothing to retry.
 */
function disposition(failure: Failure): 'resend' | 'look' | 'accepted' | 'final' {
  switch (failure.kind) {
    case 'network':
      return failure.notSent ? 'resend' : 'look'
    case 'timeout':
      return 'look'
    case 'bad-body':
      return 'accepted'
    case 'status':
      if (failure.status >= 500 || failure.status === 429 || failure.status === 408) return 'look'
      return 'final'
  }
}

/** Creates a deployment, retrying only where that cannot start a second one. */
export async function createWithoutDuplicates(
  io: CreateIo,
  stack: StackRef,
  request: CreateDeploymentRequest,
  signal?: AbortSignal
): Promise<CreateResult> {
  let firstSentAt: number | undefined
  let me: Requester | undefined
  for (;;) {
    signal?.throwIfAborted()
    const sentAt = io.clock.now()
    firstSentAt ??= sentAt
    const attempt = io.budget.countAttempt()
    const result = await io.sendCreate(signal)
    if (result.ok) return result.value

    const { failure } = result
    const kind = disposition(failure)
    if (kind === 'final') throw io.fail(failure, attempt)
    if (kind === 'resend') {
      const delay = io.budget.nextDelay(failure.kind === 'status' ? failure.retryAfterMs : undefined)
      if (delay === undefined) throw io.fail(failure, attempt)
      io.notifyRetry(attempt, delay, `${describeFailure(failure)}; Pulumi Cloud did not process it`)
      await io.clock.sleep(delay, signal)
      continue
    }

    // Who we are, asked once: a deployment another actor requested is never taken for ours.
    me ??= { login: await io.whoAmI(signal).catch(() => undefined) }
    const lookStart = io.clock.now()
    const notBefore = firstSentAt - CLOCK_SKEW_TOLERANCE_MS
    const candidates = await lookOverWindow(io, stack, request, { notBefore, me: me.login }, failure, signal)
    const [only] = candidates
    if (only && candidates.length === 1) {
      return { id: only.id, version: only.version, consoleUrl: io.consoleUrl(only.version), recovered: true }
    }
    if (candidates.length > 1) {
      throw ambiguous(
        stack,
        request,
        `the create request failed after it was sent (${describeFailure(failure)}), and ${candidates.length} ` +
          `recent deployments could be it: ${candidates.map(describeCandidate).join('; ')}`,
        candidates
      )
    }
    if (kind === 'accepted') {
      throw ambiguous(
        stack,
        request,
        `Pulumi Cloud accepted the request (HTTP ${failure.kind === 'bad-body' ? failure.status : ''}) but its ` +
          `answer was cut short, and the deployment did not appear among the stack's deployments`,
        []
      )
    }
    const delay = io.budget.nextDelay(failure.kind === 'status' ? failure.retryAfterMs : undefined)
    if (delay === undefined) throw io.fail(failure, attempt)
    // The window has waited already; a longer Retry-After is honoured for what is left of it.
    const rest = Math.max(0, delay - (io.clock.now() - lookStart))
    io.notice(
      `The request to create the ${request.operation} deployment of ${formatStackRef(stack)} failed after it was ` +
        `sent (${describeFailure(failure)}), and no deployment it could have made appeared among the stack's ` +
        `deployments in ${seconds(io.lookupWindowMs)} s, so it is being sent again.`
    )
    if (rest > 0) {
      io.notifyRetry(attempt, rest, `${describeFailure(failure)}; not found, sending again`)
      await io.clock.sleep(rest, signal)
    }
  }
}

interface Requester {
  /** The access token's user login, when Pulumi Cloud said. */
  login?: string
}

interface Match {
  notBefore: number
  me?: string
}

/**
 * The service may still be working on a create whose answer was lost: its deployment can appear in the stack's
 * list seconds later. So the list is read several times over the window, not once at once; it stops at the first
 * look that finds any candidate.
 */
async function lookOverWindow(
  io: CreateIo,
  stack: StackRef,
  request: CreateDeploymentRequest,
  match: Match,
  failure: Failure,
  signal?: AbortSignal
): Promise<CreateCandidate[]> {
  let waited = 0
  for (const share of LOOK_SCHEDULE) {
    const at = Math.round(io.lookupWindowMs * share)
    if (at > waited) await io.clock.sleep(at - waited, signal)
    waited = Math.max(waited, at)
    const found = await findCandidates(io, stack, request, match, failure, signal)
    if (found.length > 0) return found
  }
  return []
}

async function findCandidates(
  io: CreateIo,
  stack: StackRef,
  request: CreateDeploymentRequest,
  match: Match,
  failure: Failure,
  signal?: AbortSignal
): Promise<CreateCandidate[]> {
  const { notBefore, me } = match
  let found: Deployment[] = []
  try {
    for (let page = 1; page <= LOOKUP_MAX_PAGES; page++) {
      const { deployments } = await io.listRecent(page, LOOKUP_PAGE_SIZE, signal)
      found.push(...deployments.filter(d => isCandidate(d, request, notBefore, me)))
      const oldest = deployments.at(-1)
      const oldestTime = oldest ? parsePulumiTime(oldest.created) : undefined
      if (deployments.length < LOOKUP_PAGE_SIZE || (oldestTime !== undefined && oldestTime < notBefore)) break
    }
    const pinned = request.sourceContext?.git?.commit
    if (pinned && found.length <= MAX_COMMIT_CHECKS && found.some(d => !d.configuration)) {
      const full: Deployment[] = []
      for (const d of found) full.push(d.configuration ? d : await io.getDeployment(d.id, signal))
      found = full.filter(d => isCandidate(d, request, notBefore, me))
    }
  } catch (error) {
    if (signal?.aborted) throw error
    const why = error instanceof Error ? error.message : String(error)
    throw ambiguous(
      stack,
      request,
      `the create request failed after it was sent (${describeFailure(failure)}), and the stack's deployments ` +
        `could not be read to check: ${why}`,
      found.map(asCandidate)
    )
  }
  return found.map(asCandidate)
}

function asCandidate(d: Deployment): CreateCandidate {
  return { id: d.id, version: d.version, created: d.created }
}

/** Whether a listed deployment could be the one our create started. */
export function isCandidate(
  d: Deployment,
  request: CreateDeploymentRequest,
  notBefore: number,
  me?: string
): boolean {
  if (d.pulumiOperation && d.pulumiOperation !== request.operation) return false
  // Where the listing names who requested it, someone else's deployment is never ours.
  const by = d.requestedBy?.githubLogin
  if (me && by && by !== me) return false
  const created = parsePulumiTime(d.created)
  if (created !== undefined && created < notBefore) return false
  const pinned = request.sourceContext?.git?.commit
  const theirs = d.configuration?.source?.git?.commit
  if (pinned && theirs && !sameCommit(pinned, theirs)) return false
  return true
}

// Either side may be abbreviated.
function sameCommit(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()]
  return x.startsWith(y) || y.startsWith(x)
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1)
}

function describeCandidate(c: CreateCandidate): string {
  return `version ${c.version} (id ${c.id}, created ${c.created} UTC)`
}

function ambiguous(
  stack: StackRef,
  request: CreateDeploymentRequest,
  why: string,
  candidates: CreateCandidate[]
): AmbiguousCreateError {
  const name = formatStackRef(stack)
  return new AmbiguousCreateError(
    `Pulumi Cloud may or may not have created the ${request.operation} deployment for stack ${name}: ${why}. ` +
      `Check the stack's deployments in the Pulumi Cloud console before running again, so the ${request.operation} ` +
      `does not run twice.`,
    stack,
    candidates
  )
}
