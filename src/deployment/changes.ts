// Reads the `Resources:` block Pulumi prints at the end of an operation into counts per kind of change. Pulumi
// writes one line per kind: a two-character prefix, the count, `to ` when planning, then the kind (`create`) or
// its past tense (`created`); then a totals line like `3 changes. 4 unchanged` that must not be counted again.
import stripAnsi from 'strip-ansi'

/** Counts per kind of change, keyed by Pulumi's own step names: create, update, delete, replace, same, ... */
export type ChangeSummary = Record<string, number>

interface ChangeKind {
  key: string
  label: string
  planned: string
  done: string
}

/** The kinds a report shows, in the order Pulumi lists them; anything else follows, and `same` comes last. */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  { key: 'create', label: 'Create', planned: 'to create', done: 'created' },
  { key: 'update', label: 'Update', planned: 'to update', done: 'updated' },
  { key: 'replace', label: 'Replace', planned: 'to replace', done: 'replaced' },
  { key: 'delete', label: 'Delete', planned: 'to delete', done: 'deleted' },
  {
    key: 'create-replacement',
    label: 'Create replacement',
    planned: 'to create (replacement)',
    done: 'created (replacement)'
  },
  {
    key: 'delete-replaced',
    label: 'Delete replaced',
    planned: 'to delete (replaced)',
    done: 'deleted (replaced)'
  },
  { key: 'import', label: 'Import', planned: 'to import', done: 'imported' },
  {
    key: 'import-replacement',
    label: 'Import replacement',
    planned: 'to import (replacement)',
    done: 'imported (replacement)'
  },
  { key: 'refresh', label: 'Refresh', planned: 'to refresh', done: 'refreshed' },
  { key: 'read', label: 'Read', planned: 'to read', done: 'read' },
  { key: 'discard', label: 'Discard', planned: 'to discard', done: 'discarded' },
  {
    key: 'discard-replaced',
    label: 'Discard replaced',
    planned: 'to discard (replaced)',
    done: 'discarded (replaced)'
  }
]

// Prefixes that name their kind on their own: past tenses collide (`--1 deleted` is a delete-replaced).
const KIND_BY_PREFIX: Record<string, string> = {
  '++': 'create-replacement',
  '--': 'delete-replaced',
  '=>': 'import-replacement',
  '<<': 'discard-replaced',
  '>>': 'read-replacement'
}

const KIND_BY_VERB: Record<string, string> = {
  create: 'create',
  created: 'create',
  update: 'update',
  updated: 'update',
  modified: 'update',
  delete: 'delete',
  deleted: 'delete',
  replace: 'replace',
  replaced: 'replace',
  read: 'read',
  import: 'import',
  imported: 'import',
  refresh: 'refresh',
  refreshed: 'refresh',
  discard: 'discard',
  discarded: 'discard',
  unchanged: 'same'
}

// Run on trimmed text, so the words end in a letter: no lazy group before a trailing `\s*$`, which backtracked
// quadratically over a long run of blanks.
const ENTRY = /^(\+-|\+\+|--|=>|<<|>>|[+~\-=<>*])?\s*(\d+)\s+(?:to\s+)?([A-Za-z](?:[A-Za-z -]*[A-Za-z])?)$/
// No summary entry is longer; a longer line is nobody's summary and is not matched at all.
const MAX_ENTRY = 200
const TOTALS_PIECE = /^(\d+)\s+(changes?|unchanged)$/

/** Whether a log line (ANSI codes allowed) is the heading of Pulumi's resource summary. */
export function isResourcesHeading(line: string): boolean {
  return stripAnsi(line).trim() === 'Resources:'
}

/**
 * Reads lines one at a time and remembers the last complete `Resources:` block, so a log of any length can be
 * parsed without being kept. A block ends at the first line that is not a summary entry.
 */
export class ResourcesSummaryParser {
  private current: ChangeSummary | undefined
  private currentEntries = 0
  private last: ChangeSummary | undefined

  /** True while inside a block: the caller must feed every line, not only those that mention `Resources:`. */
  get collecting(): boolean {
    return this.current !== undefined
  }

  feed(line: string): void {
    const text = line.includes('\x1b') ? stripAnsi(line).trim() : line.trim()
    if (text === 'Resources:') {
      if (this.current && this.currentEntries > 0) this.last = this.current
      this.current = Object.create(null) as ChangeSummary
      this.currentEntries = 0
      return
    }
    if (!this.current) return
    if (this.addEntry(this.current, text)) {
      this.currentEntries++
      return
    }
    // Pulumi prints a bare heading when the stack has no resources, followed by a blank line; any other line
    // right after a heading means the heading was someone else's text.
    if (this.currentEntries > 0 || text === '') this.last = this.current
    this.current = undefined
  }

