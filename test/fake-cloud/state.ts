import type { DeploymentSettings, PulumiOperation, StackRef, UserInfo } from '../../src/pulumi/types.js'
import type { FakeClock } from './clock.js'
import { ApiError } from './errors.js'
import type { SeededRandom } from './random.js'
import { pulumiScenario } from './scenarios.js'
import type { JsonObject } from './settings-merge.js'
import { Timeline } from './timeline.js'
import type { FakeDeployment, Scenario, ScenarioFactory, StackTarget } from './types.js'

export function parseStackRef(ref: string): StackRef {
  const parts = ref.split('/')
  if (parts.length !== 3 || parts.some(part => part.length === 0)) {
    throw new Error(`A stack is named 'org/project/stack'; '${ref}' is not.`)
  }
  const [org, project, stack] = parts as [string, string, string]
  return { org, project, stack }
}

export interface StackRecord extends StackRef {
  ref: string
  settings: JsonObject
  paused: boolean
  scenario?: Scenario | ScenarioFactory
  queuedScenarios: (Scenario | ScenarioFactory)[]
  /** The stack's outputs before any deployment of this fake changed them (see stack-state.ts). */
  outputs: Record<string, unknown>
  /** The stack's last update version (what `pulumi up` numbers). */
  updateVersion: number
  deployments: DeploymentRecord[]
}

export interface DeploymentRecord {
  id: string
  version: number
  stack: StackRecord
  operation: PulumiOperation
  request: unknown
  settings: JsonObject
  scenario: Scenario
  timeline: Timeline
  createdAt: number
  initiator?: string
  /** Who the create request's token belongs to. */
  requestedBy?: UserInfo
  /** The stack update the Pulumi operation step makes. */
  update: { id: string; updateID: string; version: number; kind: string }
}

const UPDATE_KINDS: Record<PulumiOperation, string> = {
  update: 'update',
  preview: 'preview',
  refresh: 'refresh',
  destroy: 'destroy',
  'detect-drift': 'refresh',
  'remediate-drift': 'update'
}

/** The fake's stacks and deployments, and the rules that move them. */
// Pulumi Cloud's organization concurrency limit depends on the plan; a test sets its own with setConcurrency.
export const DEFAULT_ORG_CONCURRENCY = 25

export class CloudState {
  readonly stacks = new Map<string, StackRecord>()
  readonly deployments: DeploymentRecord[] = []
  readonly pausedOrgs = new Set<string>()
  private readonly concurrency = new Map<string, number>()
  private refreshedTo = Number.NEGATIVE_INFINITY

  constructor(
    private readonly clock: FakeClock,
    private readonly ids: SeededRandom
  ) {}

  now(): number {
    return this.clock.now()
  }

  addStack(
    ref: string,
    settings: DeploymentSettings = {},
    scenario?: Scenario | ScenarioFactory,
    outputs: Record<string, unknown> = {}
  ): StackRecord {
    const parsed = parseStackRef(ref)
    if (this.stacks.has(ref)) throw new Error(`The fake already has a stack '${ref}'.`)
    const record: StackRecord = {
      ...parsed,
      ref,
      settings: structuredClone(settings),
      paused: false,
      scenario,
      queuedScenarios: [],
      outputs: structuredClone(outputs),
      updateVersion: 0,
      deployments: []
    }
    this.stacks.set(ref, record)
    return record
  }

  stack(ref: string): StackRecord {
    const record = this.stacks.get(ref)
    if (!record) throw new ApiError(404, `Stack '${ref}' not found`)
    return record
  }

  /** A stack the test set up, failing the test with a sentence when it did not. */
  knownStack(ref: string): StackRecord {
    const record = this.stacks.get(ref)
    if (!record) throw new Error(`The fake has no stack '${ref}'; add it with addStack('${ref}') first.`)
    return record
  }

  hasOrg(org: string): boolean {
    for (const stack of this.stacks.values()) if (stack.org === org) return true
    return false
  }

  isPaused(stack: StackRecord): boolean {
    return stack.paused || this.pausedOrgs.has(stack.org)
  }

  /** How many deployments of the organization may run at once. */
  concurrencyOf(org: string): number {
    return this.concurrency.get(org) ?? DEFAULT_ORG_CONCURRENCY
  }

  setConcurrency(org: string, limit: number): void {
    this.refresh()
    this.concurrency.set(org, limit)
  }

  /**
   * Brings every queue up to now; must run before anything reads or changes what holds a queue. As the service
   * queues them: one deployment runs per stack at a time, oldest first, and no more run in an organization than
   * its concurrency limit. Time is walked from one change to the next (a deployment ending, a queue running out),
   * so a clock moved on by an hour lets a whole line of queued deployments run one after another.
   */
  refresh(): void {
    const now = this.clock.now()
    let cursor = Math.max(this.refreshedTo, Number.MIN_SAFE_INTEGER)
    for (let steps = 0; steps < 100_000; steps++) {
      this.startDue(cursor)
      const held = this.heldAt(cursor)
      const next = Math.min(now, this.nextChange(cursor, held) ?? now)
      for (const d of this.deployments) d.timeline.account(next, held.has(d))
      cursor = next
      if (cursor >= now) break
    }
    this.startDue(now)
    this.refreshedTo = now
  }

