// HTTP plumbing of the fake: recording, authentication, injected faults, and writing answers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import type { AddressInfo } from 'node:net'
import { ApiError, UNAUTHORIZED_MESSAGE } from './errors.js'
import type { FaultInjector } from './faults.js'
import { handle, type Answer, type HandlerContext } from './handlers.js'
import type { TokenExchange } from './oidc.js'
import { route } from './routes.js'
import type { FaultRule, RecordedRequest, TamperedAnswer } from './types.js'

export interface ServerDeps {
  token: string
  /** The token exchange, which also knows the tokens it issued. */
  oidc: TokenExchange
  now(): number
  faults: FaultInjector
  /** Filled in once the server listens (the URL is known only then). */
  handlerContext(): HandlerContext
  record(request: RecordedRequest): void
  answered(request: RecordedRequest): void
  /** Access tokens besides `token`, each with the user it belongs to. */
  users: ReadonlyMap<string, unknown>
  /** The text of an `X-Pulumi-Warning` header to send on every answer, if any. */
  warning(): string | undefined
}

interface Reply {
  status: number
  headers: Record<string, string>
  body: Buffer
}

const REASONS: Record<number, string> = {
  403: 'Forbidden: this token may not read that',
  404: 'Not found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable'
}

function jsonReply(status: number, body: unknown): Reply {
  if (body === undefined) return { status, headers: {}, body: Buffer.alloc(0) }
  return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) }
}

function errorReply(status: number, message: string): Reply {
  return jsonReply(status, { code: status, message })
}

// A 502 comes from the load balancer in front of the service, which answers in HTML, not the API's JSON.
function injectedStatusReply(rule: Extract<FaultRule, { kind: 'status' }>): Reply {
  const reply =
    rule.status === 502
      ? {
          status: 502,
          headers: { 'content-type': 'text/html' },
          body: Buffer.from(
            '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n'
          )
        }
      : errorReply(rule.status, REASONS[rule.status] ?? 'Error')
  if (rule.retryAfter !== undefined) reply.headers['retry-after'] = String(rule.retryAfter)
  return reply
}

function tampered(reply: Reply, edit: (answer: TamperedAnswer) => TamperedAnswer): Reply {
  let body: unknown
  try {
    body = reply.body.length === 0 ? undefined : (JSON.parse(reply.body.toString('utf8')) as unknown)
  } catch {
    body = reply.body.toString('utf8')
  }
  const answer = edit({ status: reply.status, headers: { ...reply.headers }, body })
  const text = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body))
  return {
    status: answer.status,
    headers: { 'content-type': 'application/json', ...answer.headers },
    body: Buffer.from(text)
  }
}

function truncated(reply: Reply): Reply {
  const cut = reply.body.subarray(0, Math.floor(reply.body.length / 2))
  return { ...reply, body: cut }
}

// The service gzips an answer for a client that asks (Pulumi's CLI does), the error answers included.
function encoded(reply: Reply, acceptEncoding: string | undefined): Reply {
  const wanted = (acceptEncoding ?? '').split(',').some(part => part.trim().split(';')[0] === 'gzip')
  if (!wanted || reply.body.length === 0) return reply
  return { ...reply, headers: { ...reply.headers, 'content-encoding': 'gzip' }, body: gzipSync(reply.body) }
}

function firstValues(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [key, value] of params) if (!(key in query)) query[key] = value
  return query
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return raw
  }
}

// The fake's own token may act anywhere; one issued by the OIDC exchange only in its organization.
function authorized(req: IncomingMessage, deps: ServerDeps, org: string | undefined): boolean {
  const given = /^token (.+)$/.exec(req.headers.authorization ?? '')?.[1]
  if (given === undefined) return false
  // A token issued for one organization may still ask who it belongs to.
  const orgOfToken = org ?? deps.oidc.issued.get(given)?.org
  return given === deps.token || deps.users.has(given) || deps.oidc.accepts(given, orgOfToken)
}

