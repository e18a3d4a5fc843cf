import { InputError, getInputs, type ActionConfig } from '../src/config/inputs.js'

const VALID = { stack: 'acme/web/dev', operation: 'update', 'pulumi-access-token': 'pul-0123456789abcdef' }

type Inputs = Record<string, string>

function readerOf(inputs: Inputs): (name: string) => string {
  return name => inputs[name] ?? ''
}

function configFor(inputs: Inputs, env: NodeJS.ProcessEnv = {}): ActionConfig {
  return getInputs(readerOf({ ...VALID, ...inputs }), env)
}

function inputError(inputs: Inputs, env: NodeJS.ProcessEnv = {}): InputError {
  try {
    configFor(inputs, env)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error(`expected the inputs to be rejected: ${JSON.stringify(inputs)}`)
}

describe('getInputs with only the required inputs', () => {
  test('applies the defaults of action.yml', () => {
    expect(configFor({})).toEqual({
      stacks: [{ ref: { org: 'acme', project: 'web', stack: 'dev' }, name: 'acme/web/dev' }],
      stack: { org: 'acme', project: 'web', stack: 'dev' },
      stackName: 'acme/web/dev',
      operation: 'update',
      token: 'pul-0123456789abcdef',
      cloudUrl: 'https://api.pulumi.com',
      inheritSettings: true,
      settings: undefined,
      commit: { mode: 'auto' },
      wait: true,
      timeoutMs: undefined,
      pollIntervalMs: 2000,
      cancelOnAbort: false,
      cancelQueuedOnAbort: true,
      commentOnSummary: true,
      githubToken: '',
      commentOnPr: true,
      commentOnPrNumber: undefined,
      editPrComment: true,
      expectNoChanges: false,
      failOnDrift: true,
      showSecretOutputs: false,
      maxParallel: undefined,
      githubEnvironment: '',
      environmentUrlOutput: '',
      secrets: ['pul-0123456789abcdef']
    })
  })
})

describe('getInputs reads every input', () => {
  test('as a workflow would set them', () => {
    const config = configFor({
      stack: ' my-org/my.project/feature_1 ',
      operation: 'Detect-Drift',
      'cloud-url': 'https://pulumi.internal.example.com/api-proxy/',
      'inherit-settings': 'false',
      settings: 'operationContext:\n  environmentVariables:\n    DB_PASSWORD: plain-db-password\n',
      commit: 'ABCDEF1234567',
      wait: 'true',
      timeout: '1h30m',
      'poll-interval': '500ms',
      'cancel-on-abort': 'no',
      'comment-on-summary': 'FALSE',
      'github-token': 'ghs_workflowtoken',
      'comment-on-pr': 'off',
      'comment-on-pr-number': '#42',
      'edit-pr-comment': '0',
      'expect-no-changes': 'yes'
    })
    expect(config).toEqual({
      stacks: [
        {
          ref: { org: 'my-org', project: 'my.project', stack: 'feature_1' },
          name: 'my-org/my.project/feature_1'
        }
      ],
      stack: { org: 'my-org', project: 'my.project', stack: 'feature_1' },
      stackName: 'my-org/my.project/feature_1',
      operation: 'detect-drift',
      token: 'pul-0123456789abcdef',
      cloudUrl: 'https://pulumi.internal.example.com/api-proxy',
      inheritSettings: false,
      settings: { operationContext: { environmentVariables: { DB_PASSWORD: 'plain-db-password' } } },
      commit: { mode: 'sha', sha: 'abcdef1234567' },
      wait: true,
      timeoutMs: 5_400_000,
      pollIntervalMs: 500,
      cancelOnAbort: false,
      cancelQueuedOnAbort: false,
      commentOnSummary: false,
      githubToken: 'ghs_workflowtoken',
      commentOnPr: false,
      commentOnPrNumber: 42,
      editPrComment: false,
      expectNoChanges: true,
      failOnDrift: true,
      showSecretOutputs: false,
      maxParallel: undefined,
      githubEnvironment: '',
      environmentUrlOutput: '',
      secrets: expect.arrayContaining([
        'pul-0123456789abcdef',
        'ghs_workflowtoken',
        'plain-db-password'
      ]) as unknown
    })
  })

  test.each([
    ['update', false],
    ['preview', true],
    ['refresh', false],
    ['destroy', false],
    ['detect-drift', true],
    ['remediate-drift', false]
  ])('cancel-on-abort defaults to %s → %s, and an explicit value wins', (operation, byDefault) => {
    expect(configFor({ operation }).cancelOnAbort).toBe(byDefault)
    expect(configFor({ operation, 'cancel-on-abort': String(!byDefault) }).cancelOnAbort).toBe(!byDefault)
    // A deployment that has not started is cancelled unless the input says false.
    expect(configFor({ operation }).cancelQueuedOnAbort).toBe(true)
    expect(configFor({ operation, 'cancel-on-abort': 'false' }).cancelQueuedOnAbort).toBe(false)
  })

  test.each([
    ['auto', { mode: 'auto' }],
    ['AUTO', { mode: 'auto' }],
    ['none', { mode: 'none' }],
    ['abc1234', { mode: 'sha', sha: 'abc1234' }],
    [
      '0123456789ABCDEF0123456789abcdef01234567',
      { mode: 'sha', sha: '0123456789abcdef0123456789abcdef01234567' }
    ]
  ])('commit %j', (commit, mode) => {
    expect(configFor({ commit }).commit).toEqual(mode)
  })

  test.each(['true', 'True', 'TRUE', 'yes', 'on', '1'])('%j is true', value => {
    expect(configFor({ 'expect-no-changes': value }).expectNoChanges).toBe(true)
  })

  test.each(['false', 'False', 'FALSE', 'no', 'off', '0'])('%j is false', value => {
    expect(configFor({ wait: value }).wait).toBe(false)
  })
})

describe('getInputs falls back to the environment', () => {
  test('the token comes from PULUMI_ACCESS_TOKEN when the input is empty, and the input wins when set', () => {
    expect(configFor({ 'pulumi-access-token': '' }, { PULUMI_ACCESS_TOKEN: ' pul-env ' }).token).toBe(
      'pul-env'
    )
    expect(configFor({ 'pulumi-access-token': 'pul-input' }, { PULUMI_ACCESS_TOKEN: 'pul-env' }).token).toBe(
      'pul-input'
    )
  })

  test.each([
    [
      'an http(s) PULUMI_BACKEND_URL',
      { PULUMI_BACKEND_URL: 'https://pulumi.acme.example/' },
      'https://pulumi.acme.example'
    ],
    ['a plain-http self-hosted one', { PULUMI_BACKEND_URL: 'http://10.0.0.5:8080' }, 'http://10.0.0.5:8080'],
    ['the console address', { PULUMI_BACKEND_URL: 'https://app.pulumi.com' }, 'https://api.pulumi.com'],
    ['not an s3 backend', { PULUMI_BACKEND_URL: 's3://state-bucket' }, 'https://api.pulumi.com'],
    ['not a file backend', { PULUMI_BACKEND_URL: 'file://~' }, 'https://api.pulumi.com'],
    ['nothing', {}, 'https://api.pulumi.com']
  ])('the cloud URL comes from %s', (_case, env, cloudUrl) => {
    expect(configFor({}, env).cloudUrl).toBe(cloudUrl)
  })

  test('the cloud-url input wins over PULUMI_BACKEND_URL', () => {
    const env = { PULUMI_BACKEND_URL: 'https://pulumi.acme.example' }
    expect(configFor({ 'cloud-url': 'https://api.pulumi.com/' }, env).cloudUrl).toBe('https://api.pulumi.com')
  })

  test('the GitHub token comes from GITHUB_TOKEN when the input is empty', () => {
    expect(configFor({}, { GITHUB_TOKEN: 'ghs_env' }).githubToken).toBe('ghs_env')
    expect(configFor({ 'github-token': 'ghs_input' }, { GITHUB_TOKEN: 'ghs_env' }).githubToken).toBe(
      'ghs_input'
    )
  })

  test('secret-looking environment variables of the step are secrets', () => {
    const config = configFor({}, { AWS_SECRET_ACCESS_KEY: 'aws-secret-value', AWS_REGION: 'us-east-1' })
    expect(config.secrets).toContain('aws-secret-value')
    expect(config.secrets).not.toContain('us-east-1')
  })
})

describe('getInputs rejects a bad input with a sentence that names it', () => {
  const settingsWithBranch = 'sourceContext:\n  git:\n    branch: main'
  test.each([
    // stack
    ['stack', 'missing', { stack: '' }, {}, /is required: .*org\/project\/stack, such as acme\/web\/dev/],
    ['stack', 'one part', { stack: 'dev' }, {}, /"dev" has 1 part, but it must be org\/project\/stack/],
    ['stack', 'two parts', { stack: 'acme/dev' }, {}, /has 2 parts/],
    ['stack', 'four parts', { stack: 'acme/web/dev/extra' }, {}, /has 4 parts/],
    ['stack', 'an empty project', { stack: 'acme//dev' }, {}, /empty project name/],
    [
      'stack',
      'a space',
      { stack: 'acme/web/dev env' },
      {},
      /" " in its stack name.*letters, digits, -, _ and \./
    ],
    ['stack', 'a colon', { stack: 'acme:web/dev/x' }, {}, /":" in its organization name/],
    ['stack', 'a path step', { stack: 'acme/../dev' }, {}, /"\.\." as its project name/],
    ['stack', 'a URL', { stack: 'https://app.pulumi.com/acme/web/dev' }, {}, /has 6 parts/],
    // operation
    [
      'operation',
      'missing',
      { operation: '' },
      {},
      /is required: set it to update, preview, refresh, destroy, detect-drift or remediate-drift/
    ],
    [
      'operation',
      'the CLI name',
      { operation: 'up' },
      {},
      /"up" is not an operation.*did you mean `update`\?/
    ],
    ['operation', 'snake case', { operation: 'detect_drift' }, {}, /did you mean `detect-drift`\?/],
    ['operation', 'a typo', { operation: 'previw' }, {}, /did you mean `preview`\?/],
    [
      'operation',
      'nonsense',
      { operation: 'launch' },
      {},
      /use update, preview, refresh, destroy, detect-drift or remediate-drift\.$/
    ],
    // pulumi-access-token
    [
      'pulumi-access-token',
      'missing everywhere',
      { 'pulumi-access-token': '' },
      {},
      /No Pulumi access token.*`pulumi-access-token` input.*PULUMI_ACCESS_TOKEN environment variable/
    ],
    [
      'pulumi-access-token',
      'a line break inside',
      { 'pulumi-access-token': 'pul-abc\npul-def' },
      {},
      /The `pulumi-access-token` input holds a value with whitespace or a line break/
    ],
    [
      'pulumi-access-token',
      'a space inside the variable',
      { 'pulumi-access-token': '' },
      { PULUMI_ACCESS_TOKEN: 'pul abc' },
      /PULUMI_ACCESS_TOKEN environment variable .*whitespace/
    ],
    // cloud-url
    [
      'cloud-url',
      'not a URL',
      { 'cloud-url': 'api.pulumi.com' },
      {},
      /"api.pulumi.com" is not a URL: set it to the Pulumi Cloud API address/
    ],
    ['cloud-url', 'another scheme', { 'cloud-url': 'ftp://api.pulumi.com' }, {}, /is not an http\(s\) URL/],
    ['cloud-url', 'a self-managed backend', { 'cloud-url': 's3://bucket' }, {}, /is not an http\(s\) URL/],
    ['cloud-url', 'a query', { 'cloud-url': 'https://api.pulumi.com/?x=1' }, {}, /has a query or fragment/],
    [
      'cloud-url',
      'credentials',
      { 'cloud-url': 'https://user:hunter2@api.pulumi.com' },
      {},
      /user name or password in it.*`pulumi-access-token`/
    ],
    [
      'cloud-url',
      'a broken PULUMI_BACKEND_URL',
      {},
      { PULUMI_BACKEND_URL: 'https://' },
      /The PULUMI_BACKEND_URL environment variable \(used because the `cloud-url` input is empty\) "https:\/\/" is not a URL/
    ],
    // inherit-settings
    [
      'inherit-settings',
      'not a boolean',
      { 'inherit-settings': 'maybe' },
      {},
      /The `inherit-settings` input must be true or false, but it is "maybe"\./
    ],
    // settings
    ['settings', 'a list', { settings: '- a' }, {}, /must be a mapping of deployment settings/],
    ['settings', 'a misspelt key', { settings: 'sourceContex: {}' }, {}, /did you mean `sourceContext`\?/],
    [
      'settings',
      'a wrong type',
      { settings: 'cacheOptions: {enable: 1}' },
      {},
      /`settings.cacheOptions.enable` must be true or false/
    ],
    ['settings', 'broken YAML', { settings: 'a: [' }, {}, /not valid YAML or JSON at line 1/],
    // commit
    [
      'commit',
      'a branch name',
      { commit: 'main' },
      {},
      /must be auto, none or a commit SHA of 7 to 40 hexadecimal digits, but it is "main"; to deploy a branch/
    ],
    ['commit', 'a short SHA', { commit: 'abc12' }, {}, /7 to 40 hexadecimal digits, but it is "abc12"/],
    ['commit', 'a long SHA', { commit: 'a'.repeat(41) }, {}, /7 to 40 hexadecimal digits/],
    [
      'commit',
      'a SHA with a branch in settings',
      { commit: 'abc1234', settings: settingsWithBranch },
      {},
      /pins commit abc1234, but the `settings` input also sets `sourceContext.git.branch`: keep only one/
    ],
    // wait
    [
      'wait',
      'not a boolean',
      { wait: 'always' },
      {},
      /The `wait` input must be true or false, but it is "always"\./
    ],
    // timeout
    [
      'timeout',
      'words',
      { timeout: 'ten minutes' },
      {},
      /The `timeout` input "ten minutes" is not a valid duration: write a number followed by ms, s, m or h/
    ],
    ['timeout', 'negative', { timeout: '-5m' }, {}, /"-5m" is not a valid duration: it is negative/],
    ['timeout', 'zero', { timeout: '0' }, {}, /is "0", which is no time at all: leave it empty for no limit/],
    ['timeout', 'too long', { timeout: '1000h' }, {}, /too long/],
    ['timeout', 'units out of order', { timeout: '30m1h' }, {}, /largest first/],
    // poll-interval
    [
      'poll-interval',
      'zero',
      { 'poll-interval': '0ms' },
      {},
      /is "0ms", which is no time at all: give a duration above zero/
    ],
    [
      'poll-interval',
      'an unknown unit',
      { 'poll-interval': '2d' },
      {},
      /The `poll-interval` input "2d" is not a valid duration/
    ],
    // cancel-on-abort
    [
      'cancel-on-abort',
      'not a boolean',
      { 'cancel-on-abort': 'sometimes' },
      {},
      /The `cancel-on-abort` input must be true or false/
    ],
    // comment-on-summary
    [
      'comment-on-summary',
      'not a boolean',
      { 'comment-on-summary': 'verbose' },
      {},
      /The `comment-on-summary` input must be true or false/
    ],
    // github-token
    [
      'github-token',
      'a line break inside',
      { 'github-token': 'ghs_a\nghs_b' },
      {},
      /The `github-token` input holds a value with whitespace/
    ],
    // comment-on-pr
    [
      'comment-on-pr',
      'not a boolean',
      { 'comment-on-pr': 'y' },
      {},
      /The `comment-on-pr` input must be true or false, but it is "y"\./
    ],
    // comment-on-pr-number
    [
      'comment-on-pr-number',
      'zero',
      { 'comment-on-pr-number': '0' },
      {},
      /must be a pull request number \(a whole number above 0\), but it is "0"/
    ],
    ['comment-on-pr-number', 'negative', { 'comment-on-pr-number': '-3' }, {}, /but it is "-3"/],
    ['comment-on-pr-number', 'a fraction', { 'comment-on-pr-number': '1.5' }, {}, /but it is "1.5"/],
    [
      'comment-on-pr-number',
      'a URL',
      { 'comment-on-pr-number': 'https://github.com/acme/app/pull/3' },
      {},
      /must be a pull request number/
    ],
    [
      'comment-on-pr-number',
      'too large',
      { 'comment-on-pr-number': '99999999999999999999' },
      {},
      /must be a pull request number/
    ],
    // edit-pr-comment
    [
      'edit-pr-comment',
      'not a boolean',
      { 'edit-pr-comment': 'replace' },
      {},
      /The `edit-pr-comment` input must be true or false/
    ],
    // expect-no-changes
    [
      'expect-no-changes',
      'not a boolean',
      { 'expect-no-changes': 'strict' },
      {},
      /The `expect-no-changes` input must be true or false/
    ],
    [
      'expect-no-changes',
      'without waiting',
      { 'expect-no-changes': 'true', wait: 'false' },
      {},
      /needs `wait: true`: the changes are known only once the deployment ends/
    ]
  ])('%s: %s', (input, _case, inputs: Inputs, env: NodeJS.ProcessEnv, hint) => {
    const error = inputError(inputs, env)
    expect(error.input).toBe(input)
    expect(error.message).toContain(`\`${input}\``)
    expect(error.message).toMatch(hint)
    expect(error.message).toMatch(/[.?]$/)
  })

  test('validates in the order of action.yml, so the first bad input is the one reported', () => {
    const everythingWrong = {
      stack: 'bad',
      operation: 'bad',
      'pulumi-access-token': '',
      'cloud-url': 'bad',
      wait: 'bad',
      timeout: 'bad'
    }
    expect(inputError(everythingWrong).input).toBe('stack')
    expect(inputError({ ...everythingWrong, stack: VALID.stack }).input).toBe('operation')
    expect(inputError({ ...everythingWrong, stack: VALID.stack, operation: 'update' }).input).toBe(
      'pulumi-access-token'
    )
    expect(inputError({ wait: 'bad', timeout: 'bad', settings: '- a' }).input).toBe('settings')
    expect(inputError({ wait: 'bad', timeout: 'bad' }).input).toBe('wait')
  })

  test('never repeats a token in an error', () => {
    const token = 'pul-secret token-with-space'
    expect(inputError({ 'pulumi-access-token': token }).message).not.toContain('pul-secret')
    expect(inputError({ 'cloud-url': 'https://user:hunter2@api.pulumi.com' }).message).not.toContain(
      'hunter2'
    )
  })

  test('is an Error with a name, so an uncaught one still reads well', () => {
    const error = inputError({ stack: '' })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('InputError')
  })
})
