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

describe('deployment settings', () => {
  it("applies the spec's patch example: nulls remove, objects merge, arrays and scalars replace", async () => {
    cloud.addStack('my-org/aws-ts-s3/dev', {
      settings: {
        sourceContext: {
          git: {
            repoUrl: 'https://github.com/pulumi/deploy-demos.git',
            branch: 'refs/heads/demo',
            repoDir: 'pulumi-programs/aws-ts-s3'
          }
        },
        operationContext: {
          preRunCommands: ['echo "hello world"'],
          environmentVariables: {
            AWS_REGION: 'us-west-2',
            AWS_ACCESS_KEY_ID: '$AWS_ACCESS_KEY_ID',
            AWS_SECRET_ACCESS_KEY: '$AWS_SECRET_ACCESS_KEY',
            AWS_SESSION_TOKEN: '$AWS_SESSION_TOKEN'
          }
        }
      }
    })
    const demo = { org: 'my-org', project: 'aws-ts-s3', stack: 'dev' }
    const patched = await client.patchSettings(demo, {
      sourceContext: { git: { repoUrl: null } as unknown as { repoUrl: string } },
      operationContext: {
        preRunCommands: ['echo "bonjour"'],
        environmentVariables: {
          AWS_ACCESS_KEY_ID: null,
          AWS_SECRET_ACCESS_KEY: null,
          AWS_SESSION_TOKEN: null
        } as unknown as Record<string, string>,
        oidc: { aws: { roleArn: 'my-role-arn', sessionName: 'pulumi-deploy' } }
      },
      gitHub: { repository: 'pulumi/deploy-demos' }
    })
    const expected = {
      sourceContext: { git: { branch: 'refs/heads/demo', repoDir: 'pulumi-programs/aws-ts-s3' } },
      operationContext: {
        preRunCommands: ['echo "bonjour"'],
        environmentVariables: { AWS_REGION: 'us-west-2' },
        oidc: { aws: { roleArn: 'my-role-arn', sessionName: 'pulumi-deploy' } }
      },
      gitHub: { repository: 'pulumi/deploy-demos' }
    }
    expect(patched).toEqual(expected)
    expect(await client.getSettings(demo)).toEqual(expected)
  })

  it('replaces the settings whole, and clears them', async () => {
    const replaced = await client.replaceSettings(stack, { operationContext: { preRunCommands: ['make'] } })
    expect(replaced).toEqual({ operationContext: { preRunCommands: ['make'] } })
    await client.clearSettings(stack)
    expect(await client.getSettings(stack)).toEqual({})
    expect(cloud.requests.map(r => `${r.method} ${r.endpoint}`)).toEqual([
      'PUT replaceSettings',
      'DELETE deleteSettings',
      'GET getSettings'
    ])
  })
})

describe('deployments', () => {
  it('creates a deployment and reads it by id and by version', async () => {
    const created = await client.createDeployment(stack, { operation: 'update' })
    expect(created.recovered).toBeUndefined()
    expect(created.consoleUrl).toBe(`${cloud.url}/acme/web/dev/deployments/${created.version}`)
    const byId = await client.getDeployment(stack, created.id)
    const byVersion = await client.getDeploymentByVersion(stack, created.version)
    expect(byId.id).toBe(created.id)
    expect(byVersion.id).toBe(created.id)
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

  it("lists an organization's deployments across its stacks", async () => {
    cloud.addStack('acme/api/prod', { settings: SOURCE_SETTINGS, scenario: twoSteps })
    cloud.addStack('other/web/dev', { settings: SOURCE_SETTINGS, scenario: twoSteps })
    await client.createDeployment(stack, { operation: 'update' })
    await client.createDeployment({ org: 'acme', project: 'api', stack: 'prod' }, { operation: 'refresh' })
    await client.createDeployment({ org: 'other', project: 'web', stack: 'dev' }, { operation: 'update' })
    const listed = await client.listOrgDeployments('acme', { pageSize: 10, asc: true })
    expect(listed.deployments.map(d => `${d.projectName}/${d.stackName} ${d.pulumiOperation}`)).toEqual([
      'web/dev update',
      'api/prod refresh'
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

describe('logs and updates', () => {
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

  it('reads one step by offset and count until nextOffset is absent', async () => {
    const { id } = await client.createDeployment(stack, { operation: 'update' })
    time.advance(10_000)
    const first = await client.stepLogs(stack, id, { job: 0, step: 1, offset: 0, count: 3 })
    expect(first.lines.map(l => l.line)).toEqual(['Updating (acme/dev)\n', 'a\n', 'b\n'])
    expect(first.nextOffset).toBe(3)
    const rest = await client.stepLogs(stack, id, { job: 0, step: 1, offset: 3, count: 3 })
    expect(rest.lines.map(l => l.line)).toEqual(['Resources: 3 unchanged\n'])
    expect(rest.nextOffset).toBeUndefined()
    expect(cloud.requests.filter(r => r.endpoint === 'stepLogs').at(-1)?.query).toEqual({
      job: '0',
      step: '1',
      offset: '3',
      count: '3'
    })
  })

  it('lists the stack updates a finished deployment made', async () => {
    const { id } = await client.createDeployment(stack, { operation: 'update' })
    time.advance(10_000)
    const updates = await client.getDeploymentUpdates(stack, id)
    expect(updates).toHaveLength(1)
    expect(updates[0]?.version).toBeGreaterThan(0)
    expect(typeof updates[0]?.updateID).toBe('string')
  })
})

describe('pause, resume and metadata', () => {
  it('pauses and resumes a stack', async () => {
    await client.pauseStack(stack)
    expect(await client.getStackMetadata(stack)).toMatchObject({
      paused: true,
      stackPaused: true,
      organizationPaused: false
    })
    await client.resumeStack(stack)
    expect(await client.getStackMetadata(stack)).toMatchObject({ paused: false, stackPaused: false })
  })

  it('pauses and resumes an organization', async () => {
    await client.pauseOrg('acme')
    expect(await client.getOrgMetadata('acme')).toMatchObject({ paused: true })
    expect(await client.getStackMetadata(stack)).toMatchObject({ paused: true, organizationPaused: true })
    await client.resumeOrg('acme')
    const metadata = await client.getOrgMetadata('acme')
    expect(metadata.paused).toBe(false)
    expect(metadata.deploymentCounts.total).toBe(0)
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

    await expect(client.getDeployment(odd, 'a/b?c')).rejects.toThrow(
      /Deployment a\/b\?c of stack my\.org\/web_app\/dev\.eu-1/
    )
    const last = cloud.requests.at(-1)
    expect(last?.endpoint).toBe('getDeployment')
    expect(last?.path).toBe('/api/stacks/my.org/web_app/dev.eu-1/deployments/a%2Fb%3Fc')
  })

  it('counts every request sent', async () => {
    expect(client.requestCount).toBe(0)
    await client.getSettings(stack)
    await client.getStackMetadata(stack)
    expect(client.requestCount).toBe(2)
  })
})
