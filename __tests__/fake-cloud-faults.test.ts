// Faults injected by the fake Pulumi Cloud: errors, dropped connections, slow and truncated answers, before or
// after the request took effect, and the same faults again for the same seed.
import { afterEach, describe, expect, test } from '@jest/globals'
import { callFake } from '../test/fake-cloud/call.js'
import { ManualClock, startFakeCloud, type FakeCloud, type FaultRule } from '../test/fake-cloud/index.js'

const STACK = 'acme/web/dev'
const BASE = `/api/stacks/${STACK}/deployments`
const settings = { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } }

let cloud: FakeCloud | undefined
async function start(seed = 1): Promise<FakeCloud> {
  cloud = await startFakeCloud({ clock: new ManualClock(), seed })
  cloud.addStack(STACK, { settings })
  return cloud
}
afterEach(async () => cloud?.close())

const create = (c: FakeCloud) => callFake<unknown>(c, 'POST', BASE, { operation: 'update' })

describe('fault kinds', () => {
  test('status: answers the error instead, with Retry-After, and the request has no effect', async () => {
    const c = await start()
    c.faults.add({ kind: 'status', status: 429, retryAfter: 7, endpoint: 'createDeployment', times: 1 })
    const refused = await create(c)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('7')
    expect(refused.body).toEqual({ code: 429, message: 'Too Many Requests' })
    expect(c.deployments()).toHaveLength(0)
    expect((await create(c)).status).toBe(202)
    expect(c.requests.map(r => [r.status, r.fault])).toEqual([
      [429, 'status'],
      [202, undefined]
    ])
  })

  test('status after processing: the deployment is created, but the client sees the error', async () => {
    const c = await start()
    c.faults.add({
      kind: 'status',
      status: 503,
      afterProcessing: true,
      endpoint: 'createDeployment',
      times: 1
    })
    expect((await create(c)).status).toBe(503)
    expect(c.deployments()).toHaveLength(1)
  })

  test('a 502 comes as the load balancer’s HTML page, not JSON', async () => {
    const c = await start()
    c.faults.add({ kind: 'status', status: 502, method: 'GET' })
    const answer = await callFake(c, 'GET', `${BASE}/settings`)
    expect(answer.status).toBe(502)
    expect(answer.headers.get('content-type')).toBe('text/html')
  })

  test('reset: the connection drops without an answer, before or after the request took effect', async () => {
    const c = await start()
    c.faults.add({ kind: 'reset', endpoint: 'createDeployment', times: 1 })
    await expect(create(c)).rejects.toThrow()
    expect(c.deployments()).toHaveLength(0)
    c.faults.add({ kind: 'reset', endpoint: 'createDeployment', afterProcessing: true, times: 1 })
    await expect(create(c)).rejects.toThrow()
    expect(c.deployments()).toHaveLength(1)
    expect(c.requests.map(r => [r.status, r.fault])).toEqual([
      [0, 'reset'],
      [0, 'reset']
    ])
  })

  test('truncate: a cut JSON body whose Content-Length matches what is sent', async () => {
    const c = await start()
    // Uncompressed, so the bytes cut are the JSON's own (fetch would otherwise ask for gzip).
    const plain = { headers: { 'accept-encoding': 'identity' } }
    const full = await callFake(c, 'GET', `${BASE}/settings`, undefined, plain)
    c.faults.add({ kind: 'truncate', pathIncludes: '/settings', times: 1 })
    const cut = await callFake(c, 'GET', `${BASE}/settings`, undefined, plain)
    expect(cut.status).toBe(200)
    expect(cut.headers.get('content-length')).toBe(String(Buffer.byteLength(cut.text)))
    expect(full.text.startsWith(cut.text)).toBe(true)
    expect(cut.text.length).toBeLessThan(full.text.length)
    expect(() => JSON.parse(cut.text) as unknown).toThrow()
  })

  test('slow: answers after the delay', async () => {
    const c = await start()
    c.faults.add({ kind: 'slow', delayMs: 150, endpoint: 'getSettings', times: 1 })
    const started = performance.now()
    expect((await callFake(c, 'GET', `${BASE}/settings`)).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  test('a rule can be removed, and clear removes all', async () => {
    const c = await start()
    const handle = c.faults.add({ kind: 'status', status: 500 })
    expect((await callFake(c, 'GET', `${BASE}/settings`)).status).toBe(500)
    expect(handle.applied).toBe(1)
    handle.remove()
    expect((await callFake(c, 'GET', `${BASE}/settings`)).status).toBe(200)
    c.faults.add({ kind: 'status', status: 500 })
    c.faults.clear()
    expect((await callFake(c, 'GET', `${BASE}/settings`)).status).toBe(200)
  })

  test('an invalid rule is refused with a sentence', async () => {
    const c = await start()
    expect(() => c.faults.add({ kind: 'status', status: 418 } as unknown as FaultRule)).toThrow(
      /status must be one of/
    )
    expect(() => c.faults.add({ kind: 'reset', probability: 2 })).toThrow(/probability/)
  })
})

describe('seeded faults', () => {
  async function run(seed: number): Promise<number[]> {
    const c = await start(seed)
    c.faults.add({ kind: 'status', status: 503, probability: 0.3, method: 'GET' })
    const statuses: number[] = []
    for (let i = 0; i < 40; i++) statuses.push((await callFake(c, 'GET', `${BASE}/settings`)).status)
    await c.close()
    cloud = undefined
    return statuses
  }

  test('the same seed gives the same faults; another seed other faults', async () => {
    const first = await run(42)
    expect(await run(42)).toEqual(first)
    expect(first.filter(s => s === 503).length).toBeGreaterThan(2)
    expect(first.filter(s => s === 200).length).toBeGreaterThan(20)
    expect(await run(43)).not.toEqual(first)
  })
})

describe('waitForRequest', () => {
  test('resolves on a request already recorded and on one still to come', async () => {
    const c = await start()
    await callFake(c, 'GET', `${BASE}/settings`)
    expect((await c.waitForRequest(r => r.endpoint === 'getSettings')).status).toBe(200)
    const waiting = c.waitForRequest(r => r.endpoint === 'createDeployment')
    await create(c)
    expect((await waiting).status).toBe(202)
    await expect(c.waitForRequest(r => r.endpoint === 'cancelDeployment', 20)).rejects.toThrow(
      /No matching request/
    )
  })
})
