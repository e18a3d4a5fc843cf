// Bytes on the wire: a TCP relay in front of a fake Pulumi Cloud that counts what passes each way, headers and
// (gzip-compressed) bodies alike, so the action and the model of the CLI are charged alike.
import { connect, createServer, type Socket } from 'node:net'

export interface WireCounter {
  url: string
  /** Bytes from the client to the server (requests) and back (responses). */
  sent: number
  received: number
  close(): Promise<void>
}

export async function countWire(targetUrl: string): Promise<WireCounter> {
  const target = new URL(targetUrl)
  const sockets = new Set<Socket>()
  const counter = { sent: 0, received: 0 }
  const server = createServer(client => {
    const upstream = connect(Number(target.port), target.hostname)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => undefined)
    }
    client.on('data', (chunk: Buffer) => (counter.sent += chunk.length))
    upstream.on('data', (chunk: Buffer) => (counter.received += chunk.length))
    client.pipe(upstream)
    upstream.pipe(client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    get sent() {
      return counter.sent
    },
    get received() {
      return counter.received
    },
    close: () =>
      new Promise(resolve => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
