// The follower's sense of time: every request and every wait checks the deadline and the cancel signal first, and an
// error Pulumi Cloud may recover from is waited out rather than thrown, because the deployment keeps running.
import type { Clock } from '../pulumi/client.js'
import { PulumiApiError } from '../pulumi/errors.js'
import type { FollowLog } from './follow-api.js'

// The longest Retry-After honoured, as the client caps it: a server asking for hours would stall the log.
const MAX_RETRY_AFTER_MS = 60_000

/** Thrown when the deadline passes or the signal aborts; the follower turns it into its outcome. */
export class Stopped extends Error {}

export interface PacerOptions {
  pollIntervalMs: number
  /** Absolute deadline on the clock; undefined waits as long as the deployment takes. */
  deadline?: number
  signal?: AbortSignal
}

export class Pacer {
  private warnedUnavailable = false

  constructor(
    private readonly clock: Clock,
    private readonly log: FollowLog,
    private readonly o: PacerOptions
  ) {}

  get aborted(): boolean {
    return this.o.signal?.aborted ?? false
  }

  // The client's retry waits stop at the deadline too, so a long Retry-After cannot carry the wait past it.
  get callOptions(): { signal?: AbortSignal; deadline?: number } {
    return { signal: this.o.signal, deadline: this.o.deadline }
  }

  /**
   * Runs one request; an error the client could not retry away is survived while the deadline allows, because a
   * deployment keeps running when Pulumi Cloud is briefly unreachable. Errors that no wait can fix are thrown.
   */
  async tolerate<T>(call: () => Promise<T>): Promise<T | undefined> {
    this.checkStop()
    try {
      const result = await call()
      this.warnedUnavailable = false
      return result
    } catch (error) {
      this.checkStop()
      if (!(error instanceof PulumiApiError) || !error.retryable) throw error
      if (!this.warnedUnavailable) this.log.warning(`${error.message} Still following the deployment.`)
      else this.log.debug(error.message)
      this.warnedUnavailable = true
      // A server that asked for a longer rest (Retry-After) gets it: asking again sooner only meets another 429.
      await this.pause(Math.max(this.o.pollIntervalMs, Math.min(error.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS)))
      return undefined
    }
  }

  /** Waits `ms`, or less when the deadline comes first; throws Stopped once the deadline or signal says stop. */
  async pause(ms: number): Promise<void> {
    this.checkStop()
    const { deadline, signal } = this.o
    const left = deadline === undefined ? ms : Math.min(ms, deadline - this.clock.now())
    if (left > 0) {
      try {
        await this.clock.sleep(left, signal)
      } catch {
        // An aborted sleep; checkStop below turns it into the outcome.
      }
    }
    this.checkStop()
  }

  private checkStop(): void {
    if (this.o.signal?.aborted) throw new Stopped()
    if (this.o.deadline !== undefined && this.clock.now() >= this.o.deadline) throw new Stopped()
  }
}
