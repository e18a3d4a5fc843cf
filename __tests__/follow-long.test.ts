// Long runs on virtual time: a deployment of a simulated hour, with minutes of silence in its log and Pulumi Cloud
// down for a while, followed over real HTTP against the fake. The follower's clock and the fake's are one
// ManualClock; an outage starts and ends when that clock passes its moments.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { PulumiCloudClient, type Clock } from '../src/pulumi/client.js'
import { parseStackRef } from '../src/pulumi/stack-name.js'
import type { LogEntry, StackRef } from '../src/pulumi/types.js'
import { DeploymentFollower, type FollowOptions, type FollowOutcome } from '../src/deployment/follow.js'
import {
  startFakeCloud,
  ManualClock,
  type FakeCloud,
  type FaultRule,
  type Scenario,
  type ScenarioLine
} from '../test/fake-cloud/index.js'

const STACK = 'acme/web/dev'
const ref = parseStackRef(STACK) as StackRef
const settings = { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } }
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const POLL_MS = 2000

let cloud: FakeCloud
let manual: ManualClock
let clock: Clock
let warnings: string[]
let events: { at: number; run: () => void }[]

beforeEach(async () => {
  manual = new ManualClock(Date.parse('2026-11-01T10:00:00Z'))
  events = []
  clock = {
    now: () => manual.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new Error('aborted')
      manual.advance(ms)
      while (events[0] && events[0].at <= manual.now()) events.shift()?.run()
      await new Promise(resolve => setImmediate(resolve))
    }
  }
  cloud = await startFakeCloud({ clock: manual, seed: 11 })
  warnings = []
})
afterEach(async () => cloud.close())

/** Pulumi Cloud answers every request with `rule` from `fromMs` to `toMs` (on the shared clock). */
function outage(fromMs: number, toMs: number, rule: FaultRule): void {
  let handle: { remove(): void } | undefined
  events.push(
    { at: fromMs, run: () => (handle = cloud.faults.add(rule)) },
    { at: toMs, run: () => handle?.remove() }
  )
  events.sort((a, b) => a.at - b.at)
}

/** Bursts of lines, burst i followed by `gapsMs[i]` of silence. */
function burstyLines(perBurst: number, gapsMs: number[]): { text: string; atMs: number }[] {
  const lines: { text: string; atMs: number }[] = []
  let at = 0
  gapsMs.forEach((gap, b) => {
    for (let i = 0; i < perBurst; i++) lines.push({ text: `burst ${b} line ${i}`, atMs: at + i * 10 })
    at += perBurst * 10 + gap
  })
  return lines
}

function oneStep(durationMs: number, lines: ScenarioLine[]): Scenario {
  return { steps: [{ name: 'pulumi update', durationMs, lines }], result: 'succeeded' }
}

interface Followed {
  outcome: FollowOutcome
  printed: string[]
  /** What the follower retains (see `retained`), after each page of log it handed on. */
  stateSizes: number[]
}

/** Creates a deployment at the current time (`start`), then follows it; `before` runs in between. */
async function follow(
  scenario: Scenario,
  before: (start: number) => void = () => undefined,
  options: Partial<FollowOptions> = {}
): Promise<Followed> {
  cloud.addStack(STACK, { settings, scenario })
  const client = new PulumiCloudClient({ baseUrl: cloud.url, token: cloud.token, clock, random: () => 0.5 })
  const start = manual.now()
  const { id } = await client.createDeployment(ref, { operation: 'update' })
  before(start)
  const printed: string[] = []
  const stateSizes: number[] = []
  const follower: DeploymentFollower = new DeploymentFollower(
    client,
    clock,
    { info: () => undefined, warning: m => warnings.push(m), debug: () => undefined },
    (page: LogEntry[]) => {
      for (const e of page) printed.push(e.header !== undefined ? `# ${e.header}` : e.line.replace(/\n$/, ''))
      stateSizes.push(retained(follower))
    }
  )
  const outcome = await follower.follow({ stack: ref, deploymentId: id, pollIntervalMs: POLL_MS, ...options })
  return { outcome, printed, stateSizes }
}

/** What an object keeps, roughly: the characters of its strings and the entries of its collections, deeply. */
function retained(value: unknown, seen = new WeakSet<object>()): number {
  if (typeof value === 'string') return value.length
  if (value === null || typeof value !== 'object') return 1
  if (seen.has(value)) return 0
  seen.add(value)
  const children: unknown[] =
    value instanceof Map
      ? [...value.entries()].flat()
      : value instanceof Set
        ? [...value]
        : Object.values(value)
  return children.reduce<number>((total, child) => total + 1 + retained(child, seen), 0)
}

