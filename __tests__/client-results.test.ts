// The results endpoints beside Deployments, over real HTTP against the fake Pulumi Cloud: a deployment's updates,
// its engine events page by page, the stack's outputs and batch-decrypt; and what the client refuses to believe.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PulumiCloudClient } from '../src/pulumi/client.js'
import type { EngineEvent } from '../src/pulumi/engine-events.js'
import { secretCiphertext } from '../src/pulumi/stack-results.js'
import type { StackRef } from '../src/pulumi/types.js'
import {
  previewScenario,
  startFakeCloud,
  updateScenario,
  type FakeCloud,
  type ManualClock
} from '../test/fake-cloud/index.js'
import { cloudAndClient, RecordingClock, SOURCE_SETTINGS } from './client-support.js'

const stack: StackRef = { org: 'acme', project: 'web', stack: 'dev' }
let cloud: FakeCloud
let time: ManualClock
let client: PulumiCloudClient

afterEach(() => cloud.close())

async function setUp(pageSize?: number): Promise<void> {
  ;({ cloud, time, client } = await cloudAndClient())
  await cloud.close()
  // A fresh fake with a small page, on the same manual clock.
  cloud = await startFakeCloud({ clock: time, eventsPageSize: pageSize })
  client = new PulumiCloudClient({
    baseUrl: cloud.url,
    token: cloud.token,
    clock: new RecordingClock(time),
    random: () => 0.5
  })
}

async function allEvents(updateID: string): Promise<{ events: EngineEvent[]; pages: number }> {
  const events: EngineEvent[] = []
  let token: string | undefined
  let pages = 0
  do {
    const page = await client.getEngineEvents(stack, updateID, token)
    events.push(...page.events)
    token = page.continuationToken
    pages++
  } while (token !== undefined)
  return { events, pages }
}

describe('a finished preview', () => {
  beforeEach(() => setUp(4))

  it('reports exact counts and pages through events that agree with them', async () => {
    cloud.addStack('acme/web/dev', {
      settings: SOURCE_SETTINGS,
      scenario: previewScenario({ creates: 1, updates: 1, replaces: 1, deletes: 2, sames: 3, stepMs: 100 })
    })
    const { id } = await client.createDeployment(stack, { operation: 'preview' })
    time.advance(60_000)
    const [update] = await client.getDeploymentUpdates(stack, id)
    expect(update?.result).toBe('succeeded')
    expect(Object.fromEntries(update?.resourceChanges ?? [])).toEqual({
      create: 1,
      update: 1,
      replace: 1,
      delete: 2,
      same: 3
    })

    const { events, pages } = await allEvents(update?.updateID as string)
    expect(pages).toBeGreaterThan(2)
    const ops = events.flatMap(e => (e.kind === 'resource-pre' && e.step.op !== 'same' ? [e.step.op] : []))
    expect(ops.sort()).toEqual(
      ['create', 'update', 'create-replacement', 'replace', 'delete-replaced', 'delete', 'delete'].sort()
    )
    const replaced = events.find(e => e.kind === 'resource-pre' && e.step.op === 'replace')
    expect(replaced?.kind === 'resource-pre' && replaced.step.changes.find(c => c.replaces)).toMatchObject({
      path: expect.any(String),
      old: expect.anything(),
      new: expect.anything()
    })
    const summary = events.find(e => e.kind === 'summary')
    expect(summary?.kind === 'summary' && Object.fromEntries(summary.resourceChanges)).toMatchObject({
      delete: 2,
      replace: 1
    })
    const firstEvents = cloud.requests.filter(r => r.endpoint === 'getEngineEvents')
    expect(firstEvents[0]?.path).toBe(`/api/stacks/acme/web/dev/update/${update?.updateID}/events`)
  })

  it('sends a policy violation and, for a failed operation, the failing resource and its error', async () => {
    cloud.addStack('acme/web/dev', {
      settings: SOURCE_SETTINGS,
      scenario: previewScenario({ creates: 2, result: 'failed', policy: { enforcementLevel: 'mandatory' } })
    })
    const { id } = await client.createDeployment(stack, { operation: 'preview' })
    time.advance(60_000)
    const [update] = await client.getDeploymentUpdates(stack, id)
    const { events } = await allEvents(update?.updateID as string)
    expect(events.find(e => e.kind === 'policy')).toMatchObject({
      policy: {
        policyName: 's3-no-public-read',
        enforcementLevel: 'mandatory',
        urn: expect.stringContaining('bucket-0001')
      }
    })
    expect(events.find(e => e.kind === 'resource-failed')).toMatchObject({
      step: { urn: expect.stringContaining('bucket-0001') }
    })
    expect(events.filter(e => e.kind === 'diagnostic' && e.severity === 'error')).toHaveLength(2)
  })

  it('refuses a continuation token it did not issue', async () => {
    cloud.addStack('acme/web/dev', { settings: SOURCE_SETTINGS, scenario: previewScenario() })
    const { id } = await client.createDeployment(stack, { operation: 'preview' })
    time.advance(60_000)
    const [update] = await client.getDeploymentUpdates(stack, id)
    await expect(client.getEngineEvents(stack, update?.updateID as string, 'nonsense')).rejects.toMatchObject(
      {
        status: 400
      }
    )
  })
})

