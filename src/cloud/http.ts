import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, RequestOptions } from 'node:http'
import { HttpClient } from '@actions/http-client'
import type { RequestHandler } from '@actions/http-client/lib/interfaces'
import type { StackRef } from './types.js'

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

/** Puts the per-request signal on the Node request, so aborting destroys the socket instead of leaving it open. */
class SignalHandler implements RequestHandler {
  constructor(private readonly signal: AbortSignal) {}
  prepareRequest(options: RequestOptions): void {
    options.signal = this.signal
  }
  canHandleAuthentication(): boolean {
    return false
  }
  handleAuthentication(): never {
    throw new Error('SignalHandler does not handle authentication.')
  }
}

/**
 * Sends one request through @actions/http-client (so the runner's proxy settings apply) and reads the whole body.
 * `timeoutMs` bounds the whole exchange in real time, body included: a socket that trickles bytes forever must not
 * hold the action. The HttpClient is made per request because the abort signal travels in its handler.
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
  const http = new HttpClient(userAgent, [new SignalHandler(controller.signal)], {
    allowRetries: false,
    maxRedirects: 5,
    socketTimeout: timeoutMs
  })
  try {
    const response = await http.request(request.method, request.url, request.body ?? null, request.headers)
    const { body, complete } = await readBody(response.message)
    if (signal?.aborted) throw signal.reason
    if (timedOut) return { kind: 'timeout', afterMs: timeoutMs }
    return {
      kind: 'response',
      status: response.message.statusCode ?? 0,
      headers: response.message.headers,
      body,
      complete
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    if (timedOut) return { kind: 'timeout', afterMs: timeoutMs }
    const code = errorCode(error)
    return { kind: 'network', notSent: NOT_SENT_CODES.has(code), code }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', forwardAbort)
    http.dispose()
  }
}

// HttpClientResponse.readBody waits for 'end', which never comes when the connection drops mid-body; this settles
// on 'close' too and says whether the body arrived whole.
function readBody(message: IncomingMessage): Promise<{ body: string; complete: boolean }> {
  return new Promise(resolve => {
    const chunks: Buffer[] = []
    const settle = (): void =>
      resolve({ body: Buffer.concat(chunks).toString('utf8'), complete: message.complete })
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
  return `${baseUrl.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`
}

/** `/api/stacks/{org}/{project}/{stack}/deployments` plus more segments, each one URL-encoded. */
export function stackDeploymentsPath(stack: StackRef, ...segments: (string | number)[]): string {
  return encodePath('api', 'stacks', stack.org, stack.project, stack.stack, 'deployments', ...segments)
}

export function orgDeploymentsPath(org: string, ...segments: string[]): string {
  return encodePath('api', 'orgs', org, 'deployments', ...segments)
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