const texts = (lines: { text: string }[]): string[] => lines.map(l => l.text)

describe('a one-hour deployment', () => {
  test('with minutes of silence and Pulumi Cloud down twice, prints every line once and in order', async () => {
    const lines = burstyLines(
      40,
      [5, 9, 7, 8, 6, 9, 6].map(m => m * MINUTE)
    )
    const start = manual.now()
    const { outcome, printed } = await follow(
      oneStep(HOUR, lines),
      at => {
        // 12 minutes of 503s across a silent gap and a burst, then 4 minutes of dropped connections.
        outage(at + 14 * MINUTE, at + 26 * MINUTE, { kind: 'status', status: 503, retryAfter: 20 })
        outage(at + 40 * MINUTE, at + 44 * MINUTE, { kind: 'reset' })
      },
      { deadline: start + 2 * HOUR }
    )
    expect(outcome.kind).toBe('terminal')
    expect(outcome.deployment?.status).toBe('succeeded')
    expect(printed).toEqual(['# pulumi update', ...texts(lines)])
    // Each outage is said once as a warning, however many requests it failed.
    expect(warnings.filter(w => /Still following the deployment/.test(w))).toHaveLength(2)
    expect(cloud.requests.filter(r => r.fault === 'status').length).toBeGreaterThan(30)
    expect(cloud.requests.filter(r => r.fault === 'reset').length).toBeGreaterThan(20)
    // It ends soon after the deployment does, not at the deadline.
    expect(manual.now() - start).toBeLessThan(HOUR + MINUTE)
  })

  test('keeps a retained state that does not grow with the log or the time', async () => {
    // 6,000 lines over the hour, a burst every minute.
    const lines = burstyLines(
      100,
      Array.from({ length: 60 }, () => MINUTE - 1000)
    )
    const { outcome, printed, stateSizes } = await follow(oneStep(HOUR, lines), undefined, {
      pollIntervalMs: 10_000
    })
    expect(outcome.kind).toBe('terminal')
    expect(printed).toHaveLength(lines.length + 1)
    const first = stateSizes[0] ?? 0
    // The follower keeps its last deployment read, a token and flags. Keeping the lines it has seen, or a record
    // of its requests, would add thousands with every burst.
    expect(Math.max(...stateSizes)).toBeLessThan(first + 1000)
  })
})

describe('the timeout deadline', () => {
  test('ends the wait exactly at the deadline when it falls in a silent gap', async () => {
    const lines = burstyLines(
      30,
      [20, 20, 20].map(m => m * MINUTE)
    )
    const start = manual.now()
    const deadline = start + 37 * MINUTE + 13_000
    const { outcome, printed } = await follow(oneStep(HOUR, lines), undefined, { deadline })
    expect(outcome.kind).toBe('timed-out')
    expect(outcome.deployment?.status).toBe('running')
    expect(manual.now()).toBe(deadline)
    // Everything logged before the deadline was printed (the third burst starts at minute 40).
    expect(printed).toEqual(['# pulumi update', ...texts(lines.slice(0, 60))])
  })

  test.each([
    ['429s asking to wait a minute', { kind: 'status', status: 429, retryAfter: 60 } as const],
    ['dropped connections', { kind: 'reset' } as const]
  ])('is kept exactly while Pulumi Cloud answers only %s', async (_name, rule) => {
    const lines = burstyLines(
      30,
      [10, 10, 10, 10, 10].map(m => m * MINUTE)
    )
    const start = manual.now()
    const deadline = start + 25 * MINUTE + 7000
    const { outcome, printed } = await follow(
      oneStep(HOUR, lines),
      at => outage(at + 24 * MINUTE, at + 2 * HOUR, rule),
      { deadline }
    )
    expect(outcome.kind).toBe('timed-out')
    expect(manual.now()).toBe(deadline)
    expect(printed).toEqual(['# pulumi update', ...texts(lines.slice(0, 90))])
  })

  test('a deadline past the end is never reached: no give-up during a long outage', async () => {
    const lines = burstyLines(
      20,
      [15, 15, 15].map(m => m * MINUTE)
    )
    const start = manual.now()
    const { outcome, printed } = await follow(
      oneStep(50 * MINUTE, lines),
      at => outage(at + 5 * MINUTE, at + 35 * MINUTE, { kind: 'status', status: 500 }),
      { deadline: start + 55 * MINUTE }
    )
    expect(outcome.kind).toBe('terminal')
    expect(printed).toEqual(['# pulumi update', ...texts(lines)])
  })
})
