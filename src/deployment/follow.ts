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
import { announcesEnd, nextReadDelay, type CadenceState } from './cadence.js'
import { LogCursor, type LogProgress } from './log-cursor.js'
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
// How long after the operation's summary the follower reads at the end-near cadence.
const SUMMARY_HURRIES_MS = 60_000

/** One follow: the options and the helpers made for it, and what the cadence decides from. */
interface Following {
  o: FollowOptions
  pacer: Pacer
  log: LogCursor
  pause: PauseNotice
  /** When a read last brought something, on the clock. */
  lastNews: number
  /** Entries the last read brought. */
  brought: number
  /** Step headers seen in the log, against the steps the deployment's job has. */
  stepsSeen: number
  /** When the last step printed the operation's closing summary, on the clock. */
  summaryAt?: number
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
    private readonly onStatus: (deployment: Deployment) => void = () => undefined,
    /** Jitter for the cadence; tests pass a fixed one. */
    private readonly random: () => number = Math.random
  ) {}

  get status(): DeploymentStatus | undefined {
    return this.lastStatus
  }

  async follow(o: FollowOptions): Promise<FollowOutcome> {
    const f: Following = {
      o,
      pacer: new Pacer(this.clock, this.log, o),
      log: new LogCursor(this.api, o.stack, o.deploymentId, entries => this.handOn(f, entries)),
      pause: new PauseNotice(this.api, this.clock, this.log, o.onPause),
      lastNews: this.clock.now(),
      brought: 0,
      stepsSeen: 0
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
      await this.wait(f, 'queued', 'none')
    }
  }

  private async streamUntilEnd(f: Following): Promise<void> {
    let lastStatusCheck = this.clock.now()
    f.lastNews = this.clock.now()
    while (!f.log.complete) {
      const progress = await f.log.read(f.pacer)
      if (f.log.complete) return
      if (this.clock.now() - lastStatusCheck >= STATUS_CHECK_EVERY_MS) {
        const deployment = await this.refresh(f)
        lastStatusCheck = this.clock.now()
        if (deployment && isTerminal(deployment.status)) {
          await this.drain(f)
          return
        }
      }
      await this.wait(f, 'streaming', progress)
    }
  }

  /** Hands a page on, noting what the cadence decides from: new steps, and the operation's closing lines. */
  private handOn(f: Following, entries: LogEntry[]): void | Promise<void> {
    f.brought += entries.length
    for (const entry of entries) {
      if (typeof entry.header === 'string' && entry.header !== '') f.stepsSeen++
      else if (typeof entry.line === 'string' && this.onLastStep(f) && announcesEnd(entry.line))
        f.summaryAt = this.clock.now()
    }
    return this.onLogs(entries)
  }

  private onLastStep(f: Following): boolean {
    const steps = this.deployment?.jobs?.[0]?.steps.length ?? 0
    return steps > 0 && f.stepsSeen >= steps
  }

  /** Waits as the cadence policy says after a read that gave `progress`; a page cut short is read again at once. */
  private async wait(f: Following, phase: CadenceState['phase'], progress: LogProgress): Promise<void> {
    const now = this.clock.now()
    const brought = progress === 'none' ? 0 : f.brought
    f.brought = 0
    if (progress !== 'none') f.lastNews = now
    if (progress === 'more') return f.pacer.pause(0)
    // A summary long past was not the end after all (a program that printed the words): stop hurrying.
    const summary = f.summaryAt !== undefined && now - f.summaryAt < SUMMARY_HURRIES_MS
    const delay = nextReadDelay({
      phase,
      brought,
      quietMs: now - f.lastNews,
      endNear: summary ? 'summary' : this.onLastStep(f) ? 'last-step' : 'no',
      pollIntervalMs: f.o.pollIntervalMs,
      random: this.random()
    })
    await f.pacer.pause(delay)
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
      const progress = await f.log.read(f.pacer)
      if (progress !== 'none') until = this.clock.now() + wait
      if (!f.log.complete) await this.wait(f, 'ending', progress)
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
      await this.wait(f, 'ending', 'none')
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
