// Retries under faults injected by the fake Pulumi Cloud. The client's clock records each backoff instead of
// waiting, and random() = 0.5 makes full jitter exactly half of each exponential ceiling.
import type { PulumiCloudClient, RetryInfo } from '../src/pulumi/client.js'
import { PulumiApiError } from '../src/pulumi/errors.js'
import type { StackRef } from '../src/pulumi/types.js'
import type { FakeCloud, ManualClock } from '../test/fake-cloud/index.js'
import { cloudAndClient, RecordingClock, SOURCE_SETTINGS } from './client-support.js'

const stack: StackRef = { org: 'acme', project: 'web', stack: 'dev' }
let cloud: FakeCloud
let time: ManualClock
let client: PulumiCloudClient
let clock: RecordingClock
let retries: RetryInfo[]

async function setUp(extra: Parameters<typeof cloudAndClient>[0] = {}): Promise<void> {
  await cloud?.close()
  ;({ cloud, time, client, clock, retries } = await cloudAndClient(extra))
  cloud.addStack('acme/web/dev', { settings: SOURCE_SETTINGS })
}
beforeEach(() => setUp())
afterEach(() => cloud.close())

describe('GET requests', () => {
  it.each([
    ['a 500', { kind: 'status', status: 500 }],
    ['an HTML 502', { kind: 'status', status: 502 }],
    ['a 503', { kind: 'status', status: 503 }],
    ['a connection reset', { kind: 'reset' }],
    ['a truncated body', { kind: 'truncate' }]
  ] as const)('recover from %s with exponential backoff', async (_name, fault) => {
    cloud.faults.add({ endpoint: 'getSettings', times: 3, ...fault })
    expect(await client.getSettings(stack)).toEqual(SOURCE_SETTINGS)
    expect(cloud.requests.map(r => r.fault)).toEqual([fault.kind, fault.kind, fault.kind, undefined])
    expect(clock.sleeps).toEqual([500, 1000, 2000])
    expect(retries.map(r => [r.method, r.path, r.attempt])).toEqual([
      ['GET', '/api/stacks/acme/web/dev/deployments/settings', 1],
      ['GET', '/api/stacks/acme/web/dev/deployments/settings', 2],
      ['GET', '/api/stacks/acme/web/dev/deployments/settings', 3]
    ])
  })

  it('honours Retry-After in seconds', async () => {
    cloud.faults.add({ endpoint: 'stackMetadata', kind: 'status', status: 429, retryAfter: 7, times: 1 })
    await client.getStackMetadata(stack)
    expect(clock.sleeps).toEqual([7000])
    expect(retries[0]?.reason).toBe('HTTP 429 (Retry-After 7000 ms)')
  })

  it('honours Retry-After as an HTTP date', async () => {
    const at = new Date(time.now() + 20_000).toUTCString()
    cloud.faults.add({ endpoint: 'stackMetadata', kind: 'status', status: 503, retryAfter: at, times: 1 })
    await client.getStackMetadata(stack)
    expect(clock.sleeps).toEqual([20_000])
  })

  it('shortens a very long Retry-After to the cap', async () => {
    cloud.faults.add({ endpoint: 'stackMetadata', kind: 'status', status: 429, retryAfter: 3600, times: 1 })
    await client.getStackMetadata(stack)
    expect(clock.sleeps).toEqual([60_000])
  })

  it('gives up after maxAttempts', async () => {
    cloud.faults.add({ endpoint: 'getSettings', kind: 'reset' })
    const error = await client.getSettings(stack).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PulumiApiError)
    expect((error as PulumiApiError).attempts).toBe(5)
    expect((error as PulumiApiError).message).toMatch(
      /^Could not reach Pulumi Cloud .*ECONNRESET.*\(5 attempts\)/
    )
    expect(cloud.requests).toHaveLength(5)
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000])
  })

  it('gives up when the next wait would overrun the elapsed-time budget', async () => {
    await setUp({ retry: { maxElapsedMs: 10_000 } })
    cloud.faults.add({ endpoint: 'getSettings', kind: 'status', status: 503, retryAfter: 4 })
    const error = await client.getSettings(stack).catch((e: unknown) => e)
    expect((error as PulumiApiError).status).toBe(503)
    // 4 s + 4 s fit in 10 s; a third 4 s wait would end at 12 s.
    expect(clock.sleeps).toEqual([4000, 4000])
    expect(cloud.requests).toHaveLength(3)
  })

  it('does not retry a 4xx answer', async () => {
    const error = await client
      .getDeployment(stack, '00000000-0000-4000-8000-0000000beef0')
      .catch((e: unknown) => e)
    expect((error as PulumiApiError).status).toBe(404)
    expect(cloud.requests).toHaveLength(1)
    expect(clock.sleeps).toEqual([])
  })
})

describe('the cancel, a write other than the create', () => {
  async function runningDeployment(): Promise<string> {
    const { id } = await client.createDeployment(stack, { operation: 'update' })
    time.advance(500)
    return id
  }
  const cancels = (): { status?: number }[] => cloud.requests.filter(r => r.endpoint === 'cancelDeployment')

  it.each([
    ['429', { kind: 'status', status: 429 }],
    ['503', { kind: 'status', status: 503 }]
  ] as const)(
    'is retried after a %s, like a refused connection: the server says it did not do the work',
    async (_name, fault) => {
      const id = await runningDeployment()
      cloud.faults.add({ endpoint: 'cancelDeployment', times: 1, ...fault })
      await client.cancelDeployment(stack, id)
      expect(cancels().map(r => r.status)).toEqual([fault.status, 200])
    }
  )

  it.each([
    ['a 500', { kind: 'status', status: 500 }],
    ['a connection reset', { kind: 'reset' }]
  ] as const)('is not retried after %s, which may have acted', async (_name, fault) => {
    const id = await runningDeployment()
    const sleeps = clock.sleeps.length
    cloud.faults.add({ endpoint: 'cancelDeployment', times: 1, ...fault })
    const error = await client.cancelDeployment(stack, id).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PulumiApiError)
    expect(cancels()).toHaveLength(1)
    expect(clock.sleeps).toHaveLength(sleeps)
  })

  it('treats a 2xx with a cut body as done', async () => {
    const id = await runningDeployment()
    cloud.faults.add({ endpoint: 'cancelDeployment', kind: 'truncate', times: 1 })
    await client.cancelDeployment(stack, id)
    expect(cancels()).toHaveLength(1)
  })
})
