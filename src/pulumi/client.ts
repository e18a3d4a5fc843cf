import type { OutgoingHttpHeaders } from 'node:http'
import { defaultUserAgent } from '../action/version.js'
import { withoutTrailingSlash } from '../config/url.js'
import { createWithoutDuplicates, type AttemptResult, type CreateResult } from './create.js'
import { apiError, describeFailure, isRetryableFailure, type Failure, type RequestContext } from './errors.js'
import {
  deploymentConsoleUrl,
  joinUrl,
  sendOnce,
  stackDeploymentsPath,
  stackPath,
  type HttpMethod
} from './http.js'
import { PULUMI_ACCEPT_HEADERS } from './encoding.js'
import { TOKEN_EXCHANGE_PATH, type TokenExchangeRequest, type TokenExchangeResponse } from './oidc.js'
import { parseEngineEventsPage, type EngineEventsPage } from './engine-events.js'
import {
  isUpdateId,
  parseBatchDecrypt,
  parseDeploymentUpdates,
  parseStackOutputs,
  type DeploymentUpdateInfo,
  type StackOutputsRead
} from './stack-results.js'
import { interpretOutcome } from './response.js'
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  type CallOptions,
  type ClientOptions,
  type RetryInfo
} from './client-options.js'
import { DEFAULT_RETRY, RetryBudget, systemClock, type Clock, type RetryPolicy } from './retry.js'
import type {
  CreateDeploymentRequest,
  Deployment,
  DeploymentSettings,
  ListDeploymentsQuery,
  ListDeploymentsResponse,
  StackDeploymentsMetadata,
  StackRef,
  StreamLogsResponse
} from './types.js'

export { DEFAULT_RETRY, systemClock, type Clock, type RetryPolicy } from './retry.js'
export { defaultUserAgent } from '../action/version.js'

export {
  DEFAULT_REQUEST_TIMEOUT_MS,
  type CallOptions,
  type ClientOptions,
  type RetryInfo
} from './client-options.js'

/**
 * - `read`: GETs, retried on 5xx, 429, network errors, timeouts and unreadable bodies.
 * - `unprocessed`: the create and the cancel. A retry is made only when the server provably did not act (connection
 *   refused, 429, 503), so that a failure that reached the server is reported rather than papered over (the create
 *   then looks for what it made; see create.ts).
 */
type RetryClass = 'read' | 'unprocessed'

interface CallSpec {
  method: HttpMethod
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  headers?: OutgoingHttpHeaders
  expectJson: boolean
  retry: RetryClass
  action: string
  subject: RequestContext['subject']
  stackRef?: StackRef
  org?: string
  deployment?: string
  /** Sent without the access token: the request carries its own credential (the OIDC token exchange). */
  anonymous?: boolean
}

/** A typed client for the Pulumi Cloud Deployments REST API. */
export class PulumiCloudClient {
  private readonly baseUrl: string
  private readonly token: string
  private readonly userAgent: string
  private readonly clock: Clock
  private readonly policy: RetryPolicy
  private readonly random: () => number
  private readonly timeoutMs: number
  private readonly onRetry: (info: RetryInfo) => void
  private readonly onWarning: (text: string) => void
  private readonly warned = new Set<string>()
  private sent = 0

