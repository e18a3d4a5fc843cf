import type { DeploymentStatus, PulumiOperation, StepStatus } from '../../src/pulumi/types.js'
import { StepLines } from './step-lines.js'
import type { Scenario } from './types.js'

export const CANCEL_LINE = 'Deployment cancelled\n'

export interface StepState {
  status: StepStatus
  /** Absolute clock ms; undefined while not started. */
  startedAt?: number
  /** Absolute clock ms of the last change. */
  updatedAt?: number
  /** Lines visible now (including the cancel line of a cancelled step). */
  visible: number
  /** Whether the step has ended: no more lines will appear. */
  finished: boolean
  /** Whether the step will never run (the job ended before it). */
  neverRuns: boolean
}

function findPulumiStep(scenario: Scenario, operation: PulumiOperation): number {
  const flagged = scenario.steps.findIndex(s => s.pulumiOperation === true)
  if (flagged >= 0) return flagged
  const named = scenario.steps.findIndex(
    s => s.name === `pulumi ${operation}` || s.name === 'Pulumi operation' || /^pulumi [a-z-]+$/.test(s.name)
  )
  return named >= 0 ? named : scenario.steps.length - 1
}

/**
 * When each part of a deployment happens, on the fake's clock. The queue is the only part that can stall (a
 * paused stack or organization stops it); once it ends, the rest follows from the scenario alone, unless the
 * deployment is cancelled.
 */
export class Timeline {
  readonly steps: StepLines[]
  readonly pulumiStep: number
  /** Index of the step that fails by the scenario, or -1. */
  readonly failingStep: number
  private queuedSoFar = 0
  private lastAccounted: number
  private queueEndAt?: number
  private cancelAt?: number
  private skippedAt?: number

  constructor(
    readonly scenario: Scenario,
    operation: PulumiOperation,
    readonly createdAt: number
  ) {
    this.lastAccounted = createdAt
    this.steps = scenario.steps.map(step => new StepLines(step))
    this.pulumiStep = findPulumiStep(scenario, operation)
    const failed = scenario.steps.findIndex(s => s.status === 'failed')
    this.failingStep = failed >= 0 ? failed : scenario.result === 'failed' ? scenario.steps.length - 1 : -1
  }

  get cancelled(): boolean {
    return this.cancelAt !== undefined
  }

  /** Whether it still waits in the queue: not started, not cancelled, not skipped. */
  get waiting(): boolean {
    return this.queueEndAt === undefined && this.cancelAt === undefined && this.skippedAt === undefined
  }

  /** Whether it has left the queue by `now` and not yet ended: it holds its stack and a slot of its organization. */
  active(now: number): boolean {
    const end = this.endAt()
    return this.queueEndAt !== undefined && this.queueEndAt <= now && (end === undefined || now < end)
  }

  /** When its own queue time would run out if nothing held it, counted from the last accounting. */
  get queueDueAt(): number | undefined {
    return this.waiting ? this.lastAccounted + this.remainingQueue : undefined
  }

  private get remainingQueue(): number {
    return Math.max(0, Math.max(0, this.scenario.queuedMs ?? 0) - this.queuedSoFar)
  }

  /**
   * Moves the queue clock to `now`; `held` (a pause, another deployment of the stack, the organization's limit)
   * must have held since the last call, and stops the clock. Leaving the queue is `tryStart`'s, which sees the
   * slots taken by others at that moment.
   */
  account(now: number, held: boolean): void {
    if (!this.waiting || now <= this.lastAccounted) return
    if (!held) this.queuedSoFar += Math.min(now - this.lastAccounted, this.remainingQueue)
    this.lastAccounted = now
  }

  /** Leaves the queue at `at` when its queue time has run out and nothing holds it. */
  tryStart(at: number, held: boolean): boolean {
    if (!this.waiting || held || this.remainingQueue > 0) return false
    this.queueEndAt = Math.max(at, this.lastAccounted)
    return true
  }

  /** Superseded while queued: it ends `skipped` at `now` without running. */
  skip(now: number): void {
    this.skippedAt = now
  }

  cancel(now: number): void {
    this.cancelAt = now
  }

  private get runningAt(): number | undefined {
    if (this.queueEndAt === undefined || this.scenario.result === 'skipped') return undefined
    return this.queueEndAt + Math.max(0, this.scenario.acceptedMs ?? 0)
  }

  private stepStart(index: number): number {
    let at = this.runningAt as number
    for (let i = 0; i < index; i++) at += (this.steps[i] as StepLines).durationMs
    return at
  }

