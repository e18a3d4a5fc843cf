// End-to-end: OIDC login (`oidc-token-type`). The built action gets the job's ID token from the harness's runner
// endpoint, exchanges it at the fake Pulumi Cloud's POST /api/oauth/token, and works with the token it got. The
// harness scans every run for both tokens (the ID token and the exchanged one) wherever the action writes.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import {
  callFake,
  previewScenario,
  startFakeCloud,
  type FakeCloud,
  type RecordedRequest
} from '../test/fake-cloud/index.js'
import { FakeGitHubOidc } from '../test/fake-github/oidc.js'
import { commands, runAction, type RunActionOptions } from '../test/harness/run-action.js'

const STACK = 'acme/web/dev'
const EXCHANGE = {
  grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
  subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
  audience: 'urn:pulumi:org:acme'
}

let cloud: FakeCloud
let github: FakeGitHubOidc

beforeEach(async () => {
  cloud = await startFakeCloud()
  github = new FakeGitHubOidc({ repository: 'acme/infra' })
  cloud.addStack(STACK, {
    settings: {
      sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'refs/heads/main' } }
    },
    scenario: previewScenario({ creates: 1, stepMs: 20 })
  })
})
afterEach(async () => cloud?.close())

/** A job with `id-token: write` unless `idTokens` is overridden, logging in with OIDC, no token given. */
function oidcRun(inputs: Record<string, string>, extra: Partial<RunActionOptions> = {}): RunActionOptions {
  return {
    inputs: {
      stack: STACK,
      operation: 'preview',
      'cloud-url': cloud.url,
      'poll-interval': '50ms',
      'comment-on-pr': 'false',
      'oidc-token-type': 'organization',
      ...inputs
    },
    idTokens: github,
    ...extra
  }
}

const requestsTo = (endpoint: RecordedRequest['endpoint']): RecordedRequest[] =>
  cloud.requests.filter(r => r.endpoint === endpoint)

function lineIndex(stdout: string, pattern: RegExp | string): number {
  return stdout
    .split('\n')
    .findIndex(line => (typeof pattern === 'string' ? line.includes(pattern) : pattern.test(line)))
}

describe('with `permissions: id-token: write` and an organization that trusts GitHub', () => {
  test('exchanges the job ID token for an organization token and deploys with it', async () => {
    cloud.trustOidcIssuer('acme', github)
    const run = await runAction(oidcRun({}))

    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.idTokenAudiences).toEqual(['urn:pulumi:org:acme'])

    const [exchange, ...again] = requestsTo('tokenExchange')
    expect(again).toHaveLength(0)
    expect(exchange?.status).toBe(200)
    expect(exchange?.headers.authorization).toBeUndefined()
    expect(exchange?.body).toEqual({
      ...EXCHANGE,
      subject_token: github.issued[0]?.token,
      requested_token_type: 'urn:pulumi:token-type:access_token:organization',
      expiration: 2 * 60 * 60
    })
    // Every later request carries the token the exchange issued, for acme.
    const [[token, issued] = []] = [...cloud.issuedTokens]
    expect(issued).toMatchObject({
      org: 'acme',
      tokenType: 'organization',
      subject: 'repo:acme/infra:ref:refs/heads/main'
    })
    const later = cloud.requests.filter(r => r.endpoint !== 'tokenExchange')
    expect(later.length).toBeGreaterThan(0)
    for (const r of later) expect(r.headers.authorization).toBe(`token ${token}`)

    // Masked the moment it is known: before the line that announces the login, the first after the exchange.
    const masked = lineIndex(run.stdout, `::add-mask::${token}`)
    const loggedIn = lineIndex(
      run.stdout,
      /Logged in to Pulumi Cloud with an organization token of the organization acme/
    )
    expect(masked).toBeGreaterThanOrEqual(0)
    expect(masked).toBeLessThan(loggedIn)
    expect(lineIndex(run.stdout, `::add-mask::${github.issued[0]?.token}`)).toBeLessThan(masked)
  })

  test('asks for a team token with its scope, living the timeout and 15 minutes', async () => {
    cloud.trustOidcIssuer('acme', github, [{ tokenType: 'team', scope: 'team:platform' }])
    const run = await runAction(
      oidcRun({ 'oidc-token-type': 'team', 'oidc-scope': 'platform', timeout: '30m' })
    )

    expect(run.code).toBe(0)
    expect(requestsTo('tokenExchange')[0]?.body).toMatchObject({
      requested_token_type: 'urn:pulumi:token-type:access_token:team',
      scope: 'team:platform',
      expiration: 45 * 60
    })
    expect(run.stdout).toMatch(
      /a team token of the organization acme \(scope team:platform\).*expires in 45m 00s/
    )
  })

  test('says which token it uses when a token is given as well, and uses the exchanged one', async () => {
    cloud.trustOidcIssuer('acme', github)
    const run = await runAction(oidcRun({ 'pulumi-access-token': cloud.token }))

    expect(run.code).toBe(0)
    const warnings = commands(run.stdout, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /Both `oidc-token-type` and `pulumi-access-token` are set.*does not use the `pulumi-access-token` input/
    )
    expect(requestsTo('createDeployment')[0]?.headers.authorization).not.toBe(`token ${cloud.token}`)
  })

  test('masks both tokens in a deployment log that echoes them', async () => {
    cloud.trustOidcIssuer('acme', github)
    cloud.setScenario(STACK, () => {
      const scenario = previewScenario({ creates: 1, stepMs: 20 })
      const [token] = [...cloud.issuedTokens.keys()]
      scenario.steps.at(-1)?.lines?.unshift(`access token ${token}`, `id token ${github.issued[0]?.token}`)
      return scenario
    })
    const run = await runAction(oidcRun({}))

    expect(run.code).toBe(0)
    // The echo reached the log with both masked; the harness scanned every place for both tokens.
    expect(run.stdout).toMatch(/access token \*\*\*/)
    expect(run.stdout).toMatch(/id token \*\*\*/)
    expect(run.leaks).toEqual([])
  })
})

