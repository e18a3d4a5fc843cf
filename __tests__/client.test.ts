// Every endpoint of the client, over real HTTP against the fake Pulumi Cloud.
import type { PulumiCloudClient } from '../src/pulumi/client.js'
import type { StackRef, StreamLogsResponse } from '../src/pulumi/types.js'
import { ACTION_VERSION } from '../src/action/version.js'
import type { FakeCloud, ManualClock, Scenario } from '../test/fake-cloud/index.js'
import { cloudAndClient, SOURCE_SETTINGS } from './client-support.js'

const stack: StackRef = { org: 'acme', project: 'web', stack: 'dev' }
const twoSteps: Scenario = {
  steps: [
    { name: 'Get source', durationMs: 1000, lines: ['cloning\n', 'checked out\n'] },
    {
      name: 'pulumi update',
      durationMs: 2000,
      lines: ['Updating (acme/dev)\n', 'a\n', 'b\n', 'Resources: 3 unchanged\n']
    }
  ],
  result: 'succeeded'
}

let cloud: FakeCloud
let time: ManualClock
let client: PulumiCloudClient

beforeEach(async () => {
  ;({ cloud, time, client } = await cloudAndClient())
  cloud.addStack('acme/web/dev', { settings: SOURCE_SETTINGS, scenario: twoSteps })
})
afterEach(() => cloud.close())

describe('deployments', () => {
  it('creates a deployment and reads it by id', async () => {
    const created = await client.createDeployment(stack, { operation: 'update' })
    expect(created.recovered).toBeUndefined()
    expect(created.consoleUrl).toBe(`${cloud.url}/acme/web/dev/deployments/${created.version}`)
    const byId = await client.getDeployment(stack, created.id)
    expect(byId.id).toBe(created.id)
    expect(byId.pulumiOperation).toBe('update')
    expect(cloud.deployments('acme/web/dev')).toHaveLength(1)
  })

  it('pages through stack deployments with page, pageSize, asc and status', async () => {
    for (let i = 0; i < 5; i++) await client.createDeployment(stack, { operation: 'preview' })
    const [, second] = cloud.deployments('acme/web/dev')
    await client.cancelDeployment(stack, second?.id ?? '')

    const newestFirst = await client.listStackDeployments(stack, { pageSize: 2 })
    expect(newestFirst.deployments.map(d => d.version)).toEqual([5, 4])
    expect(newestFirst.total).toBe(5)
    const page2Asc = await client.listStackDeployments(stack, { page: 2, pageSize: 2, asc: true })
    expect(page2Asc.deployments.map(d => d.version)).toEqual([3, 4])
    const failed = await client.listStackDeployments(stack, { status: 'failed' })
    expect(failed.deployments.map(d => d.version)).toEqual([2])
    expect(cloud.requests.filter(r => r.endpoint === 'listStackDeployments').map(r => r.query)).toEqual([
      { pageSize: '2' },
      { page: '2', pageSize: '2', asc: 'true' },
      { status: 'failed' }
    ])
  })

  it('cancels a running deployment; the deployment ends failed', async () => {
    const { id } = await client.createDeployment(stack, { operation: 'update' })
    time.advance(500)
    await client.cancelDeployment(stack, id)
    time.advance(60_000)
    expect((await client.getDeployment(stack, id)).status).toBe('failed')
  })
})

describe('logs', () => {
  it('streams the whole log by following nextToken until it is absent', async () => {
    const { id } = await client.createDeployment(stack, { operation: 'update' })
    time.advance(10_000)
    const entries: StreamLogsResponse['lines'] = []
    let token: string | undefined
    for (let pages = 0; pages < 20; pages++) {
      const page = await client.streamLogs(stack, id, token)
      entries.push(...page.lines)
      token = page.nextToken
      if (token === undefined) break
    }
    expect(token).toBeUndefined()
    expect(entries.map(e => e.header ?? e.line)).toEqual([
      'Get source',
      'cloning\n',
      'checked out\n',
      'pulumi update',
      'Updating (acme/dev)\n',
      'a\n',
      'b\n',
      'Resources: 3 unchanged\n'
    ])
    const asked = cloud.requests.filter(r => r.endpoint === 'streamLogs').map(r => r.query.continuationToken)
    expect(asked[0]).toBeUndefined()
  })
})

describe('deployments metadata', () => {
  it('says whether deployments are paused for the stack or its organization', async () => {
    expect(await client.getStackMetadata(stack)).toMatchObject({ paused: false, stackPaused: false })
    cloud.pause({ stack: 'acme/web/dev' })
    expect(await client.getStackMetadata(stack)).toMatchObject({
      paused: true,
      stackPaused: true,
      organizationPaused: false
    })
    cloud.pause({ org: 'acme' })
    expect(await client.getStackMetadata(stack)).toMatchObject({ paused: true, organizationPaused: true })
  })
})

describe('the wire', () => {
  it('sends the token, the API version, JSON, the User-Agent and no initiator', async () => {
    await client.createDeployment(stack, { operation: 'preview' })
    await client.getStackMetadata(stack)
    const [create, read] = cloud.requests
    expect(create?.headers.authorization).toBe(`token ${cloud.token}`)
    expect(create?.headers.accept).toBe('application/vnd.pulumi+8')
    expect(create?.headers['content-type']).toBe('application/json')
    expect(create?.headers['user-agent']).toContain(`pulumi-deployments-action/${ACTION_VERSION}`)
    expect(create?.headers['x-pulumi-deployment-initiator']).toBeUndefined()
    expect(create?.body).toEqual({ operation: 'preview' })
    expect(read?.headers['content-type']).toBeUndefined()
    expect(cloud.deployments()[0]?.initiator).toBeUndefined()
  })

  it('works with dotted and underscored names, and encodes every path segment', async () => {
    cloud.addStack('my.org/web_app/dev.eu-1', { settings: SOURCE_SETTINGS, scenario: twoSteps })
    const odd = { org: 'my.org', project: 'web_app', stack: 'dev.eu-1' }
    const created = await client.createDeployment(odd, { operation: 'update' })
    expect((await client.getDeployment(odd, created.id)).id).toBe(created.id)
    expect(cloud.requests[0]?.path).toBe('/api/stacks/my.org/web_app/dev.eu-1/deployments')

    // An id that is not Pulumi's shape never becomes a path segment: `..` would leave the deployment's URL.
    const before = cloud.requests.length
    for (const id of ['a/b?c', '..', '.'])
      await expect(client.getDeployment(odd, id)).rejects.toThrow(/not a Pulumi deployment id/)
    expect(cloud.requests).toHaveLength(before)
  })

  it('counts every request sent', async () => {
    expect(client.requestCount).toBe(0)
    await client.getSettings(stack)
    await client.getStackMetadata(stack)
    expect(client.requestCount).toBe(2)
  })
})
