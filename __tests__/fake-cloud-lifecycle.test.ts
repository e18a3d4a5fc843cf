// Deployments in the fake Pulumi Cloud move through their scenario on a ManualClock: status, jobs, steps, updates,
// pause and resume, cancel, and the list endpoints.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import type { Deployment, ListDeploymentsResponse } from '../src/pulumi/types.js'
import { callFake } from '../test/fake-cloud/call.js'
import { ManualClock, startFakeCloud, type FakeCloud, type Scenario } from '../test/fake-cloud/index.js'

const STACK = 'acme/web/dev'
const BASE = `/api/stacks/${STACK}/deployments`
const START = Date.parse('2026-03-04T05:06:07.089Z')
const settings = { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } }
const ZERO = '0001-01-01T00:00:00Z'

const scenario: Scenario = {
  queuedMs: 1000,
  acceptedMs: 500,
  steps: [
    { name: 'Get source', durationMs: 2000, lines: ['cloning'] },
    { name: 'pulumi update', durationMs: 3000, lines: ['Updating (acme/dev)'] }
  ],
  result: 'succeeded',
  update: { kind: 'update' }
}

let cloud: FakeCloud
let clock: ManualClock
const call = <T = unknown>(method: string, path: string, body?: unknown) =>
  callFake<T>(cloud, method, path, body)

async function create(operation = 'update'): Promise<string> {
  const answer = await call<{ id: string }>('POST', BASE, { operation })
  expect(answer.status).toBe(202)
  return answer.body.id
}
const get = async (id: string) => (await call<Deployment>('GET', `${BASE}/${id}`)).body

beforeEach(async () => {
  clock = new ManualClock(START)
  cloud = await startFakeCloud({ clock })
  cloud.addStack(STACK, { settings, scenario })
})
afterEach(async () => cloud.close())

