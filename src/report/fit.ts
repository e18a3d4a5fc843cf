// Cuts a long log out of its middle so it fits a size limit: the start (the first resources) and the end (the
// `Resources:` summary, the errors) are what a reader needs, the middle is what they can do without.

export interface FittedLines {
  head: string[]
  tail: string[]
  /** How many lines lie between head and tail and are not shown. */
  omitted: number
}

/** The size of one line as it will be written; one extra for its line break. */
export type LineMeasure = (line: string) => number

export const plainLength: LineMeasure = line => line.length + 1

const CUT_NOTE = ' … (line cut)'

/**
 * Keeps as much of the start of `head` and of the end of `tail` as fits `budget` (as counted by `measure`), with
 * half the budget for each end and whatever one end does not need given to the other. A line too long to sit
 * beside others (over a quarter of the budget) is cut short first, so one huge line cannot push out the rest.
 */
export function fitToBudget(
  head: readonly string[],
  tail: readonly string[],
  omitted: number,
  budget: number,
  measure: LineMeasure = plainLength
): FittedLines {
  const longest = Math.max(0, Math.floor(budget / 4))
  const clip = (line: string): string => (measure(line) > longest ? cutLine(line, longest, measure) : line)
  const headLines = head.map(clip)
  const tailLines = tail.map(clip)
  const headSizes = headLines.map(measure)
  const tailSizes = tailLines.map(measure)
  const headTotal = sum(headSizes)
  const tailTotal = sum(tailSizes)
  if (headTotal + tailTotal <= budget) return { head: headLines, tail: tailLines, omitted }

  const half = Math.max(0, budget / 2)
  const headShare = headTotal < half ? headTotal : Math.max(half, budget - tailTotal)
  const keptHead = countWithin(headSizes, headShare)
  const headUsed = sum(headSizes.slice(0, keptHead))
  const keptTail = countWithin([...tailSizes].reverse(), Math.max(0, budget - headUsed))
  return {
    head: headLines.slice(0, keptHead),
    tail: keptTail > 0 ? tailLines.slice(tailLines.length - keptTail) : [],
    omitted: omitted + (headLines.length - keptHead) + (tailLines.length - keptTail)
  }
}

function sum(sizes: number[]): number {
  let total = 0
  for (const size of sizes) total += size
  return total
}

/** How many of the first sizes fit in `budget` together. */
function countWithin(sizes: number[], budget: number): number {
  let used = 0
  let count = 0
  for (const size of sizes) {
    if (used + size > budget) break
    used += size
    count++
  }
  return count
}

function cutLine(line: string, limit: number, measure: LineMeasure): string {
  // Halve until it fits: measures differ (HTML escaping, UTF-8 bytes), so none can be inverted in general.
  let keep = Math.min(line.length, limit)
  while (keep > 0) {
    let cut = line.slice(0, keep)
    // Never leave half of a surrogate pair at the end.
    if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1)
    cut += CUT_NOTE
    if (measure(cut) <= limit) return cut
    keep = Math.floor(keep / 2)
  }
  return CUT_NOTE.trim()
}
