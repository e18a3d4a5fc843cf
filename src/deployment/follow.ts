import type { Clock, PulumiCloudClient } from '../pulumi/client.js'
import { PulumiApiError } from '../pulumi/errors.js'
import {
  isTerminal,
  type Deployment,
  type DeploymentStatus,
  type LogEntry,
  type StackRef
} from '../pulumi/types.js'

/** The calls following a deployment needs; a subset of the client, so tests can count or script them. */
export type FollowApi = Pick<PulumiCloudClient, 'getDeployment' | 'streamLogs' | 'getStackMetadata'>

export interface FollowLog {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export interface FollowOptions {
  stack: StackRef
  deploymentId: string
  pollIntervalMs: number
  /** Absolute deadline on the clock; undefined waits as long as the deployment takes. */
  deadline?: number
  signal?: AbortSignal
  /** How long to keep reading the log after the deployment ended, when its end is not yet streamed. */
  drainMs?: number
}

export type FollowOutcome =
  | { kind: 'terminal'; deployment: Deployment }
  | { kind: 'timed-out'; deployment?: Deployment }
  | { kind: 'aborted'; deployment?: Deployment }

// While the log streams, status is asked only now and then: the log itself says when the deployment has ended
// (a response without nextToken), and every extra request counts against Pulumi Cloud's rate limits.
const STATUS_CHECK_EVERY_MS = 30_000
const PAUSE_CHECK_EVERY_MS = 60_000
// A full page means more is waiting: ask again at once instead of waiting a poll interval.
const FULL_PAGE_ENTRIES = 100
const DEFAULT_DRAIN_MS = 30_000
// The longest Retry-After honoured, as the client caps it: a server asking for hours would stall the log.
const MAX_RETRY_AFTER_MS = 60_000

class Stopped extends Error {}

/**
 * Follows a deployment until it reaches a terminal status, the deadline passes or the signal aborts, handing every
 * log entry to `onLogs` exactly once and in order.
 */
export class DeploymentFollower {
  private token: string | undefined
  private logComplete = false
  private lastStatus: DeploymentStatus | undefined
  private deployment: Deployment | undefined
  private lastStatusCheck = Number.NEGATIVE_INFINITY
  private lastPauseCheck = Number.NEGATIVE_INFINITY
  private warnedUnavailable = false
  private pausedReported = false

  constructor(
    private readonly api: FollowApi,
    private readonly clock: Clock,
    private readonly log: FollowLog,
    private readonly onLogs: (entries: LogEntry[]) => void,
    private readonly onStatus: (deployment: Deployment) => void = () => undefined
  ) {}

  get status(): DeploymentStatus | undefined {
    return this.lastStatus
  }

  async follow(o: FollowOptions): Promise<FollowOutcome> {
    try {
      await this.waitUntilRunning(o)
      // A short deployment can start and end between two polls: it ran if it has jobs, and then it has a log.
      const ran = this.deployment?.status === 'running' || (this.deployment?.jobs?.length ?? 0) > 0
      if (ran) await this.streamUntilEnd(o)
      const final = await this.finalState(o)
      // Said last, after the log it ends, whenever the status was first seen.
      this.onStatus(final)
      return { kind: 'terminal', deployment: final }
    } catch (error) {
      if (error instanceof Stopped) {
        return o.signal?.aborted
          ? { kind: 'aborted', deployment: this.deployment }
          : { kind: 'timed-out', deployment: this.deployment }
      }
      throw error
    }
  }

  /** Polls status while the deployment is queued; logs are refused until it runs. */
  private async waitUntilRunning(o: FollowOptions): Promise<void> {
    for (;;) {
      const deployment = await this.refresh(o)
      if (deployment && (deployment.status === 'running' || isTerminal(deployment.status))) return
      if (deployment) await this.reportPause(o)
      await this.pause(o, o.pollIntervalMs)
    }
  }

  private async streamUntilEnd(o: FollowOptions): Promise<void> {
    this.lastStatusCheck = this.clock.now()
    while (!this.logComplete) {
      const advanced = await this.readLogs(o)
      if (this.logComplete) return
      if (this.clock.now() - this.lastStatusCheck >= STATUS_CHECK_EVERY_MS) {
        const deployment = await this.refresh(o)
        this.lastStatusCheck = this.clock.now()
        if (deployment && isTerminal(deployment.status)) {
          await this.drain(o)
          return
        }
      }
      if (advanced !== 'more') await this.pause(o, o.pollIntervalMs)
    }
  }

  /** After the end is known from the status, read what is left of the log, within a bound. */
  private async drain(o: FollowOptions): Promise<void> {
    const until = this.clock.now() + (o.drainMs ?? DEFAULT_DRAIN_MS)
    while (!this.logComplete && this.clock.now() < until) {
      const advanced = await this.readLogs(o)
      if (advanced === 'none' && !this.logComplete) await this.pause(o, Math.min(o.pollIntervalMs, 1000))
    }
    if (!this.logComplete)
      this.log.warning(
        'The rest of the deployment log could not be read in time; see the console for the whole log.'
      )
  }

