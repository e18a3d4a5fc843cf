// How requests to Pulumi Cloud travel: over real HTTP on loopback, watching the connections a server sees.
import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { sendOnce, type AttemptOutcome, type BodyReader } from '../src/pulumi/http.js'

interface Seen {
  method: string
  path: string
  authorization?: string
  /** Which connection carried it: the client's port. */
  connection: number
}

interface TestServer {
  url: string
  seen: Seen[]
}

const servers: Array<{ close(): Promise<void> }> = []

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const sockets = new Set<Socket>()
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  servers.push({
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function startServer(
  answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('{}')
): Promise<TestServer> {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    seen.push({
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization,
      connection: req.socket.remotePort ?? 0
    })
    req.resume()
    req.on('end', () => answer(req, res))
  })
  const url = await listen(server)
  return { url, seen }
}

const send = (url: string, method: 'GET' | 'POST' = 'GET'): Promise<AttemptOutcome> =>
  sendOnce(
    {
      method,
      url,
      headers: { Authorization: 'token pul-secret' },
      body: method === 'POST' ? '{}' : undefined
    },
    'test-agent',
    5_000
  )

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
})

describe('connections', () => {
  // The pool may hand the next read to a second connection while the first is being released; what matters is
  // that a poll does not cost a new TCP (and TLS) handshake each time.
  test('polling reads reuse kept-alive connections', async () => {
    const server = await startServer()
    for (let i = 0; i < 10; i++)
      expect(await send(`${server.url}/api/read/${i}`)).toMatchObject({ status: 200 })
    const connections = new Set(server.seen.map(s => s.connection))
    expect(connections.size).toBeLessThanOrEqual(2)
  })

  test('a write goes on a connection of its own, never a pooled one the server may be closing', async () => {
    const server = await startServer()
    await send(`${server.url}/api/read`)
    await send(`${server.url}/api/create`, 'POST')
    await send(`${server.url}/api/read`)
    const [read, write, readAgain] = server.seen
    expect(write?.connection).not.toBe(read?.connection)
    expect(readAgain?.connection).toBe(read?.connection)
  })
})

describe('redirects', () => {
  test('are followed on the same host with the token', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/old') res.writeHead(307, { location: '/new' }).end()
      else res.end('{"moved":true}')
    })
    const outcome = await send(`${server.url}/old`)
    expect(outcome).toMatchObject({ kind: 'response', status: 200, body: '{"moved":true}' })
    expect(server.seen.map(s => [s.path, s.authorization])).toEqual([
      ['/old', 'token pul-secret'],
      ['/new', 'token pul-secret']
    ])
  })

  test('to another origin are not followed: the token never leaves for a host the user did not name', async () => {
    const other = await startServer()
    const server = await startServer((_req, res) =>
      res.writeHead(302, { location: `${other.url}/elsewhere` }).end()
    )
    expect(await send(`${server.url}/old`)).toMatchObject({ kind: 'response', status: 302 })
    expect(other.seen).toEqual([])
  })

  test('of a write are not followed, even on the same host: a body is sent once, where it was meant to go', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/create') res.writeHead(307, { location: '/elsewhere' }).end()
      else res.end('{}')
    })
    expect(await send(`${server.url}/create`, 'POST')).toMatchObject({ kind: 'response', status: 307 })
    expect(server.seen.map(s => s.path)).toEqual(['/create'])
  })

  test('that never end are given up, and the last redirect is the answer', async () => {
    const server = await startServer((_req, res) => res.writeHead(302, { location: '/again' }).end())
    expect(await send(`${server.url}/start`)).toMatchObject({ kind: 'response', status: 302 })
    expect(server.seen).toHaveLength(6)
  })
})

describe('behind a proxy', () => {
  let saved: NodeJS.ProcessEnv
  beforeEach(() => {
    saved = { ...process.env }
  })
  afterEach(() => {
    for (const name of ['http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY']) delete process.env[name]
    Object.assign(process.env, saved)
  })

  test('requests tunnel through the proxy the runner names in http_proxy', async () => {
    const target = await startServer()
    const targetPort = new URL(target.url).port
    const tunnels: string[] = []
    // A proxy that knows `pulumi.test`: loopback addresses are never proxied, so the test needs a name.
    const proxy = createServer()
    proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
      tunnels.push(req.url ?? '')
      const upstream = connect(Number(targetPort), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.write(head)
        upstream.pipe(client)
        client.pipe(upstream)
      })
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
    })
    process.env.http_proxy = await listen(proxy)
    delete process.env.no_proxy
    delete process.env.NO_PROXY

    const outcome = await send(`http://pulumi.test:${targetPort}/api/through`)

    expect(outcome).toMatchObject({ kind: 'response', status: 200 })
    expect(tunnels).toEqual([`pulumi.test:${targetPort}`])
    expect(target.seen.map(s => s.path)).toEqual(['/api/through'])
  })
})

describe('a body read as it arrives', () => {
  const reading = (read: (body: AsyncIterable<Uint8Array>) => Promise<unknown>): BodyReader => ({
    read,
    wholeBytes: 16
  })
  const get = (url: string, reader: BodyReader): Promise<AttemptOutcome> =>
    sendOnce({ method: 'GET', url, headers: {} }, 'test-agent', 5_000, undefined, reader)

  test('is handed to its reader as it arrives, and what the reader made is the answer', async () => {
    const server = await startServer((_req, res) => {
      res.write('{"part":1,')
      setTimeout(() => res.end('"part2":2}'), 20)
    })
    const parts: string[] = []
    const outcome = await get(
      `${server.url}/api/page`,
      reading(async body => {
        for await (const chunk of body) parts.push(Buffer.from(chunk).toString())
        return parts.length
      })
    )
    expect(parts.join('')).toBe('{"part":1,"part2":2}')
    expect(outcome).toMatchObject({
      kind: 'response',
      status: 200,
      complete: true,
      read: { value: parts.length }
    })
  })

  test('cut short by the server is incomplete, whatever the reader made of its start', async () => {
    const server = await startServer((req, res) => {
      res.writeHead(200, { 'content-length': '1000' })
      res.write('{"lines":[')
      setTimeout(() => req.socket.destroy(), 20)
    })
    const outcome = await get(
      `${server.url}/api/page`,
      reading(async body => {
        for await (const chunk of body) void chunk
        return 'read'
      })
    )
    expect(outcome).toMatchObject({ kind: 'response', status: 200, complete: false })
    expect(outcome).not.toHaveProperty('read')
  })

  test("fails with the reader's own error, which is no network error to retry", async () => {
    const server = await startServer((_req, res) => res.end('{"lines":[]}'))
    const broken = new Error('the log file could not be written')
    await expect(
      get(
        `${server.url}/api/page`,
        reading(() => Promise.reject(broken))
      )
    ).rejects.toBe(broken)
  })
})
