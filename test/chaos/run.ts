// One chaos run: a fresh fake Pulumi Cloud with the plan's scenario and faults, and the built action run against it
// exactly as a runner runs it. What happened is kept for the verdict and the figures.
import { startFakeCloud, type FakeDeployment, type RecordedRequest } from '../fake-cloud/index.js'
import { runAction, type ActionResult } from '../harness/run-action.js'
import { installFaults, type AppliedFault } from './faults.js'
import { STACK, type RunPlan } from './plan.js'

export const REPOSITORY = 'acme/infra'
export const PUSH_SHA = '5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed'
const SETTINGS = {
  sourceContext: { git: { repoUrl: `https://github.com/${REPOSITORY}.git`, branch: 'refs/heads/main' } }
}

export interface ChaosRun {
  plan: RunPlan
  result: ActionResult
  /** Every request the fake received, in order. */
  requests: RecordedRequest[]
  /** Every deployment of the stack at the end. */
  deployments: FakeDeployment[]
  faults: AppliedFault[]
  durationMs: number
}

export async function chaosRun(plan: RunPlan): Promise<ChaosRun> {
  const cloud = await startFakeCloud({ seed: plan.seed, logBatchSize: plan.logBatchSize })
  try {
    cloud.addStack(STACK, { settings: SETTINGS, scenario: plan.scenario })
    const faults = installFaults(cloud, plan.rate, plan.slowMs)
    const started = Date.now()
    const result = await runAction({
      inputs: {
        stack: STACK,
        operation: plan.operation,
        'pulumi-access-token': cloud.token,
        'cloud-url': cloud.url,
        'poll-interval': '25ms'
      },
      repository: REPOSITORY,
      sha: PUSH_SHA,
      // Pulumi's own backoff (1 s base, up to 30 s a wait) under 40% faults: a run may retry for minutes.
      killAfterMs: 300_000
    })
    return {
      plan,
      result,
      requests: [...cloud.requests],
      deployments: cloud.deployments(STACK),
      faults: faults.counts(),
      durationMs: Date.now() - started
    }
  } finally {
    await cloud.close()
  }
}

/** Runs `items` through `fn`, at most `limit` at a time, keeping their order. */
export async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