  /** When the deployment ends by its scenario alone, or undefined while that is not yet known. */
  private get naturalEnd(): number | undefined {
    if (this.queueEndAt === undefined) return undefined
    if (this.scenario.result === 'skipped') return this.queueEndAt
    const last = this.failingStep >= 0 ? this.failingStep : this.steps.length - 1
    return this.stepStart(last + 1)
  }

  endAt(): number | undefined {
    return this.skippedAt ?? this.cancelAt ?? this.naturalEnd
  }

  status(now: number): DeploymentStatus {
    if (this.skippedAt !== undefined && now >= this.skippedAt) return 'skipped'
    const end = this.endAt()
    if (end !== undefined && now >= end) {
      if (this.cancelAt !== undefined || this.failingStep >= 0) return 'failed'
      return this.scenario.result === 'skipped' ? 'skipped' : 'succeeded'
    }
    if (this.queueEndAt === undefined || now < this.queueEndAt) return 'not-started'
    return now < (this.runningAt as number) ? 'accepted' : 'running'
  }

  /** Whether the job has started by `now` (jobs and logs exist only then). */
  hasRun(now: number): boolean {
    if (this.skippedAt !== undefined) return false
    const running = this.runningAt
    if (running === undefined || now < running) return false
    return this.cancelAt === undefined || this.cancelAt >= running
  }

  jobStartedAt(): number | undefined {
    return this.runningAt
  }

  /** The moments the deployment changed, up to `now` (for `modified`). */
  lastChange(now: number): number {
    let latest = this.createdAt
    const consider = (at: number | undefined): void => {
      if (at !== undefined && at <= now && at > latest) latest = at
    }
    consider(this.queueEndAt)
    consider(this.runningAt)
    if (this.hasRun(now)) {
      for (let i = 0; i < this.steps.length; i++) {
        const state = this.step(i, now)
        consider(state.startedAt)
        if (state.finished) consider(state.updatedAt)
      }
    }
    consider(this.endAt())
    return latest
  }

  step(index: number, now: number): StepState {
    const lines = this.steps[index] as StepLines
    const notStarted = (neverRuns: boolean): StepState => ({
      status: 'not-started',
      visible: 0,
      finished: neverRuns,
      neverRuns
    })
    if (!this.hasRun(now)) return notStarted(this.endAt() !== undefined && now >= (this.endAt() as number))
    if (this.failingStep >= 0 && index > this.failingStep) return notStarted(true)
    const start = this.stepStart(index)
    const naturalEnd = start + lines.durationMs
    const cut = this.cancelAt !== undefined && this.cancelAt < naturalEnd
    if (cut && start > (this.cancelAt as number)) return notStarted(true)
    if (now < start) return notStarted(false)
    const end = cut ? (this.cancelAt as number) : naturalEnd
    if (now < end) {
      return {
        status: 'running',
        startedAt: start,
        updatedAt: now,
        visible: lines.visibleCount(now - start),
        finished: false,
        neverRuns: false
      }
    }
    const failed = cut || index === this.failingStep
    return {
      status: failed ? 'failed' : 'succeeded',
      startedAt: start,
      updatedAt: end,
      visible: cut ? lines.visibleCount(end - start) + 1 : lines.count,
      finished: true,
      neverRuns: false
    }
  }

  /** For a step the cancel cut short: how many of its own lines appeared before the cancel line. */
  private linesBeforeCancel(stepIndex: number): number | undefined {
    if (this.cancelAt === undefined || !this.hasRun(this.cancelAt)) return undefined
    const start = this.stepStart(stepIndex)
    const lines = this.steps[stepIndex] as StepLines
    if (start > this.cancelAt || this.cancelAt >= start + lines.durationMs) return undefined
    return lines.visibleCount(this.cancelAt - start)
  }

  /** The text of visible line `line` of a step, the cancel line included. */
  lineText(stepIndex: number, line: number): string {
    return line === this.linesBeforeCancel(stepIndex)
      ? CANCEL_LINE
      : (this.steps[stepIndex] as StepLines).text(line)
  }

  /** When visible line `line` of a step appeared (absolute clock ms). */
  lineTime(stepIndex: number, line: number): number {
    if (line === this.linesBeforeCancel(stepIndex)) return this.cancelAt as number
    return this.stepStart(stepIndex) + (this.steps[stepIndex] as StepLines).timeMs(line)
  }
}
