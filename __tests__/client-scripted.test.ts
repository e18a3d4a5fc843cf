// Answers and network conditions the fake cloud does not produce (403, 402, HTML error pages, refused
// connections, hung requests), from a small scripted server on 127.0.0.1.
import { PulumiCloudClient, type ClientOptions, type RetryInfo } from '../src/pulumi/client.js'
import { PulumiApiError } from '../src/pulumi/errors.js'
import { closedPort, Counter, json, RecordingClock, ScriptedServer, type Reply } from './client-support.js'

const TOKEN = 'pul-secret-token-abcdef'
const stack = { org: 'acme', project: 'web', stack: 'dev' }

let servers: ScriptedServer[] = []
afterEach(async () => {
  await Promise.all(servers.map(s => s.stop()))
  servers = []
})

async function serve(...replies: Reply[]): Promise<ScriptedServer> {
  const server = await new ScriptedServer(replies).start()
  servers.push(server)
  return server
}

function client(url: string, clock: RecordingClock, extra: Partial<ClientOptions> = {}): PulumiCloudClient {
  return new PulumiCloudClient({ baseUrl: url, token: TOKEN, clock, random: () => 0.5, ...extra })
}

async function failure(promise: Promise<unknown>): Promise<PulumiApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof PulumiApiError)) throw new Error(`expected a PulumiApiError, got ${String(error)}`)
  expect(error.message).not.toContain(TOKEN)
  return error
}

describe('errors the fake cloud does not produce', () => {
  it('403 says the token lacks permission on the named stack, and is not retried', async () => {
    const server = await serve(json(403, { code: 403, message: 'forbidden' }))
    const clock = new RecordingClock(new Counter())
    const error = await failure(client(server.url, clock).getSettings(stack))
    expect(error.status).toBe(403)
    expect(error.message).toMatch(/token does not have permission .*acme\/web\/dev/)
    expect(error.retryable).toBe(false)
    expect(server.seen).toHaveLength(1)
  })

  it("402 says the organization's plan does not include Deployments", async () => {
    const server = await serve(
      json(402, { code: 402, message: 'Drift remediation requires Business Critical' })
    )
    const error = await failure(
      client(server.url, new RecordingClock(new Counter())).createDeployment(stack, {
        operation: 'remediate-drift'
      })
    )
    expect(error.status).toBe(402)
    expect(error.message).toMatch(
      /because the organization acme's plan does not include it \(402 Payment Required\)/
    )
    expect(error.message).toMatch(/Business Critical/)
    expect(error.serverMessage).toBe('Drift remediation requires Business Critical')
  })

  it('a gateway HTML page gives an "unavailable" error after the bounded retries', async () => {
    const html: Reply = (_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' })
      res.end('<html><body>Bad Gateway</body></html>')
    }
    const server = await serve(html)
    const clock = new RecordingClock(new Counter())
    const error = await failure(client(server.url, clock).getStackMetadata(stack))
    expect(error.status).toBe(502)
    expect(error.serverMessage).toBeUndefined()
    expect(error.message).toMatch(
      /Pulumi Cloud is unavailable: it answered HTTP 502 .*acme\/web\/dev \(5 attempts\)/
    )
    expect(error.attempts).toBe(5)
    expect(server.seen).toHaveLength(5)
    // random() = 0.5 halves each exponential ceiling: 1 s, 2 s, 4 s, 8 s.
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000])
  })

  it('removes the token from a server message that echoes it', async () => {
    const server = await serve(json(400, { code: 400, message: `token ${TOKEN} is malformed` }))
    const error = await failure(client(server.url, new RecordingClock(new Counter())).getSettings(stack))
    expect(error.serverMessage).toBe('token *** is malformed')
  })
})

