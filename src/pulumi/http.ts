// One request to Pulumi Cloud, sent through the runner's HTTP toolkit: @actions/http-client decides whether the
// runner's proxy settings (`https_proxy`, `no_proxy`) apply and builds the proxy dispatcher, and its undici carries
// the request, as @actions/github carries GitHub's. Only the policy is ours: timeouts that cover the body,
// cancellation, connection reuse and where a redirect may lead.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http'
import type { Readable } from 'node:stream'
import { HttpClient } from '@actions/http-client'
import { Agent, request as undiciRequest, type Dispatcher } from 'undici'
import { abortWhen } from './abort.js'
import { decodeBody, decodedChunks } from './encoding.js'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface HttpRequest {
  method: HttpMethod
  url: string
  headers: OutgoingHttpHeaders
  body?: string
}

/**
 * Reads a successful answer's body as it arrives (decoded), to what the caller makes of it; undefined when it is
 * not what was asked for. Only failures of the body itself count as a body cut short: a reader's own error is thrown.
 */
export interface BodyReader {
  read(body: AsyncIterable<Uint8Array>): Promise<unknown>
  /** A body up to this size once decoded is handed over as one chunk. */
  wholeBytes: number
}

/** What one attempt produced. An abort is not an outcome: sending rejects with the signal's reason instead. */
export type AttemptOutcome =
  | {
      kind: 'response'
      status: number
      headers: IncomingHttpHeaders
      /** Empty when a reader took the body. */
      body: string
      complete: boolean
      /** What the reader made of a 2xx body it read whole. */
      read?: { value: unknown }
    }
  /** `notSent`: the connection was never made (refused, unknown host), so the server provably did not act. */
  | { kind: 'network'; notSent: boolean; code: string }
  | { kind: 'timeout'; afterMs: number }

// Errors raised before a connection exists: the request never left the runner.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT'
])
const MAX_REDIRECTS = 5
// An idle connection is closed before the usual 5 s a server keeps one, so no read goes out on a closing socket.
const IDLE_CONNECTION_MS = 4_000

/**
 * Sends one request and reads the whole body. `timeoutMs` bounds the whole exchange in real time, body included: a
 * socket that trickles bytes forever must not hold the action. Only a GET follows a redirect, and only on the same
 * origin: the token, and a create's body, never go anywhere the user did not name.
 */
export async function sendOnce(
  request: HttpRequest,
  userAgent: string,
  timeoutMs: number,
  signal?: AbortSignal,
  reader?: BodyReader
): Promise<AttemptOutcome> {
  signal?.throwIfAborted()
  const attempt = abortWhen([signal], timeoutMs)
  try {
    let url = new URL(request.url)
    const headers = { ...plainHeaders(request.headers), 'user-agent': userAgent }
    for (let redirects = 0; ; redirects++) {
      const response = await undiciRequest(url, {
        method: request.method,
        headers,
        body: request.body,
        signal: attempt.signal,
        dispatcher: dispatcherFor(url, request.method)
      })
      const next = redirectTarget(request.method, response, url, redirects)
      if (next) {
        await response.body.dump()
        url = next
        continue
      }
      const { statusCode: status, headers: answerHeaders } = response
      if (reader && status >= 200 && status < 300) {
        const read = await readWith(reader, response.body, answerHeaders['content-encoding'])
        if (signal?.aborted) throw signal.reason
        if (attempt.timedOut) return { kind: 'timeout', afterMs: timeoutMs }
        const complete = read !== undefined
        return { kind: 'response', status, headers: answerHeaders, body: '', complete, ...(read && { read }) }
      }
      const { raw, whole } = await readBody(response.body)
      if (signal?.aborted) throw signal.reason
      if (attempt.timedOut) return { kind: 'timeout', afterMs: timeoutMs }
      const body = whole ? decodeBody(raw, response.headers['content-encoding']) : undefined
      return {
        kind: 'response',
        status: response.statusCode,
        headers: response.headers,
        body: body ?? raw.toString('utf8'),
        complete: body !== undefined
      }
    }
  } catch (error) {
    if (error instanceof ReaderFailed) throw error.cause
    if (signal?.aborted) throw signal.reason
    if (attempt.timedOut) return { kind: 'timeout', afterMs: timeoutMs }
    const code = errorCode(error)
    return { kind: 'network', notSent: NOT_SENT_CODES.has(code), code }
  } finally {
    attempt.done()
  }
}

