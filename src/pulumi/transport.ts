import type { OutgoingHttpHeaders } from 'node:http'
import { defaultUserAgent } from '../action/version.js'
import { withoutTrailingSlash } from '../config/url.js'
import type { AttemptResult } from './create.js'
import { apiError, describeFailure, isRetryableFailure, type Failure, type RequestContext } from './errors.js'
import { sendOnce, type BodyReader, type HttpMethod } from './http.js'
import { joinUrl, stackDeploymentsPath } from './paths.js'
import { PULUMI_ACCEPT_HEADERS } from './encoding.js'
import { interpretOutcome } from './response.js'
import { isDeploymentId } from './validate.js'
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  type CallOptions,
  type ClientOptions,
  type RetryInfo
} from './client-options.js'
import { DEFAULT_RETRY, RetryBudget, systemClock, type Clock, type RetryPolicy } from './retry.js'
import type { StackRef } from './types.js'

/**
 * - `read`: GETs, retried on 5xx, 429, network errors, timeouts and unreadable bodies.
 * - `unprocessed`: the create and the cancel. A retry is made only when the server provably did not act (connection
 *   refused, 429, 503), so that a failure that reached the server is reported rather than papered over (the create
 *   then looks for what it made; see create.ts).
 */
export type RetryClass = 'read' | 'unprocessed'

export interface CallSpec {
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
  /** Checks the answer (validate.ts); undefined makes it unreadable, as a body that is not JSON is. */
  validate?: (body: unknown) => unknown
  /** Reads a successful answer as it arrives instead of whole (a log page); it does its own checking. */
  read?: BodyReader
}

/** A typed client for the Pulumi Cloud Deployments REST API. */
/** Sends Pulumi Cloud requests: credentials, headers, retries within a budget, and the service's warnings. */
export class PulumiTransport {
  protected readonly baseUrl: string
  protected readonly token: string
  protected readonly userAgent: string
  protected readonly clock: Clock
  protected readonly policy: RetryPolicy
  protected readonly random: () => number
  protected readonly timeoutMs: number
  protected readonly onRetry: (info: RetryInfo) => void
  protected readonly onWarning: (text: string) => void
  protected readonly redact: (text: string) => string
  protected readonly onNotice: (text: string) => void
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
    const token = opts.token
    const redact = opts.redact ?? ((text: string) => text)
    this.redact = text => {
      const clean = redact(text)
      return token ? clean.split(token).join('***') : clean
    }
    this.onNotice = opts.onNotice ?? (() => undefined)
  }

  /** Requests sent so far, every retry and look-up included. */
  get requestCount(): number {
    return this.sent
  }

  protected stackRead(stack: StackRef, path: string, action: string): CallSpec {
    return { method: 'GET', path, expectJson: true, retry: 'read', action, subject: 'stack', stackRef: stack }
  }

  protected deploymentRead(
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

  protected budget(): RetryBudget {
    return new RetryBudget(this.policy, this.clock, this.random)
  }

  protected context(spec: CallSpec): RequestContext {
    const { method, path, action, subject, stackRef, org, deployment } = spec
    return { method, path, action, subject, stackRef, org, deployment, baseUrl: this.baseUrl }
  }

  protected async call<T>(spec: CallSpec, o?: CallOptions): Promise<T> {
    // An id becomes a path segment: only Pulumi's id shape may, whoever gave it (an answer, the post step's state).
    if (spec.deployment !== undefined && !isDeploymentId(spec.deployment))
      throw new Error(
        'The deployment id is not a Pulumi deployment id (a UUID); no request was made with it.'
      )
    const budget = this.budget()
    for (;;) {
      o?.signal?.throwIfAborted()
      const attempt = budget.countAttempt()
      const result = await this.attempt<T>(spec, o?.signal, o?.deadline)
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
  protected async attempt<T>(
    spec: CallSpec,
    signal?: AbortSignal,
    deadline?: number
  ): Promise<AttemptResult<T>> {
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
      // A caller's deadline (the `timeout` input) bounds a request in flight too, body included.
      deadline === undefined
        ? this.timeoutMs
        : Math.max(1, Math.min(this.timeoutMs, deadline - this.clock.now())),
      signal,
      spec.read
    )
    if (outcome.kind === 'response') this.passOnWarning(outcome.headers['x-pulumi-warning'])
    const result = interpretOutcome<T>(outcome, spec.expectJson, this.redact, this.clock.now())
    if (!result.ok || !spec.validate || outcome.kind !== 'response') return result
    const valid = spec.validate(result.value)
    return valid === undefined
      ? { ok: false, failure: { kind: 'bad-body', status: outcome.status } }
      : { ok: true, value: valid as T }
  }

  // The service says a warning on every answer while it holds (a deprecation, say): it is said once.
  protected passOnWarning(header: string | string[] | undefined): void {
    const text = (Array.isArray(header) ? header.join(' ') : header)?.trim()
    if (!text || this.warned.has(text)) return
    this.warned.add(text)
    this.onWarning(this.redact(text).slice(0, 1000))
  }
}

function shouldRetry(retry: RetryClass, failure: Failure): boolean {
  if (retry === 'read') return isRetryableFailure(failure)
  if (failure.kind === 'network') return failure.notSent
  return failure.kind === 'status' && (failure.status === 429 || failure.status === 503)
}
