// A log page as read, and its entries by position, whichever way the page is parsed (log-stream.ts, page-parser.ts).
import type { LogEntry } from './types.js'
import { validLogEntry } from './validate.js'

/** A page of the log as read: its entries (unless a sink took them), its token, and how many entries it held. */
export interface LogPage {
  /** Empty when the entries went to a sink as they were read. */
  lines: LogEntry[]
  /** Absent once the log is complete. */
  nextToken?: string
  /** Entries the page held by position, unreadable ones included: the page's length, whoever took its lines. */
  size: number
}

/** A page's entries by position: those before `skip` were handed on already; the rest wait in a batch. */
export class PageEntries {
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
