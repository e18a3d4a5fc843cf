// GitHub's deployment records (`github-environment`), end to end: an update of two stacks records a GitHub
// deployment for each, on the pinned commit and in its stack's environment, moved queued → in_progress → success;
// a preview records none; and a token without `deployments: write` costs one warning and nothing else.
import { afterEach, beforeEach, expect, test } from '@jest/globals'
import {
  ManualClock,
  previewScenario,
  pulumiScenario,
  startFakeCloud,
  type FakeCloud
} from '../test/fake-cloud/index.js'
import { startFakeGitHub, type FakeGitHub } from '../test/fake-github/index.js'
import { until } from '../test/harness/concurrency.js'
import { commands, runAction, startAction, type RunActionOptions } from '../test/harness/run-action.js'

const STACKS = ['acme/web/dev', 'acme/web/prod']
const SHA = 'c0ffee0000000000000000000000000000000001'
const RUN_URL = 'https://github.com/acme/infra/actions/runs/4242'
const HOUR = 3_600_000
const settings = { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } }

let cloud: FakeCloud
let github: FakeGitHub
let clock: ManualClock
beforeEach(async () => {
  clock = new ManualClock()
  cloud = await startFakeCloud({ clock })
  github = await startFakeGitHub()
})
afterEach(async () => {
  await cloud.close()
  await github.close()
})

function options(inputs: Record<string, string>): RunActionOptions {
  return {
    inputs: {
      stack: STACKS.join('\n'),
      operation: 'update',
      'pulumi-access-token': cloud.token,
      'cloud-url': cloud.url,
      'poll-interval': '50ms',
      'github-environment': '{project}-{stack}',
      'environment-url-output': 'url',
      ...inputs
    },
    repository: 'acme/infra',
    sha: SHA,
    githubApiUrl: github.url,
    githubToken: github.token
  }
}

test('an update of two stacks records a GitHub deployment for each, queued → in_progress → success', async () => {
  cloud.addStack(STACKS[0] as string, {
    settings,
    scenario: pulumiScenario('update', {
      stack: STACKS[0],
      queuedMs: 0,
      acceptedMs: 0,
      outputs: { url: 'https://dev.web.example.com' }
    })
  })
  cloud.addStack(STACKS[1] as string, {
    settings,
    scenario: pulumiScenario('update', { stack: STACKS[1], queuedMs: 0, acceptedMs: 0 })
  })
  const started = startAction(options({}))
  // Held running until both records say so; only then do the deployments end.
  await until(
    () =>
      github.deployments('acme', 'infra').length === 2 &&
      github.deployments('acme', 'infra').every(d => d.statuses.some(s => s.state === 'in_progress')),
    'both GitHub deployments in progress'
  )
  clock.advance(HOUR)
  const run = await started.result
  expect(run.code).toBe(0)

  const records = github.deployments('acme', 'infra')
  expect(records.map(d => d.environment).sort()).toEqual(['web-dev', 'web-prod'])
  for (const d of records) {
    expect(d).toMatchObject({ ref: SHA, required_contexts: [], auto_merge: false })
    expect(d.statuses.map(s => s.state)).toEqual(['queued', 'in_progress', 'success'])
    expect(d.statuses.every(s => s.log_url === RUN_URL)).toBe(true)
  }
  const dev = records.find(d => d.environment === 'web-dev')
  const prod = records.find(d => d.environment === 'web-prod')
  // The named stack output where the stack has it; the console page where it does not.
  expect(dev?.statuses.at(-1)?.environment_url).toBe('https://dev.web.example.com')
  expect(prod?.statuses.at(-1)?.environment_url).toMatch(/\/acme\/web\/prod\/deployments\/1$/)
})

test('a preview records no GitHub deployment', async () => {
  for (const stack of STACKS)
    cloud.addStack(stack, {
      settings,
      scenario: previewScenario({ stack, queuedMs: 0, acceptedMs: 0, stepMs: 0 })
    })
  const run = await runAction(options({ operation: 'preview' }))
  expect(run.code).toBe(0)
  expect(github.deployments('acme', 'infra')).toEqual([])
  expect(github.requests.filter(r => r.path.includes('/deployments'))).toEqual([])
})

test('a token without deployments: write is one warning, and the result is unchanged', async () => {
  github.denyDeployments()
  for (const stack of STACKS)
    cloud.addStack(stack, {
      settings,
      scenario: pulumiScenario('update', { stack, queuedMs: 0, acceptedMs: 0, stepMs: 0 })
    })
  const run = await runAction(options({}))
  expect(run.code).toBe(0)
  const warnings = commands(run.stdout, 'warning').filter(w => w.includes('deployments: write'))
  expect(warnings).toHaveLength(1)
  expect(warnings[0]).toContain('GitHub answered 403')
  expect(run.outputs.status).toBe('succeeded')
  const results = JSON.parse(run.outputs.results ?? '[]') as { status: string }[]
  expect(results.map(r => r.status)).toEqual(['succeeded', 'succeeded'])
  // Refused once, never asked again.
  expect(github.requests.filter(r => r.path.includes('/deployments'))).toHaveLength(1)
})

test('one stack records its deployment too, and a failed one ends as failure', async () => {
  cloud.addStack(STACKS[0] as string, {
    settings,
    scenario: pulumiScenario('update', {
      stack: STACKS[0],
      queuedMs: 0,
      acceptedMs: 0,
      stepMs: 0,
      result: 'failed'
    })
  })
  const run = await runAction(options({ stack: STACKS[0] as string, 'github-environment': 'staging' }))
  expect(run.code).toBe(1)
  const [record] = github.deployments('acme', 'infra')
  expect(record).toMatchObject({ environment: 'staging', ref: SHA })
  expect(record?.statuses.at(0)?.state).toBe('queued')
  expect(record?.statuses.at(-1)?.state).toBe('failure')
})
