// The no-duplicate create: a create is sent again only when Pulumi Cloud provably did not process it; otherwise the
// stack's recent deployments are read first. Each test checks how many deployments really exist afterwards.
import type { PulumiCloudClient } from '../src/pulumi/client.js'
import { AmbiguousCreateError, PulumiApiError } from '../src/pulumi/errors.js'
import type { StackRef } from '../src/pulumi/types.js'
import { callFake, type FakeCloud, type ManualClock } from '../test/fake-cloud/index.js'
import { cloudAndClient, RecordingClock, SOURCE_SETTINGS } from './client-support.js'

const stack: StackRef = { org: 'acme', project: 'web', stack: 'dev' }
const REF = 'acme/web/dev'
let cloud: FakeCloud
let time: ManualClock
let client: PulumiCloudClient
let clock: RecordingClock

async function setUp(extra: Parameters<typeof cloudAndClient>[0] = {}): Promise<void> {
  await cloud?.close()
  ;({ cloud, time, client, clock } = await cloudAndClient(extra))
  cloud.addStack(REF, { settings: SOURCE_SETTINGS })
}
beforeEach(() => setUp())
afterEach(() => cloud.close())

const endpoints = (): string[] => cloud.requests.map(r => r.endpoint)

const LOOKS = [
  'listStackDeployments',
  'listStackDeployments',
  'listStackDeployments',
  'listStackDeployments',
  'listStackDeployments'
]

it('(a) a 503 answered before processing: looked for over 10 s, then sent again with a notice, one deployment', async () => {
  const notices: string[] = []
  await setUp({ onNotice: text => notices.push(text) })
  cloud.faults.add({ endpoint: 'createDeployment', kind: 'status', status: 503, times: 1 })
  const created = await client.createDeployment(stack, { operation: 'update' })
  expect(created.recovered).toBeUndefined()
  // Five looks over the window (at once, then 1, 3, 6 and 10 s after the failure), not one look at once.
  expect(endpoints()).toEqual(['createDeployment', 'getCurrentUser', ...LOOKS, 'createDeployment'])
  expect(clock.sleeps).toEqual([1000, 2000, 3000, 4000])
  expect(cloud.deployments(REF).map(d => d.id)).toEqual([created.id])
  expect(notices).toEqual([
    'The request to create the update deployment of acme/web/dev failed after it was sent (HTTP 503), and no ' +
      "deployment it could have made appeared among the stack's deployments in 10 s, so it is being sent again."
  ])
})

it('a deployment the service makes only seconds after the failure is found on a later look, not sent again', async () => {
  cloud.faults.add({ endpoint: 'createDeployment', kind: 'status', status: 502, times: 1 })
  // The service finishes the create between the second and third look.
  clock.onSleep = async () => {
    if (clock.sleeps.length === 2)
      await callFake(cloud, 'POST', `/api/stacks/${REF}/deployments`, { operation: 'update' })
  }
  const created = await client.createDeployment(stack, { operation: 'update' })
  expect(created.recovered).toBe(true)
  expect(cloud.deployments(REF).map(d => d.id)).toEqual([created.id])
  expect(endpoints().filter(e => e === 'listStackDeployments')).toHaveLength(3)
})

it('a deployment another actor created in the window is never adopted: ours is sent again', async () => {
  cloud.addToken('pul-other-actor-0001', { name: 'Other', githubLogin: 'other-actor', avatarUrl: '' })
  cloud.faults.add({ endpoint: 'createDeployment', kind: 'reset', times: 1 })
  clock.onSleep = async () => {
    if (clock.sleeps.length === 1)
      await callFake(
        cloud,
        'POST',
        `/api/stacks/${REF}/deployments`,
        { operation: 'update' },
        { token: 'pul-other-actor-0001' }
      )
  }
  const created = await client.createDeployment(stack, { operation: 'update' })
  expect(created.recovered).toBeUndefined()
  const [theirs, ours] = cloud.deployments(REF)
  expect(created.id).toBe(ours?.id)
  expect(created.id).not.toBe(theirs?.id)
})

