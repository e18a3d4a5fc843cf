// The chaos suite: the built action, run as a runner runs it, against a fake Pulumi Cloud that fails 10%, 25% or
// 40% of requests on every endpoint (5xx, 429 with Retry-After, resets, slow answers, truncated bodies; on the
// create, before and after carrying it out). Every run must end with the right status and exit code, print every
// log line once and in order, and make exactly one deployment, or give up only where one call failed on every
// attempt. `npm test` runs a seeded sample; `npm run test:chaos` (CHAOS=full) runs 108 and reports the figures.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { ROOT } from '../test/harness/run-action.js'
import { collectFigures, figuresTable, writeFigures } from '../test/chaos/figures.js'
import { makePlans, type RunPlan } from '../test/chaos/plan.js'
import { chaosRun, mapLimited, type ChaosRun } from '../test/chaos/run.js'
import { judge, type Verdict } from '../test/chaos/verdict.js'

const FULL = process.env.CHAOS === 'full'
const plans = FULL ? makePlans(108, 1000) : makePlans(6, 1)
// Two at a time: one action process and one fake per run, on a two-core runner.
const AT_ONCE = 2
const REPORT = join(ROOT, 'reports', 'chaos.json')

const done = new Map<number, { run: ChaosRun; verdict: Verdict }>()
const broken = new Map<number, unknown>()

beforeAll(
  async () => {
    await mapLimited(plans, AT_ONCE, async plan => {
      try {
        const run = await chaosRun(plan)
        done.set(plan.seed, { run, verdict: judge(run) })
      } catch (error) {
        broken.set(plan.seed, error)
      }
    })
  },
  FULL ? 30 * 60_000 : 120_000
)

afterAll(() => {
  if (!FULL || done.size === 0) return
  const figures = collectFigures([...done.values()])
  writeFigures(REPORT, figures)
  process.stdout.write(`\nChaos suite figures (also in ${REPORT}):\n\n${figuresTable(figures)}\n\n`)
})

const name = (p: RunPlan): string =>
  `seed ${p.seed}: ${p.operation} that ${p.result}, ${p.rate * 100}% of requests failing`

describe('under injected faults', () => {
  test.each(plans.map(p => [name(p), p] as const))('%s', (_name, plan) => {
    if (broken.has(plan.seed)) throw broken.get(plan.seed)
    const outcome = done.get(plan.seed)
    expect(outcome?.verdict.problems).toEqual([])
    expect(outcome?.run.deployments.length).toBeLessThanOrEqual(1)
  })
})
