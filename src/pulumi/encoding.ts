// Pulumi Cloud compresses an answer when asked (Pulumi's CLI asks: log pages are large and compress well). The body
// is decoded here, whatever transport carried it, so a compressed answer reads the same as a plain one.
import { gunzipSync, inflateSync } from 'node:zlib'

/** The headers every request to Pulumi Cloud carries: the documented API version, and gzip. */
export const PULUMI_ACCEPT_HEADERS = {
  // The REST documentation's version. The CLI sends +9, which changes how secret values come back; not that.
  Accept: 'application/vnd.pulumi+8',
  'Accept-Encoding': 'gzip'
} as const

/** The body as text, undone of its Content-Encoding; undefined when it cannot be decoded (cut short, corrupt). */
export function decodeBody(raw: Buffer, contentEncoding: string | string[] | undefined): string | undefined {
  const encoding = (Array.isArray(contentEncoding) ? contentEncoding[0] : contentEncoding)
    ?.trim()
    .toLowerCase()
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(raw).toString('utf8')
    if (encoding === 'deflate') return inflateSync(raw).toString('utf8')
  } catch {
    return undefined
  }
  // No encoding, `identity`, or one never asked for: taken as it came.
  return raw.toString('utf8')
}