it('(b) a reset after processing: found by look-up, recovered, one deployment', async () => {
  cloud.faults.add({ endpoint: 'createDeployment', kind: 'reset', afterProcessing: true, times: 1 })
  const created = await client.createDeployment(stack, { operation: 'update' })
  const [only] = cloud.deployments(REF)
  expect(created).toEqual({
    id: only?.id,
    version: only?.version,
    consoleUrl: `${cloud.url}/acme/web/dev/deployments/${only?.version}`,
    recovered: true
  })
  expect(cloud.deployments(REF)).toHaveLength(1)
  expect(endpoints()).toEqual(['createDeployment', 'getCurrentUser', 'listStackDeployments'])
  expect(cloud.requests[2]?.query).toMatchObject({ asc: 'false', page: '1' })
})

it('(c) a truncated 202: looked up, never sent again', async () => {
  cloud.faults.add({ endpoint: 'createDeployment', kind: 'truncate', times: 1 })
  const created = await client.createDeployment(stack, { operation: 'preview' })
  expect(created.recovered).toBe(true)
  expect(cloud.deployments(REF).map(d => d.id)).toEqual([created.id])
  expect(endpoints()).toEqual(['createDeployment', 'getCurrentUser', 'listStackDeployments'])
})

it('(d) two deployments that could be it: AmbiguousCreateError naming both, nothing sent again', async () => {
  const earlier = await client.createDeployment(stack, { operation: 'update' })
  cloud.faults.add({ endpoint: 'createDeployment', kind: 'reset', afterProcessing: true, times: 1 })
  const error = await client.createDeployment(stack, { operation: 'update' }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(AmbiguousCreateError)
  const ambiguous = error as AmbiguousCreateError
  const [, second] = cloud.deployments(REF)
  expect(ambiguous.candidates.map(c => c.id).sort()).toEqual([earlier.id, second?.id].sort())
  expect(ambiguous.message).toMatch(
    /^Pulumi Cloud may or may not have created the update deployment for stack acme\/web\/dev/
  )
  expect(ambiguous.message).toContain(`version 1 (id ${earlier.id}`)
  expect(ambiguous.message).toContain(`version 2 (id ${second?.id}`)
  expect(ambiguous.message).toMatch(
    /Check the stack's deployments in the Pulumi Cloud console before running again/
  )
  expect(cloud.deployments(REF)).toHaveLength(2)
})

it('a reset before processing: the look-up finds nothing, so it is sent again, one deployment', async () => {
  cloud.faults.add({ endpoint: 'createDeployment', kind: 'reset', times: 1 })
  const created = await client.createDeployment(stack, { operation: 'update' })
  expect(created.recovered).toBeUndefined()
  expect(endpoints()).toEqual(['createDeployment', 'getCurrentUser', ...LOOKS, 'createDeployment'])
  expect(cloud.deployments(REF).map(d => d.id)).toEqual([created.id])
})

it('a 429 that came after the work was done: looked up first, not sent again', async () => {
  cloud.faults.add({
    endpoint: 'createDeployment',
    kind: 'status',
    status: 429,
    afterProcessing: true,
    times: 1
  })
  const created = await client.createDeployment(stack, { operation: 'update' })
  expect(created.recovered).toBe(true)
  expect(cloud.deployments(REF)).toHaveLength(1)
})

it('a 429 before processing: looks over the window, waits out the rest of Retry-After, then sends again', async () => {
  cloud.faults.add({ endpoint: 'createDeployment', kind: 'status', status: 429, retryAfter: 13, times: 1 })
  const created = await client.createDeployment(stack, { operation: 'update' })
  expect(created.recovered).toBeUndefined()
  expect(clock.sleeps).toEqual([1000, 2000, 3000, 4000, 3000])
  expect(endpoints()).toEqual(['createDeployment', 'getCurrentUser', ...LOOKS, 'createDeployment'])
  expect(cloud.deployments(REF)).toHaveLength(1)
})

it('a 500 after processing: looked up and recovered', async () => {
  cloud.faults.add({
    endpoint: 'createDeployment',
    kind: 'status',
    status: 500,
    afterProcessing: true,
    times: 1
  })
  expect((await client.createDeployment(stack, { operation: 'update' })).recovered).toBe(true)
  expect(cloud.deployments(REF)).toHaveLength(1)
})

it('a timeout while the server finishes the work: looked up and recovered', async () => {
  await setUp({ requestTimeoutMs: 150 })
  cloud.faults.add({
    endpoint: 'createDeployment',
    kind: 'slow',
    delayMs: 5000,
    afterProcessing: true,
    times: 1
  })
  const created = await client.createDeployment(stack, { operation: 'update' })
  expect(created.recovered).toBe(true)
  expect(cloud.deployments(REF)).toHaveLength(1)
})

it('a deployment older than the send time is not taken for ours', async () => {
  await client.createDeployment(stack, { operation: 'update' })
  time.advance(5 * 60_000)
  cloud.faults.add({ endpoint: 'createDeployment', kind: 'reset', times: 1 })
  const created = await client.createDeployment(stack, { operation: 'update' })
  expect(created.recovered).toBeUndefined()
  expect(created.version).toBe(2)
  expect(cloud.deployments(REF)).toHaveLength(2)
})

it('a deployment of another operation is not taken for ours', async () => {
  await client.createDeployment(stack, { operation: 'preview' })
  cloud.faults.add({ endpoint: 'createDeployment', kind: 'reset', afterProcessing: true, times: 1 })
  const created = await client.createDeployment(stack, { operation: 'update' })
  expect(created).toMatchObject({ version: 2, recovered: true })
  expect(cloud.deployments(REF)).toHaveLength(2)
})

it('with a pinned commit, reads the candidates to tell ours from another commit', async () => {
  const other = await client.createDeployment(stack, {
    operation: 'update',
    sourceContext: { git: { commit: '1111111111111111111111111111111111111111' } }
  })
  cloud.faults.add({ endpoint: 'createDeployment', kind: 'reset', afterProcessing: true, times: 1 })
  const created = await client.createDeployment(stack, {
    operation: 'update',
    sourceContext: { git: { commit: '2222222222222222222222222222222222222222' } }
  })
  expect(created).toMatchObject({ version: 2, recovered: true })
  expect(created.id).not.toBe(other.id)
  expect(endpoints().slice(2)).toEqual([
    'getCurrentUser',
    'listStackDeployments',
    'getDeployment',
    'getDeployment'
  ])
  expect(cloud.deployments(REF)).toHaveLength(2)
})

it('when the look-up itself fails: AmbiguousCreateError saying it could not check', async () => {
  cloud.faults.add({ endpoint: 'createDeployment', kind: 'reset', afterProcessing: true, times: 1 })
  cloud.faults.add({ endpoint: 'listStackDeployments', kind: 'status', status: 500 })
  const error = await client.createDeployment(stack, { operation: 'destroy' }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(AmbiguousCreateError)
  expect((error as AmbiguousCreateError).message).toMatch(
    /the stack's deployments could not be read to check: Pulumi Cloud is unavailable/
  )
  expect(cloud.deployments(REF)).toHaveLength(1)
})

it('a create refused with 400 is not retried', async () => {
  const error = await client
    .createDeployment(stack, { operation: 'update', inheritSettings: false })
    .catch((e: unknown) => e)
  expect((error as PulumiApiError).status).toBe(400)
  expect(endpoints()).toEqual(['createDeployment'])
})

it('gives up after the bounded attempts when every create is answered 503, having created nothing', async () => {
  cloud.faults.add({ endpoint: 'createDeployment', kind: 'status', status: 503 })
  const error = await client.createDeployment(stack, { operation: 'update' }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(PulumiApiError)
  expect((error as PulumiApiError).message).toMatch(
    /^Pulumi Cloud is unavailable: it answered HTTP 503 .*\(5 attempts\)/
  )
  expect(endpoints().filter(e => e === 'createDeployment')).toHaveLength(5)
  expect(cloud.deployments(REF)).toHaveLength(0)
})

it('after the last attempt fails ambiguously, still looks before giving up', async () => {
  await setUp({ retry: { maxAttempts: 1 } })
  cloud.faults.add({ endpoint: 'createDeployment', kind: 'reset', afterProcessing: true, times: 1 })
  expect((await client.createDeployment(stack, { operation: 'update' })).recovered).toBe(true)
  expect(clock.sleeps).toEqual([])
})
