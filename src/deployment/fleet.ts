// Follows many deployments in one loop. Their statuses come from one list of the organization's deployments per
// poll, not one request per stack; the log of the stack in front is read as it runs, the others' once they have
// ended (a finished log costs the fewest pages). Every request goes through the shared budget of the client given.
import type { Clock, PulumiCloudClient } from '../pulumi/client.js'
import { PulumiApiError } from '../pulumi/errors.js'
import { isTerminal, type Deployment, type LogEntry, type StackRef } from '../pulumi/types.js'
import type { FollowApi, FollowLog } from './follow-api.js'
import type { FollowOutcome } from './follow.js'
import { LogCursor } from './log-cursor.js'
import { Pacer, Stopped } from './pacer.js'

export type FleetApi = FollowApi & Pick<PulumiCloudClient, 'listOrgDeployments'>

export interface FleetMember {
  /** `org/project/stack`. */
  name: string
  stack: StackRef
  deploymentId: string
}

export interface FleetEvents {
  onLogs(member: FleetMember, entries: LogEntry[]): void
  /** Each change of status; the terminal one only once the whole log has been handed on. */
  onStatus(member: FleetMember, deployment: Deployment): void
  onEnd(member: FleetMember, outcome: FollowOutcome): void
  /** Whether the member's log is being shown live, and so read while it runs. */
  isFront(member: FleetMember): boolean
}

export interface FleetOptions {
  pollIntervalMs: number
  deadline?: number
  signal?: AbortSignal
  drainMs?: number
}

// Enough for fifty stacks' deployments among others made meanwhile; further pages only if some are still missing.
const LIST_PAGE_SIZE = 100
const MAX_LIST_PAGES = 3
const DEFAULT_DRAIN_MS = 30_000

interface Tracked {
  member: FleetMember
  pacer: Pacer
  log: LogCursor
  deployment?: Deployment
  ran: boolean
  endSeenAt?: number
  reading?: Promise<void>
  logFailed: boolean
  done: boolean
  /** The log ended before the status said so: the next poll comes at once, once. */
  hurried?: boolean
}

export class DeploymentFleet {
  private readonly tracked: Tracked[] = []
  private readonly listless = new Set<string>()
  private closed = false
  private stoppedAs: 'aborted' | 'timed-out' | undefined
  private wake: (() => void) | undefined

  constructor(
    private readonly api: FleetApi,
    private readonly clock: Clock,
    private readonly log: FollowLog,
    private readonly events: FleetEvents,
    private readonly o: FleetOptions
  ) {}

  /** Set once the fleet stopped following before every deployment ended: the step was cancelled or timed out. */
  get stopped(): 'aborted' | 'timed-out' | undefined {
    return this.stoppedAs
  }

  /** Follows one more deployment from the next poll on; one added after the fleet stopped ends at once. */
  add(member: FleetMember): void {
    if (this.stoppedAs) {
      this.events.onEnd(member, { kind: this.stoppedAs })
      return
    }
    this.tracked.push({
      member,
      pacer: new Pacer(this.clock, this.log, this.o),
      log: new LogCursor(this.api, member.stack, member.deploymentId, entries =>
        this.events.onLogs(member, entries)
      ),
      ran: false,
      logFailed: false,
      done: false
    })
    this.wake?.()
  }

  /** No more members will be added: the run ends once every member has. */
  close(): void {
    this.closed = true
    this.wake?.()
  }

  async run(): Promise<void> {
    const pacer = new Pacer(this.clock, this.log, this.o)
    for (;;) {
      const began = this.clock.now()
      const open = this.tracked.filter(t => !t.done)
      if (open.length === 0 && this.closed) return
      try {
        let hurry = false
        if (open.length > 0) {
          await this.pollStatuses(open, pacer)
          await this.readLogs(open)
          this.settle(open)
          // A log that has ended says the deployment has: its status is asked for at once, not a poll later.
          for (const t of open) {
            if (t.done || t.hurried || !t.log.complete) continue
            t.hurried = true
            hurry = true
          }
        }
        const idle = this.tracked.every(t => t.done)
        if (idle && this.closed) return
        // Polls keep their cadence however long this one's requests waited for the budget.
        const left = hurry ? 0 : this.o.pollIntervalMs - (this.clock.now() - began)
        await this.pause(pacer, idle, left)
      } catch (error) {
        // An unexpected error ends every member too, so that nobody waits for an end that cannot come.
        this.stopAll(error instanceof Stopped && !pacer.aborted ? 'timed-out' : 'aborted')
        if (!(error instanceof Stopped)) throw error
        return
      }
    }
  }

