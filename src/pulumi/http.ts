import {
  Agent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders
} from 'node:http'
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { decodeBody } from './encoding.js'
import type { StackRef } from './types.js'
import { withoutTrailingSlash } from '../config/url.js'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface HttpRequest {
  method: HttpMethod
  url: string
  headers: OutgoingHttpHeaders
  body?: string
}

/** What one attempt produced. An abort is not an outcome: sending rejects with the signal's reason instead. */
export type AttemptOutcome =
  | { kind: 'response'; status: number; headers: IncomingHttpHeaders; body: string; complete: boolean }
  /** `notSent`: the connection was never made (refused, unknown host), so the server provably did not act. */
  | { kind: 'network'; notSent: boolean; code: string }
  | { kind: 'timeout'; afterMs: number }

// Errors raised before a connection exists: the request never left the runner.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])
const MAX_REDIRECTS = 5
// An idle connection is closed before the usual 5 s a server keeps one, so no read goes out on a closing socket.
const IDLE_CONNECTION_MS = 4_000

/**
 * Sends one request and reads the whole body. `timeoutMs` bounds the whole exchange in real time, body included: a
 * socket that trickles bytes forever must not hold the action. Redirects are followed as the runner's own HTTP
 * client follows them: never from https to http, and without the token once the host changes.
 */
export async function sendOnce(
  request: HttpRequest,
  userAgent: string,
  timeoutMs: number,
  signal?: AbortSignal
): Promise<AttemptOutcome> {
  signal?.throwIfAborted()
  const controller = new AbortController()
  const forwardAbort = (): void => controller.abort(signal?.reason)
  signal?.addEventListener('abort', forwardAbort, { once: true })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  try {
    let url = new URL(request.url)
    let headers: OutgoingHttpHeaders = { ...request.headers, 'user-agent': userAgent }
    for (let redirects = 0; ; redirects++) {
      const message = await exchange(url, request, headers, controller.signal)
      const next = redirectTarget(message, url, redirects)
      if (next) {
        message.resume()
        if (next.host !== url.host) headers = withoutAuthorization(headers)
        url = next
        continue
      }
      const { body, complete } = await readBody(message)
      if (signal?.aborted) throw signal.reason
      if (timedOut) return { kind: 'timeout', afterMs: timeoutMs }
      return { kind: 'response', status: message.statusCode ?? 0, headers: message.headers, body, complete }
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    if (timedOut) return { kind: 'timeout', afterMs: timeoutMs }
    const code = errorCode(error)
    return { kind: 'network', notSent: NOT_SENT_CODES.has(code), code }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', forwardAbort)
  }
}

/** Where a redirect leads, when it is one to follow; otherwise the 3xx is the answer. */
function redirectTarget(message: IncomingMessage, from: URL, redirects: number): URL | undefined {
  const status = message.statusCode ?? 0
  const location = message.headers.location
  if (status < 300 || status >= 400 || !location || redirects >= MAX_REDIRECTS) return undefined
  const next = new URL(location, from)
  return from.protocol === 'https:' && next.protocol !== 'https:' ? undefined : next
}

function withoutAuthorization(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization')
  )
}

// Reads reuse a kept-alive connection, so polling costs no new TCP and TLS handshake each time. Writes go on a
// fresh one: a pooled socket the server has just closed must never make a create's fate uncertain.
const keepAlive: { http?: Agent; https?: Agent } = {}

async function agentFor(url: URL, method: HttpMethod): Promise<Agent | false> {
  if (getProxyUrl(url)?.hostname) return proxyAgent(url)
  if (method !== 'GET') return false
  const options = { keepAlive: true, timeout: IDLE_CONNECTION_MS }
  if (url.protocol !== 'https:') return (keepAlive.http ??= new Agent(options))
  // node:https (and TLS with it) is loaded on the first https request, not on every start.
  keepAlive.https ??= new (await import('node:https')).Agent(options)
  return keepAlive.https
}

// Only behind a proxy: the tunnel is built by the runner's own HTTP client, as for the rest of the runner's tools,
// loaded only then because it brings undici, most of a megabyte, with it.
async function proxyAgent(url: URL): Promise<Agent> {
  const { HttpClient } = await import('@actions/http-client')
  return new HttpClient().getAgent(url.toString())
}

async function exchange(
  url: URL,
  request: HttpRequest,
  headers: OutgoingHttpHeaders,
  signal: AbortSignal
): Promise<IncomingMessage> {
  const agent = await agentFor(url, request.method)
  const send = url.protocol === 'https:' ? (await import('node:https')).request : httpRequest
  const body = request.body
  const outgoing: OutgoingHttpHeaders =
    body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) }
  return new Promise((resolve, reject) => {
    const req = send(url, { method: request.method, headers: outgoing, agent, signal }, resolve)
    req.once('error', reject)
    req.end(body)
  })
}

// A response's 'end' never comes when the connection drops mid-body: this settles on 'close' too and says whether
// the body arrived whole (a compressed body that does not decode did not).
function readBody(message: IncomingMessage): Promise<{ body: string; complete: boolean }> {
  return new Promise(resolve => {
    const chunks: Buffer[] = []
    let settled = false
    const settle = (): void => {
      if (settled) return
      settled = true
      const body = decodeBody(Buffer.concat(chunks), message.headers['content-encoding'])
      resolve({ body: body ?? '', complete: message.complete && body !== undefined })
    }
    message.on('data', (chunk: Buffer) => chunks.push(chunk))
    message.on('end', settle)
    message.on('error', settle)
    message.on('close', settle)
  })
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
    return error.code
  return 'ECONNRESET'
}

/** `https://api.example.com/` + `/api/...`, keeping any path prefix of the base URL. */
export function joinUrl(
  baseUrl: string,
  path: string,
  query?: Record<string, string | number | boolean | undefined>
): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value))
  }
  const search = params.toString()
  return `${withoutTrailingSlash(baseUrl)}${path}${search ? `?${search}` : ''}`
}

/** `/api/stacks/{org}/{project}/{stack}/deployments` plus more segments, each one URL-encoded. */
export function stackDeploymentsPath(stack: StackRef, ...segments: (string | number)[]): string {
  return encodePath('api', 'stacks', stack.org, stack.project, stack.stack, 'deployments', ...segments)
}

/** `/api/stacks/{org}/{project}/{stack}/...`: the stack endpoints beside Deployments (events, export, decrypt). */
export function stackPath(stack: StackRef, ...segments: string[]): string {
  return encodePath('api', 'stacks', stack.org, stack.project, stack.stack, ...segments)
}

function encodePath(...segments: (string | number)[]): string {
  return segments.map(s => `/${encodeURIComponent(String(s))}`).join('')
}

/** The console page of a deployment: the API host with `api.` replaced by `app.`, else the base URL's origin. */
export function deploymentConsoleUrl(baseUrl: string, stack: StackRef, version: number): string {
  const url = new URL(baseUrl)
  const origin = url.hostname.startsWith('api.')
    ? `${url.protocol}//app.${url.host.slice('api.'.length)}`
    : url.origin
  return `${origin}${encodePath(stack.org, stack.project, stack.stack, 'deployments', version)}`
}
