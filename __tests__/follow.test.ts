// Following a deployment over real HTTP against the fake Pulumi Cloud, on virtual time: the follower's clock and the
// fake's clock are one ManualClock, so a simulated hour takes milliseconds and no test waits on real time.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { PulumiCloudClient, type Clock } from '../src/pulumi/client.js'
import { parseStackRef } from '../src/pulumi/stack-name.js'
import type { LogEntry, StackRef } from '../src/pulumi/types.js'
import { DeploymentFollower, type FollowOptions } from '../src/deployment/follow.js'
import { startFakeCloud, ManualClock, type FakeCloud, type Scenario } from '../test/fake-cloud/index.js'

const STACK = 'acme/web/dev'
const ref = parseStackRef(STACK) as StackRef
const settings = { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } }

let cloud: FakeCloud
let manual: ManualClock
let clock: Clock
let warnings: string[]

beforeEach(async () => {
  manual = new ManualClock(Date.parse('2026-11-01T10:00:00Z'))
  clock = {
    now: () => manual.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new Error('aborted')
      manual.advance(ms)
      await new Promise(resolve => setImmediate(resolve))
    }
  }
  cloud = await startFakeCloud({ clock: manual, seed: 7 })
  warnings = []
})
afterEach(async () => cloud.close())

async function follow(scenario: Scenario, options: Partial<FollowOptions> = {}, before?: () => void) {
  cloud.addStack(STACK, { settings, scenario })
  before?.()
  const client = new PulumiCloudClient({ baseUrl: cloud.url, token: cloud.token, clock, random: () => 0.5 })
  const { id } = await client.createDeployment(ref, { operation: 'update' })
  const entries: LogEntry[] = []
  const follower = new DeploymentFollower(
    client,
    clock,
    { info: () => undefined, warning: m => warnings.push(m), debug: () => undefined },
    page => void entries.push(...page)
  )
  const startedAt = manual.now()
  const outcome = await follower.follow({ stack: ref, deploymentId: id, pollIntervalMs: 2000, ...options })
  return { outcome, entries, elapsedMs: manual.now() - startedAt, client }
}

function lines(n: number, prefix: string, stepMs: number) {
  return Array.from({ length: n }, (_, i) => ({
    text: `${prefix} ${i}`,
    atMs: Math.floor(((i + 1) * stepMs) / (n + 1))
  }))
}

function texts(entries: LogEntry[]): string[] {
  return entries.map(e => (e.header !== undefined ? `# ${e.header}` : e.line.replace(/\n$/, '')))
}

