import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PulumiCloudClient, type ClientOptions, type Clock, type RetryInfo } from '../src/pulumi/client.js'
import { ManualClock, startFakeCloud, type FakeCloud } from '../test/fake-cloud/index.js'

/**
 * A clock for the client whose sleeps return at once: it records each requested delay and moves time on by it, so
 * backoff is asserted exactly and costs no real time. `onSleep` lets a test change the world between attempts.
 */
export class RecordingClock implements Clock {
  readonly sleeps: number[] = []
  onSleep?: (ms: number) => void | Promise<void>

  constructor(private readonly time: { now(): number; advance(ms: number): void }) {}

  now(): number {
    return this.time.now()
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    this.sleeps.push(ms)
    this.time.advance(ms)
    await this.onSleep?.(ms)
    signal?.throwIfAborted()
  }
}

/** A plain millisecond counter, for tests that need no fake cloud. */
export class Counter {
  constructor(private current = Date.UTC(2025, 0, 15, 9, 30, 0)) {}
  now(): number {
    return this.current
  }
  advance(ms: number): void {
    this.current += ms
  }
}

export interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

export type Reply = (req: Seen, res: ServerResponse) => void

/**
 * A tiny scripted HTTP server for answers the fake cloud does not give (403, 402, HTML error pages): each request
 * takes the next reply, the last one repeating.
 */
export class ScriptedServer {
  readonly seen: Seen[] = []
  private server: Server | undefined
  port = 0

  constructor(private readonly replies: Reply[]) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  async start(port = 0): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const seen = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString()
        }
        this.seen.push(seen)
        const reply = this.replies[Math.min(this.seen.length - 1, this.replies.length - 1)]
        if (reply) reply(seen, res)
        else res.end()
      })
    })
    this.server = server
    await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve))
    this.port = (server.address() as AddressInfo).port
    return this
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>(resolve => server.close(() => resolve()))
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
    res.end(JSON.stringify(body))
  }
}

/** A port nothing listens on: taken from the OS, then released. */
export async function closedPort(): Promise<number> {
  const probe = await new ScriptedServer([]).start()
  const port = probe.port
  await probe.stop()
  return port
}

export const SOURCE_SETTINGS = {
  sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'refs/heads/main' } }
}

/** A fake cloud on a manual clock, and a client whose backoff sleeps move that clock. */
export async function cloudAndClient(extra: Partial<ClientOptions> = {}): Promise<{
  cloud: FakeCloud
  clock: RecordingClock
  time: ManualClock
  client: PulumiCloudClient
  retries: RetryInfo[]
}> {
  const time = new ManualClock()
  const cloud = await startFakeCloud({ clock: time })
  const clock = new RecordingClock(time)
  const retries: RetryInfo[] = []
  const client = new PulumiCloudClient({
    baseUrl: cloud.url,
    token: cloud.token,
    clock,
    random: () => 0.5,
    onRetry: info => retries.push(info),
    ...extra
  })
  return { cloud, clock, time, client, retries }
}