describe('lifecycle on the fake clock', () => {
  test('moves not-started → accepted → running → succeeded, with jobs only once started', async () => {
    const id = await create()
    const created = await get(id)
    expect(created).toMatchObject({
      status: 'not-started',
      version: 1,
      latestVersion: 1,
      pulumiOperation: 'update'
    })
    expect(created.created).toBe('2026-03-04 05:06:07.089')
    expect(created.jobs).toBeUndefined()

    clock.advance(1000)
    const accepted = await get(id)
    expect(accepted.status).toBe('accepted')
    expect(accepted.jobs).toBeUndefined()

    clock.advance(500 + 1000)
    const running = await get(id)
    expect(running.status).toBe('running')
    expect(running.modified).toBe('2026-03-04 05:06:08.589')
    expect(running.jobs).toEqual([
      {
        status: 'running',
        started: '2026-03-04T05:06:08.589Z',
        lastUpdated: '2026-03-04T05:06:09.589Z',
        steps: [
          {
            name: 'Get source',
            status: 'running',
            started: '2026-03-04T05:06:08.589Z',
            lastUpdated: '2026-03-04T05:06:09.589Z'
          },
          { name: 'pulumi update', status: 'not-started', started: ZERO, lastUpdated: ZERO }
        ]
      }
    ])
    expect(running.updates).toBeUndefined()

    clock.advance(1500)
    const operating = await get(id)
    expect(operating.jobs?.[0]?.steps.map(s => s.status)).toEqual(['succeeded', 'running'])
    expect(operating.updates).toEqual([
      expect.objectContaining({ result: 'in-progress', kind: 'update', version: 1 })
    ])

    clock.advance(10_000)
    const done = await get(id)
    expect(done.status).toBe('succeeded')
    expect(done.modified).toBe('2026-03-04 05:06:13.589')
    expect(done.jobs?.[0]).toMatchObject({ status: 'succeeded', lastUpdated: '2026-03-04T05:06:13.589Z' })
    expect(done.updates?.[0]).toMatchObject({
      result: 'succeeded',
      endTime: Math.floor(Date.parse('2026-03-04T05:06:13.589Z') / 1000)
    })
    const updates = await call<Array<{ updateID: string; version: number; latestVersion: number }>>(
      'GET',
      `${BASE}/${id}/updates`
    )
    expect(updates.body).toEqual([
      expect.objectContaining({ updateID: done.updates?.[0]?.updateID, version: 1, latestVersion: 1 })
    ])
    expect((await call<Deployment>('GET', `${BASE}/version/1`)).body.id).toBe(id)
    expect((await call('GET', `${BASE}/version/9`)).status).toBe(404)
    expect((await call('GET', `${BASE}/no-such-id`)).status).toBe(404)
  })

  test('a failed step ends the job: later steps stay not-started and the deployment fails', async () => {
    cloud.setScenario(STACK, {
      steps: [
        { name: 'Get source', durationMs: 100, status: 'failed' },
        { name: 'pulumi update', durationMs: 100 }
      ],
      result: 'succeeded'
    })
    const id = await create()
    clock.advance(1000)
    const failed = await get(id)
    expect(failed.status).toBe('failed')
    expect(failed.jobs?.[0]?.steps.map(s => [s.status, s.started])).toEqual([
      ['failed', '2026-03-04T05:06:07.089Z'],
      ['not-started', ZERO]
    ])
    expect(failed.updates).toBeUndefined()
  })

  test('a skipped deployment never runs: no jobs, terminal once queued', async () => {
    cloud.queueScenario(STACK, { queuedMs: 200, steps: [], result: 'skipped' })
    const skipped = await create()
    const normal = await create()
    clock.advance(200)
    expect(await get(skipped)).toMatchObject({ status: 'skipped' })
    expect((await get(skipped)).jobs).toBeUndefined()
    expect((await get(normal)).status).toBe('not-started')
  })

  test('a scenario factory sees the operation; a stack without a scenario gets a realistic one', async () => {
    cloud.setScenario(STACK, ({ operation }) => ({
      steps: [{ name: `pulumi ${operation}` }],
      result: 'succeeded'
    }))
    const id = await create('refresh')
    expect(cloud.deployments(STACK)[0]?.scenario.steps.map(s => s.name)).toEqual(['pulumi refresh'])
    clock.advance(5000)
    expect((await get(id)).status).toBe('succeeded')

    cloud.addStack('acme/web/plain', { settings })
    await callFake(cloud, 'POST', '/api/stacks/acme/web/plain/deployments', { operation: 'destroy' })
    const [plain] = cloud.deployments('acme/web/plain')
    expect(plain?.scenario.steps.at(-1)?.name).toBe('pulumi destroy')
    expect(plain?.scenario.steps.at(-1)?.lines?.[0]).toBe('Destroying (acme/plain)')
  })
})

describe('pause and resume', () => {
  test('a paused stack holds a new deployment not-started, and its queue clock resumes where it stopped', async () => {
    expect((await call('POST', `${BASE}/pause`)).status).toBe(200)
    const id = await create()
    clock.advance(60_000)
    expect((await get(id)).status).toBe('not-started')
    expect((await call('GET', `${BASE}/metadata`)).body).toEqual({
      paused: true,
      stackPaused: true,
      organizationPaused: false,
      hasSchedules: false
    })
    const org = await call<{ pausedStacks: string[]; deploymentCounts: Record<string, number> }>(
      'GET',
      '/api/orgs/acme/deployments/metadata'
    )
    expect(org.body).toMatchObject({ paused: false, concurrency: 25, pausedStacks: ['web/dev'] })
    expect(org.body.deploymentCounts).toMatchObject({ notStarted: 1, total: 1 })

    await call('POST', `${BASE}/resume`)
    clock.advance(999)
    expect((await get(id)).status).toBe('not-started')
    clock.advance(1)
    expect((await get(id)).status).toBe('accepted')
  })

  test('pausing the organization holds every stack in it; the programmatic pause does the same', async () => {
    await call('POST', '/api/orgs/acme/deployments/pause')
    const id = await create()
    clock.advance(10_000)
    expect((await get(id)).status).toBe('not-started')
    expect((await call('GET', `${BASE}/metadata`)).body).toMatchObject({
      paused: true,
      stackPaused: false,
      organizationPaused: true
    })
    cloud.resume({ org: 'acme' })
    cloud.pause({ stack: STACK })
    clock.advance(10_000)
    expect((await get(id)).status).toBe('not-started')
    cloud.resume({ stack: STACK })
    clock.advance(1000)
    expect((await get(id)).status).toBe('accepted')
  })

  test('a running deployment is not held by a pause', async () => {
    const id = await create()
    clock.advance(2000)
    cloud.pause({ org: 'acme' })
    clock.advance(10_000)
    expect((await get(id)).status).toBe('succeeded')
  })

  test('pausing a stack without deployment settings is refused with 400', async () => {
    cloud.addStack('acme/web/bare')
    const answer = await call<{ message: string }>('POST', '/api/stacks/acme/web/bare/deployments/pause')
    expect(answer.status).toBe(400)
    expect(answer.body.message).toContain('configured for deployments')
  })
})

