// Cancellation and timeouts, end to end: the built action is stopped by SIGINT or SIGTERM (as the runner stops a
// cancelled step) in each phase of a deployment, held there by the fake's ManualClock or a slow answer, and must end
// within 5 seconds doing what `cancel-on-abort` promises; killed outright, its post step does it instead.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  ManualClock,
  startFakeCloud,
  pulumiScenario,
  type FakeCloud,
  type RecordedRequest,
  type Scenario
} from '../test/fake-cloud/index.js'
import { inBatches, until } from '../test/harness/concurrency.js'
import {
  commands,
  runAction,
  startAction,
  type ActionResult,
  type ActionRun,
  type RunActionOptions
} from '../test/harness/run-action.js'

const STACK = 'acme/web/dev'
const HOUR = 3_600_000
/** What the action promises: a cancelled step ends this soon after the runner's signal. */
const STOP_BOUND_MS = 5_000
const settings = {
  sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'refs/heads/main' } }
}

type Operation = 'preview' | 'update'

interface Fixture {
  cloud: FakeCloud
  clock: ManualClock
}

// Closed after all tests: the scenarios below run concurrently (test.concurrent), which skips *Each hooks.
const fixtures: FakeCloud[] = []
afterAll(async () => {
  await Promise.all(fixtures.splice(0).map(cloud => cloud.close()))
})

async function fixture(scenario: Scenario): Promise<Fixture> {
  const clock = new ManualClock()
  const cloud = await startFakeCloud({ clock })
  fixtures.push(cloud)
  cloud.addStack(STACK, { settings, scenario })
  return { cloud, clock }
}

function options(cloud: FakeCloud, inputs: Record<string, string>): RunActionOptions {
  return {
    inputs: {
      stack: STACK,
      'pulumi-access-token': cloud.token,
      'cloud-url': cloud.url,
      'poll-interval': '50ms',
      ...inputs
    },
    repository: 'acme/infra'
  }
}

const endpoint =
  (name: RecordedRequest['endpoint']) =>
  (r: RecordedRequest): boolean =>
    r.endpoint === name
const requestsTo = (cloud: FakeCloud, name: RecordedRequest['endpoint']): RecordedRequest[] =>
  cloud.requests.filter(endpoint(name))

/** Where a deployment is held when the signal comes, and how to know the action has got there. */
interface Phase {
  scenario: (operation: Operation) => Scenario
  /** Called before the action starts. */
  prepare?(cloud: FakeCloud): void
  /** Called once the action is started; resolves when it is in the phase. */
  reach(run: ActionRun, f: Fixture): Promise<void>
  /** Whether a deployment exists by then. */
  created: boolean
  /** Whether the deployment had already ended in Pulumi Cloud, so there was nothing left to cancel. */
  ended?: boolean
}

const held = (operation: Operation, o: { queuedMs?: number; acceptedMs?: number; stepMs?: number }) =>
  pulumiScenario(operation, { stack: STACK, queuedMs: 0, acceptedMs: 0, stepMs: 1000, ...o })

const PHASES: Record<string, Phase> = {
  'before the create, while the stack settings are read': {
    scenario: operation => held(operation, {}),
    prepare: cloud => cloud.faults.add({ kind: 'slow', endpoint: 'getSettings', delayMs: 60_000 }),
    reach: async (_run, { cloud }) => {
      await until(() => requestsTo(cloud, 'getSettings').length > 0, 'the settings request')
    },
    created: false
  },
  'queued (not-started)': {
    scenario: operation => held(operation, { queuedMs: HOUR }),
    reach: run => run.waitForOutput('is queued and has not started yet'),
    created: true
  },
  'accepted, waiting for a runner': {
    scenario: operation => held(operation, { acceptedMs: HOUR }),
    reach: run => run.waitForOutput('was accepted and is waiting for a runner'),
    created: true
  },
  running: {
    scenario: operation => held(operation, { stepMs: HOUR }),
    reach: run => run.waitForOutput('is running'),
    created: true
  },
  'after the deployment ended, while the last of its log is read': {
    scenario: operation => held(operation, {}),
    reach: async (run, { cloud, clock }) => {
      await run.waitForOutput('is running')
      // The next log request is held; only once it has arrived does the deployment end, so its answer (the rest
      // of the log) is what the action is waiting for when the signal comes.
      cloud.faults.add({ kind: 'slow', endpoint: 'streamLogs', delayMs: 60_000, times: 1 })
      await until(() => cloud.requests.some(r => r.fault === 'slow'), 'the held log request')
      clock.advance(HOUR)
    },
    created: true,
    ended: true
  }
}

