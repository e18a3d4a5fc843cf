// Several stacks in one step: every deployment created (at most `max-parallel` at a time, in the listed order), all
// followed by one process under one request budget, their logs shown one stack after another, and one report.
// Loaded with import() only when the `stack` input names more than one stack.
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { PulumiCloudClient, type ClientOptions, type Clock } from '../pulumi/client.js'
import { GatedClient, type GatedRequest } from '../pulumi/gated-client.js'
import { isTerminal } from '../pulumi/types.js'
import type { ActionConfig } from '../config/inputs.js'
import type { StackTarget } from '../config/stacks.js'
import type { EventContext } from '../github/context.js'
import type { OctokitFactory } from '../github/pr-comment.js'
import { DeploymentFleet, type FleetMember } from '../deployment/fleet.js'
import type { FollowOutcome } from '../deployment/follow.js'
import { LogDesk } from '../deployment/log-desk.js'
import { RequestBudget } from '../deployment/request-budget.js'
import { createPhase } from './create-phase.js'
import { openGitHubRecords, recordCreated } from './github-records.js'
import { finishMany, openManyReport, type Member } from './many-finish.js'
import { readResults } from './results-stage.js'
import type { RunContext } from './run-context.js'
import { STATE } from './state.js'

export interface ManyInput {
  ctx: EventContext
  clientOptions: ClientOptions & { clock: Clock }
  clock: Clock
  env: NodeJS.ProcessEnv
  octokitFactory: (token: string, apiUrl: string) => OctokitFactory
  /** When the step started, on `clock`: the `timeout` counts from then. */
  started: number
}

// Creates are sent a few at a time: fifty at once would only meet Pulumi Cloud's rate limit together.
const CREATES_AT_ONCE = 4
// The budget lets a request go every third of a poll interval: a status list, the front log's page, and one more;
// a few more may go at once after a quiet while, so the reads after a stack's end do not queue for long.
const REQUESTS_PER_POLL = 3
const BURST = 6

/** The config of one stack of the run, as a one-stack run would have it. */
export function configFor(config: ActionConfig, target: StackTarget): ActionConfig {
  return { ...config, stack: target.ref, stackName: target.name }
}

