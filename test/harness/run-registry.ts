// Every run the harness starts is tracked here, so a jest hook (test/setup/secret-hygiene.ts) can fail the test that
// leaked a secret without the test having to remember to look, and stop runs a test file left behind.
import type { Leak } from './secret-scan.js'
import { describeLeaks } from './secret-scan.js'

export interface TrackedRun {
  label: string
  /** Set once the run has ended and its output was scanned. */
  leaks(): Leak[] | undefined
  /** Settles once `leaks()` is set. */
  ended: Promise<unknown>
  /** Ends the process, for runs still going when their test file is done. */
  stop(): void
  /** Set for runs whose leaks the test checks itself (tests of the scan). */
  leaksExpected: boolean
}

interface Registry {
  runs: TrackedRun[]
  teardowns: Array<() => Promise<void>>
}

// On globalThis, so the setup file and the test file see one registry whichever copy of this module each loaded.
const KEY = Symbol.for('pulumi-deployments-action/test-harness')
const registry = ((globalThis as Record<symbol, Registry | undefined>)[KEY] ??= { runs: [], teardowns: [] })

export function trackRun(run: TrackedRun): void {
  registry.runs.push(run)
}

export function onHarnessTeardown(teardown: () => Promise<void>): void {
  registry.teardowns.push(teardown)
}

/**
 * Throws a description of every leak in the runs that have ended since the last check (and did not expect one).
 * Runs still going are left for a later check: they may belong to a concurrent test.
 */
export function checkEndedRuns(): void {
  const ended = registry.runs.filter(run => run.leaks() !== undefined)
  registry.runs = registry.runs.filter(run => run.leaks() === undefined)
  const problems = ended
    .filter(run => !run.leaksExpected && (run.leaks()?.length ?? 0) > 0)
    .map(run => describeLeaks(run.label, run.leaks() ?? []))
  if (problems.length > 0) throw new Error(problems.join('\n'))
}

/** At the end of a test file: stops what is still running, checks it all, and closes what the harness opened. */
export async function tearDownHarness(): Promise<void> {
  for (const run of registry.runs) if (run.leaks() === undefined) run.stop()
  await Promise.all(registry.runs.map(run => run.ended))
  for (const teardown of registry.teardowns.splice(0)) await teardown()
  checkEndedRuns()
}
