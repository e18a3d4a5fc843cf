// The cadence policy decision by decision: a pure function, so each rule is checked on its own, with the jitter
// pinned. No test here measures time; the benchmark compares the cadence with Pulumi's CLI.
import { describe, expect, it } from '@jest/globals'
import {
  announcesEnd,
  END_NEAR_GAP_MS,
  MIN_GAP_MS,
  nextReadDelay,
  type CadenceState
} from '../src/deployment/cadence.js'

const base: CadenceState = {
  phase: 'streaming',
  brought: 0,
  quietMs: 0,
  endNear: 'no',
  pollIntervalMs: 2000,
  random: 0.5
}
const delay = (change: Partial<CadenceState>): number => nextReadDelay({ ...base, ...change })

describe('nextReadDelay', () => {
  it('reads again after the minimum gap when the last read brought lines flowing', () => {
    expect(delay({ brought: 400 })).toBe(MIN_GAP_MS)
    expect(delay({ brought: 5 })).toBe(MIN_GAP_MS)
  })

  it('keeps to the poll interval for a trickle of a line or two', () => {
    expect(delay({ brought: 1 })).toBe(2000)
  })

  it('backs off the longer nothing comes, up to 2.5 poll intervals', () => {
    const gaps = [0, 1500, 3000, 4000, 60_000].map(quietMs => delay({ quietMs }))
    expect(gaps).toEqual([1000, 1500, 3000, 4000, 5000])
  })

  it('stops backing off at the poll interval while the last step runs', () => {
    expect(delay({ quietMs: 60_000, endNear: 'last-step' })).toBe(2000)
  })

  it('reads sooner than Pulumi CLI’s idle rest once the operation printed its summary, and while ending', () => {
    expect(delay({ quietMs: 60_000, endNear: 'summary' })).toBe(END_NEAR_GAP_MS)
    expect(delay({ phase: 'ending' })).toBe(END_NEAR_GAP_MS)
    expect(END_NEAR_GAP_MS).toBeLessThan(500)
  })

  it('reads slowly while queued', () => {
    expect(delay({ phase: 'queued' })).toBe(5000)
  })

  it('spreads long gaps by ±20% so runners started together drift apart, and never short ones', () => {
    expect([0, 0.999].map(random => delay({ phase: 'queued', random }))).toEqual([4000, 5998])
    expect([0, 0.999].map(random => delay({ brought: 50, random }))).toEqual([MIN_GAP_MS, MIN_GAP_MS])
  })

  it('is never faster than the minimum gap, nor than a poll interval set shorter than it', () => {
    for (const phase of ['queued', 'streaming', 'ending'] as const)
      for (const endNear of ['no', 'last-step', 'summary'] as const)
        for (const brought of [0, 1, 500])
          for (const random of [0, 0.5, 0.999])
            expect(delay({ phase, endNear, brought, random })).toBeGreaterThanOrEqual(MIN_GAP_MS)
    expect(delay({ pollIntervalMs: 50, brought: 500 })).toBe(50)
  })
})

describe('announcesEnd', () => {
  it('knows the closing lines of a Pulumi operation, coloured or not', () => {
    expect(announcesEnd('Resources:\n')).toBe(true)
    expect(announcesEnd('\x1b[1mResources:\x1b[0m\n')).toBe(true)
    expect(announcesEnd('Duration: 3m2s\n')).toBe(true)
    expect(announcesEnd('    + aws:s3:Bucket site created (2s)\n')).toBe(false)
    expect(announcesEnd(`${'x'.repeat(100)} Resources: in a long line\n`)).toBe(false)
  })
})
