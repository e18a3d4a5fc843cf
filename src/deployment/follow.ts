// Follows a deployment to its end: waits while it is queued, streams its log while it runs, and reads its final
// state. Timing and tolerance of errors are the Pacer's; reading the log is the LogCursor's.
import type { Clock } from '../pulumi/client.js'
import type { FollowApi, FollowLog } from './follow-api.js'
import {
  isTerminal,
  type Deployment,
  type DeploymentStatus,
  type LogEntry,
  type StackRef
} from '../pulumi/types.js'
import { LogCursor } from './log-cursor.js'
import { Pacer, Stopped } from './pacer.js'
import { PauseNotice } from './pause-notice.js'

export type { FollowApi, FollowLog } from './follow-api.js'

export interface FollowOptions {
  stack: StackRef
  deploymentId: string
  pollIntervalMs: number
  /** Absolute deadline on the clock; undefined waits as long as the deployment takes. */
  deadline?: number
  signal?: AbortSignal
  /** How long to keep reading the log after the deployment ended, when its end is not yet streamed. */
  drainMs?: number
  /** Told when deployments are found paused (`the organization`, `this stack`), and when they resume (undefined). */
  onPause?: (where: string | undefined) => void
}

export type FollowOutcome =
  | { kind: 'terminal'; deployment: Deployment }
  | { kind: 'timed-out'; deployment?: Deployment }
  | { kind: 'aborted'; deployment?: Deployment }

// While the log streams, status is asked only now and then: the log itself says when the deployment has ended
// (a response without nextToken), and every extra request counts against Pulumi Cloud's rate limits.
const STATUS_CHECK_EVERY_MS = 30_000
const DEFAULT_DRAIN_MS = 30_000

/** One follow: the options and the helpers made for it. */
interface Following {
  o: FollowOptions
  pacer: Pacer
  log: LogCursor
  pause: PauseNotice
}

/**
 * Follows a deployment until it reaches a terminal status, the deadline passes or the signal aborts, handing every
 * log entry to `onLogs` exactly once and in order.
 */
export class DeploymentFollower {
  private lastStatus: DeploymentStatus | undefined
  private deployment: Deployment | undefined

  constructor(
    private readonly api: FollowApi,
    private readonly clock: Clock,
    private readonly log: FollowLog,
    private readonly onLogs: (entries: LogEntry[]) => void | Promise<void>,
    private readonly onStatus: (deployment: Deployment) => void = () => undefined
  ) {}

  get status(): DeploymentStatus | undefined {
    return this.lastStatus
  }

  async follow(o: FollowOptions): Promise<FollowOutcome> {
    const f: Following = {
      o,
      pacer: new Pacer(this.clock, this.log, o),
      log: new LogCursor(this.api, o.stack, o.deploymentId, this.onLogs),
      pause: new PauseNotice(this.api, this.clock, this.log, o.onPause)
    }
    try {
      await this.waitUntilRunning(f)
      // A short deployment can start and end between two polls: it ran if it has jobs, and then it has a log.
      const ran = this.deployment?.status === 'running' || (this.deployment?.jobs?.length ?? 0) > 0
      if (ran) await this.streamUntilEnd(f)
      const final = await this.finalState(f)
      // Said last, after the log it ends, whenever the status was first seen.
      this.onStatus(final)
      return { kind: 'terminal', deployment: final }
    } catch (error) {
      if (!(error instanceof Stopped)) throw error
      const kind = f.pacer.aborted ? 'aborted' : 'timed-out'
      return { kind, deployment: this.deployment }
    }
  }

  /** Polls status while the deployment is queued; logs are refused until it runs. */
  private async waitUntilRunning(f: Following): Promise<void> {
    for (;;) {
      const deployment = await this.refresh(f)
      // Out of the queue: a pause said earlier is over.
      if (deployment && deployment.status !== 'not-started') f.pause.started()
      // A status the action does not know may never change to one it does: it is followed as far as its log goes.
      if (
        deployment &&
        (deployment.status === 'running' || deployment.status === 'unknown' || isTerminal(deployment.status))
      )
        return
      if (deployment) await f.pause.check(f.o.stack, f.pacer)
      await f.pacer.pause(f.o.pollIntervalMs)
    }
  }

  private async streamUntilEnd(f: Following): Promise<void> {
    let lastStatusCheck = this.clock.now()
    while (!f.log.complete) {
      const advanced = await f.log.read(f.pacer)
      if (f.log.complete) return
      if (this.clock.now() - lastStatusCheck >= STATUS_CHECK_EVERY_MS) {
        const deployment = await this.refresh(f)
        lastStatusCheck = this.clock.now()
        if (deployment && isTerminal(deployment.status)) {
          await this.drain(f)
          return
        }
      }
      if (advanced !== 'more') await f.pacer.pause(f.o.pollIntervalMs)
    }
  }

  /**
   * After the end is known from the status, read what is left of the log. The bound is on waiting, not on reading:
   * a long log still arriving page after page is read to its end, and only a service that stops handing out lines
   * for `drainMs` is given up on (a fixed deadline from the end cut a million-line log short).
   */
  private async drain(f: Following): Promise<void> {
    const wait = f.o.drainMs ?? DEFAULT_DRAIN_MS
    let until = this.clock.now() + wait
    while (!f.log.complete && this.clock.now() < until) {
      const advanced = await f.log.read(f.pacer)
      if (advanced !== 'none') until = this.clock.now() + wait
      else if (!f.log.complete) await f.pacer.pause(Math.min(f.o.pollIntervalMs, 1000))
    }
    if (!f.log.complete)
      this.log.warning(
        'The rest of the deployment log could not be read in time; see the console for the whole log.'
      )
  }

  /**
   * The deployment once its log has ended. The status may lag the log by a moment, so it is asked again for a
   * while (the drain time), but not for ever: a status that stays unknown, or never ends, is reported as last seen.
   */
  private async finalState(f: Following): Promise<Deployment> {
    const until = this.clock.now() + (f.o.drainMs ?? DEFAULT_DRAIN_MS)
    for (;;) {
      const deployment = await this.refresh(f)
      if (deployment && isTerminal(deployment.status)) return deployment
      if (this.deployment && (this.deployment.status === 'unknown' || this.clock.now() >= until))
        return this.deployment
      // The log ended before the status caught up: give the service a moment.
      await f.pacer.pause(Math.min(f.o.pollIntervalMs, 1000))
    }
  }

  private async refresh(f: Following): Promise<Deployment | undefined> {
    const { stack, deploymentId } = f.o
    const deployment = await f.pacer.tolerate(() =>
      this.api.getDeployment(stack, deploymentId, f.pacer.callOptions)
    )
    if (!deployment) return this.deployment
    this.deployment = deployment
    if (deployment.status !== this.lastStatus) {
      this.lastStatus = deployment.status
      if (!isTerminal(deployment.status)) this.onStatus(deployment)
    }
    return deployment
  }
}
