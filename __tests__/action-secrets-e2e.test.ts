// Secrets never reach a log, an output, the summary, the log file or a comment — even when the deployment's own log
// echoes them back.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { startFakeCloud, previewScenario, type FakeCloud } from '../test/fake-cloud/index.js'
import { startFakeGitHub, type FakeGitHub } from '../test/fake-github/index.js'
import { runAction } from '../test/harness/run-action.js'

const STACK = 'acme/web/dev'
const SETTINGS_SECRET = 'db-pa55word-from-settings'
const STEP_ENV_SECRET = 'aws-secret-from-step-env-0123'
const GIT_TOKEN = 'ghp_gitauth_token_in_settings_42'

let cloud: FakeCloud
let github: FakeGitHub
beforeEach(async () => {
  cloud = await startFakeCloud()
  github = await startFakeGitHub()
})
afterEach(async () => {
  await cloud.close()
  await github.close()
})

test('no secret appears anywhere the action writes, outside ::add-mask:: lines', async () => {
  const scenario = previewScenario({ creates: 1, stepMs: 20 })
  const echo = [
    `Using token ${cloud.token} to log in`,
    `DB_PASSWORD=${SETTINGS_SECRET}`,
    `export AWS_SECRET_ACCESS_KEY="${STEP_ENV_SECRET}"`,
    `git clone https://x-access-token:${GIT_TOKEN}@github.com/acme/infra`,
    `GITHUB token seen: ${github.token}`
  ]
  const operationStep = scenario.steps.at(-1)
  operationStep?.lines?.unshift(...echo)
  cloud.addStack(STACK, {
    settings: { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } },
    scenario
  })
  const settings = {
    operationContext: {
      environmentVariables: { DB_PASSWORD: { secret: SETTINGS_SECRET }, REGION: 'eu-west-1' }
    },
    sourceContext: { git: { gitAuth: { accessToken: { secret: GIT_TOKEN } } } }
  }
  const run = await runAction({
    inputs: {
      stack: STACK,
      operation: 'preview',
      'cloud-url': cloud.url,
      settings: JSON.stringify(settings),
      'poll-interval': '50ms'
    },
    env: { PULUMI_ACCESS_TOKEN: cloud.token, AWS_SECRET_ACCESS_KEY: STEP_ENV_SECRET },
    repository: 'acme/infra',
    githubApiUrl: github.url,
    githubToken: github.token,
    event: {
      name: 'pull_request',
      payload: {
        pull_request: { number: 3, head: { sha: 'a'.repeat(40), repo: { full_name: 'acme/infra' } } }
      }
    }
  })
  expect(run.code).toBe(0)

  const comments = github.comments('acme', 'infra', 3).map(c => c.body)
  expect(comments).toHaveLength(1)
  const places: Record<string, string> = {
    stdout: run.stdout
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::'))
      .join('\n'),
    stderr: run.stderr,
    summary: run.summary,
    outputs: JSON.stringify(run.outputs),
    logFile: readFileSync(run.outputs['log-file'] ?? '', 'utf8'),
    comment: comments.join('\n')
  }
  // The echoed lines did reach every place (so the check below is not vacuous)...
  expect(places.logFile).toContain('DB_PASSWORD=***')
  for (const secret of [cloud.token, SETTINGS_SECRET, STEP_ENV_SECRET, GIT_TOKEN, github.token]) {
    for (const [place, text] of Object.entries(places)) {
      // ...and no secret did.
      expect({ place, leaked: text.includes(secret) }).toEqual({ place, leaked: false })
    }
  }
  // The runner is told to mask each of them before anything else is printed.
  const masks = run.stdout.split('\n').filter(l => l.startsWith('::add-mask::'))
  expect(masks).toEqual(
    expect.arrayContaining(
      [cloud.token, SETTINGS_SECRET, STEP_ENV_SECRET, GIT_TOKEN].map(s => `::add-mask::${s}`)
    )
  )
  expect(run.stdout.indexOf('::add-mask::')).toBeLessThan(run.stdout.indexOf('\n'))
})

test('a secret-looking variable passed as plain text is masked and draws a warning that says how to fix it', async () => {
  cloud.addStack(STACK, {
    settings: { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } },
    scenario: previewScenario({ stepMs: 10 })
  })
  const plainValue = 'plain-api-token-value-99'
  const run = await runAction({
    inputs: {
      stack: STACK,
      operation: 'preview',
      'cloud-url': cloud.url,
      'pulumi-access-token': cloud.token,
      settings: `operationContext:\n  environmentVariables:\n    API_TOKEN: ${plainValue}\n`,
      'poll-interval': '50ms'
    },
    repository: 'acme/infra'
  })
  expect(run.code).toBe(0)
  const warnings = run.stdout.split('\n').filter(l => l.startsWith('::warning'))
  expect(warnings.join('\n')).toMatch(/`API_TOKEN`.*\{secret: \.\.\.\}/)
  expect(run.stdout).toContain(`::add-mask::${plainValue}`)
})