  private async pause(pacer: Pacer, idle: boolean, ms: number): Promise<void> {
    // With nothing to follow, the wait ends as soon as a member is added or the fleet is closed.
    if (!idle) return pacer.pause(Math.max(0, ms))
    const woken = new Promise<undefined>(resolve => (this.wake = () => resolve(undefined)))
    // A stop that comes after the wake-up is met at the next pause, not left as an unhandled rejection.
    const slept = pacer.pause(this.o.pollIntervalMs).then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error : new Stopped())
    )
    const stopped = await Promise.race([woken, slept])
    this.wake = undefined
    if (stopped) throw stopped
  }

  private async pollStatuses(open: Tracked[], pacer: Pacer): Promise<void> {
    const byOrg = new Map<string, Tracked[]>()
    for (const t of open) byOrg.set(t.member.stack.org, [...(byOrg.get(t.member.stack.org) ?? []), t])
    for (const [org, members] of byOrg) {
      const missing = this.listless.has(org) ? members : await this.fromOrgList(org, members, pacer)
      for (const t of missing) {
        const d = await pacer.tolerate(() =>
          this.api.getDeployment(t.member.stack, t.member.deploymentId, pacer.callOptions)
        )
        if (d) this.saw(t, d)
      }
    }
  }

  /** Reads the organization's list; returns the members it did not show. */
  private async fromOrgList(org: string, members: Tracked[], pacer: Pacer): Promise<Tracked[]> {
    const wanted = new Map(members.map(t => [t.member.deploymentId, t]))
    for (let page = 1; page <= MAX_LIST_PAGES && wanted.size > 0; page++) {
      let list
      try {
        list = await pacer.tolerate(() =>
          this.api.listOrgDeployments(org, { page, pageSize: LIST_PAGE_SIZE, asc: false }, pacer.callOptions)
        )
      } catch (error) {
        if (!(error instanceof PulumiApiError)) throw error
        // A token that may read its stacks but not list the organization's deployments: ask stack by stack.
        this.log.debug(
          `Listing the deployments of ${org} failed (${error.message}); reading each one instead.`
        )
        this.listless.add(org)
        break
      }
      if (!list) return []
      for (const d of list.deployments ?? []) {
        const t = wanted.get(d.id)
        if (!t) continue
        wanted.delete(d.id)
        this.saw(t, d)
      }
      if (page * LIST_PAGE_SIZE >= (list.total ?? 0)) break
    }
    return [...wanted.values()]
  }

  private saw(t: Tracked, d: Deployment): void {
    const changed = d.status !== t.deployment?.status
    t.deployment = d
    if (d.status === 'running' || (d.jobs?.length ?? 0) > 0) t.ran = true
    if (isTerminal(d.status)) t.endSeenAt ??= this.clock.now()
    else if (changed) this.events.onStatus(t.member, d)
  }

  /** The front's log while it runs, a page per poll; anyone's log once it has ended, to its end. */
  private async readLogs(open: Tracked[]): Promise<void> {
    for (const t of open) {
      if (!t.ran || t.log.complete || t.logFailed || t.reading) continue
      const ended = t.endSeenAt !== undefined
      if (!ended && !this.events.isFront(t.member)) continue
      t.reading = this.readSome(t, ended).finally(() => (t.reading = undefined))
    }
    // The front's page is waited for, so its lines come out at the pace of the polls; the rest read on their own.
    const front = open.find(t => t.reading && this.events.isFront(t.member))
    if (front) await front.reading
  }

  private async readSome(t: Tracked, toTheEnd: boolean): Promise<void> {
    try {
      for (;;) {
        const progress = await t.log.read(t.pacer)
        if (t.log.complete || progress === 'none' || (!toTheEnd && progress !== 'more')) return
      }
    } catch (error) {
      if (error instanceof Stopped) return
      t.logFailed = true
      const reason = error instanceof Error ? error.message : String(error)
      this.log.warning(
        `The log of ${t.member.name} could not be read (${reason}); see it in the Pulumi console.`
      )
    }
  }

  private settle(open: Tracked[]): void {
    const drainMs = this.o.drainMs ?? DEFAULT_DRAIN_MS
    for (const t of open) {
      const d = t.deployment
      if (!d || !isTerminal(d.status) || t.reading) continue
      const logDone = !t.ran || t.log.complete || t.logFailed
      if (!logDone && this.clock.now() - (t.endSeenAt ?? 0) < drainMs) continue
      if (!logDone)
        this.log.warning(
          `The rest of the log of ${t.member.name} could not be read in time; see the console for the whole log.`
        )
      t.done = true
      this.events.onStatus(t.member, d)
      this.events.onEnd(t.member, { kind: 'terminal', deployment: d })
    }
  }

  private stopAll(kind: 'aborted' | 'timed-out'): void {
    this.stoppedAs = kind
    for (const t of this.tracked) {
      if (t.done) continue
      t.done = true
      this.events.onEnd(t.member, { kind, deployment: t.deployment })
    }
  }
}
