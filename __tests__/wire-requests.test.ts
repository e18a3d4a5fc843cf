// What goes over the wire, against the fake Pulumi Cloud over real HTTP: the create body and headers Pulumi's own
// clients send (spec/WIRE-NOTES.md, "Turn 2"), compressed answers, and what a 5xx or a warning header tells the user.
import { PulumiCloudClient } from '../src/pulumi/client.js'
import { PulumiApiError } from '../src/pulumi/errors.js'
import { applyCommitPin } from '../src/github/commit-pin.js'
import type { StackRef } from '../src/pulumi/types.js'
import { callFake, type FakeCloud, type ManualClock } from '../test/fake-cloud/index.js'
import { cloudAndClient, SOURCE_SETTINGS } from './client-support.js'

const stack: StackRef = { org: 'acme', project: 'web', stack: 'dev' }
const SHA = '0123456789abcdef0123456789abcdef01234567'
const BASE = '/api/stacks/acme/web/dev/deployments'

let cloud: FakeCloud
let time: ManualClock
let client: PulumiCloudClient
let warnings: string[]

beforeEach(async () => {
  warnings = []
  ;({ cloud, time, client } = await cloudAndClient({ onWarning: text => warnings.push(text) }))
  cloud.addStack('acme/web/dev', { settings: SOURCE_SETTINGS })
})
afterEach(() => cloud.close())

describe('a create pinned to a commit', () => {
  test('sends branch "" beside the commit, as the CLI does, and the commit replaces the inherited branch', async () => {
    const request = applyCommitPin(
      { sourceContext: { git: { repoUrl: '', tag: 'v1', repoDir: 'infra' } } },
      { commit: SHA, reason: 'r' }
    )
    await client.createDeployment(stack, { ...request, operation: 'update' })
    const [create] = cloud.requests
    expect(create?.body).toEqual({
      operation: 'update',
      sourceContext: { git: { branch: '', commit: SHA, repoDir: 'infra' } }
    })
    expect(cloud.deployments()[0]?.settings.sourceContext?.git).toEqual({
      repoUrl: SOURCE_SETTINGS.sourceContext.git.repoUrl,
      repoDir: 'infra',
      commit: SHA
    })
  })
})

describe('every request', () => {
  test('asks for API version 8 and gzip, and reads gzipped answers, logs included', async () => {
    cloud.setScenario('acme/web/dev', {
      steps: [
        {
          name: 'pulumi update',
          durationMs: 1000,
          generated: [{ count: 2000, line: i => `line ${i} ${'x'.repeat(60)}\n` }]
        }
      ],
      result: 'succeeded'
    })
    const created = await client.createDeployment(stack, { operation: 'update' })
    time.advance(5_000)
    let token: string | undefined
    let lines = 0
    do {
      const page = await client.streamLogs(stack, created.id, token)
      lines += page.lines?.filter(entry => entry.line !== undefined).length ?? 0
      token = page.nextToken
    } while (token)
    expect(lines).toBe(2000)
    expect((await client.getDeployment(stack, created.id)).status).toBe('succeeded')

    expect(cloud.requests.length).toBeGreaterThan(3)
    for (const request of cloud.requests) {
      expect(request.headers.accept).toBe('application/vnd.pulumi+8')
      expect(request.headers['accept-encoding']).toBe('gzip')
      expect(request.encoding).toBe('gzip')
      expect(request.headers['x-pulumi-deployment-initiator']).toBeUndefined()
    }
  })

  test('a gzipped answer cut short is an unreadable answer, retried like one', async () => {
    cloud.faults.add({ kind: 'truncate', endpoint: 'getSettings', times: 1 })
    expect(await client.getSettings(stack)).toEqual(SOURCE_SETTINGS)
    expect(cloud.requests.map(r => r.encoding)).toEqual(['gzip', 'gzip'])
  })
})

describe('what Pulumi Cloud says besides the answer', () => {
  test("a 5xx's X-Pulumi-Request-ID is in the message the user sees", async () => {
    cloud.faults.add({ kind: 'status', status: 500, endpoint: 'getSettings' })
    const error = await client.getSettings(stack).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PulumiApiError)
    expect((error as Error).message).toMatch(/Pulumi Cloud is unavailable: it answered HTTP 500/)
    expect((error as Error).message).toMatch(/give Pulumi support the request ID fake-request-\d{6}\.$/)
  })

  test('an X-Pulumi-Warning header is passed on once, however many answers carry it', async () => {
    cloud.setWarning('The organization acme is over its deployment minutes.')
    await client.getSettings(stack)
    await client.getStackMetadata(stack)
    await client.getSettings(stack)
    expect(warnings).toEqual(['The organization acme is over its deployment minutes.'])
  })
})

describe('the fake takes the create bodies Pulumi’s CLI sends', () => {
  test('empty strings and nulls are "not set", unknown keys are ignored, wrong types still refused', async () => {
    const cliBody = {
      operation: 'update',
      inheritSettings: true,
      agentPoolID: null,
      futureField: { anything: 1 },
      sourceContext: { git: { repoUrl: '', branch: '', commit: SHA, repoDir: '' } },
      operationContext: { operation: '', preRunCommands: [], environmentVariables: { EMPTY: '' } }
    }
    const accepted = await callFake(cloud, 'POST', BASE, cliBody)
    expect(accepted.status).toBe(202)
    const [deployment] = cloud.deployments()
    expect(deployment?.request).toEqual(cliBody)
    expect(deployment?.settings.sourceContext?.git).toEqual({
      repoUrl: SOURCE_SETTINGS.sourceContext.git.repoUrl,
      commit: SHA
    })
    expect(deployment?.settings.operationContext?.environmentVariables).toEqual({ EMPTY: '' })

    const wrongType = await callFake<{ message: string }>(cloud, 'POST', BASE, {
      operation: 'update',
      agentPoolID: 7
    })
    expect(wrongType.status).toBe(400)
    expect(wrongType.body.message).toContain("'agentPoolID'")
    const operationInside = await callFake<{ message: string }>(cloud, 'POST', BASE, {
      operation: 'update',
      operationContext: { operation: 'update' }
    })
    expect(operationInside.status).toBe(400)
  })
})