  private async finalState(o: FollowOptions): Promise<Deployment> {
    for (;;) {
      const deployment = await this.refresh(o)
      if (deployment && isTerminal(deployment.status)) return deployment
      // The log ended before the status caught up: give the service a moment.
      await this.pause(o, Math.min(o.pollIntervalMs, 1000))
    }
  }

  /** Reads one page of the log. 'more' when a full page came back, so the caller asks again at once. */
  private async readLogs(o: FollowOptions): Promise<'more' | 'some' | 'none'> {
    const response = await this.tolerate(o, () =>
      this.api.streamLogs(o.stack, o.deploymentId, this.token, this.callOptions(o))
    )
    if (!response) return 'none'
    const lines = response.lines ?? []
    if (lines.length > 0) this.onLogs(lines)
    const previous = this.token
    // The token moves only after the page was handed on, so a retried request can never skip or repeat a line.
    this.token = response.nextToken
    if (response.nextToken === undefined || response.nextToken === '') {
      this.logComplete = true
      return lines.length > 0 ? 'some' : 'none'
    }
    if (lines.length >= FULL_PAGE_ENTRIES) return 'more'
    return lines.length > 0 || previous !== response.nextToken ? 'some' : 'none'
  }

  private async refresh(o: FollowOptions): Promise<Deployment | undefined> {
    const deployment = await this.tolerate(o, () =>
      this.api.getDeployment(o.stack, o.deploymentId, this.callOptions(o))
    )
    if (!deployment) return this.deployment
    this.deployment = deployment
    if (deployment.status !== this.lastStatus) {
      this.lastStatus = deployment.status
      if (!isTerminal(deployment.status)) this.onStatus(deployment)
    }
    return deployment
  }

  private async reportPause(o: FollowOptions): Promise<void> {
    if (this.clock.now() - this.lastPauseCheck < PAUSE_CHECK_EVERY_MS) return
    this.lastPauseCheck = this.clock.now()
    const metadata = await this.tolerate(o, () => this.api.getStackMetadata(o.stack, this.callOptions(o)))
    if (!metadata) return
    if (!metadata.paused) {
      if (this.pausedReported) this.log.info('Deployments were resumed; the deployment can start now.')
      this.pausedReported = false
      return
    }
    const where = metadata.organizationPaused ? 'the organization' : 'this stack'
    // One annotation is enough (GitHub shows at most ten); later checks only keep the log current.
    if (this.pausedReported) this.log.info(`Deployments are still paused for ${where}.`)
    else
      this.log.warning(
        `Deployments are paused for ${where}, so the deployment waits in the queue until they are resumed ` +
          `(in the Pulumi Cloud console or with the resume API).`
      )
    this.pausedReported = true
  }

  /**
   * Runs one request; an error the client could not retry away is survived while the deadline allows, because a
   * deployment keeps running when Pulumi Cloud is briefly unreachable. Errors that no wait can fix are thrown.
   */
  private async tolerate<T>(o: FollowOptions, call: () => Promise<T>): Promise<T | undefined> {
    this.checkStop(o)
    try {
      const result = await call()
      this.warnedUnavailable = false
      return result
    } catch (error) {
      this.checkStop(o)
      if (!(error instanceof PulumiApiError) || !error.retryable) throw error
      if (!this.warnedUnavailable) this.log.warning(`${error.message} Still following the deployment.`)
      else this.log.debug(error.message)
      this.warnedUnavailable = true
      // A server that asked for a longer rest (Retry-After) gets it: asking again sooner only meets another 429.
      await this.pause(o, Math.max(o.pollIntervalMs, Math.min(error.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS)))
      return undefined
    }
  }

  // The client's retry waits stop at the deadline too, so a long Retry-After cannot carry the wait past it.
  private callOptions(o: FollowOptions): { signal?: AbortSignal; deadline?: number } {
    return { signal: o.signal, deadline: o.deadline }
  }

  private async pause(o: FollowOptions, ms: number): Promise<void> {
    this.checkStop(o)
    const left = o.deadline === undefined ? ms : Math.min(ms, o.deadline - this.clock.now())
    if (left > 0) {
      try {
        await this.clock.sleep(left, o.signal)
      } catch {
        // An aborted sleep; checkStop below turns it into the outcome.
      }
    }
    this.checkStop(o)
  }

  private checkStop(o: FollowOptions): void {
    if (o.signal?.aborted) throw new Stopped()
    if (o.deadline !== undefined && this.clock.now() >= o.deadline) throw new Stopped()
  }
}
