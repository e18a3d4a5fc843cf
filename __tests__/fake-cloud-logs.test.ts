// Deployment logs from the fake Pulumi Cloud: refused before the run, streamed with stable tokens, read per step,
// and generated lazily for very long runs.
import { afterEach, describe, expect, test } from '@jest/globals'
import type { LogEntry, StepLogsResponse, StreamLogsResponse } from '../src/pulumi/types.js'
import { callFake } from '../test/fake-cloud/call.js'
import {
  ManualClock,
  startFakeCloud,
  updateScenario,
  type FakeCloud,
  type FakeCloudOptions,
  type Scenario
} from '../test/fake-cloud/index.js'

const STACK = 'acme/web/dev'
const BASE = `/api/stacks/${STACK}/deployments`
const settings = {
  sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } },
  operationContext: { environmentVariables: { REGION: 'eu-west-1', DB_PASSWORD: { secret: 'hunter2' } } }
}

let cloud: FakeCloud
let clock: ManualClock

async function start(scenario: Scenario, opts: FakeCloudOptions = {}): Promise<string> {
  clock = new ManualClock()
  cloud = await startFakeCloud({ clock, ...opts })
  cloud.addStack(STACK, { settings, scenario })
  const created = await callFake<{ id: string }>(cloud, 'POST', BASE, { operation: 'update' })
  return created.body.id
}
afterEach(async () => cloud.close())

async function logs(id: string, token?: string): Promise<StreamLogsResponse> {
  const query = token === undefined ? '' : `?continuationToken=${encodeURIComponent(token)}`
  const answer = await callFake<StreamLogsResponse>(cloud, 'GET', `${BASE}/${id}/logs${query}`)
  expect(answer.status).toBe(200)
  return answer.body
}

const text = (entries: LogEntry[]): string[] =>
  entries.map(e => (e.header !== undefined ? `# ${e.header}` : e.line))

describe('streaming logs', () => {
  const scenario: Scenario = {
    queuedMs: 1000,
    steps: [
      { name: 'Get source', durationMs: 1000, lines: ['one', 'two\n', { text: 'three', atMs: 900 }] },
      {
        name: 'pulumi update',
        durationMs: 1000,
        lines: ['\x1b[32m+ 1 created\x1b[0m', 'progress\r50%\r100%']
      }
    ],
    result: 'succeeded'
  }

  test('are refused until the deployment runs', async () => {
    const id = await start(scenario)
    const early = await callFake<{ code: number; message: string }>(cloud, 'GET', `${BASE}/${id}/logs`)
    expect(early.status).toBe(404)
    expect(early.body.message).toMatch(/not started running/)
    clock.advance(1000)
    expect((await callFake(cloud, 'GET', `${BASE}/${id}/logs`)).status).toBe(200)
  })

  test('return what is visible after the token, the same again for the same token, and end only when done', async () => {
    const id = await start(scenario)
    clock.advance(1000 + 400)
    const first = await logs(id)
    expect(first.__type).toBe('DeploymentLogs')
    expect(first.lines).toEqual([
      { header: 'Get source', timestamp: '0001-01-01T00:00:00Z' },
      { line: 'one\n', timestamp: '2025-01-15T09:30:01.000Z' },
      { line: 'two\n', timestamp: '2025-01-15T09:30:01.333Z' }
    ])
    const token = first.nextToken as string
    expect(token).toEqual(expect.any(String))

    const idle = await logs(id, token)
    expect([idle.lines, idle.nextToken]).toEqual([[], token])

    clock.advance(600)
    const more = await logs(id, token)
    expect(text(more.lines)).toEqual(['three\n', '# pulumi update', '\x1b[32m+ 1 created\x1b[0m\n'])
    const again = await logs(id, token)
    expect(again).toEqual(more)

    clock.advance(999)
    const rest = await logs(id, more.nextToken)
    expect(text(rest.lines)).toEqual(['progress\r50%\r100%\n'])
    expect(rest.nextToken).toBeDefined()
    clock.advance(1)
    const last = await logs(id, rest.nextToken)
    expect(last.lines).toEqual([])
    expect(last.nextToken).toBeUndefined()
  })

  test('a response carries at most the batch size, and paging through returns every line once', async () => {
    const lines = Array.from({ length: 1200 }, (_, i) => `line ${i}`)
    const id = await start({ steps: [{ name: 'pulumi update', durationMs: 10, lines }], result: 'succeeded' })
    clock.advance(10)
    const seen: string[] = []
    let token: string | undefined
    let pages = 0
    do {
      const page = await logs(id, token)
      expect(page.lines.length).toBeLessThanOrEqual(500)
      seen.push(...text(page.lines))
      token = page.nextToken
      pages++
    } while (token !== undefined)
    expect(pages).toBe(3)
    expect(seen).toEqual(['# pulumi update', ...lines.map(l => `${l}\n`)])
  })

  test('an unknown token is refused with 400', async () => {
    const id = await start(scenario)
    clock.advance(1500)
    const answer = await callFake(cloud, 'GET', `${BASE}/${id}/logs?continuationToken=garbage`)
    expect(answer.status).toBe(400)
  })

  test('a cancelled deployment’s log ends with a cancel line and then completes', async () => {
    const id = await start(scenario)
    clock.advance(1500)
    await callFake(cloud, 'POST', `${BASE}/${id}/cancel`)
    const page = await logs(id)
    expect(text(page.lines).at(-1)).toBe('Deployment cancelled\n')
    expect(page.nextToken).toBeUndefined()
  })

  test('echoes environment variables, secrets included, where a scenario prints them', async () => {
    const id = await start(updateScenario({ echoEnv: ['REGION', 'DB_PASSWORD'], stepMs: 10 }))
    clock.advance(1000)
    const all = text((await logs(id)).lines)
    expect(all).toContain('REGION=eu-west-1\n')
    expect(all).toContain('DB_PASSWORD=hunter2\n')
  })
})

