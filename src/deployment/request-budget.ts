// One request budget for every deployment a step follows: requests leave at one per `spacingMs` on average (a few
// may go at once, up to `burst`, after a quiet while), the most urgent first (a status poll before a log page), so
// the total rate is fixed by the budget and not by the number of stacks. A 429 holds every request back for its Retry-After and widens the spacing until answers are
// good again: the organization's rate limit is shared, so one follower meeting it means all of them are near it.
import type { Clock } from '../pulumi/client.js'
import type { GatedRequest, RequestGate } from '../pulumi/gated-client.js'

export interface RequestBudgetOptions {
  clock: Clock
  /** The time one request's share of the budget takes to come back, while Pulumi Cloud has not asked for less. */
  spacingMs: number
  /** How many requests may go at once after a quiet while; default 1, strictly one per spacing. */
  burst?: number
  /** Lower goes first; ties leave in the order they came. */
  rank: (request: GatedRequest) => number
}

// After a 429 the spacing doubles, up to this many times the base, and shrinks back as answers come.
const MAX_SLOWDOWN = 16
const RECOVERY = 0.8
/** The rest after a 429 that named no Retry-After, in spacings. */
const DEFAULT_HOLD_SPACINGS = 8

interface Waiting {
  rank: number
  seq: number
  go: () => void
}

export class RequestBudget implements RequestGate {
  private readonly waiting: Waiting[] = []
  private holdUntil = Number.NEGATIVE_INFINITY
  private tokens: number
  private refilledAt: number
  private slowdown = 1
  private pumping = false
  private seq = 0
  private sent = 0
  private throttled = 0

  constructor(private readonly o: RequestBudgetOptions) {
    this.tokens = this.capacity
    this.refilledAt = o.clock.now()
  }

  private get capacity(): number {
    return Math.max(1, this.o.burst ?? 1)
  }

  /** Requests let through so far. */
  get requestCount(): number {
    return this.sent
  }

  /** 429 answers met so far. */
  get throttleCount(): number {
    return this.throttled
  }

  admit(request: GatedRequest, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(asError(signal.reason))
    return new Promise<void>((resolve, reject) => {
      const entry: Waiting = {
        rank: this.o.rank(request),
        seq: this.seq++,
        go: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        }
      }
      const onAbort = (): void => {
        const at = this.waiting.indexOf(entry)
        if (at >= 0) this.waiting.splice(at, 1)
        reject(asError(signal?.reason))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiting.push(entry)
      void this.pump()
    })
  }

  answered(status: number, retryAfterMs: number | undefined): void {
    if (status === 429) {
      this.throttled++
      this.slowdown = Math.min(MAX_SLOWDOWN, this.slowdown * 2)
      const hold = retryAfterMs ?? this.o.spacingMs * DEFAULT_HOLD_SPACINGS
      this.holdUntil = Math.max(this.holdUntil, this.o.clock.now() + hold)
      // One request may go when the rest ends, but no burst: the budget starts again from almost empty.
      this.tokens = 1
      this.refilledAt = this.holdUntil
    } else if (status >= 200 && status < 300) {
      this.slowdown = Math.max(1, this.slowdown * RECOVERY)
    }
  }

  private async pump(): Promise<void> {
    if (this.pumping) return
    this.pumping = true
    try {
      while (this.waiting.length > 0) {
        const now = this.o.clock.now()
        if (this.holdUntil > now) {
          await this.o.clock.sleep(this.holdUntil - now)
          continue
        }
        this.refill(now)
        if (this.tokens < 1) {
          // A 429 answered during the sleep is seen at the top of the loop.
          await this.o.clock.sleep((1 - this.tokens) * this.interval())
          continue
        }
        const next = this.takeMostUrgent()
        if (!next) break
        this.tokens -= 1
        this.sent++
        next.go()
      }
    } finally {
      this.pumping = false
    }
  }

  private interval(): number {
    return this.o.spacingMs * this.slowdown
  }

  private refill(now: number): void {
    if (now > this.refilledAt) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) / this.interval())
      this.refilledAt = now
    }
  }

  private takeMostUrgent(): Waiting | undefined {
    let best = 0
    for (let i = 1; i < this.waiting.length; i++) {
      const a = this.waiting[i] as Waiting
      const b = this.waiting[best] as Waiting
      if (a.rank < b.rank || (a.rank === b.rank && a.seq < b.seq)) best = i
    }
    return this.waiting.splice(best, 1)[0]
  }
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error('The request was abandoned.')
}
