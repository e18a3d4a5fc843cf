// The login inputs: a given token, or an OIDC login (`oidc-token-type`, `oidc-scope`, `oidc-expiration`), checked
// up front so that a login Pulumi Cloud would refuse, or a job that may not get an OIDC token, fails before any request.
import { InputError, getInputs, type ActionConfig } from '../src/config/inputs.js'

const ID_TOKEN_ENV = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://runner.example/idtoken?api-version=2.0',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-1234'
}
const REQUIRED = { stack: 'acme/web/dev', operation: 'update' }

function configFor(inputs: Record<string, string>, env: NodeJS.ProcessEnv = ID_TOKEN_ENV): ActionConfig {
  return getInputs(name => ({ ...REQUIRED, ...inputs })[name] ?? '', env)
}

function inputError(inputs: Record<string, string>, env: NodeJS.ProcessEnv = ID_TOKEN_ENV): InputError {
  try {
    configFor(inputs, env)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error(`expected the inputs to be rejected: ${JSON.stringify(inputs)}`)
}

describe('without oidc-token-type', () => {
  test('the token comes from pulumi-access-token as before, and no OIDC login is planned', () => {
    const config = configFor({ 'pulumi-access-token': 'pul-abcdef0123' }, {})
    expect(config.token).toBe('pul-abcdef0123')
    expect(config.oidc).toBeUndefined()
  })

  test.each(['oidc-scope', 'oidc-expiration'])(
    '%s alone is an error that says oidc-token-type is empty',
    name => {
      const error = inputError({
        'pulumi-access-token': 'pul-abcdef0123',
        [name]: name === 'oidc-scope' ? 'platform' : '1h'
      })
      expect(error.input).toBe(name)
      expect(error.message).toMatch(/`oidc-token-type` is empty/)
    }
  )

  test('no token at all points at OIDC as well', () => {
    expect(inputError({}, {}).message).toMatch(
      /`pulumi-access-token`.*PULUMI_ACCESS_TOKEN.*`oidc-token-type`/
    )
  })
})

describe('with oidc-token-type', () => {
  test('needs no token, and asks for 2 hours without a timeout', () => {
    const config = configFor({ 'oidc-token-type': 'organization' })
    expect(config.token).toBe('')
    expect(config.oidc).toEqual({
      tokenType: 'organization',
      scope: undefined,
      expirationSeconds: 7200,
      ignoredToken: undefined
    })
  })

  test('outlives the timeout by 15 minutes by default, and takes an explicit lifetime as a duration', () => {
    expect(configFor({ 'oidc-token-type': 'organization', timeout: '1h' }).oidc?.expirationSeconds).toBe(4500)
    expect(
      configFor({ 'oidc-token-type': 'organization', timeout: '1h', 'oidc-expiration': '90m' }).oidc
        ?.expirationSeconds
    ).toBe(5400)
  })

  test.each([
    ['organization', '', undefined],
    ['organization', 'admin', 'admin'],
    ['Team', 'platform', 'team:platform'],
    ['team', 'team:platform', 'team:platform'],
    ['personal', 'alice', 'user:alice'],
    ['runner', 'build-pool', 'runner:build-pool']
  ])('%s with scope %j asks for scope %s', (tokenType, scope, wire) => {
    const oidc = configFor({ 'oidc-token-type': tokenType, 'oidc-scope': scope }).oidc
    expect(oidc?.tokenType).toBe(tokenType.toLowerCase())
    expect(oidc?.scope).toBe(wire)
  })

  test.each([
    [{ 'oidc-token-type': 'org' }, 'oidc-token-type', /not a Pulumi token type.*did you mean `organization`/],
    [{ 'oidc-token-type': 'robot' }, 'oidc-token-type', /organization, team, personal or runner/],
    [
      { 'oidc-token-type': 'team' },
      'oidc-scope',
      /A team token needs the `oidc-scope` input: set it to the team name/
    ],
    [{ 'oidc-token-type': 'personal' }, 'oidc-scope', /the user login/],
    [{ 'oidc-token-type': 'runner' }, 'oidc-scope', /the runner name/],
    [
      { 'oidc-token-type': 'organization', 'oidc-scope': 'platform' },
      'oidc-scope',
      /leave it empty, or set it to `admin`/
    ],
    [{ 'oidc-token-type': 'team', 'oidc-scope': 'plat form' }, 'oidc-scope', /is not the team name/],
    [
      { 'oidc-token-type': 'organization', 'oidc-expiration': 'two hours' },
      'oidc-expiration',
      /not a valid duration/
    ],
    [{ 'oidc-token-type': 'organization', 'oidc-expiration': '30s' }, 'oidc-expiration', /at least a minute/],
    [
      { 'oidc-token-type': 'organization', 'oidc-expiration': '30m', timeout: '1h' },
      'oidc-expiration',
      /\(30m 00s\) is shorter than the `timeout` \(1h 00m\)/
    ]
  ])('%j is rejected on %s', (inputs, name, message) => {
    const error = inputError(inputs)
    expect(error.input).toBe(name)
    expect(error.message).toMatch(message)
  })

  test('a job without `id-token: write` fails here, before any request, saying what to add', () => {
    const error = inputError({ 'oidc-token-type': 'organization' }, {})
    expect(error.input).toBe('oidc-token-type')
    expect(error.message).toMatch(/add `permissions: id-token: write` to the workflow or the job/)
  })

  test('takes the place of a given token, remembering where it came from so the log can say so', () => {
    expect(
      configFor({ 'oidc-token-type': 'organization', 'pulumi-access-token': 'pul-given-123' }).oidc
    ).toMatchObject({
      ignoredToken: 'input'
    })
    const fromEnv = configFor(
      { 'oidc-token-type': 'organization' },
      { ...ID_TOKEN_ENV, PULUMI_ACCESS_TOKEN: 'pul-env-1234' }
    )
    expect(fromEnv.oidc?.ignoredToken).toBe('env')
    // Unused, but still secret.
    expect(fromEnv.secrets).toContain('pul-env-1234')
    expect(fromEnv.token).toBe('')
  })

  test('stacks of two organizations cannot share one OIDC login', () => {
    const error = inputError({ 'oidc-token-type': 'organization', stack: 'acme/web/dev\nglobex/web/dev' })
    expect(error.input).toBe('oidc-token-type')
    expect(error.message).toMatch(/one organization.*acme and globex/)
  })
})