/** Starts the HTTP server; resolves once it listens. */
export async function listen(
  deps: ServerDeps,
  host: string,
  port: number
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const timers = new Set<{ timer: NodeJS.Timeout; resolve(): void }>()
  let closing = false
  let requestIds = 0

  // Every 5xx names its request, for Pulumi support; a warning rides on any answer.
  const withServiceHeaders = (reply: Reply): Reply => {
    const headers = { ...reply.headers }
    if (reply.status >= 500)
      headers['x-pulumi-request-id'] = `fake-request-${String(++requestIds).padStart(6, '0')}`
    const warning = deps.warning()
    if (warning !== undefined) headers['x-pulumi-warning'] = warning
    return { ...reply, headers }
  }

  // Resolves early when the fake closes, so a slow answer never outlives the server.
  const delay = (ms: number): Promise<void> =>
    new Promise(resolve => {
      const entry = {
        timer: setTimeout(() => {
          timers.delete(entry)
          resolve()
        }, ms),
        resolve
      }
      timers.add(entry)
    })

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake')
    const query = firstValues(url.searchParams)
    const method = req.method ?? 'GET'
    const match = route(method, url.pathname, query)
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query,
      headers: { ...req.headers },
      body: undefined,
      status: 0,
      endpoint: match.endpoint,
      at: deps.now()
    }
    deps.record(record)
    const rawBody = await readBody(req)
    record.body = parseBody(rawBody)

    const fault = deps.faults.pick(record)
    if (fault) record.fault = fault.kind
    const after = fault !== undefined && 'afterProcessing' in fault && fault.afterProcessing === true

    const finish = (answer: Reply | 'reset', cut = false): void => {
      if (answer === 'reset' || closing) {
        record.status = 0
        req.socket.destroy()
      } else {
        // Cut after compressing: a connection that drops mid-body drops compressed bytes.
        const whole = encoded(withServiceHeaders(answer), req.headers['accept-encoding'])
        const reply = cut ? truncated(whole) : whole
        record.status = reply.status
        record.encoding = reply.headers['content-encoding']
        res.writeHead(reply.status, { ...reply.headers, 'content-length': String(reply.body.length) })
        res.end(reply.body)
      }
      deps.answered(record)
    }

    if (fault && !after) {
      if (fault.kind === 'reset') return finish('reset')
      if (fault.kind === 'status') return finish(injectedStatusReply(fault))
      if (fault.kind === 'slow') await delay(fault.delayMs)
    }

    let reply: Reply
    if (match.endpoint === 'unknown' && match.status === 404 && !url.pathname.startsWith('/api/')) {
      reply = errorReply(404, `Not found: ${method} ${url.pathname} is not part of the Pulumi Cloud API.`)
    } else if (match.endpoint === 'tokenExchange') {
      // The ID token in the body is the credential: the exchange takes no Authorization header.
      const answer = deps.oidc.exchange(record.body)
      reply = jsonReply(answer.status, answer.body)
    } else if (!authorized(req, deps, match.org)) {
      reply = errorReply(401, UNAUTHORIZED_MESSAGE)
    } else if (match.endpoint === 'unknown') {
      reply =
        match.status === 405
          ? errorReply(405, `Method ${method} is not allowed on ${url.pathname}.`)
          : errorReply(404, `Not found: ${method} ${url.pathname} is not part of the Deployments API.`)
    } else {
      try {
        const answer: Answer = handle(deps.handlerContext(), {
          route: match,
          query,
          headers: req.headers,
          body: record.body,
          rawBody
        })
        reply = jsonReply(answer.status, answer.body)
      } catch (error) {
        if (error instanceof ApiError) reply = errorReply(error.status, error.message)
        else
          reply = errorReply(500, `The fake Pulumi Cloud failed: ${(error as Error).stack ?? String(error)}`)
      }
    }

    if (fault?.kind === 'truncate') return finish(reply, true)
    if (fault?.kind === 'tamper') return finish(tampered(reply, fault.edit))
    if (fault?.kind === 'stall') {
      // Headers and a first byte, then silence: only the client's own timeout can end this request.
      record.status = reply.status
      res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': '1000000' })
      res.write('{')
      deps.answered(record)
      return
    }
    if (fault && after) {
      if (fault.kind === 'reset') return finish('reset')
      if (fault.kind === 'status') return finish(injectedStatusReply(fault))
      if (fault.kind === 'slow') await delay(fault.delayMs)
    }
    finish(reply)
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (!res.headersSent && !closing) {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ code: 500, message: `The fake Pulumi Cloud failed: ${String(error)}` }))
      } else req.socket.destroy()
    })
  })
  server.keepAliveTimeout = 5000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close: () => {
      closing = true
      for (const entry of timers) {
        clearTimeout(entry.timer)
        entry.resolve()
      }
      timers.clear()
      return new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    }
  }
}
