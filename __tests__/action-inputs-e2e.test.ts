// Bad input, end to end: each malformed input is run through the built action as a runner runs it, and must end the
// step with exactly one ::error that names the input (or the token, or the stack) and says how to fix it; exit code
// 1; no stack trace; and no deployment created. The unit tables (inputs.test.ts, settings.test.ts) cover the
// wording in depth; this corpus proves that what the user sees on the runner is that sentence and nothing worse.
import { beforeAll, describe, expect, test } from '@jest/globals'
import { startFakeCloud, previewScenario, type FakeCloud } from '../test/fake-cloud/index.js'
import { inBatches } from '../test/harness/concurrency.js'
import { commands, runAction, type ActionResult } from '../test/harness/run-action.js'

const STACK = 'acme/web/dev'
const settings = { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } }

interface BadInput {
  /** What is wrong, for the test name. */
  name: string
  inputs?: Record<string, string>
  /** Environment given to the step; `''` for the token input leaves it to PULUMI_ACCESS_TOKEN. */
  env?: Record<string, string>
  /** The error names the input (or the token, or the stack) this way... */
  names: RegExp
  /** ...and says how to fix it this way. */
  fix: RegExp
}

const CASES: BadInput[] = [
  // stack
  {
    name: 'an empty stack',
    inputs: { stack: '' },
    names: /`stack` input is required/,
    fix: /org\/project\/stack/
  },
  {
    name: 'a stack of two parts',
    inputs: { stack: 'acme/web' },
    names: /`stack` input "acme\/web"/,
    fix: /org\/project\/stack/
  },
  {
    name: 'a stack with an empty project',
    inputs: { stack: 'acme//dev' },
    names: /`stack`/,
    fix: /empty project name: write org\/project\/stack/
  },
  {
    name: 'a stack with a space',
    inputs: { stack: 'acme/web/dev eu' },
    names: /`stack`/,
    fix: /only letters, digits, -, _ and \./
  },
  {
    name: 'a stack named ..',
    inputs: { stack: 'acme/web/..' },
    names: /`stack` input "acme\/web\/\.\."/,
    fix: /write the stack's real name/
  },
  // operation
  {
    name: 'an empty operation',
    inputs: { operation: '' },
    names: /`operation` input is required/,
    fix: /update, preview, refresh, destroy/
  },
  {
    name: 'the operation "deploy"',
    inputs: { operation: 'deploy' },
    names: /`operation` input "deploy"/,
    fix: /did you mean `update`\?/
  },
  {
    name: 'a misspelt operation',
    inputs: { operation: 'previwe' },
    names: /`operation`/,
    fix: /did you mean `preview`\?/
  },
  {
    name: 'an operation with a flag',
    inputs: { operation: 'destroy --yes' },
    names: /`operation`/,
    fix: /use update, preview/
  },
  // settings
  {
    name: 'settings that are not YAML',
    inputs: { settings: 'sourceContext: [unclosed' },
    names: /`settings` input is not valid YAML or JSON at line 1/,
    fix: /check the indentation and quoting/
  },
  {
    name: 'settings that are broken JSON',
    inputs: { settings: '{"sourceContext": {"git": {"branch": "main"}}' },
    names: /`settings` input is not valid YAML or JSON at line 1/,
    fix: /check the indentation and quoting there/
  },
  {
    name: 'settings that are a sentence',
    inputs: { settings: 'deploy the main branch please' },
    names: /`settings` input must be a mapping/,
    fix: /such as `sourceContext:`/
  },
  {
    name: 'settings of two documents',
    inputs: { settings: 'agentPoolID: a\n---\nagentPoolID: b' },
    names: /`settings`/,
    fix: /give one mapping/
  },
  {
    name: 'a misspelt top-level settings key',
    inputs: { settings: 'sourceContex:\n  git: {branch: main}' },
    names: /`settings.sourceContex`/,
    fix: /did you mean `sourceContext`\?/
  },
  {
    name: 'an unknown nested settings key',
    inputs: { settings: 'operationContext:\n  enviromentVariables: {A: b}' },
    names: /`settings.operationContext.enviromentVariables`/,
    fix: /did you mean `environmentVariables`\?/
  },
  {
    name: 'an unknown settings key far from any',
    inputs: { settings: 'colour: blue' },
    names: /`settings.colour`/,
    fix: /keys allowed at the top level are/
  },
  {
    name: 'environment variables given as a list',
    inputs: { settings: 'operationContext:\n  environmentVariables: [A, B]' },
    names: /`settings.operationContext.environmentVariables` must be a mapping/,
    fix: /but it is a list/
  },
  {
    name: 'a number as an environment value',
    inputs: { settings: 'operationContext:\n  environmentVariables: {PORT: 8080}' },
    names: /`settings.operationContext.environmentVariables.PORT`/,
    fix: /quote it to pass it as text/
  },
  {
    name: 'a secret of the wrong shape',
    inputs: { settings: 'operationContext:\n  environmentVariables: {DB: {secrt: x}}' },
    names: /`settings.operationContext.environmentVariables.DB/,
    fix: /did you mean `secret`\?/
  },
  {
    name: 'a reserved environment variable',
    inputs: {
      settings: 'operationContext:\n  environmentVariables: {PULUMI_ACCESS_TOKEN: {secret: pul-abc-1234}}'
    },
    names: /`settings.operationContext.environmentVariables.PULUMI_ACCESS_TOKEN`/,
    fix: /remove it/
  },
  {
    name: 'a branch and a commit in settings',
    inputs: { settings: 'sourceContext:\n  git: {branch: main, commit: abc1234}' },
    names: /`settings.sourceContext.git.branch` and `settings.sourceContext.git.commit`/,
    fix: /keep the one to deploy/
  },
  {
    name: 'two sources in settings',
    inputs: {
      settings: 'sourceContext:\n  git: {branch: main}\n  template: {sourceUrl: "https://example.com/t"}'
    },
    names: /`settings.sourceContext`/,
    fix: /keep one/
  },
  {
    name: 'the operation set in settings',
    inputs: { settings: 'operation: destroy' },
    names: /`settings.operation`/,
    fix: /the action's `operation` input/
  },
  {
    name: 'inheritSettings set in settings',
    inputs: { settings: 'inheritSettings: false' },
    names: /`settings.inheritSettings`/,
    fix: /`inherit-settings` input instead/
  },
  {
    name: 'a boolean written as yes in settings',
    inputs: { settings: 'operationContext:\n  options: {skipInstallDependencies: yes}' },
    names: /`settings.operationContext.options.skipInstallDependencies`/,
    fix: /write true or false/
  },
  // durations
  {
    name: 'a timeout in words',
    inputs: { timeout: 'soon' },
    names: /`timeout` input "soon"/,
    fix: /such as 500ms, 45s, 90m or 1h30m/
  },
  { name: 'a negative timeout', inputs: { timeout: '-5m' }, names: /`timeout`/, fix: /it is negative/ },
  {
    name: 'a zero timeout',
    inputs: { timeout: '0' },
    names: /`timeout` input is "0"/,
    fix: /leave it empty for no limit/
  },
  {
    name: 'a timeout with its units reversed',
    inputs: { timeout: '30m1h' },
    names: /`timeout`/,
    fix: /largest first/
  },
  {
    name: 'a timeout beyond what a timer can wait',
    inputs: { timeout: '9999h' },
    names: /`timeout`/,
    fix: /the longest supported being 24 days/
  },
  {
    name: 'a zero poll interval',
    inputs: { 'poll-interval': '0s' },
    names: /`poll-interval`/,
    fix: /give a duration above zero, such as 2s/
  },
  {
    name: 'a poll interval with a unit typo',
    inputs: { 'poll-interval': '2sec' },
    names: /`poll-interval`/,
    fix: /a number followed by ms, s, m or h/
  },
  // booleans
  {
    name: 'cancel-on-abort: sometimes',
    inputs: { 'cancel-on-abort': 'sometimes' },
    names: /`cancel-on-abort`/,
    fix: /must be true or false/
  },
  {
    name: 'inherit-settings: ture',
    inputs: { 'inherit-settings': 'ture' },
    names: /`inherit-settings`/,
    fix: /must be true or false/
  },
  {
    name: 'expect-no-changes with wait: false',
    inputs: { 'expect-no-changes': 'true', wait: 'false' },
    names: /`expect-no-changes` input needs `wait: true`/,
    fix: /known only once the deployment ends/
  },
  // commits
  {
    name: 'a branch name as the commit',
    inputs: { commit: 'main' },
    names: /`commit` input/,
    fix: /set `sourceContext.git.branch` in the `settings` input and `commit: none`/
  },
  {
    name: 'a commit too short',
    inputs: { commit: 'abc12' },
    names: /`commit`/,
    fix: /7 to 40 hexadecimal digits/
  },
  {
    name: 'a commit and a branch in settings',
    inputs: { commit: 'abcdef1', settings: 'sourceContext:\n  git: {branch: main}' },
    names: /`commit` input pins commit abcdef1/,
    fix: /keep only one of them/
  },
  // URLs
  {
    name: 'a cloud URL that is not a URL',
    inputs: { 'cloud-url': 'api pulumi com' },
    names: /`cloud-url` input "api pulumi com" is not a URL/,
    fix: /such as https:\/\/api.pulumi.com/
  },
  {
    name: 'a cloud URL of another scheme',
    inputs: { 'cloud-url': 'ftp://api.pulumi.com' },
    names: /`cloud-url`/,
    fix: /is not an http\(s\) URL: set it to/
  },
  {
    name: 'a cloud URL with a password',
    inputs: { 'cloud-url': 'https://me:hunter2-pass@api.pulumi.com' },
    names: /`cloud-url` input holds a URL with a user name or password/,
    fix: /give the token through `pulumi-access-token`/
  },
  {
    name: 'a cloud URL with a query',
    inputs: { 'cloud-url': 'https://api.pulumi.com/?org=acme' },
    names: /`cloud-url`/,
    fix: /with nothing after the host or path/
  },
  {
    name: 'PULUMI_BACKEND_URL that is not a URL',
    inputs: { 'cloud-url': '' },
    env: { PULUMI_BACKEND_URL: 'https://[api.pulumi' },
    names: /PULUMI_BACKEND_URL environment variable \(used because the `cloud-url` input is empty\)/,
    fix: /set it to the Pulumi Cloud API address/
  },
  // pull-request numbers
  {
    name: 'a pull-request number in words',
    inputs: { 'comment-on-pr-number': 'twelve' },
    names: /`comment-on-pr-number`/,
    fix: /a whole number above 0/
  },
  {
    name: 'pull request number 0',
    inputs: { 'comment-on-pr-number': '0' },
    names: /`comment-on-pr-number`/,
    fix: /a whole number above 0/
  },
  {
    name: 'a fractional pull-request number',
    inputs: { 'comment-on-pr-number': '1.5' },
    names: /`comment-on-pr-number`/,
    fix: /a whole number above 0/
  },
  // tokens
  {
    name: 'no access token at all',
    inputs: { 'pulumi-access-token': '' },
    names: /No Pulumi access token was given/,
    fix: /set the `pulumi-access-token` input/
  },
  {
    name: 'an access token with a line break',
    inputs: { 'pulumi-access-token': 'pul-abcdef\npul-123456' },
    names: /`pulumi-access-token` input holds a value with whitespace/,
    fix: /check that the secret holds only the token/
  },
  {
    name: 'PULUMI_ACCESS_TOKEN with a space',
    inputs: { 'pulumi-access-token': '' },
    env: { PULUMI_ACCESS_TOKEN: 'pul-abcdef 123456' },
    names: /PULUMI_ACCESS_TOKEN environment variable/,
    fix: /check that the secret holds only the token/
  },
  {
    name: 'a GitHub token with a line break',
    inputs: { 'github-token': 'ghs_abcdef\n' + 'ghs_123456' },
    names: /`github-token` input/,
    fix: /check the secret it comes from/
  },
  {
    name: 'a wrong access token',
    inputs: { 'pulumi-access-token': 'pul-wrong-token-9999' },
    names: /did not accept the access token \(401 Unauthorized\)/,
    fix: /to a valid Pulumi access token/
  },
  {
    name: 'a stack that does not exist',
    inputs: { stack: 'acme/web/nope' },
    names: /acme\/web\/nope/,
    fix: /Check the stack name \(organization\/project\/stack\), create the stack if it is new/
  }
]

interface Observed {
  run: ActionResult
  creates: number
  deployments: number
}

async function runCase(c: BadInput): Promise<Observed> {
  const cloud: FakeCloud = await startFakeCloud()
  try {
    cloud.addStack(STACK, { settings, scenario: previewScenario({ stepMs: 10 }) })
    const run = await runAction({
      inputs: {
        stack: STACK,
        operation: 'preview',
        'pulumi-access-token': cloud.token,
        'cloud-url': cloud.url,
        'poll-interval': '50ms',
        ...c.inputs
      },
      env: c.env,
      repository: 'acme/infra'
    })
    return {
      run,
      // Creates Pulumi Cloud accepted: a missing stack is named by the create's own 404 (the settings' 404 means
      // only that the stack has none stored).
      creates: cloud.requests.filter(r => r.endpoint === 'createDeployment' && r.status < 400).length,
      deployments: cloud.deployments().length
    }
  } finally {
    await cloud.close()
  }
}

describe('a malformed input', () => {
  const observed = new Map<BadInput, Observed | { error: unknown }>()
  beforeAll(async () => {
    // A few at a time: each case is a process start, and the runner's CPUs are few. A failsafe, not a measure: a
    // start now loads the toolkit (@actions/core, @actions/http-client), about twice the CPU of the old start.
    const results = await inBatches(CASES, 4, runCase)
    CASES.forEach((c, i) => {
      const result = results[i]
      observed.set(c, result?.ok ? result.value : { error: result?.error })
    })
  }, 180_000)

  test('the corpus holds at least 40 cases, each with its own name', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40)
    expect(new Set(CASES.map(c => c.name)).size).toBe(CASES.length)
  })

  test.each(CASES)('$name: one ::error naming it and the fix, exit 1, no trace, nothing created', c => {
    const o = observed.get(c)
    if (!o || 'error' in o)
      throw o?.error instanceof Error ? o.error : new Error(`The case did not run: ${String(o?.error)}`)
    const { run } = o
    const errors = commands(run.stdout, 'error')
    expect({ code: run.code, errors: errors.length }).toEqual({ code: 1, errors: 1 })
    expect(errors[0]).toMatch(c.names)
    expect(errors[0]).toMatch(c.fix)
    expect(run.stderr).toBe('')
    expect(run.stdout).not.toMatch(/^\s+at /m)
    expect({ creates: o.creates, deployments: o.deployments }).toEqual({ creates: 0, deployments: 0 })
  })
})
