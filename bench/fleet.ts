// Many stacks in one step: fifty deployments followed by one run of the action at its default poll interval, their
// ends spread over a minute. Measured: the requests a minute while following (from the last create answered to the
// exit), the whole run's too, and for each stack how long after its end the first status read that could see it.
import type { RecordedRequest, ScenarioLine } from '../test/fake-cloud/index.js'
import { discardFiles, preciseNow, watchAction } from './action.js'
import { benchCloud, freshStack, oneStepScenario, recordAnswers } from './fixtures.js'
import { spread, type Spread } from './stats.js'

export interface FleetResult {
  stacks: number
  /** From the last create answered to the action's exit. */
  followMs: number
  followRequests: number
  followPerMinute: number
  /** Every request of the run, the creates and the settings reads before them included. */
  totalRequests: number
  totalPerMinute: number
  byEndpoint: Record<string, number>
  /** Per stack: from its end on the fake to the first status request answered after it. */
  endSeenMs: Spread
  failed: number
}

const LINES_PER_STACK = 40

export async function measureFleet(
  stacks: number,
  firstEndMs: number,
  lastEndMs: number
): Promise<FleetResult> {
  const cloud = await benchCloud()
  const answered = recordAnswers(cloud, preciseNow)
  try {
    const durations = Array.from({ length: stacks }, (_, i) =>
      Math.round(firstEndMs + ((lastEndMs - firstEndMs) * i) / Math.max(1, stacks - 1))
    )
    // Listed longest first, as a real list rarely matches the order the stacks finish in.
    durations.reverse()
    const names = durations.map(durationMs => {
      const lines: ScenarioLine[] = Array.from({ length: LINES_PER_STACK }, (_, n) => ({
        text: n === LINES_PER_STACK - 1 ? 'Resources:\n    4 unchanged' : `line ${n + 1}`,
        atMs: Math.round((durationMs * n) / LINES_PER_STACK)
      }))
      return freshStack(cloud, oneStepScenario(durationMs, lines))
    })
    const run = watchAction({
      inputs: {
        stack: names.join('\n'),
        operation: 'preview',
        'pulumi-access-token': cloud.token,
        'cloud-url': cloud.url
      },
      killAfterMs: lastEndMs + 10 * 60_000
    })
    const { result, exitedAt } = await run.done
    discardFiles(result)
    const results = JSON.parse(result.outputs.results ?? '[]') as { status: string }[]

    const at = (r: RecordedRequest): number => answered.get(r) ?? Number.NaN
    const creates = cloud.requests.filter(r => r.endpoint === 'createDeployment')
    const lastCreate = Math.max(...creates.map(at))
    const following = cloud.requests.filter(r => at(r) > lastCreate)
    const byEndpoint: Record<string, number> = {}
    for (const r of following) byEndpoint[r.endpoint] = (byEndpoint[r.endpoint] ?? 0) + 1
    const firstRequest = Math.min(...cloud.requests.map(at))
    const statusReads = cloud.requests
      .filter(r => r.endpoint === 'listOrgDeployments' || r.endpoint === 'getDeployment')
      .map(at)
      .sort((a, b) => a - b)
    const endSeen = names.map((stack, i) => {
      const [deployment] = cloud.deployments(stack)
      const endAt = (deployment?.createdAt ?? Number.NaN) + (durations[i] ?? 0)
      const seen = statusReads.find(t => t >= endAt)
      return (seen ?? Number.NaN) - endAt
    })
    const followMs = exitedAt - lastCreate
    return {
      stacks,
      followMs,
      followRequests: following.length,
      followPerMinute: (following.length * 60_000) / followMs,
      totalRequests: cloud.requests.length,
      totalPerMinute: (cloud.requests.length * 60_000) / (exitedAt - firstRequest),
      byEndpoint,
      endSeenMs: spread(endSeen),
      failed: results.filter(r => r.status !== 'succeeded').length + (result.code === 0 ? 0 : 1)
    }
  } finally {
    await cloud.close()
  }
}
