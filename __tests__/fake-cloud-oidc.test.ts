// The fake's OIDC token exchange is as strict as Pulumi Cloud's (spec/results-openapi.json, /api/oauth/token): a
// login the real service would refuse must fail here too, or the end-to-end tests would prove nothing.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { callFake, ManualClock, startFakeCloud, type FakeCloud } from '../test/fake-cloud/index.js'
import { FakeGitHubOidc } from '../test/fake-github/oidc.js'

let cloud: FakeCloud
let clock: ManualClock
let github: FakeGitHubOidc

beforeEach(async () => {
  clock = new ManualClock()
  cloud = await startFakeCloud({ clock })
  cloud.addStack('acme/web/dev')
  cloud.addStack('globex/web/dev')
  github = new FakeGitHubOidc()
  cloud.trustOidcIssuer('acme', github, [
    { tokenType: 'organization' },
    { tokenType: 'team', scope: 'team:platform' }
  ])
})
afterEach(async () => cloud?.close())

function exchangeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    audience: 'urn:pulumi:org:acme',
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    subject_token: github.issue('urn:pulumi:org:acme'),
    subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
    requested_token_type: 'urn:pulumi:token-type:access_token:organization',
    ...overrides
  }
}

const exchange = (body: unknown) =>
  callFake<Record<string, unknown>>(cloud, 'POST', '/api/oauth/token', body, { token: null })

const listDeployments = (token: string, org = 'acme') =>
  callFake(cloud, 'GET', `/api/stacks/${org}/web/dev/deployments`, undefined, { token })

describe('an exchange the organization allows', () => {
  test('issues a token of the requested type and lifetime, which then works for that organization only', async () => {
    const answer = await exchange(exchangeBody({ expiration: 600 }))
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      issued_token_type: 'urn:pulumi:token-type:access_token:organization',
      token_type: 'Bearer',
      expires_in: 600,
      scope: ''
    })
    const token = answer.body.access_token as string
    expect((await listDeployments(token)).status).toBe(200)
    expect((await listDeployments(token, 'globex')).status).toBe(401)

    clock.advance(600_000)
    expect((await listDeployments(token)).status).toBe(401)
  })

  test('a team token for the team the policy names', async () => {
    const answer = await exchange(
      exchangeBody({
        requested_token_type: 'urn:pulumi:token-type:access_token:team',
        scope: 'team:platform'
      })
    )
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ scope: 'team:platform', expires_in: 7200 })
  })
})

describe('an exchange the service refuses, with {error, error_description}', () => {
  test.each([
    ['another grant type', { grant_type: 'client_credentials' }, 'unsupported_grant_type'],
    [
      'another subject token type',
      { subject_token_type: 'urn:ietf:params:oauth:token-type:jwt' },
      'invalid_request'
    ],
    ['an audience that is not an org URN', { audience: 'acme' }, 'invalid_request'],
    [
      'an unknown token type',
      { requested_token_type: 'urn:pulumi:token-type:access_token:robot' },
      'invalid_request'
    ],
    ['an organization token with a team scope', { scope: 'team:platform' }, 'invalid_scope'],
    [
      'a team token without its team',
      { requested_token_type: 'urn:pulumi:token-type:access_token:team' },
      'invalid_scope'
    ],
    ['a lifetime that is not whole seconds', { expiration: '2h' }, 'invalid_request'],
    [
      'a team the policies do not name',
      { requested_token_type: 'urn:pulumi:token-type:access_token:team', scope: 'team:other' },
      'invalid_grant'
    ],
    ['an org that trusts no issuer', { audience: 'urn:pulumi:org:globex' }, 'invalid_grant']
  ])('%s', async (_name, overrides, error) => {
    const answer = await exchange(exchangeBody(overrides))
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe(error)
    expect(answer.body.error_description).toEqual(expect.any(String))
    expect(cloud.issuedTokens.size).toBe(0)
  })

  test('an ID token made for another audience, changed, or from another issuer', async () => {
    const forGlobex = github.issue('urn:pulumi:org:globex')
    const [header, payload, signature] = github.issue('urn:pulumi:org:acme').split('.')
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>
    const changed = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'repo:evil/fork:ref:refs/heads/main' })).toString('base64url')}.${signature}`
    const stranger = new FakeGitHubOidc().issue('urn:pulumi:org:acme')
    for (const [subject, reason] of [
      [forGlobex, /audience is urn:pulumi:org:globex/],
      [changed, /signature does not verify/],
      [stranger, /signature does not verify/]
    ] as const) {
      const answer = await exchange(exchangeBody({ subject_token: subject }))
      expect(answer.status).toBe(400)
      expect(answer.body).toMatchObject({
        error: 'invalid_grant',
        error_description: expect.stringMatching(reason)
      })
    }
  })

  test('an expired ID token', async () => {
    const shortLived = new FakeGitHubOidc({ lifetimeMs: -1000 })
    cloud.trustOidcIssuer('acme', shortLived)
    const answer = await exchange(exchangeBody({ subject_token: shortLived.issue('urn:pulumi:org:acme') }))
    expect(answer.body).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringMatching(/expired/)
    })
  })
})
