// Several stacks under `max-parallel` and under a cancel, end to end: one at a time runs them in the listed order
// and stops at the first failure; a cancelled step cancels every deployment still queued or running, and so does
// the post step after a main step that was killed.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import {
  ManualClock,
  previewScenario,
  pulumiScenario,
  startFakeCloud,
  type FakeCloud,
  type RecordedRequest,
  type Scenario
} from '../test/fake-cloud/index.js'
import { until } from '../test/harness/concurrency.js'
import { runAction, startAction, type RunActionOptions } from '../test/harness/run-action.js'

const STACKS = ['acme/web/dev', 'acme/web/staging', 'acme/api/prod']
const HOUR = 3_600_000
const settings = { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } }

let cloud: FakeCloud
afterEach(async () => {
  await cloud.close()
})

function options(inputs: Record<string, string>): RunActionOptions {
  return {
    inputs: {
      stack: STACKS.join('\n'),
      operation: 'preview',
      'pulumi-access-token': cloud.token,
      'cloud-url': cloud.url,
      'poll-interval': '50ms',
      ...inputs
    },
    repository: 'acme/infra'
  }
}

const stackOf = (r: RecordedRequest): string => r.path.split('/').slice(3, 6).join('/')
const results = (outputs: Record<string, string>): { stack: string; status: string }[] =>
  JSON.parse(outputs.results ?? '[]') as { stack: string; status: string }[]

describe('max-parallel: 1', () => {
  beforeEach(async () => {
    cloud = await startFakeCloud()
  })

  test('runs the stacks one after another, in the listed order', async () => {
    // The last listed is the quickest: run at once, it would end first.
    STACKS.forEach((stack, i) =>
      cloud.addStack(stack, { settings, scenario: previewScenario({ stack, stepMs: 60 - 20 * i }) })
    )
    const run = await runAction(options({ 'max-parallel': '1' }))
    expect(run.code).toBe(0)
    const creates = cloud.requests.filter(r => r.endpoint === 'createDeployment')
    expect(creates.map(stackOf)).toEqual(STACKS)
    // Each create comes only after the stack before it has ended and its results were read.
    for (let i = 1; i < STACKS.length; i++) {
      const before = cloud.requests
        .map((r, at) => (r.endpoint === 'getUpdates' && stackOf(r) === STACKS[i - 1] ? at : -1))
        .reduce((last, at) => Math.max(last, at), -1)
      expect(before).toBeGreaterThanOrEqual(0)
      expect(cloud.requests.indexOf(creates[i] as RecordedRequest)).toBeGreaterThan(before)
    }
    expect(results(run.outputs).map(r => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded'])
  })

  test('stops at the first failure: the rest are not run, and the step fails', async () => {
    const scenarios: Scenario[] = [
      previewScenario({ stack: STACKS[0], stepMs: 20 }),
      pulumiScenario('preview', { stack: STACKS[1], stepMs: 20, result: 'failed' }),
      previewScenario({ stack: STACKS[2], stepMs: 20 })
    ]
    STACKS.forEach((stack, i) => cloud.addStack(stack, { settings, scenario: scenarios[i] }))
    const run = await runAction(options({ 'max-parallel': '1' }))
    expect(run.code).toBe(1)
    expect(cloud.requests.filter(r => r.endpoint === 'createDeployment').map(stackOf)).toEqual(
      STACKS.slice(0, 2)
    )
    expect(results(run.outputs)).toEqual([
      expect.objectContaining({ stack: STACKS[0], status: 'succeeded' }),
      expect.objectContaining({ stack: STACKS[1], status: 'failed' }),
      expect.objectContaining({ stack: STACKS[2], status: 'not-run', 'deployment-id': null })
    ])
    expect(run.outputs.status).toBe('failed')
    expect(run.stdout).toContain(
      'acme/api/prod: Not run: acme/web/staging failed first, and `max-parallel` stops at the first failure.'
    )
  })
})

describe('cancelling several stacks', () => {
  let clock: ManualClock
  beforeEach(async () => {
    clock = new ManualClock()
    cloud = await startFakeCloud({ clock })
    for (const stack of STACKS) {
      const scenario = pulumiScenario('update', { stack, queuedMs: 0, acceptedMs: 0, stepMs: HOUR })
      cloud.addStack(stack, { settings, scenario })
    }
  })

  const allRunningSeen = (): boolean =>
    cloud.requests.filter(r => r.endpoint === 'createDeployment' && r.status === 202).length === 3 &&
    cloud.requests.some(r => r.endpoint === 'listOrgDeployments' && r.status === 200)

  test('a cancelled step cancels every deployment still running, per cancel-on-abort', async () => {
    const started = startAction(options({ operation: 'update', 'cancel-on-abort': 'true' }))
    await started.waitForOutput('acme/web/dev: deployment 1 is running.')
    await until(allRunningSeen, 'all three deployments followed')
    const signalledAt = performance.now()
    started.child.kill('SIGINT')
    const run = await started.result
    expect(run.exitedAt - signalledAt).toBeLessThan(5_000)
    expect(run.code).not.toBe(0)
    const cancels = cloud.requests.filter(r => r.endpoint === 'cancelDeployment')
    expect(cancels.map(stackOf).sort()).toEqual([...STACKS].sort())
    expect(cloud.deployments().every(d => d.cancelled)).toBe(true)
    expect(run.state.handled).toBe('true')
  })

  test('the post step of a killed main step cancels every deployment it had made', async () => {
    const inputs = { operation: 'update', 'cancel-on-abort': 'true' }
    const main = startAction(options(inputs))
    await main.waitForOutput('acme/web/dev: deployment 1 is running.')
    await until(allRunningSeen, 'all three deployments followed')
    main.child.kill('SIGKILL')
    const killed = await main.result
    expect(JSON.parse(killed.state.deployments ?? '[]')).toHaveLength(3)

    const post = await runAction({ ...options(inputs), post: { state: killed.state } })
    expect(post.code).toBe(0)
    expect(post.stdout.match(/was cancelled too/g)).toHaveLength(3)
    expect(cloud.deployments().every(d => d.cancelled)).toBe(true)
  })
})