describe('step logs', () => {
  const lines = Array.from({ length: 250 }, (_, i) => `op ${i}`)
  const scenario: Scenario = {
    steps: [
      { name: 'Get source', durationMs: 100, lines: ['cloning'] },
      { name: 'pulumi update', durationMs: 1000, lines }
    ],
    result: 'succeeded'
  }
  const step = async (id: string, query: string) =>
    callFake<StepLogsResponse & { message?: string }>(cloud, 'GET', `${BASE}/${id}/logs?${query}`)

  test('read one step from an offset; nextOffset disappears once the step ended and all was read', async () => {
    const id = await start(scenario)
    clock.advance(100 + 500)
    const running = await step(id, 'job=0&step=1&offset=0')
    expect(running.body.__type).toBe('DeploymentLogsStep')
    expect(running.body.lines).toHaveLength(100)
    expect(running.body.lines[0]).toEqual({ line: 'op 0\n', timestamp: expect.any(String) })
    expect(running.body.nextOffset).toBe(100)
    const caughtUp = await step(id, 'job=0&step=1&offset=100&count=499')
    expect(caughtUp.body.lines.length).toBe(126 - 100)
    expect(caughtUp.body.nextOffset).toBe(126)
    clock.advance(500)
    const finished = await step(id, 'job=0&step=1&offset=126&count=499')
    expect(finished.body.lines).toHaveLength(124)
    expect(finished.body.nextOffset).toBeUndefined()
    const first = await step(id, 'step=0')
    expect([first.body.lines.map(l => l.line), first.body.nextOffset]).toEqual([['cloning\n'], undefined])
  })

  test.each(['count=0', 'count=500', 'count=x'])('refuses %s with 400', async query => {
    const id = await start(scenario)
    clock.advance(200)
    expect((await step(id, `job=0&step=1&${query}`)).status).toBe(400)
  })

  test('a step or job that does not exist answers 404', async () => {
    const id = await start(scenario)
    clock.advance(200)
    expect((await step(id, 'job=0&step=2')).status).toBe(404)
    expect((await step(id, 'job=1&step=0')).status).toBe(404)
  })
})

describe('very long logs', () => {
  test('a million generated lines are served by offset without being built up front', async () => {
    const before = process.memoryUsage().heapUsed
    const id = await start(updateScenario({ resources: 1_000_000, stepMs: 1000 }))
    const scenario = cloud.deployments(STACK)[0]?.scenario as Scenario
    const pulumiStep = scenario.steps.length - 1
    expect(scenario.steps[pulumiStep]?.lines?.length).toBeLessThan(100)
    clock.advance(60_000)
    const tail = await callFake<StepLogsResponse>(
      cloud,
      'GET',
      `${BASE}/${id}/logs?job=0&step=${pulumiStep}&offset=999990&count=20`
    )
    expect(tail.body.lines[0]?.line).toMatch(/^ {4}.*\+ aws:\S+ \S+-0999988 created \(\ds\)/)
    expect(tail.body.lines.map(l => l.line)).toContain('Resources:\n')
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024)
  })

  test('4,000 lines stream completely with a larger batch size', async () => {
    const id = await start(updateScenario({ resources: 4000, stepMs: 10 }), { logBatchSize: 5000 })
    clock.advance(60_000)
    const page = await logs(id)
    expect(page.nextToken).toBeUndefined()
    expect(page.lines.filter(e => e.line !== undefined && / aws:/.test(e.line))).toHaveLength(4000)
  })
})
