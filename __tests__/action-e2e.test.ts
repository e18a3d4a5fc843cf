// End-to-end: the built dist/index.js, run as a GitHub runner runs it, against the fake Pulumi Cloud.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import {
  startFakeCloud,
  ManualClock,
  previewScenario,
  updateScenario,
  type FakeCloud
} from '../test/fake-cloud/index.js'
import {
  commands,
  pullRequestEvent,
  runAction,
  startAction,
  type RunActionOptions
} from '../test/harness/run-action.js'

const STACK = 'acme/web/dev'
const THIS_REPO = 'acme/infra'
const PR_HEAD = 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12'
const PUSH_SHA = '0123456789abcdef0123456789abcdef01234567'
const repoSettings = (repo = THIS_REPO) => ({
  sourceContext: {
    git: { repoUrl: `https://github.com/${repo}.git`, branch: 'refs/heads/main', repoDir: 'web' }
  }
})
const prEvent = pullRequestEvent(7, PR_HEAD, THIS_REPO)

let cloud: FakeCloud
let clock: ManualClock | undefined

async function start(opts: { manual?: boolean } = {}): Promise<void> {
  clock = opts.manual ? new ManualClock(Date.parse('2026-11-01T10:00:00Z')) : undefined
  cloud = await startFakeCloud({ clock })
}
afterEach(async () => cloud?.close())

function action(inputs: Record<string, string>, extra: Partial<RunActionOptions> = {}): RunActionOptions {
  return {
    inputs: {
      'pulumi-access-token': cloud.token,
      'cloud-url': cloud.url,
      'poll-interval': '50ms',
      ...inputs
    },
    repository: THIS_REPO,
    ...extra
  }
}

function createBodies(): Array<Record<string, unknown>> {
  return cloud.requests
    .filter(r => r.endpoint === 'createDeployment')
    .map(r => r.body as Record<string, unknown>)
}

describe('a pull-request preview', () => {
  beforeEach(() => start())

  test('pins the head commit, follows the logs to the end and reports the changes', async () => {
    cloud.addStack(STACK, {
      settings: repoSettings(),
      scenario: previewScenario({ creates: 2, updates: 1, sames: 4, stepMs: 40 })
    })
    const run = await runAction(
      action({ stack: STACK, operation: 'preview', 'comment-on-pr': 'false' }, { event: prEvent })
    )

    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const [body] = createBodies()
    expect(body).toMatchObject({ operation: 'preview', sourceContext: { git: { commit: PR_HEAD } } })
    // As Pulumi's CLI sends a pinned commit: beside an empty branch, which the service reads as "not set".
    expect((body as { sourceContext: { git: Record<string, unknown> } }).sourceContext.git.branch).toBe('')
    const [deployment] = cloud.deployments(STACK)
    expect(deployment?.settings.sourceContext?.git).toEqual({
      repoUrl: `https://github.com/${THIS_REPO}.git`,
      repoDir: 'web',
      commit: PR_HEAD
    })
    for (const request of cloud.requests) {
      expect(request.headers.accept).toBe('application/vnd.pulumi+8')
      expect(request.headers['accept-encoding']).toBe('gzip')
      expect(request.headers['x-pulumi-deployment-initiator']).toBeUndefined()
      if (request.status === 200) expect(request.encoding).toBe('gzip')
    }
    expect(run.outputs).toMatchObject({
      'deployment-id': deployment?.id,
      'deployment-version': String(deployment?.version),
      status: 'succeeded',
      'has-changes': 'true'
    })
    expect(JSON.parse(run.outputs.changes ?? '')).toEqual({ create: 2, update: 1, same: 4 })
    expect(run.outputs['console-url']).toMatch(/\/acme\/web\/dev\/deployments\/\d+$/)
    // The same facts again in `results`, the shape a workflow reads for any number of stacks.
    expect(JSON.parse(run.outputs.results ?? '')).toEqual([
      {
        stack: STACK,
        operation: 'preview',
        'deployment-id': deployment?.id,
        'deployment-version': deployment?.version,
        status: 'succeeded',
        'console-url': run.outputs['console-url'],
        'update-version': null,
        changes: { create: 2, update: 1, same: 4 },
        'has-changes': true,
        'drift-detected': null,
        outputs: null
      }
    ])
    expect(readFileSync(run.outputs['log-file'] ?? '', 'utf8')).toContain('Resources:')
    expect(run.summary).toContain('acme/web/dev')
  })

  test('prints every log line once, in order, under its step group', async () => {
    const scenario = previewScenario({ creates: 3, sames: 2, stepMs: 30 })
    cloud.addStack(STACK, { settings: repoSettings(), scenario })
    const run = await runAction(
      action({ stack: STACK, operation: 'preview', 'comment-on-pr': 'false' }, { event: prEvent })
    )
    expect(run.code).toBe(0)

    const printed = run.stdout.split('\n')
    let group: string | undefined
    const seen: Array<{ group?: string; text: string }> = []
    for (const line of printed) {
      if (line.startsWith('::group::')) group = line.slice('::group::'.length)
      else if (line === '::endgroup::') group = undefined
      else if (group !== undefined && !line.startsWith('::')) seen.push({ group, text: line })
    }
    const expected = scenario.steps.flatMap(step =>
      (step.lines ?? []).map(l => ({ group: step.name, text: finalText(typeof l === 'string' ? l : l.text) }))
    )
    expect(seen).toEqual(expected)
  })
})

