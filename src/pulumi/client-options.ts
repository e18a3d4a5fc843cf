// What a PulumiCloudClient is made with and what each call takes.
import type { Clock, RetryPolicy } from './retry.js'

export interface RetryInfo {
  method: string
  path: string
  attempt: number
  delayMs: number
  reason: string
}

export interface ClientOptions {
  /** e.g. `https://api.pulumi.com`; a trailing slash is fine. */
  baseUrl: string
  token: string
  /** Defaults to `pulumi-deployments-action/<version>`. */
  userAgent?: string
  clock?: Clock
  retry?: Partial<RetryPolicy>
  /** Source of jitter, in [0, 1). */
  random?: () => number
  /** Bounds each attempt, body included, in real time. */
  requestTimeoutMs?: number
  onRetry?: (info: RetryInfo) => void
  /**
   * Removes secrets from server text (error messages, warnings) before it is cut to length or quoted; the token
   * is always removed, whatever this does.
   */
  redact?: (text: string) => string
  /** Receives the text of an `X-Pulumi-Warning` header, once per distinct text. */
  onWarning?: (text: string) => void
  /** Receives what the user should know of the client's own choices (a create sent again after a failure). */
  onNotice?: (text: string) => void
}

export interface CallOptions {
  signal?: AbortSignal
  /**
   * A time on the client's clock that retry waits never pass: a wait that would end later ends at the deadline
   * instead, and the call then fails with its last error, so a caller's timeout is kept to the millisecond. The
   * create, whose retries follow their own rules, does not take one.
   */
  deadline?: number
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000