export async function deployMany(run: RunContext, input: ManyInput): Promise<boolean> {
  const { config, runner, stop } = run
  const { clock } = input
  const members: Member[] = config.stacks.map(target => ({ target, config: configFor(config, target) }))
  const dir = input.env.RUNNER_TEMP || tmpdir()
  mkdirSync(dir, { recursive: true })
  const desk = new LogDesk(
    members.map(m => m.target.name),
    {
      sink: {
        write: lines => runner.write(lines),
        startGroup: title => runner.startGroup(title),
        endGroup: () => runner.endGroup(),
        info: line => runner.info(line)
      },
      redact: s => run.redactor.redact(s),
      operation: config.operation,
      dir
    }
  )
  const budget = new RequestBudget({
    clock,
    spacingMs: config.pollIntervalMs / REQUESTS_PER_POLL,
    burst: BURST,
    rank: request => rankOf(request, members, desk)
  })
  const client = new GatedClient(input.clientOptions, budget)
  const reporting = openManyReport(run, members, input)
  const records = openGitHubRecords(config, runner, input.ctx, input.octokitFactory)
  runner.info(
    `Deploying ${members.length} stacks (${config.operation})` +
      (config.maxParallel ? `, ${config.maxParallel} at a time.` : ', all at once.')
  )

  const ended = new Map<string, (outcome: FollowOutcome) => void>()
  const fleet = new DeploymentFleet(
    client,
    clock,
    { info: m => runner.info(m), warning: m => runner.warning(m), debug: m => runner.debug(m) },
    {
      onLogs: (m, entries) => memberOf(members, m).renderer?.push(entries),
      onStatus: (m, d) => {
        const record = memberOf(members, m).record
        if (record && d.status === 'running') void records?.status(record, 'in_progress')
        const line = `${m.name}: deployment ${d.version} ${STATUS_TEXT[d.status] ?? `is ${d.status}`}.`
        if (isTerminal(d.status)) desk.end(m.name, line)
        else desk.note(m.name, line)
      },
      onEnd: (m, outcome) => ended.get(m.name)?.(outcome),
      isFront: m => desk.isFront(m.name)
    },
    {
      pollIntervalMs: config.pollIntervalMs,
      deadline: config.timeoutMs === undefined ? undefined : input.started + config.timeoutMs,
      signal: stop.signal
    }
  )
  const following = config.wait ? fleet.run() : Promise.resolve()
  // Awaited below; until then a failure must not count as unhandled.
  following.catch(() => undefined)
  const created: { stack: string; id: string }[] = []
  runner.saveState(STATE.cancelOnAbort, String(config.cancelOnAbort))
  runner.saveState(STATE.cancelQueuedOnAbort, String(config.cancelQueuedOnAbort))
  const createSlots = new Slots(CREATES_AT_ONCE)
  const runSlots = new Slots(config.maxParallel ?? Number.POSITIVE_INFINITY)
  let halted: string | undefined

  const lifecycle = async (m: Member): Promise<void> => {
    await runSlots.take()
    try {
      if (stop.requested || halted || fleet.stopped) {
        m.notRun = halted
          ? `Not run: ${halted} failed first, and \`max-parallel\` stops at the first failure.`
          : stop.requested
            ? 'Not run: the step was cancelled first.'
            : 'Not run: the wait timed out first.'
        desk.end(m.target.name)
        return
      }
      await createSlots.take()
      try {
        m.created = await createPhase({
          ...run,
          config: m.config,
          ctx: input.ctx,
          client: new PulumiCloudClient(input.clientOptions),
          clientOptions: input.clientOptions,
          onCreated: d => {
            created.push({ stack: m.target.name, id: d.id })
            runner.saveState(STATE.deployments, JSON.stringify(created))
          }
        })
      } catch (error) {
        m.createError = run.redactor.redact(error instanceof Error ? error.message : String(error))
        runner.error(m.createError, `Deployment not created: ${m.target.name}`)
      } finally {
        createSlots.give()
      }
      if (!m.created) {
        desk.end(m.target.name)
        if (config.maxParallel !== undefined) halted ??= m.target.name
        return
      }
      m.renderer = desk.open(m.target.name, m.created.deployment.id)
      if (records) m.record = recordCreated(records, m.config, m.created, input.ctx)
      if (!config.wait) return
      const outcome = new Promise<FollowOutcome>(resolve => ended.set(m.target.name, resolve))
      fleet.add(memberFor(m))
      m.outcome = await outcome
      if (m.outcome.kind === 'terminal') {
        m.results = await readResults({
          client,
          config: m.config,
          deploymentId: m.created.deployment.id,
          deploymentVersion: m.created.deployment.version,
          outcome: m.outcome,
          runner,
          signal: stop.signal
        })
      }
      if (config.maxParallel !== undefined && m.outcome.deployment?.status === 'failed')
        halted ??= m.target.name
    } finally {
      runSlots.give()
    }
  }

  try {
    await Promise.all(members.map(lifecycle))
  } finally {
    fleet.close()
    // A fleet that stopped early (cancelled, timed out) has already ended every member it had.
    await following
    await desk.finish()
  }
  return finishMany(run, reporting, members, {
    client: new PulumiCloudClient(input.clientOptions),
    desk,
    dir,
    records
  })
}

function memberFor(m: Member): FleetMember {
  return { name: m.target.name, stack: m.target.ref, deploymentId: m.created?.deployment.id ?? '' }
}

function memberOf(members: Member[], m: FleetMember): Member {
  return members.find(x => x.target.name === m.name) as Member
}

/** Status first (end detection must not wait), then the log in front, then everything else. */
function rankOf(request: GatedRequest, members: Member[], desk: LogDesk): number {
  if (request.method !== 'GET' || /\/api\/orgs\/[^/]+\/deployments$/.test(request.path)) return 0
  if (/\/deployments\/[^/]+$/.test(request.path)) return 0
  const front = members.find(m => desk.isFront(m.target.name))
  const frontId = front?.created?.deployment.id
  if (frontId && request.path.endsWith(`/deployments/${encodeURIComponent(frontId)}/logs`)) return 1
  return 2
}

const STATUS_TEXT: Record<string, string> = {
  'not-started': 'is queued and has not started yet',
  accepted: 'was accepted and is waiting for a runner',
  running: 'is running',
  succeeded: 'succeeded',
  failed: 'failed',
  skipped: 'was skipped'
}

/** A counting semaphore whose waiters are served in the order they came: the listed order of the stacks. */
class Slots {
  private readonly waiting: (() => void)[] = []

  constructor(private free: number) {}

  take(): Promise<void> {
    if (this.free > 0) {
      this.free--
      return Promise.resolve()
    }
    return new Promise(resolve => this.waiting.push(resolve))
  }

  give(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.free++
  }
}
