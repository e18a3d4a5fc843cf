// The action's follower beside a model of Pulumi's CLI (cli-model.ts), on the same scenarios, each on its own fake
// Pulumi Cloud (so requests and bytes are counted apart) and on one virtual clock (sim-clock.ts): requests and bytes
// per deployment, how soon each sees the end, and how soon each shows a line. Every request is real HTTP, gzip
// asked for, through a relay that counts the bytes; the Internet's round trip is added on the clock (ROUND_TRIP_MS).
import { PulumiCloudClient } from '../src/pulumi/client.js'
import { CollectingSink } from '../src/pulumi/log-stream.js'
import { parseStackRef } from '../src/pulumi/stack-name.js'
import type { LogEntry, StackRef } from '../src/pulumi/types.js'
import { DeploymentFollower, type FollowApi } from '../src/deployment/follow.js'
import { startFakeCloud, type FakeCloud, type Scenario, type ScenarioLine } from '../test/fake-cloud/index.js'
import { CliModel } from './cli-model.js'
import { SimClock } from './sim-clock.js'
import { percentile } from './stats.js'
import { countWire, type WireCounter } from './wire-count.js'

/** What a request to Pulumi Cloud takes from a GitHub-hosted runner, answer included: an assumption, stated. */
export const ROUND_TRIP_MS = 100
const POLL_INTERVAL_MS = 2_000
// Pulumi prints `Resources:` and `Duration:` as the operation finishes; the job then saves its state and ends.
// How long that takes on Pulumi Cloud is assumed, not measured: 2 s.
export const SUMMARY_TO_END_MS = 2_000
const SETTINGS = { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } }

type Who = 'action' | 'cli'

interface Side {
  cloud: FakeCloud
  wire: WireCounter
}

interface Followed {
  /** When the follower knew the final status, on the clock. */
  endSeenAt: number
  /** For each line: when it was handed on minus its timestamp. */
  latencies: number[]
  lines: number
}

const burst = (atMs: number, n: number, overMs: number, text: string): ScenarioLine[] =>
  Array.from({ length: n }, (_, i) => ({ text: `${text} ${i}`, atMs: atMs + Math.floor((i * overMs) / n) }))

const summary = (atMs: number): ScenarioLine[] => [
  { text: 'Resources:', atMs },
  { text: '    + 12 created', atMs },
  { text: '    40 unchanged', atMs },
  { text: '', atMs },
  { text: 'Duration: 3m2s', atMs }
]

/** 20 s queued, 60 s of setup with bursts, a 3-minute operation with quiet spells, its summary, the end. */
export function mixedScenario(): Scenario {
  const op = 180_000
  return {
    queuedMs: 20_000,
    acceptedMs: 0,
    steps: [
      { name: 'Setup', durationMs: 5_000, lines: burst(200, 2, 500, 'Preparing') },
      {
        name: 'Download deployment executor',
        durationMs: 10_000,
        lines: burst(500, 40, 2_000, 'Downloading')
      },
      { name: 'Get source', durationMs: 5_000, lines: burst(1_000, 3, 1_000, 'Cloning') },
      {
        name: 'Install dependencies',
        durationMs: 40_000,
        lines: [
          ...burst(2_000, 60, 1_500, 'npm'),
          ...burst(15_000, 80, 3_000, 'npm'),
          ...burst(30_000, 60, 1_500, 'npm')
        ]
      },
      {
        name: 'pulumi update',
        durationMs: op,
        pulumiOperation: true,
        lines: [
          ...burst(500, 30, 3_000, '    + aws:s3:BucketObject creating'),
          ...burst(45_000, 20, 2_000, '    + aws:rds:Instance creating'),
          ...burst(110_000, 30, 4_000, '    + aws:lambda:Function created'),
          ...summary(op - SUMMARY_TO_END_MS)
        ]
      }
    ],
    result: 'succeeded'
  }
}

export type EndKind = 'quiet' | 'burst' | 'unannounced'

