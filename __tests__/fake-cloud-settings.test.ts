// The fake Pulumi Cloud's authentication, routing, deployment settings and create-request checks, over real HTTP.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { callFake } from '../test/fake-cloud/call.js'
import { ManualClock, startFakeCloud, type FakeCloud } from '../test/fake-cloud/index.js'

const STACK = 'acme/web/dev'
const BASE = `/api/stacks/${STACK}/deployments`
const GIT = { repoUrl: 'https://github.com/acme/infra.git', branch: 'refs/heads/main', repoDir: 'web' }

let cloud: FakeCloud
const call = <T = unknown>(method: string, path: string, body?: unknown, token?: string | null) =>
  callFake<T>(cloud, method, path, body, { token })

beforeEach(async () => {
  cloud = await startFakeCloud({ clock: new ManualClock() })
})
afterEach(async () => cloud.close())

describe('authentication and routing', () => {
  test('a missing or wrong token is refused with 401 and Pulumi’s error body', async () => {
    cloud.addStack(STACK)
    for (const token of [null, 'not-the-token']) {
      const answer = await call('GET', `${BASE}/settings`, undefined, token)
      expect(answer.status).toBe(401)
      expect(answer.body).toEqual({
        code: 401,
        message: 'Unauthorized: No credentials provided or are invalid.'
      })
    }
    const bearer = await callFake(cloud, 'GET', `${BASE}/settings`, undefined, {
      token: null,
      headers: { authorization: `Bearer ${cloud.token}` }
    })
    expect(bearer.status).toBe(401)
  })

  test('an unknown stack, organization or route answers 404 naming it', async () => {
    cloud.addStack(STACK)
    const stack = await call<{ code: number; message: string }>(
      'GET',
      '/api/stacks/acme/web/prod/deployments'
    )
    expect(stack.status).toBe(404)
    expect(stack.body).toEqual({ code: 404, message: "Stack 'acme/web/prod' not found" })
    const org = await call<{ message: string }>('GET', '/api/orgs/nobody/deployments')
    expect(org.status).toBe(404)
    expect(org.body.message).toContain('nobody')
    expect((await call('GET', '/api/stacks/acme/web/dev/deploymentz')).status).toBe(404)
    expect((await call('DELETE', BASE)).status).toBe(405)
  })

  test('records every request with its endpoint, parsed body, status and clock time', async () => {
    cloud.addStack(STACK, { settings: { sourceContext: { git: GIT } } })
    await call('POST', BASE, { operation: 'preview' })
    await call('GET', `${BASE}/settings`, undefined, null)
    expect(cloud.requests.map(r => [r.method, r.endpoint, r.status])).toEqual([
      ['POST', 'createDeployment', 202],
      ['GET', 'getSettings', 401]
    ])
    expect(cloud.requests[0]?.body).toEqual({ operation: 'preview' })
    expect(cloud.requests[0]?.at).toBe(cloud.clock.now())
  })
})