  constructor(opts: ClientOptions) {
    let parsed: URL | undefined
    try {
      parsed = new URL(opts.baseUrl)
    } catch {
      parsed = undefined
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol)) {
      throw new Error(
        `The Pulumi Cloud URL "${opts.baseUrl}" is not an http(s) URL; use one like https://api.pulumi.com.`
      )
    }
    this.baseUrl = withoutTrailingSlash(opts.baseUrl)
    this.token = opts.token
    this.userAgent = opts.userAgent ?? defaultUserAgent()
    this.clock = opts.clock ?? systemClock
    this.policy = { ...DEFAULT_RETRY, ...opts.retry }
    this.random = opts.random ?? Math.random
    this.timeoutMs = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
    this.onRetry = opts.onRetry ?? (() => undefined)
    this.onWarning = opts.onWarning ?? (() => undefined)
  }

  /** Requests sent so far, every retry and look-up included. */
  get requestCount(): number {
    return this.sent
  }

  getSettings(stack: StackRef, o?: CallOptions): Promise<DeploymentSettings> {
    const path = stackDeploymentsPath(stack, 'settings')
    return this.call(this.stackRead(stack, path, 'read the deployment settings'), o)
  }

  /**
   * Never starts two deployments for one call: after a failure the server may have acted on, the stack's recent
   * deployments are read first. `recovered` is set when the deployment was found that way.
   */
  createDeployment(
    stack: StackRef,
    request: CreateDeploymentRequest,
    o?: CallOptions
  ): Promise<CreateResult> {
    const spec: CallSpec = {
      method: 'POST',
      path: stackDeploymentsPath(stack),
      body: request,
      // No X-Pulumi-Deployment-Initiator: the only value a Pulumi client is known to send is the CLI's
      // `automation-api`, and a value the service refused would fail every create.
      expectJson: true,
      retry: 'unprocessed',
      action: `create ${/^[aeiou]/.test(request.operation) ? 'an' : 'a'} ${request.operation} deployment`,
      subject: 'stack',
      stackRef: stack
    }
    return createWithoutDuplicates(
      {
        clock: this.clock,
        budget: this.budget(),
        sendCreate: signal => this.attempt(spec, signal),
        listRecent: (page, pageSize, signal) =>
          this.listStackDeployments(stack, { page, pageSize, asc: false }, { signal }),
        getDeployment: (id, signal) => this.getDeployment(stack, id, { signal }),
        notifyRetry: (attempt, delayMs, reason) =>
          this.onRetry({ method: 'POST', path: spec.path, attempt, delayMs, reason }),
        fail: (failure, attempts) => apiError(failure, this.context(spec), attempts),
        consoleUrl: version => deploymentConsoleUrl(this.baseUrl, stack, version)
      },
      stack,
      request,
      o?.signal
    )
  }

  getDeployment(stack: StackRef, id: string, o?: CallOptions): Promise<Deployment> {
    return this.call(this.deploymentRead(stack, id, [id], 'read the deployment'), o)
  }

  listStackDeployments(
    stack: StackRef,
    q?: ListDeploymentsQuery,
    o?: CallOptions
  ): Promise<ListDeploymentsResponse> {
    return this.call(
      {
        ...this.stackRead(stack, stackDeploymentsPath(stack), 'list the deployments'),
        query: listQuery(q)
      },
      o
    )
  }

  /** Streaming mode: pass the previous response's `nextToken`; the log is complete when one has none. */
  streamLogs(
    stack: StackRef,
    id: string,
    continuationToken?: string,
    o?: CallOptions
  ): Promise<StreamLogsResponse> {
    return this.call(
      {
        ...this.deploymentRead(stack, id, [id, 'logs'], 'read the deployment log'),
        query: { continuationToken }
      },
      o
    )
  }

  /** The stack update(s) a deployment made, with exact change counts once each is known. */
  async getDeploymentUpdates(stack: StackRef, id: string, o?: CallOptions): Promise<DeploymentUpdateInfo[]> {
    const spec = this.deploymentRead(stack, id, [id, 'updates'], 'list the updates of the deployment')
    return parseDeploymentUpdates(await this.call<unknown>(spec, o))
  }

  /**
   * One page of an update's engine events. The path's kind segment is `update` for every kind of update, as the
   * CLI sends it (WIRE-NOTES, Turn 2); pass the previous page's `continuationToken` for the next.
   */
  async getEngineEvents(
    stack: StackRef,
    updateID: string,
    continuationToken?: string,
    o?: CallOptions
  ): Promise<EngineEventsPage> {
    if (!isUpdateId(updateID))
      throw new Error('Pulumi Cloud named an update whose ID is not one; its events were not read.')
    const path = stackPath(stack, 'update', updateID, 'events')
    const spec = {
      ...this.stackRead(stack, path, 'read the engine events of the update'),
      query: { continuationToken }
    }
    return parseEngineEventsPage(await this.call<unknown>(spec, o))
  }

  /** The stack's current state, reduced to the outputs of its `pulumi:pulumi:Stack` resource. */
  async getStackOutputs(stack: StackRef, o?: CallOptions): Promise<StackOutputsRead> {
    const spec = this.stackRead(stack, stackPath(stack, 'export'), "export the stack's state")
    return parseStackOutputs(await this.call<unknown>(spec, o))
  }

  /** The plaintext (UTF-8, the JSON encoding of the value) of each ciphertext that Pulumi Cloud decrypted. */
  async batchDecrypt(stack: StackRef, ciphertexts: string[], o?: CallOptions): Promise<Map<string, string>> {
    // Decrypting twice does no harm, so it is retried as a read.
    const spec: CallSpec = {
      ...this.stackRead(stack, stackPath(stack, 'batch-decrypt'), "decrypt the stack's secret outputs"),
      method: 'POST',
      body: { ciphertexts }
    }
    return parseBatchDecrypt(await this.call<unknown>(spec, o), ciphertexts)
  }

  getStackMetadata(stack: StackRef, o?: CallOptions): Promise<StackDeploymentsMetadata> {
    return this.call(
      this.stackRead(stack, stackDeploymentsPath(stack, 'metadata'), 'read the deployments metadata'),
      o
    )
  }

  /**
   * Exchanges a GitHub OIDC token for a Pulumi access token. Retried only when Pulumi Cloud provably did not act:
   * the ID token is the credential, and it is not sent around more than needed.
   */
  exchangeToken(request: TokenExchangeRequest, o?: CallOptions): Promise<TokenExchangeResponse> {
    const org = request.audience.replace(/^urn:pulumi:org:/, '')
    return this.call(
      {
        method: 'POST',
        path: TOKEN_EXCHANGE_PATH,
        body: request,
        expectJson: true,
        retry: 'unprocessed',
        action: "exchange this job's GitHub OIDC token for a Pulumi access token",
        subject: 'org',
        org,
        anonymous: true
      },
      o
    )
  }

  async cancelDeployment(stack: StackRef, id: string, o?: CallOptions): Promise<void> {
    await this.call(
      {
        ...this.deploymentRead(stack, id, [id, 'cancel'], 'cancel the deployment'),
        method: 'POST',
        expectJson: false,
        retry: 'unprocessed'
      },
      o
    )
  }

  private stackRead(stack: StackRef, path: string, action: string): CallSpec {
    return { method: 'GET', path, expectJson: true, retry: 'read', action, subject: 'stack', stackRef: stack }
  }

  private deploymentRead(
    stack: StackRef,
    deployment: string,
    segments: (string | number)[],
    action: string
  ): CallSpec {
    const path = stackDeploymentsPath(stack, ...segments)
    return {
      method: 'GET',
      path,
      expectJson: true,
      retry: 'read',
      action,
      subject: 'deployment',
      stackRef: stack,
      deployment
    }
  }

  private budget(): RetryBudget {
    return new RetryBudget(this.policy, this.clock, this.random)
  }

  private context(spec: CallSpec): RequestContext {
    const { method, path, action, subject, stackRef, org, deployment } = spec
    return { method, path, action, subject, stackRef, org, deployment, baseUrl: this.baseUrl }
  }

  private async call<T>(spec: CallSpec, o?: CallOptions): Promise<T> {
    const budget = this.budget()
    for (;;) {
      o?.signal?.throwIfAborted()
      const attempt = budget.countAttempt()
      const result = await this.attempt<T>(spec, o?.signal)
      if (result.ok) return result.value
      const { failure } = result
      const delay = shouldRetry(spec.retry, failure)
        ? budget.nextDelay(failure.kind === 'status' ? failure.retryAfterMs : undefined)
        : undefined
      if (delay === undefined) throw apiError(failure, this.context(spec), attempt)
      const untilDeadline = o?.deadline === undefined ? Infinity : o.deadline - this.clock.now()
      if (delay > untilDeadline) {
        if (untilDeadline > 0) await this.clock.sleep(untilDeadline, o?.signal)
        throw apiError(failure, this.context(spec), attempt)
      }
      this.onRetry({
        method: spec.method,
        path: spec.path,
        attempt,
        delayMs: delay,
        reason: describeFailure(failure)
      })
      await this.clock.sleep(delay, o?.signal)
    }
  }

  /** One request, its answer sorted into a value or a failure. */
  private async attempt<T>(spec: CallSpec, signal?: AbortSignal): Promise<AttemptResult<T>> {
    const headers: OutgoingHttpHeaders = {
      ...PULUMI_ACCEPT_HEADERS,
      ...(spec.anonymous ? {} : { Authorization: `token ${this.token}` }),
      ...spec.headers
    }
    let body: string | undefined
    if (spec.body !== undefined) {
      body = JSON.stringify(spec.body)
      headers['Content-Type'] = 'application/json'
    } else if (spec.method !== 'GET') {
      // An empty string makes the request carry Content-Length: 0 instead of a chunked empty body.
      body = ''
    }
    this.sent += 1
    const outcome = await sendOnce(
      { method: spec.method, url: joinUrl(this.baseUrl, spec.path, spec.query), headers, body },
      this.userAgent,
      this.timeoutMs,
      signal
    )
    if (outcome.kind === 'response') this.passOnWarning(outcome.headers['x-pulumi-warning'])
    return interpretOutcome<T>(outcome, spec.expectJson, this.token, this.clock.now())
  }

  // The service says a warning on every answer while it holds (a deprecation, say): it is said once.
  private passOnWarning(header: string | string[] | undefined): void {
    const text = (Array.isArray(header) ? header.join(' ') : header)?.trim()
    if (!text || this.warned.has(text)) return
    this.warned.add(text)
    this.onWarning(text.slice(0, 1000))
  }
}

function shouldRetry(retry: RetryClass, failure: Failure): boolean {
  if (retry === 'read') return isRetryableFailure(failure)
  if (failure.kind === 'network') return failure.notSent
  return failure.kind === 'status' && (failure.status === 429 || failure.status === 503)
}

function listQuery(q: ListDeploymentsQuery | undefined): CallSpec['query'] {
  return { page: q?.page, pageSize: q?.pageSize, asc: q?.asc, status: q?.status }
}