/** A one-step operation that ends after a quiet spell or right after a burst; `offset` moves the end in time. */
export function endScenario(kind: EndKind, offsetMs: number): { scenario: Scenario; endMs: number } {
  const endMs = 60_000 + offsetMs
  const lines: ScenarioLine[] = [...burst(500, 30, 3_000, 'creating')]
  if (kind === 'burst') lines.push(...burst(endMs - SUMMARY_TO_END_MS - 3_000, 60, 3_000, 'created'))
  lines.push(...summary(kind === 'unannounced' ? endMs : endMs - SUMMARY_TO_END_MS))
  return {
    scenario: {
      queuedMs: 0,
      acceptedMs: 0,
      steps: [{ name: 'pulumi update', durationMs: endMs, lines, pulumiOperation: true }],
      result: 'succeeded'
    },
    endMs
  }
}

/** 100,000 lines spread evenly over a minute. */
export function flowScenario(): Scenario {
  return {
    queuedMs: 0,
    acceptedMs: 0,
    steps: [
      {
        name: 'pulumi update',
        durationMs: 60_000,
        pulumiOperation: true,
        generated: [{ count: 100_000, line: i => `    + aws:s3:BucketObject img-${i} created` }]
      }
    ],
    result: 'succeeded'
  }
}

class Run {
  readonly sim = new SimClock()
  private sides = new Map<Who, Side>()
  private pending = 0
  private stacks = 0

  async start(): Promise<void> {
    for (const who of ['action', 'cli'] as const) {
      const cloud = await startFakeCloud({ clock: { now: () => this.sim.now() }, seed: 1 })
      this.sides.set(who, { cloud, wire: await countWire(cloud.url) })
    }
  }

  side(who: Who): Side {
    return this.sides.get(who) as Side
  }

  async close(): Promise<void> {
    for (const side of this.sides.values()) {
      await side.wire.close()
      await side.cloud.close()
    }
  }

  /** Starts one deployment of `scenario` followed by `who`; resolves when its follower knows the end. */
  follow(who: Who, scenario: Scenario): { stack: string; done: Promise<Followed> } {
    const { cloud, wire } = this.side(who)
    const stack = `bench/${who}/run${++this.stacks}`
    cloud.addStack(stack, { settings: SETTINGS, scenario })
    this.pending++
    const done = this.followOne(who, stack, wire.url, cloud.token).finally(() => this.pending--)
    return { stack, done }
  }

  private async followOne(who: Who, stack: string, url: string, token: string): Promise<Followed> {
    const sim = this.sim
    const ref = parseStackRef(stack) as StackRef
    const client = new PulumiCloudClient({ baseUrl: url, token, clock: sim, random: () => 0.5 })
    const { id } = await sim.onWire(() => client.createDeployment(ref, { operation: 'update' }))
    const latencies: number[] = []
    let lines = 0
    const onLogs = (entries: LogEntry[]): void => {
      for (const entry of entries) {
        if (entry.line === undefined) continue
        lines++
        latencies.push(sim.now() - Date.parse(entry.timestamp))
      }
    }
    if (who === 'cli') {
      const model = new CliModel({ baseUrl: url, token, stack, deploymentId: id }, this.cliWire(), onLogs)
      await model.follow()
      return { endSeenAt: sim.now(), latencies, lines }
    }
    const delayed =
      <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        try {
          return await sim.onWire(() => call(...args))
        } finally {
          await sim.sleep(ROUND_TRIP_MS)
        }
      }
    const api: FollowApi = {
      getDeployment: delayed(client.getDeployment.bind(client)),
      // The lines reach the follower after the round trip, as the CLI model's do, not while the page streams in.
      streamLogs: async (stack, deploymentId, token, o, sink) => {
        const page = new CollectingSink()
        page.handedOn = sink?.handedOn ?? 0
        const read = await delayed(client.streamLogs.bind(client))(stack, deploymentId, token, o, page)
        if (sink && page.handedOn > sink.handedOn) await sink.handOn(page.entries, page.handedOn)
        return sink ? read : { ...read, lines: page.entries }
      },
      getStackMetadata: delayed(client.getStackMetadata.bind(client))
    }
    const quiet = { info: () => undefined, warning: () => undefined, debug: () => undefined }
    let seed = 1
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    const follower = new DeploymentFollower(api, sim, quiet, onLogs, undefined, random)
    const outcome = await follower.follow({ stack: ref, deploymentId: id, pollIntervalMs: POLL_INTERVAL_MS })
    if (outcome.kind !== 'terminal')
      throw new Error(`The action's follower ended ${outcome.kind} on ${stack}.`)
    return { endSeenAt: sim.now(), latencies, lines }
  }

  private cliWire() {
    return {
      clock: this.sim,
      onWire: <T>(request: () => Promise<T>) => this.sim.onWire(request),
      roundTripMs: ROUND_TRIP_MS
    }
  }

  /** Requests the side's fake answered for `stack`, the create not counted (both sides make it alike). */
  requests(who: Who, stack: string): number {
    return this.side(who).cloud.requests.filter(
      r => r.path.startsWith(`/api/stacks/${stack}/`) && r.endpoint !== 'createDeployment'
    ).length
  }

  async runAll(): Promise<void> {
    await this.sim.run(() => this.pending === 0)
  }
}

