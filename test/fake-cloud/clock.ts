/** The fake's notion of time. Deployments progress only as this clock moves. */
export interface FakeClock {
  /** Milliseconds since the epoch. */
  now(): number
}

export const realClock: FakeClock = { now: () => Date.now() }

// A fixed default start keeps timestamps in responses identical from run to run.
const DEFAULT_START_MS = Date.UTC(2025, 0, 15, 9, 30, 0)

/** A clock that moves only when a test says so, so deployments progress exactly as the test drives them. */
export class ManualClock implements FakeClock {
  private current: number

  constructor(startMs: number = DEFAULT_START_MS) {
    this.current = startMs
  }

  now(): number {
    return this.current
  }

  advance(ms: number): void {
    if (!(ms >= 0))
      throw new Error(`ManualClock.advance needs a non-negative number of milliseconds, got ${ms}.`)
    this.current += ms
  }

  /** Jumps to a moment; moving backwards is allowed but makes deployments look younger than they are. */
  set(ms: number): void {
    this.current = ms
  }
}
