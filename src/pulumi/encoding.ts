// Pulumi Cloud compresses an answer when asked (Pulumi's CLI asks: log pages are large and compress well). The body
// is decoded here, whatever transport carried it, so a compressed answer reads the same as a plain one.
import { pipeline, Readable } from 'node:stream'
import { createGunzip, createInflate, gunzipSync, inflateSync } from 'node:zlib'

/** The headers every request to Pulumi Cloud carries: the documented API version, and gzip. */
export const PULUMI_ACCEPT_HEADERS = {
  // The REST documentation's version. The CLI sends +9, which changes how secret values come back; not that.
  Accept: 'application/vnd.pulumi+8',
  'Accept-Encoding': 'gzip'
} as const

type Codec = 'gzip' | 'deflate'

// No encoding, `identity`, or one never asked for: none to undo, the body is taken as it came.
function codecOf(contentEncoding: string | string[] | undefined): Codec | undefined {
  const encoding = (Array.isArray(contentEncoding) ? contentEncoding[0] : contentEncoding)
    ?.trim()
    .toLowerCase()
  if (encoding === 'gzip' || encoding === 'x-gzip') return 'gzip'
  return encoding === 'deflate' ? 'deflate' : undefined
}

function decompress(codec: Codec, raw: Buffer, maxOutputLength?: number): Buffer {
  const options = maxOutputLength === undefined ? {} : { maxOutputLength }
  return codec === 'gzip' ? gunzipSync(raw, options) : inflateSync(raw, options)
}

/** The body as text, undone of its Content-Encoding; undefined when it cannot be decoded (cut short, corrupt). */
export function decodeBody(raw: Buffer, contentEncoding: string | string[] | undefined): string | undefined {
  const codec = codecOf(contentEncoding)
  if (!codec) return raw.toString('utf8')
  try {
    return decompress(codec, raw).toString('utf8')
  } catch {
    return undefined
  }
}

/**
 * The body as decoded chunks, as it arrives; a corrupt or cut-short encoding fails the iteration. A body that is
 * small once decoded (up to `wholeBytes`) comes as one chunk decoded at once: a stream decoder per request costs
 * more than the decoding of a small answer. A larger one is decoded as it streams, from what was already read on.
 */
export async function* decodedChunks(
  body: Readable,
  contentEncoding: string | string[] | undefined,
  wholeBytes: number
): AsyncGenerator<Uint8Array> {
  const codec = codecOf(contentEncoding)
  if (!codec) {
    yield* body as AsyncIterable<Uint8Array>
    return
  }
  const reading = body[Symbol.asyncIterator]()
  const head: Buffer[] = []
  let headBytes = 0
  for (;;) {
    const next = await reading.next()
    if (next.done) {
      const whole = decodeWhole(codec, Buffer.concat(head), wholeBytes)
      if (!whole) break
      yield whole
      return
    }
    const chunk = next.value as Buffer
    head.push(chunk)
    headBytes += chunk.length
    if (headBytes > wholeBytes) break
  }
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield* head.splice(0)
    for (let next = await reading.next(); !next.done; next = await reading.next()) yield next.value as Buffer
  }
  const decoder = codec === 'gzip' ? createGunzip() : createInflate()
  // The decoder fails with its input: `pipeline` destroys each with the other's error.
  yield* pipeline(Readable.from(rest()), decoder, () => undefined)
}

// Undefined when the decoded body is larger than `limit` (it is then decoded as it streams); a corrupt one throws.
function decodeWhole(codec: Codec, raw: Buffer, limit: number): Buffer | undefined {
  try {
    return decompress(codec, raw, limit)
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return undefined
    throw error
  }
}
