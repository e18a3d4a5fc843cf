// What the reports keep of one step of a deployment's log: a bounded head and tail, however long the step, each line
// a copy of bounded length, so a step keeps a fixed amount whatever its lines look like.

// A kept line is for a person reading a report; a longer one is cut, so the captures stay small whatever the log.
const MAX_KEPT_LINE = 2_000

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

/** One step's first lines, and its last lines in a ring, so a step of any length keeps a fixed number. */
export class StepBuffer {
  private head: string[] = []
  private ring: string[] = []
  private next = 0
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
    // Of what is left, only the last tailMax lines can survive in the ring.
    i = Math.max(i, lines.length - this.tailMax)
    for (; i < lines.length; i++) {
      const line = keptCopy(lines[i] ?? '')
      if (this.ring.length < this.tailMax) this.ring.push(line)
      else {
        this.ring[this.next] = line
        this.next = (this.next + 1) % this.tailMax
      }
    }
  }

  /** Drops the kept lines, leaving the counts. */
  forget(): void {
    this.head = []
    this.ring = []
    this.next = 0
  }

  /** Lines kept in order: the ring rotated so its oldest line comes first. */
  private tail(): string[] {
    return this.ring.length < this.tailMax
      ? [...this.ring]
      : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)]
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
