// Secrets never reach a log, an output, the summary, the log file or a comment — even when the deployment's own log
// echoes them back. Every end-to-end run is scanned for leaks by the harness (test/harness/secret-scan.ts, checked
// after each test by test/setup/secret-hygiene.ts); the tests below also prove that scan sees what it must.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { startFakeCloud, previewScenario, type FakeCloud } from '../test/fake-cloud/index.js'
import { startFakeGitHub, type FakeGitHub } from '../test/fake-github/index.js'
import { runAction } from '../test/harness/run-action.js'
import { checkEndedRuns, trackRun } from '../test/harness/run-registry.js'
import { findLeaks, secretsOfRun, type KnownSecret } from '../test/harness/secret-scan.js'

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

test('secrets a deployment echoes from its own environment are masked in the log, the log file and the comment', async () => {
  const dbPassword = 'echoed-db-pa55word-123'
  const apiToken = 'echoed-plain-api-token-456'
  cloud.addStack(STACK, {
    settings: { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } },
    scenario: previewScenario({ stepMs: 10, echoEnv: ['DB_PASSWORD', 'API_TOKEN', 'REGION'] })
  })
  const settings = {
    operationContext: {
      environmentVariables: { DB_PASSWORD: { secret: dbPassword }, API_TOKEN: apiToken, REGION: 'eu-west-1' }
    }
  }
  const run = await runAction({
    inputs: {
      stack: STACK,
      operation: 'preview',
      'cloud-url': cloud.url,
      'pulumi-access-token': cloud.token,
      settings: JSON.stringify(settings),
      'poll-interval': '50ms'
    },
    repository: 'acme/infra',
    githubApiUrl: github.url,
    githubToken: github.token,
    event: {
      name: 'pull_request',
      payload: {
        pull_request: { number: 5, head: { sha: 'b'.repeat(40), repo: { full_name: 'acme/infra' } } }
      }
    }
  })
  expect(run.code).toBe(0)
  // The echo reached the log and the log file, with the secrets masked and the plain value left alone; the
  // harness has scanned all of it, and every comment body sent to GitHub, for both secrets.
  const logFile = readFileSync(run.outputs['log-file'] ?? '', 'utf8')
  for (const text of [run.stdout, logFile]) {
    expect(text).toContain('DB_PASSWORD=***')
    expect(text).toContain('API_TOKEN=***')
    expect(text).toContain('REGION=eu-west-1')
  }
  expect(run.githubWrites.length).toBeGreaterThanOrEqual(2)
  expect(run.githubWrites.every(w => w.body.includes('acme/web/dev'))).toBe(true)
  expect(run.leaks).toEqual([])
})

describe("the harness's leak scan", () => {
  test('finds a secret the action could not know, in every place it reached, without printing it', async () => {
    const secret = 'only-the-test-knows-this-value-31'
    const scenario = previewScenario({ creates: 1, stepMs: 10 })
    scenario.steps.at(-1)?.lines?.unshift(`the secret is ${secret}`)
    cloud.addStack(STACK, {
      settings: { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } },
      scenario
    })
    const run = await runAction({
      inputs: {
        stack: STACK,
        operation: 'preview',
        'cloud-url': cloud.url,
        'pulumi-access-token': cloud.token,
        'poll-interval': '50ms'
      },
      repository: 'acme/infra',
      githubApiUrl: github.url,
      githubToken: github.token,
      event: {
        name: 'pull_request',
        payload: {
          pull_request: { number: 6, head: { sha: 'c'.repeat(40), repo: { full_name: 'acme/infra' } } }
        }
      },
      secrets: [secret],
      expectLeaks: true
    })
    expect(run.code).toBe(0)
    const places = run.leaks.map(l => l.place)
    expect(places).toEqual(
      expect.arrayContaining([
        'stdout',
        'the job summary',
        expect.stringMatching(/^file runner-temp\/pulumi-deployment-.*\.log$/),
        expect.stringMatching(/^PATCH \/repos\/acme\/infra\/issues\/comments\/\d+ to GitHub$/)
      ])
    )
    expect(run.leaks.every(l => l.excerpt.includes('the secret is «secret»'))).toBe(true)
    expect(JSON.stringify(run.leaks)).not.toContain(secret)
  })

  test('knows the secrets of a run from its inputs, settings and environment', () => {
    const secrets = secretsOfRun({
      inputs: {
        'pulumi-access-token': 'pul-token-1',
        'github-token': 'ghs-token-2',
        'cloud-url': 'https://me:url%20pass@api.example.com',
        settings:
          'operationContext:\n  environmentVariables:\n    A: {secret: settings-secret-3}\n    NPM_TOKEN: plain-token-4\n    REGION: eu-west-1\nsourceContext:\n  git:\n    gitAuth:\n      sshAuth: {sshPrivateKey: {secret: "line-one-5\\nline-two-6"}}\n'
      },
      env: { AWS_SECRET_ACCESS_KEY: 'aws-secret-7', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', TOKEN: 'no' }
    })
    expect(secrets.map(s => s.value).sort()).toEqual(
      [
        'pul-token-1',
        'ghs-token-2',
        'url pass',
        'settings-secret-3',
        'plain-token-4',
        'line-one-5\nline-two-6',
        'line-one-5',
        'line-two-6',
        'aws-secret-7'
      ].sort()
    )
  })

  test('sees a secret in the forms it takes in JSON, URLs and workflow commands, but not in ::add-mask:: lines', () => {
    const secrets: KnownSecret[] = [{ label: 'a test secret', value: 'p@ss "word"\n%x' }]
    const leaksIn = (text: string) => findLeaks([{ name: 'stdout', text }], secrets)
    expect(leaksIn('::add-mask::p@ss "word"\n%x')).toEqual([])
    expect(leaksIn('nothing to see')).toEqual([])
    expect(leaksIn('{"v":"p@ss \\"word\\"\\n%x"}')).toHaveLength(1)
    expect(leaksIn('https://host/?v=p%40ss%20%22word%22%0A%25x')).toHaveLength(1)
    expect(leaksIn('::error::p@ss "word"%0A%25x')).toHaveLength(1)
  })

  test('fails the test through the registry when a run leaked and did not expect to', () => {
    const leak = { secret: 'a test secret', place: 'stdout', excerpt: 'value «secret»' }
    trackRun({
      label: 'preview of acme/web/dev',
      leaks: () => [leak],
      ended: Promise.resolve(),
      stop: () => undefined,
      leaksExpected: false
    })
    expect(() => checkEndedRuns()).toThrow(
      /A secret leaked from the run of the action preview of acme\/web\/dev:\n {2}- a test secret appeared in stdout: value «secret»/
    )
  })
})