interface SignalCase {
  phase: string
  signal: 'SIGINT' | 'SIGTERM'
  operation: Operation
  cancelOnAbort: '' | 'true' | 'false'
  /** What cancel-on-abort means for this operation. */
  cancels: boolean
}

// Every phase with both signals; across them, each way cancel-on-abort resolves (the default for an operation
// that changes nothing and for one that changes infrastructure, and both explicit values against the default).
const SIGNAL_CASES: SignalCase[] = [
  ['before the create, while the stack settings are read', 'SIGINT', 'preview', '', true],
  ['before the create, while the stack settings are read', 'SIGTERM', 'update', 'true', true],
  ['queued (not-started)', 'SIGINT', 'preview', '', true],
  // Not started: cancelled whatever the operation, unless cancel-on-abort is explicitly false.
  ['queued (not-started)', 'SIGTERM', 'update', '', true],
  ['queued (not-started)', 'SIGINT', 'update', 'false', false],
  ['accepted, waiting for a runner', 'SIGINT', 'update', 'true', true],
  ['accepted, waiting for a runner', 'SIGINT', 'update', '', true],
  ['accepted, waiting for a runner', 'SIGTERM', 'preview', 'false', false],
  ['running', 'SIGINT', 'update', '', false],
  ['running', 'SIGTERM', 'preview', '', true],
  ['running', 'SIGINT', 'update', 'true', true],
  ['after the deployment ended, while the last of its log is read', 'SIGINT', 'preview', '', true],
  ['after the deployment ended, while the last of its log is read', 'SIGTERM', 'update', '', false]
].map(([phase, signal, operation, cancelOnAbort, cancels]) => ({
  phase,
  signal,
  operation,
  cancelOnAbort,
  cancels
})) as SignalCase[]

interface Observed {
  run: ActionResult
  stopMs: number
  creates: number
  cancels: RecordedRequest[]
  deployments: ReturnType<FakeCloud['deployments']>
}

async function signalInPhase(c: SignalCase): Promise<Observed> {
  const phase = PHASES[c.phase] as Phase
  const clock = new ManualClock()
  const cloud = await startFakeCloud({ clock })
  try {
    cloud.addStack(STACK, { settings, scenario: phase.scenario(c.operation) })
    phase.prepare?.(cloud)
    const started = startAction(
      options(cloud, { operation: c.operation, 'cancel-on-abort': c.cancelOnAbort })
    )
    await phase.reach(started, { cloud, clock })
    const signalledAt = performance.now()
    started.child.kill(c.signal)
    const run = await started.result
    return {
      run,
      stopMs: run.exitedAt - signalledAt,
      creates: requestsTo(cloud, 'createDeployment').length,
      cancels: requestsTo(cloud, 'cancelDeployment'),
      deployments: cloud.deployments()
    }
  } finally {
    await cloud.close()
  }
}

describe('a signal from the runner', () => {
  const observed = new Map<SignalCase, Observed | { error: unknown }>()
  beforeAll(async () => {
    const results = await inBatches(SIGNAL_CASES, 3, signalInPhase)
    SIGNAL_CASES.forEach((c, i) => {
      const result = results[i]
      observed.set(c, result?.ok ? result.value : { error: result?.error })
    })
  }, 60_000)

  const outcome = (c: SignalCase): Observed => {
    const o = observed.get(c)
    if (o && !('error' in o)) return o
    throw o?.error instanceof Error ? o.error : new Error(`The case did not run: ${String(o?.error)}`)
  }

  test.each(SIGNAL_CASES)(
    '$signal $phase: $operation with cancel-on-abort "$cancelOnAbort" ends within 5 s',
    c => {
      const { run, stopMs } = outcome(c)
      expect(run.code).toBe(1)
      expect(stopMs).toBeLessThan(STOP_BOUND_MS)
      const errors = commands(run.stdout, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/cancelled/)
      expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)
    }
  )

  test.each(SIGNAL_CASES)(
    '$signal $phase: $operation with cancel-on-abort "$cancelOnAbort" does what cancel-on-abort says',
    c => {
      const phase = PHASES[c.phase] as Phase
      const { run, creates, cancels, deployments } = outcome(c)
      if (!phase.created) {
        expect(creates).toBe(0)
        expect(deployments).toHaveLength(0)
        expect(commands(run.stdout, 'error')[0]).toMatch(
          /cancelled before a deployment was created; nothing was deployed/
        )
        return
      }
      expect(deployments).toHaveLength(1)
      const [deployment] = deployments
      if (phase.ended) {
        // Nothing was left to cancel: the deployment ended on its own, and the action says so when it asked.
        expect(deployment).toMatchObject({ status: 'succeeded', cancelled: false })
        expect(cancels.map(r => r.status)).toEqual(c.cancels ? [404] : [])
        if (c.cancels) expect(run.stdout).toMatch(/had already ended/)
      } else if (c.cancels) {
        expect(cancels.map(r => r.status)).toEqual([200])
        expect(deployment).toMatchObject({ status: 'failed', cancelled: true })
        expect(run.stdout).toMatch(/the deployment (was cancelled|had not started and was cancelled)/i)
      } else {
        expect(cancels).toHaveLength(0)
        expect(deployment?.cancelled).toBe(false)
        const warnings = commands(run.stdout, 'warning').join('\n')
        // The half-done reason is only for a deployment that runs; one still queued is kept only on request.
        if (c.phase === 'running') expect(warnings).toMatch(/inconsistent[\s\S]*`cancel-on-abort: true`/)
        else expect(warnings).toMatch(/had not started[\s\S]*`cancel-on-abort` is false/)
      }
      // The post step (which runs because the job was cancelled) must not act again.
      expect(run.state.handled).toBe('true')
    }
  )
})

