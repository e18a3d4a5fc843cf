// What one chaos run does, drawn from its seed: the operation, how the deployment ends, the shape of its log, and
// the share of requests that fail. The same seed always gives the same plan.
import type { PulumiOperation } from '../../src/pulumi/types.js'
import { pulumiScenario, type Scenario } from '../fake-cloud/index.js'
import { SeededRandom } from '../fake-cloud/random.js'

export const FAULT_RATES = [0.1, 0.25, 0.4] as const
export type FaultRate = (typeof FAULT_RATES)[number]

export const STACK = 'acme/web/dev'
export const OPERATIONS: PulumiOperation[] = ['preview', 'update']
export const RESULTS: Scenario['result'][] = ['succeeded', 'failed', 'skipped']

export interface RunPlan {
  seed: number
  rate: FaultRate
  operation: PulumiOperation
  result: Scenario['result']
  scenario: Scenario
  /** Most log entries per streaming response: small pages mean many log requests, each one a chance to fail. */
  logBatchSize: number
  /** How long a `slow` fault holds its answer, in real milliseconds. */
  slowMs: number
}

/**
 * `count` plans with seeds from `firstSeed`. Any 6 consecutive plans hold every rate, result and operation; any 9
 * pair every rate with every result; any 18 hold every combination of the three.
 */
export function makePlans(count: number, firstSeed = 1): RunPlan[] {
  return Array.from({ length: count }, (_, i) => {
    const rate = FAULT_RATES[i % 3] as FaultRate
    const result = RESULTS[(i + Math.floor(i / 3)) % 3] as Scenario['result']
    const operation = OPERATIONS[i % 2] as PulumiOperation
    return planFor(firstSeed + i, rate, operation, result)
  })
}

export function planFor(
  seed: number,
  rate: FaultRate,
  operation: PulumiOperation,
  result: Scenario['result']
): RunPlan {
  const random = new SeededRandom(seed * 7919)
  const between = (low: number, high: number): number => low + Math.floor(random.next() * (high - low + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)] as T
  // Deployments of 2022 name the Pulumi step `Pulumi operation` and have no Setup or Install step.
  const legacy = random.next() < 0.2
  const failable = legacy
    ? ['Get source', 'Pulumi operation']
    : ['Get source', 'Install dependencies', `pulumi ${operation}`]
  const failStep = pick(failable)
  const scenario = pulumiScenario(operation, {
    stack: STACK,
    stepMs: between(30, 120),
    queuedMs: between(0, 200),
    acceptedMs: between(0, 100),
    // Some runs print a long resource list (generated lines), some only the changes.
    ...(random.next() < 0.5
      ? { resources: between(20, 300) }
      : { creates: between(0, 4), updates: between(0, 3), deletes: between(0, 2), sames: between(0, 9) }),
    ansi: random.next() < 0.7,
    headers: legacy ? '2022' : 'current',
    result,
    ...(result === 'failed' ? { failStep } : {})
  })
  // Some runs print a few lines of 120 kB (a program echoing a large document): their pages pass 256 kB and are
  // read as they stream, so a page cut short has been handed on in part and is read again from where it stopped.
  if (random.next() < 0.5) withWideLines(scenario, between(3, 8))
  return { seed, rate, operation, result, scenario, logBatchSize: between(5, 40), slowMs: between(50, 300) }
}

function withWideLines(scenario: Scenario, count: number): void {
  const step = scenario.steps.find(s => /^pulumi |^Pulumi operation$/.test(s.name))
  if (!step) return
  const wide = Array.from({ length: count }, (_, i) => `    payload ${i} ${'w'.repeat(120_000)}\n`)
  step.lines = [...wide, ...(step.lines ?? [])]
}