export interface Pair {
  action: number
  cli: number
}

export interface CompareResult {
  roundTripMs: number
  summaryToEndMs: number
  mixed: { requests: Pair; kB: Pair; lines: Pair }
  end: Record<EndKind, { runs: number; medianMs: Pair }>
  flow: { lines: Pair; p50Ms: Pair; p95Ms: Pair; requests: Pair }
}

async function withRun<T>(work: (run: Run) => Promise<T>): Promise<T> {
  const run = new Run()
  await run.start()
  try {
    return await work(run)
  } finally {
    await run.close()
  }
}

async function mixed(): Promise<CompareResult['mixed']> {
  return withRun(async run => {
    const a = run.follow('action', mixedScenario())
    const c = run.follow('cli', mixedScenario())
    await run.runAll()
    const [fa, fc] = [await a.done, await c.done]
    const kB = (who: Who): number => {
      const w = run.side(who).wire
      return (w.sent + w.received) / 1024
    }
    return {
      requests: { action: run.requests('action', a.stack), cli: run.requests('cli', c.stack) },
      kB: { action: kB('action'), cli: kB('cli') },
      lines: { action: fa.lines, cli: fc.lines }
    }
  })
}

async function ends(kind: EndKind, runs: number): Promise<{ runs: number; medianMs: Pair }> {
  return withRun(async run => {
    const delays: Record<Who, number[]> = { action: [], cli: [] }
    const all: Promise<void>[] = []
    for (let i = 0; i < runs; i++) {
      // Ends spread over 1.3 s, so they fall at every phase of either follower's cycle.
      const { scenario, endMs } = endScenario(kind, Math.round((i * 1_300) / runs))
      for (const who of ['action', 'cli'] as const) {
        const started = run.sim.now()
        const { done } = run.follow(who, scenario)
        all.push(done.then(f => void delays[who].push(f.endSeenAt - (started + endMs))))
      }
    }
    await run.runAll()
    await Promise.all(all)
    return {
      runs,
      medianMs: { action: percentile(delays.action, 0.5), cli: percentile(delays.cli, 0.5) }
    }
  })
}

async function flow(): Promise<CompareResult['flow']> {
  return withRun(async run => {
    const a = run.follow('action', flowScenario())
    const c = run.follow('cli', flowScenario())
    await run.runAll()
    const [fa, fc] = [await a.done, await c.done]
    return {
      lines: { action: fa.lines, cli: fc.lines },
      p50Ms: { action: percentile(fa.latencies, 0.5), cli: percentile(fc.latencies, 0.5) },
      p95Ms: { action: percentile(fa.latencies, 0.95), cli: percentile(fc.latencies, 0.95) },
      requests: { action: run.requests('action', a.stack), cli: run.requests('cli', c.stack) }
    }
  })
}

export async function compareWithCli(endRuns: number): Promise<CompareResult> {
  return {
    roundTripMs: ROUND_TRIP_MS,
    summaryToEndMs: SUMMARY_TO_END_MS,
    mixed: await mixed(),
    end: {
      quiet: await ends('quiet', endRuns),
      burst: await ends('burst', endRuns),
      unannounced: await ends('unannounced', endRuns)
    },
    flow: await flow()
  }
}
