// The runner's ID-token endpoint, which a job with `permissions: id-token: write` gets through
// ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN. Answers as @actions/core's getIDToken expects:
// GET <url>&audience=<aud> with `Authorization: Bearer <request token>` → `{"value": "<JWT>"}`.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FakeGitHubOidc } from '../fake-github/oidc.js'

export interface IdTokenRoute {
  /** The two variables the runner sets for the step. */
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string }
  /** The audiences the run asked for, in order. */
  readonly audiences: string[]
  /** The ID tokens the run was given. */
  readonly issued: string[]
  dispose(): void
}

interface Route {
  issuer: FakeGitHubOidc
  requestToken: string
  audiences: string[]
  issued: string[]
}

export class IdTokenEndpoint {
  private readonly routes = new Map<string, Route>()
  private next = 1

  private constructor(
    private readonly server: Server,
    private readonly base: string
  ) {}

  static async start(): Promise<IdTokenEndpoint> {
    const holder: { endpoint?: IdTokenEndpoint } = {}
    const server = createServer((req, res) => holder.endpoint?.answer(req, res))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    server.unref()
    const { port } = server.address() as AddressInfo
    holder.endpoint = new IdTokenEndpoint(server, `http://127.0.0.1:${port}`)
    return holder.endpoint
  }

  /** The endpoint of one run, whose ID tokens `issuer` signs. */
  route(issuer: FakeGitHubOidc): IdTokenRoute {
    const id = `run-${this.next++}`
    const route: Route = {
      issuer,
      requestToken: `idreq_${randomBytes(16).toString('hex')}`,
      audiences: [],
      issued: []
    }
    this.routes.set(id, route)
    return {
      // As on GitHub, the URL already has a query: getIDToken appends `&audience=...`.
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${this.base}/${id}/idtoken?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: route.requestToken
      },
      audiences: route.audiences,
      issued: route.issued,
      dispose: () => this.routes.delete(id)
    }
  }

  close(): Promise<void> {
    return new Promise(resolve => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
    })
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.base)
    const route = this.routes.get(url.pathname.split('/')[1] ?? '')
    const reply = (status: number, body: object): void => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (!route || req.method !== 'GET' || !url.pathname.endsWith('/idtoken'))
      return reply(404, { message: 'Not Found' })
    if (req.headers.authorization !== `Bearer ${route.requestToken}`)
      return reply(401, { message: 'The request token is missing or invalid.' })
    // Without an audience GitHub uses the repository owner's URL; a Pulumi login always names one.
    const audience = url.searchParams.get('audience') ?? 'https://github.com/acme'
    route.audiences.push(audience)
    const token = route.issuer.issue(audience)
    route.issued.push(token)
    reply(200, { count: 1, value: token })
  }
}
