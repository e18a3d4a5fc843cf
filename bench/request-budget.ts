// The request budget: API requests per minute while the action follows a long deployment at its default settings,
// with no new log lines, with a steady trickle of them, and with Pulumi Cloud answering 429 with Retry-After. The
// trickle run also times each line from its appearance on the server to its appearance in the action's output.
// The three run side by side, each on its own fake: they spend the window waiting, not working.
import { SeededRandom } from '../test/fake-cloud/random.js'
import type { FakeCloud, RecordedRequest, ScenarioLine } from '../test/fake-cloud/index.js'
import { discardFiles, preciseNow, watchAction } from './action.js'
import {
  benchCloud,
  defaultInputs,
  freshStack,
  oneStepScenario,
  recordAnswers,
  requestsFor,
  startedAt
} from './fixtures.js'
import { percentile, spread, type Spread } from './stats.js'

export type BudgetVariant = 'quiet' | 'trickle' | 'throttled'

export interface BudgetResult {
  variant: BudgetVariant
  windowMs: number
  /** Requests in the window (for `throttled`, from the first one answered 429). */
  requests: number
  perMinute: number
  /** Most requests for the deployment the server was handling at once. */
  maxInFlight: number
  byEndpoint: Record<string, number>
  /** Gaps between consecutive requests in the window. */
  gapMs: Spread
  /** For `throttled`: the Retry-After the server sent, in seconds, and the shortest gap once it was sent. */
  retryAfterSeconds?: number
  minGapWhileThrottledMs?: number
}

export interface LatencyResult {
  lines: number
  /** Lines that appeared on the server in the window but never in the action's output. */
  missing: number
  p50Ms: number
  p95Ms: number
  maxMs: number
}

const RETRY_AFTER_SECONDS = 10
// The deployment outlasts the window; the action is stopped once the window has been observed.
const DEPLOYMENT_MS = 30 * 60_000
const LEAD_IN_MS = 2_000

/** Lines at irregular moments (0.2–1.8 s apart, 1 s on average), so they fall at every phase of the poll cycle. */
function trickle(untilMs: number): ScenarioLine[] {
  const random = new SeededRandom(42)
  const lines: ScenarioLine[] = [{ text: 'Previewing update (bench/perf):', atMs: 0 }]
  for (let at = LEAD_IN_MS, n = 1; at < untilMs; at += 200 + random.next() * 1_600, n++)
    lines.push({ text: `tick ${n}`, atMs: Math.round(at) })
  return lines
}

function inFlight(requests: RecordedRequest[], answered: Map<RecordedRequest, number>): number {
  const events: Array<[number, number]> = []
  for (const request of requests) {
    events.push([request.at, 1])
    events.push([answered.get(request) ?? Number.POSITIVE_INFINITY, -1])
  }
  // Answers sort before arrivals at the same moment: a request sent in reply to an answer is not concurrent with it.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let current = 0
  let most = 0
  for (const [, change] of events) most = Math.max(most, (current += change))
  return most
}

interface LineTimes {
  latencies: number[]
  missing: number
}

async function observe(
  variant: BudgetVariant,
  windowMs: number,
  lineTimes?: LineTimes
): Promise<BudgetResult> {
  const cloud: FakeCloud = await benchCloud()
  const answered = recordAnswers(cloud, preciseNow)
  try {
    const lines =
      variant === 'quiet' ? [{ text: 'Previewing update (bench/perf):', atMs: 0 }] : trickle(windowMs * 2)
    const stack = freshStack(cloud, oneStepScenario(DEPLOYMENT_MS, lines))
    const seen = new Map<number, number>()
    const run = watchAction({
      inputs: defaultInputs(cloud, stack),
      killAfterMs: windowMs * 3,
      onLine: (line, at) => {
        const tick = /^tick (\d+)$/.exec(line)
        if (tick && !seen.has(Number(tick[1]))) seen.set(Number(tick[1]), at)
      }
    })
    const firstLogRead = await cloud.waitForRequest(
      r => r.endpoint === 'streamLogs' && r.path.includes(stack),
      30_000
    )
    const from = firstLogRead.at
    if (variant === 'throttled') {
      cloud.faults.add({ kind: 'status', status: 429, retryAfter: RETRY_AFTER_SECONDS, pathIncludes: stack })
    }
    await new Promise(resolve => setTimeout(resolve, from + windowMs - preciseNow()))
    run.kill()
    discardFiles((await run.done).result)
    const inWindow = requestsFor(cloud, stack).filter(r => r.at >= from && r.at < from + windowMs)
    const byEndpoint: Record<string, number> = {}
    for (const r of inWindow) byEndpoint[r.endpoint] = (byEndpoint[r.endpoint] ?? 0) + 1
    const gaps = inWindow.slice(1).map((r, i) => r.at - (inWindow[i] as RecordedRequest).at)
    if (lineTimes) {
      const start = startedAt(cloud, stack)
      for (const line of lines) {
        const tick = typeof line === 'string' ? undefined : /^tick (\d+)$/.exec(line.text)
        const appeared = typeof line === 'string' ? Number.NaN : start + line.atMs
        // Lines of the last seconds may not have been read yet when the action was stopped.
        if (!tick || appeared < from || appeared >= from + windowMs - 5_000) continue
        const shown = seen.get(Number(tick[1]))
        if (shown === undefined) lineTimes.missing++
        else lineTimes.latencies.push(shown - appeared)
      }
    }
    // Throttled, the rate counts from the first 429: the window opens on a request answered normally.
    const throttledFrom = variant === 'throttled' ? inWindow.findIndex(r => r.fault === 'status') : 0
    const counted = throttledFrom < 0 ? [] : inWindow.slice(throttledFrom)
    const countedMs = from + windowMs - (counted[0]?.at ?? from)
    return {
      variant,
      windowMs,
      requests: counted.length,
      perMinute: (counted.length * 60_000) / countedMs,
      maxInFlight: inFlight(requestsFor(cloud, stack), answered),
      byEndpoint,
      gapMs: spread(gaps),
      ...(variant === 'throttled'
        ? {
            retryAfterSeconds: RETRY_AFTER_SECONDS,
            minGapWhileThrottledMs: Math.min(...gaps.slice(throttledFrom))
          }
        : {})
    }
  } finally {
    await cloud.close()
  }
}

export async function measureRequestBudget(
  windowMs: number
): Promise<{ budget: BudgetResult[]; latency: LatencyResult }> {
  const lineTimes: LineTimes = { latencies: [], missing: 0 }
  const budget = await Promise.all([
    observe('quiet', windowMs),
    observe('trickle', windowMs, lineTimes),
    observe('throttled', windowMs)
  ])
  const { latencies, missing } = lineTimes
  return {
    budget,
    latency: {
      lines: latencies.length,
      missing,
      p50Ms: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      maxMs: Math.max(...latencies)
    }
  }
}