describe('deployment settings', () => {
  // The worked example of spec/deployments-api.md "Patch Settings", verbatim. (The page's curl body has a trailing
  // comma after `"repoURL": null`, which no JSON parser accepts; it is left out here.)
  test('patching merges exactly as the spec’s worked example shows', async () => {
    cloud.addStack(STACK)
    const current = {
      sourceContext: {
        git: {
          repoURL: 'https://github.com/pulumi/deploy-demos.git',
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
    const patch = {
      sourceContext: { git: { repoURL: null } },
      operationContext: {
        preRunCommands: ['echo "bonjour"'],
        environmentVariables: {
          AWS_ACCESS_KEY_ID: null,
          AWS_SECRET_ACCESS_KEY: null,
          AWS_SESSION_TOKEN: null
        },
        oidc: { aws: { roleArn: 'my-role-arn', sessionName: 'pulumi-deploy' } }
      },
      gitHub: { repository: 'pulumi/deploy-demos' }
    }
    const expected = {
      sourceContext: { git: { branch: 'refs/heads/demo', repoDir: 'pulumi-programs/aws-ts-s3' } },
      operationContext: {
        preRunCommands: ['echo "bonjour"'],
        environmentVariables: { AWS_REGION: 'us-west-2' },
        oidc: { aws: { roleArn: 'my-role-arn', sessionName: 'pulumi-deploy' } }
      },
      gitHub: { repository: 'pulumi/deploy-demos' }
    }
    expect((await call('PUT', `${BASE}/settings`, current)).status).toBe(200)
    const patched = await call('POST', `${BASE}/settings`, patch)
    expect(patched.status).toBe(200)
    expect(patched.body).toEqual(expected)
    expect((await call('GET', `${BASE}/settings`)).body).toEqual(expected)
  })

  test('PUT replaces the settings, DELETE clears them and answers true', async () => {
    cloud.addStack(STACK, { settings: { sourceContext: { git: GIT }, agentPoolID: 'pool-1' } })
    const replaced = await call('PUT', `${BASE}/settings`, { operationContext: { preRunCommands: ['make'] } })
    expect(replaced.body).toEqual({ operationContext: { preRunCommands: ['make'] } })
    const cleared = await call('DELETE', `${BASE}/settings`)
    expect([cleared.status, cleared.body]).toEqual([200, true])
    // A stack without stored settings answers 404, as the OpenAPI describes GET settings.
    const none = await call<{ message: string }>('GET', `${BASE}/settings`)
    expect([none.status, none.body.message]).toEqual([
      404,
      "No deployment settings found for stack 'acme/web/dev'"
    ])
  })

  test('secrets read back redacted with a ciphertext, and writing that back keeps the secret', async () => {
    cloud.addStack(STACK)
    await call('PUT', `${BASE}/settings`, {
      sourceContext: { git: { ...GIT, gitAuth: { accessToken: { secret: 'ghp_topsecret' } } } },
      operationContext: { environmentVariables: { REGION: 'eu-west-1', API_KEY: { secret: 'k-123' } } }
    })
    const read = await call<Record<string, unknown>>('GET', `${BASE}/settings`)
    expect(read.text).not.toContain('ghp_topsecret')
    expect(read.text).not.toContain('k-123')
    expect(read.body).toMatchObject({
      operationContext: { environmentVariables: { REGION: 'eu-west-1', API_KEY: { secret: '[secret]' } } }
    })
    expect((await call('PUT', `${BASE}/settings`, read.body)).status).toBe(200)
    expect(cloud.settings(STACK).operationContext?.environmentVariables?.API_KEY).toEqual({ secret: 'k-123' })
    const forged = {
      operationContext: { environmentVariables: { X: { secret: '[secret]', ciphertext: 'Zm9v' } } }
    }
    expect((await call('PUT', `${BASE}/settings`, forged)).status).toBe(400)
  })

  test('a misspelt settings key is refused with 400 naming it', async () => {
    cloud.addStack(STACK)
    const answer = await call<{ message: string }>('POST', `${BASE}/settings`, {
      operationContext: { preRunComands: [] }
    })
    expect(answer.status).toBe(400)
    expect(answer.body.message).toContain("'operationContext.preRunComands'")
  })
})

describe('create deployment', () => {
  beforeEach(() =>
    cloud.addStack(STACK, {
      settings: {
        sourceContext: { git: GIT },
        operationContext: { environmentVariables: { REGION: 'us-west-2', STAGE: 'dev' } }
      }
    })
  )

  test('answers 202 with id, console URL and version, and records the body and initiator verbatim', async () => {
    const body = { operation: 'update', operationContext: { environmentVariables: { REGION: 'us-east-1' } } }
    const answer = await callFake<{ id: string; consoleUrl: string; version: number }>(
      cloud,
      'POST',
      BASE,
      body,
      {
        headers: { 'X-Pulumi-Deployment-Initiator': 'automation-api' }
      }
    )
    expect(answer.status).toBe(202)
    expect(answer.body.version).toBe(1)
    expect(answer.body.consoleUrl).toBe(`${cloud.url}/acme/web/dev/deployments/1`)
    const [deployment] = cloud.deployments(STACK)
    expect(deployment).toMatchObject({ id: answer.body.id, request: body, initiator: 'automation-api' })
    expect(deployment?.settings.operationContext?.environmentVariables).toEqual({
      REGION: 'us-east-1',
      STAGE: 'dev'
    })
    const second = await call<{ version: number }>('POST', BASE, { operation: 'preview' })
    expect(second.body.version).toBe(2)
  })

  test.each([
    [
      'a field of the wrong type',
      { operation: 'update', sourceContext: { git: { repoUrl: 7 } } },
      "'sourceContext.git.repoUrl'"
    ],
    [
      'operation inside operationContext',
      { operation: 'update', operationContext: { operation: 'update' } },
      'top level'
    ],
    ['a missing operation', { operationContext: { preRunCommands: [] } }, "'operation'"],
    ['an unknown operation', { operation: 'deploy' }, 'update, preview'],
    ['a wrong type', { operation: 'update', inheritSettings: 'yes' }, "'inheritSettings'"]
  ])('refuses %s with 400 naming the problem', async (_what, body, fragment) => {
    const answer = await call<{ code: number; message: string }>('POST', BASE, body)
    expect(answer.status).toBe(400)
    expect(answer.body.code).toBe(400)
    expect(answer.body.message).toContain(fragment)
    expect(cloud.deployments(STACK)).toHaveLength(0)
  })

  test('a commit in the request replaces the inherited branch, and a branch the inherited commit', async () => {
    await call('POST', BASE, { operation: 'preview', sourceContext: { git: { commit: 'abc123' } } })
    const [byCommit] = cloud.deployments(STACK)
    expect(byCommit?.settings.sourceContext?.git).toEqual({
      repoUrl: GIT.repoUrl,
      repoDir: 'web',
      commit: 'abc123'
    })

    await call('PUT', `${BASE}/settings`, {
      sourceContext: { git: { repoUrl: GIT.repoUrl, commit: 'def456' } }
    })
    await call('POST', BASE, { operation: 'preview', sourceContext: { git: { branch: 'refs/heads/fix' } } })
    expect(cloud.deployments(STACK)[1]?.settings.sourceContext?.git).toEqual({
      repoUrl: GIT.repoUrl,
      branch: 'refs/heads/fix'
    })
  })

  test('inheritSettings false uses only the request, and a request with no source is refused', async () => {
    const refused = await call<{ message: string }>('POST', BASE, {
      operation: 'update',
      inheritSettings: false
    })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(/no source.*repoUrl/)
    const own = { git: { repoUrl: 'https://github.com/acme/other.git', branch: 'main' } }
    const accepted = await call('POST', BASE, {
      operation: 'update',
      inheritSettings: false,
      sourceContext: own
    })
    expect(accepted.status).toBe(202)
    expect(cloud.deployments(STACK)[0]?.settings).toEqual({ sourceContext: own })
  })

  test('both a branch and a commit in the effective source are refused', async () => {
    const answer = await call<{ message: string }>('POST', BASE, {
      operation: 'update',
      inheritSettings: false,
      sourceContext: { git: { repoUrl: GIT.repoUrl, branch: 'main', commit: 'abc' } }
    })
    expect(answer.status).toBe(400)
    expect(answer.body.message).toContain('mutually exclusive')
  })

  test('accepts repoURL as Pulumi’s own pages spell it (the service decodes field names case-insensitively)', async () => {
    const answer = await call('POST', BASE, {
      operation: 'update',
      inheritSettings: false,
      sourceContext: { git: { repoURL: GIT.repoUrl, branch: 'main' } }
    })
    expect(answer.status).toBe(202)
  })
})
