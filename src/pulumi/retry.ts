/** Time as the client sees it; injectable so tests drive backoff without waiting. */
export interface Clock {
  now(): number
  /** Resolves after `ms`; on abort it rejects at once with the signal's reason (and immediately if already aborted). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason as Error)
        return
      }
      const onAbort = (): void => {
        clearTimeout(timer)
        reject(signal?.reason as Error)
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
}

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** No retry is started that would end its wait later than this after the first attempt began. */
  maxElapsedMs: number
  /** A longer Retry-After is shortened to this. */
  maxRetryAfterMs: number
  /**
   * After a create failed in a way the service may have acted on, how long its deployment is looked for before the
   * create is sent again (several looks; see create.ts).
   */
  createLookupWindowMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxElapsedMs: 120_000,
  maxRetryAfterMs: 60_000,
  createLookupWindowMs: 10_000
}

/**
 * Counts attempts and elapsed time for one call. `nextDelay` answers how long to wait before the next attempt, or
 * undefined when the attempts or the time are used up.
 */
export class RetryBudget {
  private attempts = 0
  private readonly started: number

  constructor(
    private readonly policy: RetryPolicy,
    private readonly clock: Clock,
    private readonly random: () => number
  ) {
    this.started = clock.now()
  }

  /** Call once per attempt sent; returns its number, starting at 1. */
  countAttempt(): number {
    this.attempts += 1
    return this.attempts
  }

  get attemptsMade(): number {
    return this.attempts
  }

  nextDelay(retryAfterMs?: number): number | undefined {
    if (this.attempts >= this.policy.maxAttempts) return undefined
    const delay =
      retryAfterMs !== undefined
        ? Math.min(Math.max(retryAfterMs, 0), this.policy.maxRetryAfterMs)
        : this.backoff()
    if (this.clock.now() - this.started + delay > this.policy.maxElapsedMs) return undefined
    return delay
  }

  // Exponential with full jitter: a uniformly random wait up to the exponential ceiling, so runners that failed
  // together do not retry together.
  private backoff(): number {
    const ceiling = Math.min(
      this.policy.maxDelayMs,
      this.policy.baseDelayMs * 2 ** Math.max(this.attempts - 1, 0)
    )
    return Math.floor(this.random() * ceiling)
  }
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim()
  if (!text) return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return Math.max(date - nowMs, 0)
}