describe('cancel', () => {
  test('a running deployment ends failed at once, its running step failed', async () => {
    const id = await create()
    clock.advance(2000)
    expect((await call('POST', `${BASE}/${id}/cancel`)).status).toBe(200)
    clock.advance(60_000)
    const cancelled = await get(id)
    expect(cancelled.status).toBe('failed')
    expect(cancelled.jobs?.[0]?.steps.map(s => s.status)).toEqual(['failed', 'not-started'])
    expect(cloud.deployments(STACK)[0]).toMatchObject({ status: 'failed', cancelled: true })
  })

  test('a queued deployment ends failed without ever running', async () => {
    const id = await create()
    await call('POST', `${BASE}/${id}/cancel`)
    clock.advance(60_000)
    const cancelled = await get(id)
    expect(cancelled.status).toBe('failed')
    expect(cancelled.jobs).toBeUndefined()
  })

  test('cancelling a finished deployment answers 404 as the OpenAPI documents (no 409), as does an unknown one', async () => {
    const id = await create()
    clock.advance(60_000)
    const ended = await call<{ message: string }>('POST', `${BASE}/${id}/cancel`)
    expect(ended.status).toBe(404)
    expect(ended.body.message).toContain('it has ended (succeeded)')
    expect((await call('POST', `${BASE}/nope/cancel`)).status).toBe(404)
  })
})

describe('listing deployments', () => {
  async function createMany(n: number): Promise<string[]> {
    const ids: string[] = []
    for (let i = 0; i < n; i++) {
      ids.push(await create())
      clock.advance(1)
    }
    return ids
  }

  test('pages newest first by default, oldest first with asc, and filters by status', async () => {
    const ids = await createMany(12)
    const first = await call<ListDeploymentsResponse>('GET', BASE)
    expect(first.body.itemsPerPage).toBe(10)
    expect(first.body.total).toBe(12)
    expect(first.body.deployments.map(d => d.id)).toEqual([...ids].reverse().slice(0, 10))
    const second = await call<ListDeploymentsResponse>('GET', `${BASE}?page=2&pageSize=5&asc=true`)
    expect(second.body.deployments.map(d => d.id)).toEqual(ids.slice(5, 10))
    expect(second.body.deployments[0]).toMatchObject({
      projectName: 'web',
      stackName: 'dev',
      jobs: [],
      updates: []
    })

    await call('POST', `${BASE}/${ids[0]}/cancel`)
    const failed = await call<ListDeploymentsResponse>('GET', `${BASE}?status=failed`)
    expect([failed.body.total, failed.body.deployments[0]?.id]).toEqual([1, ids[0]])

    cloud.addStack('acme/api/prod', { settings, scenario })
    await callFake(cloud, 'POST', '/api/stacks/acme/api/prod/deployments', { operation: 'preview' })
    const org = await call<ListDeploymentsResponse>('GET', '/api/orgs/acme/deployments?pageSize=100')
    expect(org.body.total).toBe(13)
    expect(org.body.deployments[0]).toMatchObject({ projectName: 'api', stackName: 'prod' })
  })

  test.each(['page=0', 'pageSize=0', 'pageSize=101', 'page=x', 'asc=maybe', 'status=cancelled'])(
    'refuses %s with 400',
    async query => {
      const answer = await call<{ code: number }>('GET', `${BASE}?${query}`)
      expect([answer.status, answer.body.code]).toEqual([400, 400])
    }
  )
})