/** Where a redirect leads, when it is one to follow; otherwise the 3xx is the answer. */
function redirectTarget(
  method: HttpMethod,
  response: Dispatcher.ResponseData,
  from: URL,
  redirects: number
): URL | undefined {
  const location = response.headers.location
  const isRedirect = response.statusCode >= 300 && response.statusCode < 400
  if (method !== 'GET' || !isRedirect || typeof location !== 'string' || redirects >= MAX_REDIRECTS)
    return undefined
  const next = new URL(location, from)
  return next.origin === from.origin ? next : undefined
}

function plainHeaders(headers: OutgoingHttpHeaders): Record<string, string | string[]> {
  const plain: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) plain[name] = typeof value === 'number' ? String(value) : value
  }
  return plain
}

// Reads reuse a kept-alive connection, so polling costs no new TCP and TLS handshake each time. Writes go on a
// fresh one: a pooled socket the server has just closed must never make a create's fate uncertain.
const direct = {
  read: new Agent({
    keepAliveTimeout: IDLE_CONNECTION_MS,
    keepAliveMaxTimeout: IDLE_CONNECTION_MS,
    keepAliveTimeoutThreshold: 0
  }),
  write: new Agent({ pipelining: 0 })
}
const proxied = {
  read: new HttpClient(undefined, undefined, { keepAlive: true }),
  write: new HttpClient(undefined, undefined, { keepAlive: false })
}

function dispatcherFor(url: URL, method: HttpMethod): Dispatcher {
  const use = method === 'GET' ? 'read' : 'write'
  return proxied[use].getAgentDispatcher(url.href) ?? direct[use]
}

// A body that stops before its end (a dropped connection, the timeout) is reported as cut short, not thrown.
async function readBody(body: AsyncIterable<Buffer>): Promise<{ raw: Buffer; whole: boolean }> {
  const chunks: Buffer[] = []
  try {
    for await (const chunk of body) chunks.push(chunk)
    return { raw: Buffer.concat(chunks), whole: true }
  } catch {
    return { raw: Buffer.concat(chunks), whole: false }
  }
}

// Carries a reader's own error past the handling of network errors.
class ReaderFailed extends Error {
  constructor(cause: unknown) {
    super('The body reader failed.', { cause })
  }
}

// The reader's errors are its own and are thrown; the body's (a reset, the timeout's abort) make it cut short.
async function readWith(
  reader: BodyReader,
  body: Readable,
  contentEncoding: string | string[] | undefined
): Promise<{ value: unknown } | undefined> {
  // undici reports the abort of a body left unread as an error event, which must find a listener; the reading
  // itself hears every error through its own.
  body.on('error', () => undefined)
  let failed = false
  const chunks = (async function* () {
    try {
      yield* decodedChunks(body, contentEncoding, reader.wholeBytes)
    } catch {
      failed = true
    }
  })()
  try {
    const value = await reader.read(chunks).catch((error: unknown) => {
      throw new ReaderFailed(error)
    })
    return failed ? undefined : { value }
  } finally {
    // A reader that stopped early (the body was not what it expected) leaves the rest unread.
    await chunks.return(undefined)
    body.destroy()
  }
}

// undici names its own failures (UND_ERR_*) and keeps the socket's error, when there was one, as the cause: the
// socket's code says more (ECONNREFUSED proves nothing was sent). A socket undici saw close is a reset.
function errorCode(error: unknown): string {
  const codes: string[] = []
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    if ('code' in e && typeof e.code === 'string') codes.push(e.code)
    e = 'cause' in e ? e.cause : undefined
  }
  const own = codes.find(code => !code.startsWith('UND_ERR'))
  if (own) return own
  return codes[0] === undefined || codes[0] === 'UND_ERR_SOCKET' ? 'ECONNRESET' : codes[0]
}