// Independent scenarios, run a few at a time (test.concurrent groups only the tests of one describe block).
describe('around a cancellation', () => {
  test.concurrent(
    'a signal while the create request is answered waits for the answer, so the deployment is known and cancelled',
    async () => {
      const { cloud } = await fixture(held('preview', { queuedMs: HOUR }))
      cloud.faults.add({ kind: 'slow', endpoint: 'createDeployment', delayMs: 500, afterProcessing: true })
      const started = startAction(options(cloud, { operation: 'preview' }))
      await until(() => requestsTo(cloud, 'createDeployment').length > 0, 'the create request')
      const signalledAt = performance.now()
      started.child.kill('SIGINT')
      const run = await started.result

      expect(run.exitedAt - signalledAt).toBeLessThan(STOP_BOUND_MS)
      expect(run.code).toBe(1)
      const [deployment] = cloud.deployments()
      expect(deployment).toMatchObject({ cancelled: true })
      expect(run.outputs['deployment-id']).toBe(deployment?.id)
      expect(requestsTo(cloud, 'createDeployment')).toHaveLength(1)
    }
  )

  test.concurrent(
    'a cancel request that hangs is given up in time: the step still ends within 5 s and says the cancel did not go through',
    async () => {
      const { cloud } = await fixture(held('preview', { stepMs: HOUR }))
      cloud.faults.add({ kind: 'slow', endpoint: 'cancelDeployment', delayMs: 60_000 })
      const started = startAction(options(cloud, { operation: 'preview' }))
      await started.waitForOutput('is running')
      const signalledAt = performance.now()
      started.child.kill('SIGINT')
      const run = await started.result

      expect(run.exitedAt - signalledAt).toBeLessThan(STOP_BOUND_MS)
      expect(run.code).toBe(1)
      expect(commands(run.stdout, 'warning').join('\n')).toMatch(/cancelling the deployment did not succeed/)
      // Not marked handled: the post step tries the cancel again.
      expect(run.state.handled).toBeUndefined()
    }
  )

  test.concurrent(
    'a timeout while queued cancels a preview and fails the step with a sentence saying so',
    async () => {
      const { cloud } = await fixture(held('preview', { queuedMs: HOUR }))
      const run = await runAction(options(cloud, { operation: 'preview', timeout: '500ms' }))
      expect(run.code).toBe(1)
      const errors = commands(run.stdout, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(
        /timed out after 500ms; the deployment had not started and was cancelled, so nothing was changed\./
      )
      expect(cloud.deployments()[0]).toMatchObject({ status: 'failed', cancelled: true })
    }
  )

  test.concurrent(
    'a timeout while paused cancels an update that never started, and says it changed nothing',
    async () => {
      const { cloud } = await fixture(held('update', {}))
      cloud.pause({ stack: STACK })
      const run = await runAction(options(cloud, { operation: 'update', timeout: '500ms' }))
      expect(run.code).toBe(1)
      const errors = commands(run.stdout, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(
        /timed out after 500ms; the deployment had not started and was cancelled, so nothing was changed\./
      )
      expect(commands(run.stdout, 'warning').join('\n')).not.toMatch(/inconsistent/)
      expect(cloud.deployments()[0]).toMatchObject({ cancelled: true })
    }
  )

  test.concurrent(
    'a timeout while paused leaves an update queued when cancel-on-abort is false, and says why',
    async () => {
      const { cloud } = await fixture(held('update', {}))
      cloud.pause({ stack: STACK })
      const run = await runAction(
        options(cloud, { operation: 'update', timeout: '500ms', 'cancel-on-abort': 'false' })
      )
      expect(run.code).toBe(1)
      const errors = commands(run.stdout, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/timed out after 500ms; the deployment stays queued and will still run\./)
      expect(commands(run.stdout, 'warning').join('\n')).toMatch(
        /had not started[\s\S]*`cancel-on-abort` is false/
      )
      expect(requestsTo(cloud, 'cancelDeployment')).toHaveLength(0)
      expect(cloud.deployments()[0]).toMatchObject({ status: 'not-started', cancelled: false })
    }
  )

  test.concurrent('a timeout while paused cancels an update when cancel-on-abort is true', async () => {
    const { cloud } = await fixture(held('update', {}))
    cloud.pause({ stack: STACK })
    const run = await runAction(
      options(cloud, { operation: 'update', timeout: '500ms', 'cancel-on-abort': 'true' })
    )
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'error')[0]).toMatch(
      /timed out after 500ms; the deployment had not started and was cancelled/
    )
    expect(cloud.deployments()[0]).toMatchObject({ cancelled: true })
  })

  async function killMainWhen(cloud: FakeCloud, inputs: Record<string, string>, text: string) {
    const main = startAction(options(cloud, inputs))
    await main.waitForOutput(text)
    main.child.kill('SIGKILL')
    const killed = await main.result
    expect(killed.signal).toBe('SIGKILL')
    return killed
  }

  test.concurrent(
    'after the main step was killed, the post step cancels a queued update when cancel-on-abort is true',
    async () => {
      const { cloud } = await fixture(held('update', { queuedMs: HOUR }))
      const inputs = { operation: 'update', 'cancel-on-abort': 'true' }
      const killed = await killMainWhen(cloud, inputs, 'is queued')
      expect(cloud.deployments()[0]?.cancelled).toBe(false)

      const post = await runAction({ ...options(cloud, inputs), post: { state: killed.state } })
      expect(post.code).toBe(0)
      expect(post.stdout).toMatch(/was cancelled too/)
      expect(cloud.deployments()[0]).toMatchObject({ status: 'failed', cancelled: true })
    }
  )

  test.concurrent(
    'after the main step was killed, the post step cancels a queued update by default: it changed nothing',
    async () => {
      const { cloud } = await fixture(held('update', { queuedMs: HOUR }))
      const killed = await killMainWhen(cloud, { operation: 'update' }, 'is queued')
      expect(cloud.deployments()[0]?.cancelled).toBe(false)

      const post = await runAction({
        ...options(cloud, { operation: 'update' }),
        post: { state: killed.state }
      })
      expect(post.code).toBe(0)
      expect(post.stdout).toMatch(
        /before deployment \S+ started; it was cancelled too, so nothing was changed/
      )
      expect(cloud.deployments()[0]).toMatchObject({ status: 'failed', cancelled: true })
    }
  )

  test.concurrent(
    'after the main step was killed, the post step leaves a running update alone by default, and says so',
    async () => {
      const { cloud } = await fixture(held('update', { stepMs: HOUR }))
      const killed = await killMainWhen(cloud, { operation: 'update' }, 'is running')

      const post = await runAction({
        ...options(cloud, { operation: 'update' }),
        post: { state: killed.state }
      })
      expect(post.code).toBe(0)
      expect(post.stdout).toMatch(/left running: `cancel-on-abort` is off/)
      expect(requestsTo(cloud, 'cancelDeployment')).toHaveLength(0)
      expect(cloud.deployments()[0]).toMatchObject({ status: 'running', cancelled: false })
    }
  )

  test.concurrent(
    'after the main step was killed before it created a deployment, the post step has nothing to do',
    async () => {
      const { cloud } = await fixture(held('preview', {}))
      cloud.faults.add({ kind: 'slow', endpoint: 'getSettings', delayMs: 60_000 })
      const main = startAction(options(cloud, { operation: 'preview' }))
      await until(() => requestsTo(cloud, 'getSettings').length > 0, 'the settings request')
      main.child.kill('SIGKILL')
      const killed = await main.result

      const before = cloud.requests.length
      const post = await runAction({
        ...options(cloud, { operation: 'preview' }),
        post: { state: killed.state }
      })
      expect(post.code).toBe(0)
      expect(cloud.requests).toHaveLength(before)
      expect(cloud.deployments()).toHaveLength(0)
    }
  )
})