/** What a terminal shows of a line: the text after its last carriage return. */
function finalText(line: string): string {
  const text = line.replace(/\n$/, '')
  return text.includes('\r') ? (text.split('\r').filter(Boolean).at(-1) ?? '') : text
}

describe('commit pinning', () => {
  beforeEach(() => start())

  test('a push update pins the pushed commit', async () => {
    cloud.addStack(STACK, { settings: repoSettings(), scenario: updateScenario({ creates: 1, stepMs: 20 }) })
    const run = await runAction(action({ stack: STACK, operation: 'update' }, { sha: PUSH_SHA }))
    expect(run.code).toBe(0)
    expect(createBodies()[0]).toMatchObject({
      operation: 'update',
      sourceContext: { git: { commit: PUSH_SHA } }
    })
    expect(run.outputs['update-version']).toMatch(/^\d+$/)
  })

  test('a stack whose source is another repository is not pinned, and the log says why', async () => {
    cloud.addStack(STACK, {
      settings: repoSettings('someone/else'),
      scenario: updateScenario({ stepMs: 20 })
    })
    const run = await runAction(action({ stack: STACK, operation: 'update' }, { sha: PUSH_SHA }))
    expect(run.code).toBe(0)
    expect(createBodies()[0]?.sourceContext).toBeUndefined()
    expect(run.stdout).toMatch(/someone\/else/)
  })

  test('inherit-settings false sends exactly the given settings', async () => {
    cloud.addStack(STACK, { settings: repoSettings(), scenario: updateScenario({ stepMs: 20 }) })
    const settings = {
      sourceContext: { git: { repoUrl: 'https://github.com/acme/other.git', branch: 'refs/heads/release' } },
      operationContext: { environmentVariables: { REGION: 'eu-west-1' } }
    }
    const run = await runAction(
      action({
        stack: STACK,
        operation: 'update',
        'inherit-settings': 'false',
        settings: JSON.stringify(settings)
      })
    )
    expect(run.code).toBe(0)
    expect(createBodies()[0]).toEqual({ operation: 'update', inheritSettings: false, ...settings })
  })
})

describe('what Pulumi Cloud says on the side', () => {
  beforeEach(() => start())

  test('an X-Pulumi-Warning on every answer is one warning annotation, and the run still succeeds', async () => {
    cloud.addStack(STACK, { settings: repoSettings(), scenario: updateScenario({ creates: 1, stepMs: 20 }) })
    cloud.setWarning('Deployments API version 8 is deprecated; see the changelog.')
    const run = await runAction(action({ stack: STACK, operation: 'update' }, { sha: PUSH_SHA }))
    expect(run.code).toBe(0)
    expect(cloud.requests.length).toBeGreaterThan(2)
    expect(commands(run.stdout, 'warning')).toEqual([
      'Pulumi Cloud warns: Deployments API version 8 is deprecated; see the changelog.'
    ])
  })
})

describe('the end of a deployment', () => {
  beforeEach(() => start())

  test('a failed deployment fails the step and names the failed step', async () => {
    cloud.addStack(STACK, {
      settings: repoSettings(),
      scenario: updateScenario({ stepMs: 20, result: 'failed' })
    })
    const run = await runAction(action({ stack: STACK, operation: 'update' }))
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('failed')
    const errors = commands(run.stdout, 'error')
    expect(errors.some(e => /pulumi update/i.test(e))).toBe(true)
  })

  test('a skipped deployment warns and passes', async () => {
    cloud.addStack(STACK, {
      settings: repoSettings(),
      scenario: { steps: [], result: 'skipped', queuedMs: 20 }
    })
    const run = await runAction(action({ stack: STACK, operation: 'update' }))
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('skipped')
    expect(commands(run.stdout, 'warning').join('\n')).toMatch(/skipped/)
  })

  test('wait: false creates the deployment and ends at once', async () => {
    await cloud.close()
    await start({ manual: true })
    cloud.addStack(STACK, { settings: repoSettings(), scenario: updateScenario({ stepMs: 1000 }) })
    const run = await runAction(action({ stack: STACK, operation: 'update', wait: 'false' }))
    expect(run.code).toBe(0)
    expect(run.outputs['deployment-id']).toBe(cloud.deployments(STACK)[0]?.id)
    expect(cloud.deployments(STACK)[0]?.status).toBe('not-started')
    expect(cloud.requests.filter(r => r.endpoint === 'streamLogs')).toHaveLength(0)
  })
})

