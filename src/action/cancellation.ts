// What happens when the runner cancels the step, or the wait times out: the little time a cancelled step has left,
// and whether the deployment is cancelled with it (cancel-on-abort).
import type { Clock, PulumiCloudClient } from '../pulumi/client.js'
import { abortWhen } from '../pulumi/abort.js'
import { PulumiApiError } from '../pulumi/errors.js'
import type { FollowOutcome } from '../deployment/follow.js'
import type { ActionConfig } from '../config/inputs.js'
import type { RunnerIO } from '../github/runner.js'
import { STATE } from './state.js'

// A cancelled step must end within 5 seconds: the runner sends SIGTERM and then kills the process soon after its
// SIGINT. Everything after the signal fits in STOP_BUDGET_MS, leaving room for the process to start and exit.
const STOP_BUDGET_MS = 3_500
/** The most a cancel request may take once the step is being stopped; the rest is for the summary and comment. */
const CANCEL_BUDGET_MS = 2_500
/** A cancel after a timeout has no runner waiting to kill the step, and gets longer. */
const CANCEL_AFTER_TIMEOUT_MS = 10_000

/** `ended`: the deployment had ended before it could be cancelled. */
export type CancelResult = 'cancelled' | 'not-wanted' | 'ended' | 'failed'

export async function cancelIfWanted(
  config: ActionConfig,
  client: PulumiCloudClient,
  id: string,
  consoleUrl: string,
  outcome: Exclude<FollowOutcome, { kind: 'terminal' }>,
  runner: RunnerIO,
  stop: Cancellation
): Promise<CancelResult> {
  const why = outcome.kind === 'aborted' ? 'The step was cancelled' : 'The wait timed out'
  const started = await hasStarted(config, client, id, outcome, stop)
  const wanted = started ? config.cancelOnAbort : config.cancelQueuedOnAbort
  if (!wanted) {
    // Only a deployment that runs can be left half-done by a cancel; one still queued is kept only on request.
    runner.warning(
      started
        ? `${why}; the ${config.operation} deployment keeps running in Pulumi Cloud, because cancelling an ` +
            `operation that changes infrastructure can leave the stack inconsistent (set \`cancel-on-abort: true\` ` +
            `to cancel it). Follow it at ${consoleUrl}.`
        : `${why}; the ${config.operation} deployment had not started, and stays queued in Pulumi Cloud and will ` +
            `still run, because \`cancel-on-abort\` is false.`
    )
    return 'not-wanted'
  }
  const budgetMs =
    outcome.kind === 'aborted'
      ? Math.max(500, Math.min(CANCEL_BUDGET_MS, stop.remaining() - 1_000))
      : CANCEL_AFTER_TIMEOUT_MS
  const budget = abortWhen([stop.outOfTime], budgetMs)
  try {
    const result = await client.cancelDeployment(config.stack, id, { signal: budget.signal })
    // Saved at once, not with the report: a step killed while reporting must not leave the post step a cancel to do.
    runner.saveState(STATE.handled, 'true')
    if (result === 'ended') {
      runner.info(`${why}, but the deployment had already ended, so there was nothing to cancel.`)
      return 'ended'
    }
    runner.info(
      started
        ? `${why}; the deployment was cancelled.`
        : `${why} before the deployment started; it was cancelled, so nothing was changed.`
    )
    return 'cancelled'
  } catch (error) {
    const message =
      error instanceof PulumiApiError
        ? error.message
        : `Pulumi Cloud did not answer within ${(budgetMs / 1000).toFixed(1)} s.`
    runner.warning(`${why}, and cancelling the deployment did not succeed: ${message}`)
    return 'failed'
  } finally {
    budget.done()
  }
}

/**
 * Whether the deployment may have begun to change the stack. Asked afresh only when the answer decides the cancel
 * (an operation left running by default, last seen queued): it may have started since it was last seen.
 */
async function hasStarted(
  config: ActionConfig,
  client: PulumiCloudClient,
  id: string,
  outcome: Exclude<FollowOutcome, { kind: 'terminal' }>,
  stop: Cancellation
): Promise<boolean> {
  const queued = (status: string | undefined): boolean =>
    status === undefined || status === 'not-started' || status === 'accepted'
  if (!queued(outcome.deployment?.status)) return true
  if (config.cancelOnAbort || !config.cancelQueuedOnAbort) return false
  const budgetMs =
    outcome.kind === 'aborted' ? Math.max(200, Math.min(1_000, stop.remaining() - 2_000)) : 5_000
  const budget = abortWhen([stop.outOfTime], budgetMs)
  try {
    const fresh = await client.getDeployment(config.stack, id, { signal: budget.signal })
    // The report then describes what the deployment is, not what it was.
    outcome.deployment = fresh
    return !queued(fresh.status)
  } catch {
    // Not known to have started: cancelling what may be queued is the side that loses nothing if it was.
    return false
  } finally {
    budget.done()
  }
}

/**
 * The runner's cancel signal, and the little time it leaves the step: signals derived from it abort a set time
 * after it, and work that would outlast the step's time is given up.
 */
export class Cancellation {
  private readonly controller = new AbortController()
  private stopBy = Number.POSITIVE_INFINITY
  /** Aborts when the step's time to stop has run out. */
  readonly outOfTime: AbortSignal

  constructor(private readonly clock: Clock) {
    this.outOfTime = this.after(STOP_BUDGET_MS)
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  get requested(): boolean {
    return this.controller.signal.aborted
  }

  cancel(): void {
    if (this.requested) return
    this.stopBy = this.clock.now() + STOP_BUDGET_MS
    this.controller.abort()
  }

  /** Milliseconds left before the step must have ended; infinite until it is cancelled. */
  remaining(): number {
    return this.stopBy - this.clock.now()
  }

  /** A signal that aborts `ms` after the step is cancelled. */
  after(ms: number): AbortSignal {
    const delayed = new AbortController()
    const arm = (): void => {
      // Unreferenced: a pending timer must not keep a finished step's process alive.
      setTimeout(() => delayed.abort(this.signal.reason), ms).unref()
    }
    if (this.requested) arm()
    else this.signal.addEventListener('abort', arm, { once: true })
    return delayed.signal
  }

  /** `clock`, except that its waits end at once when the step is cancelled: retries stop, attempts in flight do not. */
  retriesStop(clock: Clock): Clock {
    return {
      now: () => clock.now(),
      sleep: async (ms, signal) => {
        const either = abortWhen([signal, this.signal])
        try {
          await clock.sleep(ms, either.signal)
        } finally {
          either.done()
        }
      }
    }
  }

  /** Waits for `work`, or, once the step is cancelled, until its time runs out; then fails the step in one sentence. */
  async within(work: Promise<void>, runner: RunnerIO): Promise<void> {
    const late = new Promise<'late'>(resolve => {
      if (this.outOfTime.aborted) resolve('late')
      else this.outOfTime.addEventListener('abort', () => resolve('late'), { once: true })
    })
    if ((await Promise.race([work, late])) === 'late') {
      runner.setFailed(
        'The step was cancelled and had to stop before its job summary and pull-request comment were written.'
      )
    }
  }
}