describe('a login that cannot happen', () => {
  test('without `id-token: write` fails before any request, with one error that says what to add', async () => {
    cloud.trustOidcIssuer('acme', github)
    const run = await runAction(oidcRun({}, { idTokens: undefined }))

    expect(run.code).toBe(1)
    const errors = commands(run.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/add `permissions: id-token: write` to the workflow or the job/)
    expect(cloud.requests).toHaveLength(0)
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)
  })

  test('a refused exchange fails with one sentence naming the organization and the token type', async () => {
    // acme lets this repository have organization tokens only.
    cloud.trustOidcIssuer('acme', github)
    const run = await runAction(oidcRun({ 'oidc-token-type': 'personal', 'oidc-scope': 'alice' }))

    expect(run.code).toBe(1)
    const errors = commands(run.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^Pulumi Cloud refused to exchange this job's GitHub OIDC token for a personal token of the organization acme \(scope user:alice\) \(HTTP 400: No policy .* allows repo:acme\/infra:ref:refs\/heads\/main to get a personal token with scope user:alice \(invalid_grant\)\); check that acme trusts GitHub/
    )
    expect(requestsTo('tokenExchange')).toHaveLength(1)
    expect(cloud.requests).toHaveLength(1)
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)
  })

  test('an organization that trusts no issuer refuses too, and nothing is deployed', async () => {
    const run = await runAction(oidcRun({}))

    expect(run.code).toBe(1)
    const errors = commands(run.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /an organization token of the organization acme .*has not registered any OIDC issuer/
    )
    expect(cloud.deployments()).toHaveLength(0)
  })
})

describe('the post step of a cancelled job', () => {
  test('logs in again with OIDC to cancel the deployment the main step left behind', async () => {
    cloud.trustOidcIssuer('acme', github)
    cloud.setScenario(STACK, previewScenario({ creates: 1, stepMs: 60 * 60_000 }))
    const created = await callFake<{ id: string }>(cloud, 'POST', `/api/stacks/${STACK}/deployments`, {
      operation: 'preview'
    })
    const post = await runAction(
      oidcRun(
        {},
        {
          post: {
            state: { isPost: 'true', deploymentId: created.body.id, stack: STACK, cancelOnAbort: 'true' }
          }
        }
      )
    )

    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/was cancelled too/)
    const [token] = [...cloud.issuedTokens.keys()]
    expect(requestsTo('cancelDeployment')[0]?.headers.authorization).toBe(`token ${token}`)
    expect(cloud.deployments(STACK)[0]).toMatchObject({ cancelled: true })
  })
})
