// The fake Pulumi Cloud as every part of the benchmark sets it up: real time with sub-millisecond resolution, on
// loopback, one stack per run so runs never read each other's deployments.
import {
  startFakeCloud,
  type FakeCloud,
  type GeneratedLines,
  type RecordedRequest,
  type Scenario,
  type ScenarioLine
} from '../test/fake-cloud/index.js'
import { preciseClock } from './action.js'

export async function benchCloud(): Promise<FakeCloud> {
  return startFakeCloud({ clock: preciseClock, host: '127.0.0.1', port: 0 })
}

let stacks = 0

// Deployment settings as a configured stack has them: the workflow's own repository, so `commit: auto` pins.
const STACK_SETTINGS = {
  sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'refs/heads/main' } }
}

/** A fresh stack on the fake, configured for deployments, with this scenario; returns its `org/project/stack`. */
export function freshStack(cloud: FakeCloud, scenario?: Scenario): string {
  const ref = `bench/perf/run${++stacks}`
  cloud.addStack(ref, { settings: STACK_SETTINGS, ...(scenario ? { scenario } : {}) })
  return ref
}

/** The inputs a workflow gives; everything else keeps its action.yml default (poll-interval 2s included). */
export function defaultInputs(cloud: FakeCloud, stack: string): Record<string, string> {
  return {
    stack,
    operation: 'preview',
    'pulumi-access-token': cloud.token,
    'cloud-url': cloud.url
  }
}

/**
 * A deployment that runs at once and whose only step is the preview: its timing is the step's, so the benchmark
 * knows to the millisecond when each line appears and when the deployment ends.
 */
export function oneStepScenario(
  durationMs: number,
  lines: ScenarioLine[],
  generated?: GeneratedLines[]
): Scenario {
  return {
    queuedMs: 0,
    acceptedMs: 0,
    steps: [{ name: 'pulumi preview', durationMs, lines, generated, pulumiOperation: true }],
    result: 'succeeded'
  }
}

/** Requests the fake received for one stack (its settings, deployments, logs and metadata). */
export function requestsFor(cloud: FakeCloud, stack: string): RecordedRequest[] {
  const prefix = `/api/stacks/${stack}/`
  return cloud.requests.filter(r => r.path.startsWith(prefix))
}

/** When the deployment of a one-step scenario started running, on the fake's (precise) clock. */
export function startedAt(cloud: FakeCloud, stack: string): number {
  const [deployment] = cloud.deployments(stack)
  if (!deployment) throw new Error(`The action created no deployment on ${stack}.`)
  return deployment.createdAt
}

/**
 * When each request was answered, by the fake's recording of it: the fake offers no event for it, but it asks
 * every waiter's predicate about each answered request, so a predicate that never matches sees them all.
 */
export function recordAnswers(cloud: FakeCloud, now: () => number): Map<RecordedRequest, number> {
  const answered = new Map<RecordedRequest, number>()
  cloud
    .waitForRequest(request => {
      if (!answered.has(request)) answered.set(request, now())
      return false
    }, 2_147_483_647)
    .catch(() => undefined)
  return answered
}
