// Virtual time for the side-by-side runs: the action's follower, the model of Pulumi's CLI and the fake Pulumi Cloud
// share one clock that jumps from one wake-up to the next once no request is on the wire. Requests are real HTTP on
// loopback; what they would cost in time on the Internet is added as a fixed round trip on this clock. A scenario
// of minutes takes seconds, and nothing depends on how busy the machine is.
import type { Clock } from '../src/pulumi/client.js'

interface Timer {
  at: number
  seq: number
  resolve: () => void
}

const tick = (): Promise<void> => new Promise(resolve => setImmediate(resolve))

export class SimClock implements Clock {
  private t: number
  private seq = 0
  private readonly timers: Timer[] = []
  private inFlight = 0

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.t = start
  }

  now(): number {
    return this.t
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error)
    return new Promise(resolve => {
      this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve })
    })
  }

  /** Runs a real request: while any is on the wire, the clock stands still. */
  async onWire<T>(request: () => Promise<T>): Promise<T> {
    this.inFlight++
    try {
      return await request()
    } finally {
      this.inFlight--
    }
  }

  /** Moves time from wake-up to wake-up until `done()`; throws when everyone waits on nothing. */
  async run(done: () => boolean, limitMs = 24 * 3_600_000): Promise<void> {
    const until = this.t + limitMs
    for (;;) {
      // Settled: nothing on the wire, and the callbacks of the last answers have run to their next wait.
      do await tick()
      while (this.inFlight > 0)
      await tick()
      if (this.inFlight > 0) continue
      if (done()) return
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = this.timers.shift()
      if (!next)
        throw new Error('The simulation stalled: nothing on the wire and no one waiting on the clock.')
      if (next.at > until) throw new Error('The simulation ran past its limit.')
      this.t = Math.max(this.t, next.at)
      next.resolve()
    }
  }
}