describe('stack outputs', () => {
  beforeEach(() => setUp())

  it('exports the outputs of the last update, a secret as ciphertext that batch-decrypt opens', async () => {
    cloud.addStack('acme/web/dev', {
      settings: SOURCE_SETTINGS,
      scenario: updateScenario({
        outputs: { url: 'https://web.example', dbPassword: { secret: 'hunter2-horse' } }
      })
    })
    expect((await client.getStackOutputs(stack)).found).toBe(false)
    await client.createDeployment(stack, { operation: 'update' })
    time.advance(60_000)
    const read = await client.getStackOutputs(stack)
    expect(read.outputs.get('url')).toBe('https://web.example')
    const ciphertext = secretCiphertext(read.outputs.get('dbPassword')) as string
    expect(ciphertext).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(JSON.stringify([...read.outputs])).not.toContain('hunter2')
    const plain = await client.batchDecrypt(stack, [ciphertext])
    expect(JSON.parse(plain.get(ciphertext) as string)).toBe('hunter2-horse')
    await expect(
      client.batchDecrypt(stack, ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'])
    ).rejects.toMatchObject({
      status: 400
    })
  })
})

describe('answers the client does not believe', () => {
  let server: Server
  let answer: unknown
  beforeEach(async () => {
    cloud = await startFakeCloud()
    server = createServer((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(typeof answer === 'string' ? answer : JSON.stringify(answer))
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    client = new PulumiCloudClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      token: 't',
      retry: { maxAttempts: 1 }
    })
  })
  afterEach(() => new Promise<void>(resolve => server.close(() => resolve())))

  it('drops updates whose ID could leave its path segment, and counts that are not counts', async () => {
    // Written as JSON text: an object literal's `__proto__` would set a prototype, not send a key.
    answer = `[
      {"updateID": "../../x", "version": 1, "info": {"kind": "update", "result": "succeeded"}},
      {"updateID": "abc-123", "version": 2, "info": {"result": "succeeded", "resourceChanges": {"create": -1}}},
      {"updateID": "def-456", "version": 3, "info": {"result": "succeeded", "resourceChanges": {"__proto__": 5}}},
      {"updateID": "ok-1", "version": 4, "info": {"result": "succeeded", "resourceChanges": {"create": 2, "frob": 1}}}
    ]`
    const updates = await client.getDeploymentUpdates(stack, '0c2d8f6e-5b1a-4f3e-9d7c-2a4b6c8d0e1f')
    expect(updates.map(u => u.updateID)).toEqual(['abc-123', 'def-456', 'ok-1'])
    expect(updates.every(u => u.resourceChanges === undefined)).toBe(true)
  })

  it('drops events with an unknown op and reads no inherited property as a payload', async () => {
    answer = {
      events: [
        {
          type: 'resourcePreEvent',
          resourcePreEvent: { metadata: { op: 'obliterate', urn: 'u', type: 't' } }
        },
        { type: 'constructor' },
        { type: 'resourcePreEvent' },
        { type: 'diagnosticEvent', diagnosticEvent: { severity: 'error', message: 'boom' } }
      ],
      continuationToken: null
    }
    const page = await client.getEngineEvents(stack, 'u-1')
    expect(page.events).toEqual([
      { kind: 'other' },
      { kind: 'diagnostic', severity: 'error', message: 'boom' }
    ])
    expect(page.invalid).toBe(2)
    expect(page.continuationToken).toBeUndefined()
    answer = { events: 'many' }
    await expect(client.getEngineEvents(stack, 'u-1')).rejects.toThrow(/not a page of events/)
  })
})
