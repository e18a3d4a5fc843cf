// End detection: from the moment the fake marks the deployment terminal, its last log line with it, to the action's
// exit, at the default poll interval. Where the end falls between two polls decides most of the wait, so the runs
// spread the end evenly over one poll interval: their median is what a user waits on average.
import { discardFiles, watchAction } from './action.js'
import { benchCloud, defaultInputs, freshStack, oneStepScenario, startedAt } from './fixtures.js'
import { spread, type Spread } from './stats.js'

export interface EndDetectionResult {
  pollIntervalMs: number
  endToExitMs: Spread
  /** What the goal allows: half the poll interval plus 300 ms. */
  goalMs: number
}

const DEFAULT_POLL_MS = 2_000
// Long enough for the action to be streaming the log well before the end.
const BASE_DURATION_MS = 3_000

async function runOnce(durationMs: number): Promise<number> {
  const cloud = await benchCloud()
  try {
    const lines = [
      { text: 'Previewing update (bench/perf):', atMs: 0 },
      { text: 'Resources:\n    4 unchanged', atMs: durationMs }
    ]
    const stack = freshStack(cloud, oneStepScenario(durationMs, lines))
    const run = watchAction({ inputs: defaultInputs(cloud, stack), killAfterMs: 60_000 })
    const { result, exitedAt } = await run.done
    discardFiles(result)
    if (result.code !== 0)
      throw new Error(`The action failed on ${stack}:\n${result.stdout}\n${result.stderr}`)
    return exitedAt - (startedAt(cloud, stack) + durationMs)
  } finally {
    await cloud.close()
  }
}

/** `runs` runs, `parallel` at a time: each waits on the clock far more than it works, so they do not disturb. */
export async function measureEndDetection(runs: number, parallel: number): Promise<EndDetectionResult> {
  const offsets = Array.from({ length: runs }, (_, i) => Math.round((i * DEFAULT_POLL_MS) / runs))
  const delays: number[] = []
  for (let i = 0; i < offsets.length; i += parallel) {
    const batch = offsets.slice(i, i + parallel).map(offset => runOnce(BASE_DURATION_MS + offset))
    delays.push(...(await Promise.all(batch)))
  }
  return {
    pollIntervalMs: DEFAULT_POLL_MS,
    endToExitMs: spread(delays),
    goalMs: DEFAULT_POLL_MS / 2 + 300
  }
}
