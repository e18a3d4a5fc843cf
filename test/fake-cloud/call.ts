// A plain-fetch caller for tests that talk to the fake directly, without the action's client.

export interface CallResult<T = unknown> {
  status: number
  headers: Headers
  /** Parsed JSON; the raw text when it is not JSON; undefined when empty. */
  body: T
  text: string
}

export interface CallOptions {
  /** Default: the fake's token. `null` sends no Authorization header. */
  token?: string | null
  headers?: Record<string, string>
  /** Sent as is instead of JSON-encoding `body`. */
  rawBody?: string
}

/** Calls `method path` on the fake (path starting with `/api/`), JSON in and out. */
export async function callFake<T = unknown>(
  cloud: { url: string; token: string },
  method: string,
  path: string,
  body?: unknown,
  opts: CallOptions = {}
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...opts.headers }
  const token = opts.token === undefined ? cloud.token : opts.token
  if (token !== null) headers.authorization = `token ${token}`
  const payload = opts.rawBody ?? (body === undefined ? undefined : JSON.stringify(body))
  if (payload !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${cloud.url}${path}`, { method, headers, body: payload })
  const text = await response.text()
  let parsed: unknown = undefined
  if (text !== '') {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = text
    }
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text }
}
