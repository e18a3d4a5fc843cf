// logIn: the step's OIDC login, driven over real HTTP against the fake Pulumi Cloud with a recording runner. What a
// user relies on: each token is masked the moment it is known, the exchange carries no Authorization header, a
// hostile answer is never used, and a passing outage is ridden out.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { logIn } from '../src/action/login.js'
import { getInputs, type ActionConfig } from '../src/config/inputs.js'
import { IdTokenError } from '../src/github/oidc.js'
import { PulumiCloudClient } from '../src/pulumi/client.js'
import { PulumiApiError } from '../src/pulumi/errors.js'
import { startFakeCloud, type FakeCloud } from '../test/fake-cloud/index.js'
import { FakeGitHubOidc } from '../test/fake-github/oidc.js'

let cloud: FakeCloud
let github: FakeGitHubOidc
let said: string[]

const runner = {
  info: (m: string) => said.push(`info ${m}`),
  warning: (m: string) => said.push(`warning ${m}`),
  setSecret: (v: string) => said.push(`mask ${v}`)
}

beforeEach(async () => {
  cloud = await startFakeCloud()
  cloud.addStack('acme/web/dev')
  github = new FakeGitHubOidc()
  said = []
})
afterEach(async () => cloud?.close())

function config(inputs: Record<string, string> = {}): ActionConfig {
  const all: Record<string, string> = {
    stack: 'acme/web/dev',
    operation: 'preview',
    'oidc-token-type': 'organization',
    ...inputs
  }
  return getInputs(name => all[name] ?? '', {
    ACTIONS_ID_TOKEN_REQUEST_URL: 'http://runner.invalid/idtoken?api-version=2.0',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-1234'
  })
}

const exchanger = () =>
  new PulumiCloudClient({ baseUrl: cloud.url, token: '', retry: { baseDelayMs: 1, maxDelayMs: 5 } })

const login = (c: ActionConfig, source = (audience: string) => Promise.resolve(github.issue(audience))) =>
  logIn(c, { runner, idToken: source, exchanger: exchanger() })

describe('logIn', () => {
  test('masks the ID token before sending it and the Pulumi token before saying anything', async () => {
    cloud.trustOidcIssuer('acme', github)
    const result = await login(config())

    const [issued] = cloud.issuedTokens.keys()
    const idToken = github.issued[0]?.token
    expect(result.token).toBe(issued)
    expect(result.secrets).toEqual(expect.arrayContaining([idToken, issued]))
    expect(said.map(s => s.replace(idToken ?? '?', 'ID').replace(issued ?? '?', 'PULUMI'))).toEqual([
      'mask ID',
      'mask PULUMI',
      expect.stringMatching(
        /^info Logged in to Pulumi Cloud with an organization token of the organization acme/
      )
    ])
    const [exchange] = cloud.requests
    expect(exchange?.endpoint).toBe('tokenExchange')
    expect(exchange?.headers.authorization).toBeUndefined()
  })

  test('a config with a given token is left as it is, and nothing is asked of anyone', async () => {
    const given = getInputs(
      name =>
        ({ stack: 'acme/web/dev', operation: 'preview', 'pulumi-access-token': 'pul-given-1234' })[name] ??
        '',
      {}
    )
    const source = () => Promise.reject(new Error('not to be called'))
    expect(await login(given, source)).toBe(given)
    expect(cloud.requests).toHaveLength(0)
    expect(said).toEqual([])
  })

  test('rides out a 503 from the exchange', async () => {
    cloud.trustOidcIssuer('acme', github)
    cloud.faults.add({ endpoint: 'tokenExchange', kind: 'status', status: 503, times: 1 })
    const result = await login(config())
    expect(result.token).toMatch(/^pul-oidc-/)
    expect(cloud.requests.map(r => r.status)).toEqual([503, 200])
  })

  test('a runner that gives no token fails with one sentence, and nothing is sent to Pulumi Cloud', async () => {
    const source = () =>
      Promise.reject(new Error('Error message: Failed to get ID Token. \n Error Code : 403'))
    const error = await login(config(), source).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IdTokenError)
    expect((error as Error).message).toMatch(
      /^The runner did not give this job a GitHub OIDC token for the audience urn:pulumi:org:acme \(Error message: Failed to get ID Token\. Error Code : 403\): check that the job has `permissions: id-token: write`/
    )
    expect(cloud.requests).toHaveLength(0)
  })

  test('a refusal names the organization and token type and never repeats the ID token', async () => {
    // No issuer trusted: the fake refuses, quoting nothing of the token; a service that echoed it would be cut.
    const error = await login(config({ 'oidc-token-type': 'runner', 'oidc-scope': 'pool-1' })).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(PulumiApiError)
    expect((error as Error).message).toMatch(
      /^Pulumi Cloud refused to exchange this job's GitHub OIDC token for a runner token of the organization acme \(scope runner:pool-1\) \(HTTP 400: .*\(invalid_grant\)\)/
    )
    expect((error as Error).message).not.toContain(github.issued[0]?.token)
  })
})
