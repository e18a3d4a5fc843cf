// A server on another origin that records whatever reaches it: a redirect that carried a token or a body there
// would show up in `requests`.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Thief {
  url: string
  requests: Array<{ method: string; path: string; authorization?: string }>
  close(): Promise<void>
}

export async function startThief(): Promise<Thief> {
  const requests: Thief['requests'] = []
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization })
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]')
  })
  // `localhost` rather than 127.0.0.1: another origin than the fakes'.
  await new Promise<void>(resolve => server.listen(0, 'localhost', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://localhost:${port}`,
    requests,
    close: () =>
      new Promise(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