describe('DeploymentFollower', () => {
  test('hands on every log entry once, in order, and ends on the terminal status', async () => {
    const scenario: Scenario = {
      queuedMs: 5000,
      steps: [
        { name: 'Get source', durationMs: 3000, lines: lines(3, 'source', 3000) },
        { name: 'pulumi update', durationMs: 20_000, lines: lines(250, 'op', 20_000) }
      ],
      result: 'succeeded'
    }
    const { outcome, entries } = await follow(scenario)
    expect(outcome.kind).toBe('terminal')
    expect(outcome.deployment?.status).toBe('succeeded')
    expect(texts(entries)).toEqual([
      '# Get source',
      ...lines(3, 'source', 0).map(l => l.text),
      '# pulumi update',
      ...lines(250, 'op', 0).map(l => l.text)
    ])
  })

  test('keeps to 36 requests a minute while following a long deployment with a trickle of lines', async () => {
    const tenMinutes = 10 * 60_000
    const scenario: Scenario = {
      steps: [{ name: 'pulumi update', durationMs: tenMinutes, lines: lines(120, 'tick', tenMinutes) }],
      result: 'succeeded'
    }
    const { elapsedMs } = await follow(scenario)
    const perMinute = (cloud.requests.length - 1) / (elapsedMs / 60_000)
    expect(perMinute).toBeLessThanOrEqual(36)
  })

  test('follows through a Pulumi Cloud outage of several minutes and misses no line', async () => {
    const hour = 60 * 60_000
    const scenario: Scenario = {
      steps: [{ name: 'pulumi update', durationMs: hour, lines: lines(60, 'slow', hour) }],
      result: 'succeeded'
    }
    // Every request fails for a while in the middle of the run: far longer than the client's own retries last.
    cloud.faults.add({ kind: 'status', status: 503, times: 200, endpoint: ['streamLogs', 'getDeployment'] })
    const { outcome, entries } = await follow(scenario)
    expect(outcome.kind).toBe('terminal')
    expect(texts(entries).filter(t => t.startsWith('slow'))).toEqual(lines(60, 'slow', 0).map(l => l.text))
    expect(warnings.filter(w => /unavailable|503/i.test(w)).length).toBeGreaterThanOrEqual(1)
  })

  test('prints every line once under a 25% fault rate', async () => {
    const scenario: Scenario = {
      steps: [{ name: 'pulumi update', durationMs: 60_000, lines: lines(400, 'line', 60_000) }],
      result: 'failed'
    }
    for (const kind of ['reset', 'truncate'] as const)
      cloud.faults.add({ kind, probability: 0.1, method: 'GET' })
    cloud.faults.add({ kind: 'status', status: 502, probability: 0.05, method: 'GET' })
    const { outcome, entries } = await follow(scenario)
    expect(outcome.deployment?.status).toBe('failed')
    expect(texts(entries).filter(t => t.startsWith('line'))).toEqual(lines(400, 'line', 0).map(l => l.text))
  })

  test('a paused stack is reported once and the deadline ends the wait', async () => {
    const { outcome } = await follow(
      { steps: [{ name: 'pulumi preview', durationMs: 1000 }], result: 'succeeded' },
      { deadline: manual.now() + 5 * 60_000 },
      () => cloud.pause({ stack: STACK })
    )
    expect(outcome.kind).toBe('timed-out')
    expect(outcome.deployment?.status).toBe('not-started')
    expect(warnings.filter(w => /paused/.test(w))).toHaveLength(1)
  })

  test('an aborted signal stops following at once', async () => {
    const abort = new AbortController()
    abort.abort()
    const { outcome } = await follow(
      { steps: [{ name: 'pulumi preview', durationMs: 1000 }], result: 'succeeded' },
      { signal: abort.signal }
    )
    expect(outcome.kind).toBe('aborted')
  })
})

describe('DeploymentFollower after the end', () => {
  test('reads a long log to its end however long reading it takes after the deployment ended', async () => {
    // 100,000 lines, 200 pages: each read here takes a second of the clock, so the log is still being read more than
    // a minute after the status said the deployment ended. Only a service that stops giving lines is given up on.
    const scenario: Scenario = {
      steps: [
        { name: 'pulumi update', durationMs: 1000, generated: [{ count: 100_000, line: i => `l${i}` }] }
      ],
      result: 'succeeded'
    }
    cloud.addStack(STACK, { settings, scenario })
    const client = new PulumiCloudClient({ baseUrl: cloud.url, token: cloud.token, clock, random: () => 0.5 })
    const slow = {
      getDeployment: client.getDeployment.bind(client),
      getStackMetadata: client.getStackMetadata.bind(client),
      streamLogs: async (...args: Parameters<typeof client.streamLogs>) => {
        const page = await client.streamLogs(...args)
        manual.advance(1000)
        return page
      }
    }
    const { id } = await client.createDeployment(ref, { operation: 'update' })
    let count = 0
    let last = ''
    const follower = new DeploymentFollower(
      slow,
      clock,
      { info: () => undefined, warning: m => warnings.push(m), debug: () => undefined },
      page => {
        for (const entry of page) {
          if (entry.line === undefined) continue
          last = entry.line
          count++
        }
      }
    )
    const outcome = await follower.follow({ stack: ref, deploymentId: id, pollIntervalMs: 2000 })
    expect(outcome.kind).toBe('terminal')
    expect({ count, last: last.trim(), warnings }).toEqual({ count: 100_000, last: 'l99999', warnings: [] })
  })
})