describe('the queue, as strict as the service', () => {
  // Each deployment: 1 s queued, 0.5 s accepted, 5 s of steps; it ends 6.5 s after it may start.
  const statuses = async (ids: string[]) => Promise.all(ids.map(async id => (await get(id)).status))

  test('one deployment runs per stack at a time: a later one waits not-started until the earlier one ends', async () => {
    const first = await create()
    clock.advance(10)
    const second = await create()
    clock.advance(2000)
    expect(await statuses([first, second])).toEqual(['running', 'not-started'])
    // The first ends 6.5 s after its creation; only then does the second's own queue time (1 s) start to run.
    clock.advance(6500 - 2010)
    expect(await statuses([first, second])).toEqual(['succeeded', 'not-started'])
    clock.advance(1000)
    expect(await statuses([first, second])).toEqual(['succeeded', 'accepted'])
    // A clock moved on by an hour walks the line through: both have run, in order.
    clock.advance(3_600_000)
    expect(await statuses([first, second])).toEqual(['succeeded', 'succeeded'])
    const [a, b] = [await get(first), await get(second)]
    expect(Date.parse(`${b.jobs?.[0]?.started}`)).toBeGreaterThanOrEqual(
      Date.parse(`${a.jobs?.[0]?.lastUpdated}`)
    )
  })

  test('an organization concurrency limit keeps deployments of other stacks queued until a slot is free', async () => {
    cloud.addStack('acme/web/prod', { settings, scenario })
    cloud.setConcurrency('acme', 1)
    const dev = await create()
    const prod = (
      await call<{ id: string }>('POST', '/api/stacks/acme/web/prod/deployments', { operation: 'update' })
    ).body.id
    clock.advance(2000)
    expect((await get(dev)).status).toBe('running')
    const held = await call<Deployment>('GET', `/api/stacks/acme/web/prod/deployments/${prod}`)
    expect(held.body.status).toBe('not-started')
    const metadata = await call<{ concurrency: number }>('GET', '/api/orgs/acme/deployments/metadata')
    expect(metadata.body.concurrency).toBe(1)
    clock.advance(3_600_000)
    const ran = await call<Deployment>('GET', `/api/stacks/acme/web/prod/deployments/${prod}`)
    expect(ran.body.status).toBe('succeeded')
  })

  test('with skipIntermediateDeployments, a queued deployment superseded by a newer one ends skipped', async () => {
    const skipping = {
      operation: 'update',
      operationContext: { options: { skipIntermediateDeployments: true } }
    }
    const running = await create()
    clock.advance(2000)
    const queued = (await call<{ id: string }>('POST', BASE, skipping)).body.id
    clock.advance(10)
    const newest = (await call<{ id: string }>('POST', BASE, skipping)).body.id
    expect(await statuses([running, queued, newest])).toEqual(['running', 'skipped', 'not-started'])
    expect((await get(queued)).jobs).toBeUndefined()
    clock.advance(3_600_000)
    expect(await statuses([running, queued, newest])).toEqual(['succeeded', 'skipped', 'succeeded'])
  })
})

describe('drift runs and drift status', () => {
  test('a detect-drift whose refresh counted changes is a run that found drift; the status follows the latest', async () => {
    cloud.setScenario(STACK, {
      ...scenario,
      update: { resourceChanges: { update: 2, same: 3 } },
      result: 'failed'
    })
    const id = await create('detect-drift')
    const during = await call<{ runInProgress: boolean; driftDetected: boolean }>(
      'GET',
      `/api/stacks/${STACK}/drift/status`
    )
    expect(during.body).toMatchObject({ runInProgress: true, driftDetected: false })
    clock.advance(60_000)
    const runs = await call<{ driftRuns: Record<string, unknown>[]; total: number }>(
      'GET',
      `/api/stacks/${STACK}/drift/runs`
    )
    expect(runs.body.total).toBe(1)
    expect(runs.body.driftRuns[0]).toMatchObject({
      id: `drift-${id}`,
      driftDetected: true,
      status: 'failed',
      deploymentId: id,
      deploymentVersion: 1,
      detectUpdate: { status: 'failed', resourceChanges: { update: 2, same: 3 } }
    })
    const after = await call('GET', `/api/stacks/${STACK}/drift/status`)
    expect(after.body).toEqual({ driftDetected: true, latestDriftRun: `drift-${id}`, runInProgress: false })
  })
})
