// What the reports keep of one step of a deployment's log: a bounded head and tail, however long the step, each line
// a copy of bounded length, so a step keeps a fixed amount whatever its lines look like.

// A kept line is for a person reading a report; a longer one is cut, so the captures stay small whatever the log.
const MAX_KEPT_LINE = 2_000
// The tail also keeps no more than this much text: every line passes through it, and one that stays long enough
// outlives V8's young generation and becomes old garbage. Lines of 10 kB kept 400 at a time (800 kB) made half of
// the action's peak memory; this is more than a report shows of a step's end (60,000 characters in a comment).
const MAX_TAIL_CHARS = 64 * 1024

/** What is kept of one step of the log. */
export interface StepCapture {
  /** The step header as shown (control characters and colour codes removed); `''` for lines before any header. */
  name: string
  lineCount: number
  head: string[]
  tail: string[]
  /** Lines between head and tail that were not kept. */
  omitted: number
}

/**
 * A line as kept: cut to MAX_KEPT_LINE, and a copy. A line split out of a larger text is, in V8, a view that keeps
 * the whole text alive; flattening the concatenation makes a string of its own, so a kept line holds only itself.
 */
function keptCopy(line: string): string {
  const cut = line.length > MAX_KEPT_LINE ? `${line.slice(0, MAX_KEPT_LINE)}…` : line
  return ` ${cut}`.slice(1)
}

/** One step's first lines, and its last lines (by count and by size), so a step of any length keeps a bounded amount. */
export class StepBuffer {
  private head: string[] = []
  // The tail: lines from `tailStart` on are kept; those before it are dropped and the array is compacted now and then.
  private kept: string[] = []
  private tailStart = 0
  private tailChars = 0
  private count = 0

  constructor(
    readonly name: string,
    private readonly headMax: number,
    private readonly tailMax: number
  ) {}

  add(lines: readonly string[]): void {
    this.count += lines.length
    let i = 0
    while (i < lines.length && this.head.length < this.headMax) this.head.push(keptCopy(lines[i++] ?? ''))
    // Of what is left, only the last tailMax lines can survive in the tail.
    i = Math.max(i, lines.length - this.tailMax)
    for (; i < lines.length; i++) this.keep(keptCopy(lines[i] ?? ''))
  }

  private keep(line: string): void {
    this.kept.push(line)
    this.tailChars += line.length
    while (
      this.kept.length - this.tailStart > this.tailMax ||
      (this.tailChars > MAX_TAIL_CHARS && this.kept.length - this.tailStart > 1)
    ) {
      this.tailChars -= this.kept[this.tailStart]?.length ?? 0
      // Let go of it now: a line held until the next compaction would be kept alive as long as in the old ring.
      this.kept[this.tailStart++] = ''
    }
    if (this.tailStart >= this.tailMax) {
      this.kept = this.kept.slice(this.tailStart)
      this.tailStart = 0
    }
  }

  /** Drops the kept lines, leaving the counts. */
  forget(): void {
    this.head = []
    this.kept = []
    this.tailStart = 0
    this.tailChars = 0
  }

  /** The kept last lines, oldest first. */
  private tail(): string[] {
    return this.kept.slice(this.tailStart)
  }

  capture(): StepCapture {
    const tail = this.tail()
    return {
      name: this.name,
      lineCount: this.count,
      head: [...this.head],
      tail,
      omitted: this.count - this.head.length - tail.length
    }
  }

  lastLines(n: number): string[] {
    if (n <= 0) return []
    const tail = this.tail()
    // Head and tail only join up when nothing between them was dropped.
    const kept = this.count === this.head.length + tail.length ? [...this.head, ...tail] : tail
    return kept.slice(-n)
  }
}
