import type { GeneratedLines, LineBlock, ScenarioLine, ScenarioStep } from './types.js'

export const DEFAULT_STEP_MS = 1000

interface Segment {
  start: number
  count: number
  block?: LineBlock
  texts?: string[]
}

export function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`
}

/**
 * The output of one scenario step, indexed without expanding generated blocks: a million-line step costs a few
 * objects, and a poll touches only the lines it returns.
 */
export class StepLines {
  readonly count: number
  readonly durationMs: number
  private readonly segments: Segment[] = []
  // Lines with a pinned time, in index order; every other line's time follows from its index.
  private readonly pinned: { index: number; atMs: number }[] = []

  constructor(step: ScenarioStep) {
    this.durationMs = Math.max(0, step.durationMs ?? DEFAULT_STEP_MS)
    let index = 0
    let texts: string[] | undefined
    const fixed = step.lines ?? []
    const generated = [...(step.generated ?? [])].sort(
      (a, b) => (a.at ?? fixed.length) - (b.at ?? fixed.length)
    )
    let nextBlock = 0
    const addBlocksBefore = (position: number): void => {
      while (
        nextBlock < generated.length &&
        ((generated[nextBlock] as GeneratedLines).at ?? fixed.length) <= position
      ) {
        const block = generated[nextBlock++] as GeneratedLines
        texts = undefined
        if (block.count > 0) this.segments.push({ start: index, count: block.count, block })
        index += Math.max(0, block.count)
      }
    }
    for (let position = 0; position < fixed.length; position++) {
      addBlocksBefore(position)
      const entry = fixed[position] as ScenarioLine
      if (!texts) {
        texts = []
        this.segments.push({ start: index, count: 0, texts })
      }
      const text = typeof entry === 'string' ? entry : entry.text
      if (typeof entry !== 'string') this.pinned.push({ index, atMs: entry.atMs })
      texts.push(withNewline(text))
      const segment = this.segments[this.segments.length - 1] as Segment
      segment.count++
      index++
    }
    addBlocksBefore(Infinity)
    this.count = index
  }

  text(index: number): string {
    let low = 0
    let high = this.segments.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((this.segments[mid] as Segment).start <= index) low = mid
      else high = mid - 1
    }
    const segment = this.segments[low]
    if (!segment || index < segment.start || index >= segment.start + segment.count) {
      throw new RangeError(`line ${index} is outside a step of ${this.count} lines`)
    }
    const offset = index - segment.start
    if (segment.texts) return segment.texts[offset] as string
    return withNewline((segment.block as LineBlock).line(offset))
  }

  /** When the line appears, in ms from the step's start, never past the step's end. */
  timeMs(index: number): number {
    const pin = this.findPin(index)
    const at = pin !== undefined ? pin : (this.durationMs * index) / Math.max(1, this.count)
    return Math.min(Math.max(0, at), this.durationMs)
  }

  /**
   * How many lines, from the first, have appeared `elapsedMs` into the step. Lines appear in order: a pinned line
   * holds back the ones after it until its time.
   */
  visibleCount(elapsedMs: number): number {
    if (elapsedMs >= this.durationMs) return this.count
    if (elapsedMs < 0 || this.count === 0) return 0
    let visible = Math.min(
      this.count,
      Math.floor((elapsedMs * this.count) / Math.max(1, this.durationMs)) + 1
    )
    // Lines pinned at or before now appear then, even ahead of their turn in the even spread.
    for (let p = this.firstPinFrom(visible); p < this.pinned.length; p++) {
      const pin = this.pinned[p] as { index: number; atMs: number }
      if (pin.index !== visible || pin.atMs > elapsedMs) break
      visible++
    }
    for (const pin of this.pinned) {
      if (pin.index >= visible) break
      if (pin.atMs > elapsedMs) {
        visible = pin.index
        break
      }
    }
    return visible
  }

  /** The position in `pinned` of the first pin at or after line `index`. */
  private firstPinFrom(index: number): number {
    let low = 0
    let high = this.pinned.length
    while (low < high) {
      const mid = (low + high) >> 1
      if ((this.pinned[mid] as { index: number }).index < index) low = mid + 1
      else high = mid
    }
    return low
  }

  private findPin(index: number): number | undefined {
    let low = 0
    let high = this.pinned.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const pin = this.pinned[mid] as { index: number; atMs: number }
      if (pin.index === index) return pin.atMs
      if (pin.index < index) low = mid + 1
      else high = mid - 1
    }
    return undefined
  }
}