  /** The deployments that wait at `at` for something other than their own queue time. */
  private heldAt(at: number): Set<DeploymentRecord> {
    const held = new Set<DeploymentRecord>()
    const busyStacks = new Set<StackRecord>()
    const running = new Map<string, number>()
    for (const d of this.deployments) {
      if (d.timeline.active(at)) {
        busyStacks.add(d.stack)
        running.set(d.stack.org, (running.get(d.stack.org) ?? 0) + 1)
      }
    }
    // Oldest first: a deployment waits behind every earlier one of its stack still queued or running.
    for (const d of this.deployments) {
      if (!d.timeline.waiting) continue
      const full = (running.get(d.stack.org) ?? 0) >= this.concurrencyOf(d.stack.org)
      if (this.isPaused(d.stack) || busyStacks.has(d.stack) || full) held.add(d)
      busyStacks.add(d.stack)
    }
    return held
  }

  /** Starts, oldest first, every deployment whose queue time is up and that nothing holds at `at`. */
  private startDue(at: number): void {
    for (const d of this.deployments) if (d.timeline.waiting) d.timeline.tryStart(at, this.heldAt(at).has(d))
  }

  /** The next moment after `after` when what holds a queue may change. */
  private nextChange(after: number, held: Set<DeploymentRecord>): number | undefined {
    let next: number | undefined
    const consider = (at: number | undefined): void => {
      if (at !== undefined && at > after && (next === undefined || at < next)) next = at
    }
    for (const d of this.deployments) {
      // A held queue's own time stands still: only what holds it can change first.
      if (!held.has(d)) consider(d.timeline.queueDueAt)
      if (d.timeline.active(after)) consider(d.timeline.endAt())
    }
    return next
  }

  setPaused(target: StackTarget, paused: boolean): void {
    this.refresh()
    if ('stack' in target) this.knownStack(target.stack).paused = paused
    else if (paused) this.pausedOrgs.add(target.org)
    else this.pausedOrgs.delete(target.org)
  }

  private nextScenario(stack: StackRecord, operation: PulumiOperation, request: unknown): Scenario {
    const chosen = stack.queuedScenarios.shift() ?? stack.scenario
    if (chosen === undefined) return pulumiScenario(operation, { stack: stack.ref })
    return typeof chosen === 'function' ? chosen({ operation, request, stack: stack.ref }) : chosen
  }

  createDeployment(
    stack: StackRecord,
    spec: {
      operation: PulumiOperation
      settings: JsonObject
      request: unknown
      initiator?: string
      requestedBy?: UserInfo
    }
  ): DeploymentRecord {
    this.refresh()
    const now = this.clock.now()
    const { operation, settings, request, initiator, requestedBy } = spec
    const scenario = this.nextScenario(stack, operation, request)
    const makesVersion =
      operation !== 'preview' && operation !== 'detect-drift' && scenario.result !== 'skipped'
    const updateVersion = scenario.update?.version ?? (makesVersion ? ++stack.updateVersion : 0)
    const timeline = new Timeline(scenario, operation, now)
    this.supersede(stack, operation, settings, now)
    const record: DeploymentRecord = {
      id: this.ids.uuid(),
      version: stack.deployments.length + 1,
      stack,
      operation,
      request,
      settings,
      scenario,
      timeline,
      createdAt: now,
      initiator,
      requestedBy,
      update: {
        id: this.ids.uuid(),
        updateID: this.ids.uuid(),
        version: updateVersion,
        kind: scenario.update?.kind ?? UPDATE_KINDS[operation]
      }
    }
    stack.deployments.push(record)
    this.deployments.push(record)
    this.startDue(now)
    return record
  }

  // With `skipIntermediateDeployments`, a newer deployment makes the stack's queued ones of the same operation
  // moot: they end `skipped` without running (WIRE-NOTES, Turn 2).
  private supersede(stack: StackRecord, operation: PulumiOperation, settings: JsonObject, now: number): void {
    const options = (settings.operationContext as JsonObject | undefined)?.options as JsonObject | undefined
    if (options?.skipIntermediateDeployments !== true) return
    for (const d of stack.deployments) {
      if (d.operation === operation && d.timeline.waiting) d.timeline.skip(now)
    }
  }

  deployment(stack: StackRecord, id: string): DeploymentRecord {
    const found = stack.deployments.find(d => d.id === id)
    if (!found) throw new ApiError(404, `Deployment '${id}' not found for stack '${stack.ref}'`)
    return found
  }

  deploymentByVersion(stack: StackRecord, version: number): DeploymentRecord {
    const found = stack.deployments.find(d => d.version === version)
    if (!found) throw new ApiError(404, `Deployment version ${version} not found for stack '${stack.ref}'`)
    return found
  }

  cancel(deployment: DeploymentRecord): void {
    this.refresh()
    const now = this.clock.now()
    const status = deployment.timeline.status(now)
    if (status === 'succeeded' || status === 'failed' || status === 'skipped') {
      // The OpenAPI documents 200 and 404 ("Deployment or Queued Deployment") for a cancel, no 409: an ended
      // deployment is no longer one that can be found to cancel.
      throw new ApiError(
        404,
        `No queued or running deployment '${deployment.id}' found for stack '${deployment.stack.ref}': it has ended (${status}).`
      )
    }
    deployment.timeline.cancel(now)
  }

  describe(deployment: DeploymentRecord): FakeDeployment {
    const now = this.clock.now()
    return {
      id: deployment.id,
      version: deployment.version,
      stack: deployment.stack.ref,
      operation: deployment.operation,
      request: deployment.request,
      settings: structuredClone(deployment.settings),
      status: deployment.timeline.status(now),
      cancelled: deployment.timeline.cancelled,
      createdAt: deployment.createdAt,
      scenario: deployment.scenario,
      initiator: deployment.initiator
    }
  }
}
