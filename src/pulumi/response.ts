import type { AttemptResult } from './create.js'
import type { Failure } from './errors.js'
import type { AttemptOutcome } from './http.js'
import { parseRetryAfter } from './retry.js'

/** Sorts what one attempt produced into a value or a failure. A server message is redacted before it is cut. */
export function interpretOutcome<T>(
  outcome: AttemptOutcome,
  expectJson: boolean,
  redact: (text: string) => string,
  nowMs: number
): AttemptResult<T> {
  if (outcome.kind === 'network' || outcome.kind === 'timeout') return { ok: false, failure: outcome }
  const { status, body, complete } = outcome
  if (status >= 200 && status < 300) {
    // A write that answered 2xx has happened, whatever became of its (unused) body.
    if (!expectJson) return { ok: true, value: undefined as T }
    if (!complete) return { ok: false, failure: { kind: 'bad-body', status } }
    // A body read as it arrived was checked by its reader: undefined is a body that was not what was asked for.
    if (outcome.read)
      return outcome.read.value === undefined
        ? { ok: false, failure: { kind: 'bad-body', status } }
        : { ok: true, value: outcome.read.value as T }
    try {
      return { ok: true, value: JSON.parse(body) as T }
    } catch {
      return { ok: false, failure: { kind: 'bad-body', status, notPulumi: isHtml(outcome.headers) } }
    }
  }
  const failure: Failure = {
    kind: 'status',
    status,
    serverMessage: serverMessage(body, redact),
    retryAfterMs: parseRetryAfter(outcome.headers['retry-after'], nowMs),
    requestId: requestId(outcome.headers['x-pulumi-request-id']),
    ...((status === 401 || status === 404) && !isPulumiErrorBody(body) ? { notPulumi: true } : {})
  }
  return { ok: false, failure }
}

// Pulumi Cloud answers every refusal with a JSON error body. A 401 or 404 without one comes from another server:
// most often the console's address (app.pulumi.com, which serves web pages) given as `cloud-url`.
function isPulumiErrorBody(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown> | null
    return typeof parsed?.message === 'string' || typeof parsed?.error === 'string'
  } catch {
    return false
  }
}

function isHtml(headers: Record<string, string | string[] | undefined>): boolean {
  const type = headers['content-type']
  return /text\/html/i.test(Array.isArray(type) ? type.join(' ') : (type ?? ''))
}

// Pulumi's error bodies are {"code": N, "message": "..."}, its OAuth endpoint's {"error", "error_description"};
// gateways may send HTML, which is not worth showing.
function serverMessage(body: string, redact: (text: string) => string): string | undefined {
  let message: unknown
  try {
    const parsed = JSON.parse(body) as Record<string, unknown> | null
    message = parsed?.message ?? oauthError(parsed)
  } catch {
    return undefined
  }
  if (typeof message !== 'string' || !message.trim()) return undefined
  return redact(message).trim().slice(0, 500)
}

// A hostile or broken server could send anything here: only an ID-like token is repeated to the user.
function requestId(header: string | string[] | undefined): string | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim()
  return value && /^[A-Za-z0-9._:-]{1,100}$/.test(value) ? value : undefined
}

function oauthError(body: Record<string, unknown> | null): string | undefined {
  const code = typeof body?.error === 'string' ? body.error : undefined
  const description = typeof body?.error_description === 'string' ? body.error_description : undefined
  if (code && description) return `${description.replace(/\.$/, '')} (${code})`
  return description ?? code
}