describe('waiting', () => {
  beforeEach(() => start({ manual: true }))

  test('a paused stack is reported, and the timeout ends the wait and cancels a preview', async () => {
    cloud.addStack(STACK, { settings: repoSettings(), scenario: previewScenario({ stepMs: 20 }) })
    cloud.pause({ stack: STACK })
    const run = await runAction(action({ stack: STACK, operation: 'preview', timeout: '1s' }))
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'warning').join('\n')).toMatch(/paused/i)
    expect(run.stdout).toMatch(/timed out/i)
    expect(cloud.deployments(STACK)[0]).toMatchObject({ status: 'failed', cancelled: true })
  })

  test('SIGINT cancels a running preview', async () => {
    cloud.addStack(STACK, {
      settings: repoSettings(),
      scenario: previewScenario({ stepMs: 60_000, queuedMs: 0, acceptedMs: 0 })
    })
    const started = startAction(action({ stack: STACK, operation: 'preview' }))
    await started.waitForOutput('is running')
    started.child.kill('SIGINT')
    const run = await started.result
    expect(run.code).not.toBe(0)
    expect(cloud.deployments(STACK)[0]).toMatchObject({ cancelled: true })
  })

  test('SIGINT leaves a running update alone', async () => {
    cloud.addStack(STACK, {
      settings: repoSettings(),
      scenario: updateScenario({ stepMs: 60_000, queuedMs: 0, acceptedMs: 0 })
    })
    const started = startAction(action({ stack: STACK, operation: 'update' }))
    await started.waitForOutput('is running')
    started.child.kill('SIGINT')
    const run = await started.result
    expect(run.code).not.toBe(0)
    expect(cloud.requests.filter(r => r.endpoint === 'cancelDeployment')).toHaveLength(0)
    expect(cloud.deployments(STACK)[0]?.status).toBe('running')
    expect(commands(run.stdout, 'warning').join('\n')).toMatch(/keeps running/)
  })
})

describe('bad input', () => {
  beforeEach(() => start())

  test('is one ::error naming the input, exit 1, no stack trace and no request made', async () => {
    cloud.addStack(STACK, { settings: repoSettings() })
    const run = await runAction(action({ stack: STACK, operation: 'deploy' }))
    expect(run.code).toBe(1)
    const errors = commands(run.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/`operation`/)
    expect(errors[0]).toMatch(/preview/)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /)
    expect(cloud.requests).toHaveLength(0)
  })

  test('a stack that does not exist is named in one sentence', async () => {
    const run = await runAction(action({ stack: 'acme/web/nope', operation: 'preview', commit: 'none' }))
    expect(run.code).toBe(1)
    const errors = commands(run.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/acme\/web\/nope/)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('the post step', () => {
  beforeEach(() => start({ manual: true }))

  test('cancels the preview a killed main step left behind', async () => {
    cloud.addStack(STACK, {
      settings: repoSettings(),
      scenario: previewScenario({ stepMs: 60_000, queuedMs: 0, acceptedMs: 0 })
    })
    const main = startAction(action({ stack: STACK, operation: 'preview' }))
    await main.waitForOutput('is running')
    main.child.kill('SIGKILL')
    const killed = await main.result
    expect(killed.state).toMatchObject({ isPost: 'true', deploymentId: cloud.deployments(STACK)[0]?.id })
    expect(cloud.deployments(STACK)[0]?.cancelled).toBe(false)

    const post = await runAction(
      action({ stack: STACK, operation: 'preview' }, { post: { state: killed.state } })
    )
    expect(post.code).toBe(0)
    expect(cloud.deployments(STACK)[0]).toMatchObject({ status: 'failed', cancelled: true })
  })

  test('does nothing when the main step already dealt with the deployment', async () => {
    const post = await runAction(
      action(
        { stack: STACK, operation: 'preview' },
        {
          post: {
            state: { isPost: 'true', deploymentId: 'x', stack: STACK, cancelOnAbort: 'true', handled: 'true' }
          }
        }
      )
    )
    expect(post.code).toBe(0)
    expect(cloud.requests).toHaveLength(0)
  })
})