  result(): ChangeSummary | undefined {
    // A block the log ends in is complete: a preview's summary is often its very last line.
    const summary = this.current ?? this.last
    return summary ? (Object.assign(Object.create(null), summary) as ChangeSummary) : undefined
  }

  private addEntry(summary: ChangeSummary, text: string): boolean {
    if (text.length > MAX_ENTRY) return false
    const entry = ENTRY.exec(text)
    if (entry) {
      const [, prefix = '', count = '0', verb = ''] = entry
      const kind =
        (Object.hasOwn(KIND_BY_PREFIX, prefix) ? KIND_BY_PREFIX[prefix] : undefined) ?? kindOfVerb(verb)
      if (kind === 'change' || kind === 'changes') return prefix === ''
      // `1 errored` counts resources whose operation failed: an outcome, not a kind of change.
      if (kind === 'errored') return true
      // `1 to constructor` is nobody's change kind, and must not reach an object's prototype.
      if (kind in Object.prototype || kind === '__proto__') return false
      summary[kind] = (summary[kind] ?? 0) + Number(count)
      return true
    }
    // The totals line: `3 changes. 4 unchanged`; only `unchanged` carries a count not printed elsewhere.
    const pieces = text.split('. ').map(piece => TOTALS_PIECE.exec(piece.trim()))
    if (pieces.length < 2 || pieces.some(piece => piece === null)) return false
    for (const piece of pieces) {
      if (piece?.[2] === 'unchanged') summary.same = (summary.same ?? 0) + Number(piece[1])
    }
    return true
  }
}

function kindOfVerb(verb: string): string {
  const words = verb
    .toLowerCase()
    .trim()
    .split(/[\s-]+/)
  const joined = words.join('-')
  if (
    joined === 'create-replacement' ||
    joined === 'create-replacementd' ||
    joined === 'created-replacement'
  ) {
    return 'create-replacement'
  }
  if (joined === 'delete-replaced' || joined === 'delete-replacedd') return 'delete-replaced'
  return KIND_BY_VERB[joined] ?? joined
}

// Lookup tables read with words from a log: without a prototype, `constructor` or `__proto__` is no entry.
Object.setPrototypeOf(KIND_BY_PREFIX, null)
Object.setPrototypeOf(KIND_BY_VERB, null)

export function parseResourcesSummary(lines: string[]): ChangeSummary | undefined {
  const parser = new ResourcesSummaryParser()
  for (const line of lines) parser.feed(line)
  return parser.result()
}

// Counts that are no change: resources left as they were, and resources whose operation failed.
const NOT_CHANGES = new Set(['same', 'errored'])

/** Whether anything would change or changed: every kind but `same` (and `errored`, no kind) counts. */
export function hasChanges(changes: ChangeSummary): boolean {
  return Object.entries(changes).some(([kind, count]) => !NOT_CHANGES.has(kind) && count > 0)
}

/** The kinds present in a summary, in report order: the known kinds, then others alphabetically, `same` last. */
export function orderedKinds(changes: ChangeSummary): string[] {
  const known = CHANGE_KINDS.map(kind => kind.key)
  const others = Object.keys(changes)
    .filter(kind => kind !== 'same' && !known.includes(kind))
    .sort()
  return [...known, ...others, 'same'].filter(kind => (changes[kind] ?? 0) > 0)
}

/** `2 to create, 1 to update, 4 unchanged`; with `done`, `2 created, 1 updated, 4 unchanged`. */
export function describeChanges(changes: ChangeSummary, done = false): string {
  const parts = orderedKinds(changes).map(kind => {
    const count = changes[kind] ?? 0
    if (kind === 'same') return `${count} unchanged`
    const known = CHANGE_KINDS.find(k => k.key === kind)
    if (known) return `${count} ${done ? known.done : known.planned}`
    return `${count} ${kind.replace(/-/g, ' ')}`
  })
  return parts.length > 0 ? parts.join(', ') : 'no changes'
}

/** A column heading for a kind of change: `Create`, `Unchanged`, or the kind itself in words. */
export function changeLabel(kind: string): string {
  if (kind === 'same') return 'Unchanged'
  const known = CHANGE_KINDS.find(k => k.key === kind)
  if (known) return known.label
  const words = kind.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
