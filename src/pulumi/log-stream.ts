// Reads a page of the deployment log as it arrives, handing its entries on chunk by chunk. A page can hold 500 lines
// of 10 kB: read whole, it was a 5 MB body, a 5 MB string and 5 MB of parsed lines at once, copies V8 kept well past
// their use (the action peaked at 230 MB). Read as a stream, no more than a network chunk of it is held, and the
// lines die young. Such pages are rare (lines of several kB), so their parser (page-parser.ts) loads only when one
// arrives.
import type { BodyReader } from './http.js'
import { PageEntries, type LogPage } from './page-entries.js'
import type { PageParser } from './page-parser.js'
import type { LogEntry } from './types.js'
import { validLogToken } from './validate.js'

/**
 * Where a page's entries go as they are read. It remembers how far it got: a page read again (a retry after the
 * body was cut short, or a later read at the same token) hands on only what follows, so no line is repeated.
 */
export interface LogPageSink {
  /** Positions of the page already handed on, unreadable entries included. */
  handedOn: number
  /** Takes the entries that follow `handedOn`; `through` is the position after the last of them. */
  handOn(entries: LogEntry[], through: number): void | Promise<void>
}

/** A sink that keeps every entry, for callers that want the page whole. */
export class CollectingSink implements LogPageSink {
  readonly entries: LogEntry[] = []
  handedOn = 0

  handOn(entries: LogEntry[], through: number): void {
    for (const entry of entries) this.entries.push(entry)
    this.handedOn = through
  }
}

// A page up to this size is parsed whole by JSON.parse, many times faster than a tokenizer written in JavaScript
// (a page of 500 short coloured lines is 45 kB); a larger one is parsed as it streams, so its size does not matter.
const WHOLE_PAGE_BYTES = 256 * 1024

/** Reads log pages for the transport (http.ts), as it hands a body over. */
export function logPageReader(sink: LogPageSink): BodyReader {
  return { read: body => readLogPage(body, sink), wholeBytes: WHOLE_PAGE_BYTES }
}

/**
 * Reads one page from the (decoded) body, handing its entries to `sink`; the rest of a large page is read only once
 * the sink is done with what came before. Undefined when the body is not a log page: not JSON, cut short, not an
 * object, or `lines` that is not a list. Entries handed on before that was known stay handed on (the sink remembers).
 */
export async function readLogPage(
  body: AsyncIterable<Uint8Array>,
  sink: LogPageSink
): Promise<LogPage | undefined> {
  const head: Uint8Array[] = []
  let headBytes = 0
  let parser: PageParser | undefined
  for await (const chunk of body) {
    if (!parser) {
      head.push(chunk)
      headBytes += chunk.length
      if (headBytes <= WHOLE_PAGE_BYTES) continue
      const { PageParser } = await import('./page-parser.js')
      parser = new PageParser(sink.handedOn)
      if (!head.splice(0).every(part => parser?.write(part))) return undefined
    } else if (!parser.write(chunk)) return undefined
    const taken = parser.entries.take()
    if (taken) await sink.handOn(taken.entries, taken.through)
  }
  return parser ? parser.end() : wholePage(Buffer.concat(head).toString('utf8'), sink)
}

async function wholePage(text: string, sink: LogPageSink): Promise<LogPage | undefined> {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  const lines = Object.hasOwn(body, 'lines') ? (body as { lines: unknown }).lines : undefined
  if (lines !== undefined && lines !== null && !Array.isArray(lines)) return undefined
  const entries = new PageEntries(sink.handedOn)
  for (const value of lines ?? []) entries.add(value)
  const taken = entries.take()
  if (taken) await sink.handOn(taken.entries, taken.through)
  const token = Object.hasOwn(body, 'nextToken') ? (body as { nextToken: unknown }).nextToken : undefined
  return { lines: [], nextToken: validLogToken(token), size: entries.size }
}
