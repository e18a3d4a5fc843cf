// Reads a page of the deployment log as it arrives, handing its entries on chunk by chunk. A page can hold 500 lines
// of 10 kB: read whole, it was a 5 MB body, a 5 MB string and 5 MB of parsed lines at once, copies V8 kept well past
// their use (the action peaked at 230 MB). Read as a stream, no more than a network chunk of it is held, and the
// lines die young. The JSON is tokenized by @streamparser/json; what is checked here is the page's shape.
import { Tokenizer, TokenParser, TokenType, type ParsedTokenInfo } from '@streamparser/json'
import type { BodyReader } from './http.js'
import type { LogEntry } from './types.js'
import { validLogEntry, validLogToken } from './validate.js'

/** A page of the log as read: its entries (unless a sink took them), its token, and how many entries it held. */
export interface LogPage {
  /** Empty when the entries went to a sink as they were read. */
  lines: LogEntry[]
  /** Absent once the log is complete. */
  nextToken?: string
  /** Entries the page held by position, unreadable ones included: the page's length, whoever took its lines. */
  size: number
}

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

/** A page's entries by position: those before `skip` were handed on already; the rest wait in a batch. */
class PageEntries {
  private position = 0
  private takenThrough: number
  private batch: LogEntry[] = []

  constructor(private readonly skip: number) {
    this.takenThrough = skip
  }

  get size(): number {
    return this.position
  }

  add(value: unknown): void {
    const at = this.position++
    if (at < this.skip) return
    const entry = validLogEntry(value)
    if (entry) this.batch.push(entry)
  }

  /** The entries not yet taken, and the position after them; undefined when nothing moved. */
  take(): { entries: LogEntry[]; through: number } | undefined {
    if (this.position <= this.takenThrough) return undefined
    this.takenThrough = this.position
    const entries = this.batch
    this.batch = []
    return { entries, through: this.position }
  }
}

// The page's top level, watched token by token: the root must be an object whose `lines` is a list (or null).
// Everything else is left to the token parser, which keeps only the entries, each until it is taken.
class PageParser {
  readonly entries: PageEntries
  private readonly tokenizer = new Tokenizer()
  private readonly parser = new TokenParser({ paths: ['$.lines.*', '$.nextToken'], keepStack: false })
  private nextToken: unknown
  private valid = true
  private depth = 0
  private rootSeen = false
  private expectKey = false
  private key: unknown
  private linesValueNext = false

  constructor(skip: number) {
    this.entries = new PageEntries(skip)
    this.tokenizer.onToken = token => {
      this.watch(token)
      this.parser.write(token)
    }
    this.parser.onValue = ({ value, key, parent, stack }) => {
      if (key === 'nextToken' && stack.length === 1) this.nextToken = value
      else if (Array.isArray(parent) && stack.length === 2) this.entries.add(value)
    }
  }

  write(chunk: Uint8Array): boolean {
    if (!this.valid) return false
    try {
      this.tokenizer.write(chunk)
    } catch {
      this.valid = false
    }
    return this.valid
  }

  end(): LogPage | undefined {
    if (!this.valid || !this.parser.isEnded) return undefined
    return { lines: [], nextToken: validLogToken(this.nextToken), size: this.entries.size }
  }

  private watch({ token, value }: ParsedTokenInfo): void {
    if (this.depth === 0) {
      // One object, and nothing after it.
      if (this.rootSeen || token !== TokenType.LEFT_BRACE) this.valid = false
      this.rootSeen = true
    } else if (this.depth === 1) {
      if (this.linesValueNext) {
        if (token !== TokenType.LEFT_BRACKET && token !== TokenType.NULL) this.valid = false
        this.linesValueNext = false
      } else if (this.expectKey) {
        this.key = value
        this.expectKey = false
      } else if (token === TokenType.COLON) this.linesValueNext = this.key === 'lines'
      else if (token === TokenType.COMMA) this.expectKey = true
    }
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      this.depth++
      if (this.depth === 1) this.expectKey = true
    } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) this.depth--
  }
}
