// The named scenarios of `npm run fake-cloud`: the one table of them. Each says what it shows, what the fake Pulumi
// Cloud does for it, which operation to run against it, and how the step ends. The README's table lists the same
// names (a test keeps them equal); a scenario another change improves (drift reports, many stacks in one step) is
// filled in here, in its row.
import type { PulumiOperation } from '../../src/pulumi/types.js'
import {
  pulumiScenario,
  type FakeCloud,
  type Scenario,
  type ScenarioFactory
} from '../../test/fake-cloud/index.js'

export const REPOSITORY = 'acme/website'
export const PULL_REQUEST = 42
export const STACK = 'acme/website/production'

export interface Timing {
  /** Each deployment step's duration, in milliseconds of real time. */
  stepMs: number
  /** How long a paused stack stays paused once a deployment waits for it. */
  resumeAfterMs: number
}

export interface NamedScenario {
  name: string
  /** What a user sees by running it, for `--list` and the README. */
  shows: string
  operation: PulumiOperation
  /** The stacks to deploy, one `npm run local` each; default the one stack. */
  stacks?: string[]
  scenario(stack: string, t: Timing): Scenario | ScenarioFactory
  /** More options for `npm run local`, beyond the stack, operation and comment. */
  args?: string[]
  /** Runs beside the fake while it serves (e.g. resumes a pause); returns its stop. */
  drive?(cloud: FakeCloud, t: Timing, say: (text: string) => void): () => void
  /** How `npm run local` ends: its exit code. */
  exitCode: 0 | 1
  /** What is still to come, said when the scenario starts. */
  note?: string
}

const website = { creates: 2, updates: 1, replaces: 1, deletes: 1, sames: 9 }

export const SCENARIOS: readonly NamedScenario[] = [
  {
    name: 'succeeds',
    shows: 'an update that creates, updates, replaces and deletes, with stack outputs',
    operation: 'update',
    scenario: (stack, t) =>
      pulumiScenario('update', {
        ...website,
        stack,
        stepMs: t.stepMs,
        outputs: { url: 'https://www.acme.example' }
      }),
    exitCode: 0
  },
  {
    name: 'fails-in-step',
    shows:
      'an update whose `pulumi update` step fails on a resource: the error annotation and the failed step',
    operation: 'update',
    scenario: (stack, t) =>
      pulumiScenario('update', { ...website, stack, stepMs: t.stepMs, result: 'failed' }),
    exitCode: 1
  },
  {
    name: 'fails-before-operation',
    shows: 'a deployment that fails in "Get source", before Pulumi runs: nothing was changed',
    operation: 'update',
    scenario: (stack, t) =>
      pulumiScenario('update', {
        ...website,
        stack,
        stepMs: t.stepMs,
        result: 'failed',
        failStep: 'Get source'
      }),
    exitCode: 1
  },
  {
    name: 'skipped',
    shows: 'a deployment Pulumi Cloud skips without running it: a warning, not a failure',
    operation: 'update',
    scenario: (stack, t) => pulumiScenario('update', { stack, stepMs: t.stepMs, result: 'skipped' }),
    exitCode: 0
  },
  {
    name: 'paused-then-resumed',
    shows: 'a deployment queued behind a paused stack: the pause warning, then "Deployments were resumed"',
    operation: 'update',
    scenario: (stack, t) => pulumiScenario('update', { ...website, stack, stepMs: t.stepMs }),
    drive: (cloud, t, say) => {
      cloud.pause({ stack: STACK })
      // The pause lasts from the moment the action has seen it (its check of the stack) for resumeAfterMs.
      const timer = setInterval(() => {
        if (!cloud.requests.some(r => r.endpoint === 'stackMetadata' && r.status === 200)) return
        clearInterval(timer)
        say(`A deployment waits behind the pause; the stack resumes in ${t.resumeAfterMs / 1000} s.\n`)
        setTimeout(() => {
          cloud.resume({ stack: STACK })
          say('Deployments of the stack were resumed.\n')
        }, t.resumeAfterMs).unref()
      }, 100)
      timer.unref()
      return () => clearInterval(timer)
    },
    exitCode: 0
  },
  {
    name: 'drift-found',
    shows:
      'a drift check that finds drift: "Drift detected", `drift-detected=true`, and the step fails (`fail-on-drift`)',
    operation: 'detect-drift',
    scenario: (stack, t) =>
      pulumiScenario('detect-drift', { updates: 1, deletes: 1, sames: 7, stack, stepMs: t.stepMs }),
    exitCode: 1,
    note: 'Add `--fail-on-drift false` to see the step succeed with `drift-detected=true`.'
  },
  {
    name: 'no-changes',
    shows: 'a preview that changes nothing: the short comment',
    operation: 'preview',
    scenario: (stack, t) => pulumiScenario('preview', { sames: 12, stack, stepMs: t.stepMs }),
    exitCode: 0
  },
  {
    name: 'many-stacks',
    shows: 'three stacks previewed for one pull request, each keeping its own comment',
    operation: 'preview',
    stacks: ['acme/website/staging', STACK, 'acme/api/production'],
    scenario: (stack, t) =>
      pulumiScenario('preview', { creates: 1, updates: 2, sames: 5, stack, stepMs: t.stepMs }),
    exitCode: 0,
    note: 'One `npm run local` per stack, as a matrix runs them; in a workflow, one step takes all three (see "Many stacks").'
  },
  {
    name: 'slow',
    shows:
      'a long update with a steady log: try Ctrl+C, or add --timeout 20s, to see a deployment left running',
    operation: 'update',
    scenario: (stack, t) =>
      pulumiScenario('update', { ...website, resources: 80, stack, stepMs: t.stepMs * 15 }),
    exitCode: 0
  }
]

export function scenarioNamed(name: string): NamedScenario | undefined {
  return SCENARIOS.find(s => s.name === name)
}
