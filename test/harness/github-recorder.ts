// A pass-through in front of a fake GitHub API that keeps what each run of the action sent it, so the harness can
// check every comment body a run wrote (edits included), without the test having to hand the fake over.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GitHubWrite {
  method: string
  path: string
  body: string
}

export interface RecordedRoute {
  /** The GITHUB_API_URL to give the run. */
  url: string
  /** What the run sent with a body (comment creations and edits), in order. */
  readonly writes: GitHubWrite[]
  /** Forgets the route once the run has ended. */
  dispose(): void
}

interface Route {
  target: URL
  writes: GitHubWrite[]
}

export class GitHubRecorder {
  private readonly routes = new Map<string, Route>()
  private next = 1

  private constructor(
    private readonly server: Server,
    private readonly base: string
  ) {}

  static async start(): Promise<GitHubRecorder> {
    const holder: { recorder?: GitHubRecorder } = {}
    const server = createServer((req, res) => holder.recorder?.forward(req, res))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    // The harness keeps one for the whole test file; it must not keep the process alive on its own.
    server.unref()
    const { port } = server.address() as AddressInfo
    holder.recorder = new GitHubRecorder(server, `http://127.0.0.1:${port}`)
    return holder.recorder
  }

  /** A URL that forwards to `target` (a GitHub API base URL) and records the requests sent through it. */
  route(target: string): RecordedRoute {
    const id = `run-${this.next++}`
    const route: Route = { target: new URL(target), writes: [] }
    this.routes.set(id, route)
    return {
      url: `${this.base}/${id}`,
      writes: route.writes,
      dispose: () => this.routes.delete(id)
    }
  }

  close(): Promise<void> {
    return new Promise(resolve => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
    })
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const [, id = '', ...rest] = (req.url ?? '/').split('/')
    const route = this.routes.get(id)
    const routeUrl = `${this.base}/${id}`
    if (!route) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`No run is routed through /${id}.`)
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const path = `${route.target.pathname.replace(/\/$/, '')}/${rest.join('/')}`
      if (body.length > 0)
        route.writes.push({ method: req.method ?? 'GET', path, body: body.toString('utf8') })
      const upstream = request(
        {
          host: route.target.hostname,
          port: route.target.port,
          method: req.method,
          path,
          headers: { ...req.headers, host: route.target.host }
        },
        answer => {
          // GitHub's pagination links name the API's own origin: the run sees them on the origin it was given.
          const headers = { ...answer.headers }
          const upstreamBase = `${route.target.origin}${route.target.pathname.replace(/\/$/, '')}`
          if (typeof headers.link === 'string') headers.link = headers.link.split(upstreamBase).join(routeUrl)
          res.writeHead(answer.statusCode ?? 502, headers)
          answer.pipe(res)
        }
      )
      // The fake is gone or refused: the run sees a dropped connection, as it would from GitHub.
      upstream.on('error', () => res.destroy())
      upstream.end(body)
    })
  }
}