describe('network conditions', () => {
  it('a refused connection is retried for a GET, then reported as unreachable', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`
    const clock = new RecordingClock(new Counter())
    const c = client(url, clock, { retry: { maxAttempts: 3 } })
    const error = await failure(c.getDeployment(stack, '00000000-0000-4000-8000-000000000abc'))
    expect(error.status).toBe(0)
    expect(error.retryable).toBe(true)
    expect(error.message).toMatch(/Could not reach Pulumi Cloud at http:\/\/127\.0\.0\.1:\d+ .*ECONNREFUSED/)
    expect(c.requestCount).toBe(3)
  })

  it('a create whose connection was refused is sent again once the server is up, creating one deployment', async () => {
    const port = await closedPort()
    const created = { id: '00000000-0000-4000-8000-0000000000d1', version: 1, consoleUrl: 'http://console/1' }
    const server = new ScriptedServer([json(202, created)])
    servers.push(server)
    const clock = new RecordingClock(new Counter())
    clock.onSleep = async () => {
      if (!server.port) await server.start(port)
    }
    const retries: RetryInfo[] = []
    const onRetry = (info: RetryInfo): number => retries.push(info)
    const result = await client(`http://127.0.0.1:${port}`, clock, { onRetry }).createDeployment(stack, {
      operation: 'update'
    })
    // A console page off the console's own host is replaced by the computed one.
    expect(result).toEqual({ ...created, consoleUrl: `http://127.0.0.1:${port}/acme/web/dev/deployments/1` })
    expect(server.seen.map(s => s.method)).toEqual(['POST'])
    expect(retries).toEqual([
      expect.objectContaining({
        method: 'POST',
        attempt: 1,
        reason: expect.stringMatching(/did not process it/) as string
      })
    ])
  })

  it('a body cut off by a dropped connection is retried for a GET, not a crash', async () => {
    const cut: Reply = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' })
      res.write('{"paused": fal')
      setImmediate(() => res.socket?.destroy())
    }
    const server = await serve(cut, json(200, { paused: false }))
    const clock = new RecordingClock(new Counter())
    expect(await client(server.url, clock).getStackMetadata(stack)).toEqual({ paused: false })
    expect(server.seen).toHaveLength(2)
    expect(clock.sleeps).toEqual([500])
  })

  it('a request that hangs is cut off by the request timeout and retried', async () => {
    const hang: Reply = () => undefined
    const server = await serve(hang, json(200, { paused: false }))
    const clock = new RecordingClock(new Counter())
    const metadata = await client(server.url, clock, { requestTimeoutMs: 150 }).getStackMetadata(stack)
    expect(metadata).toEqual({ paused: false })
    expect(server.seen).toHaveLength(2)
  })

  it('aborting stops a hung request at once and rejects with the abort reason', async () => {
    const hang: Reply = () => undefined
    const server = await serve(hang)
    const controller = new AbortController()
    const pending = client(server.url, new RecordingClock(new Counter())).getDeployment(
      stack,
      '00000000-0000-4000-8000-000000000abc',
      {
        signal: controller.signal
      }
    )
    while (server.seen.length === 0) await new Promise(resolve => setImmediate(resolve))
    const reason = new Error('step cancelled')
    controller.abort(reason)
    await expect(pending).rejects.toBe(reason)
  })

  it('aborting during a backoff wait stops retrying', async () => {
    const server = await serve(json(503, { code: 503, message: 'busy' }))
    const controller = new AbortController()
    const clock = new RecordingClock(new Counter())
    clock.onSleep = () => controller.abort(new Error('stop'))
    await expect(
      client(server.url, clock).listStackDeployments(stack, undefined, { signal: controller.signal })
    ).rejects.toThrow('stop')
    expect(server.seen).toHaveLength(1)
  })

  it('does not send anything when the signal is already aborted', async () => {
    const server = await serve(json(200, {}))
    const controller = new AbortController()
    controller.abort(new Error('already'))
    const c = client(server.url, new RecordingClock(new Counter()))
    await expect(c.getSettings(stack, { signal: controller.signal })).rejects.toThrow('already')
    expect(c.requestCount).toBe(0)
  })
})

describe('construction', () => {
  it('rejects a base URL that is not http(s), saying which', () => {
    expect(() => new PulumiCloudClient({ baseUrl: 'api.pulumi.com', token: 't' })).toThrow(
      /The Pulumi Cloud URL "api\.pulumi\.com" is not an http\(s\) URL/
    )
  })
})
