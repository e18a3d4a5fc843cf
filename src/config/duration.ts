// Durations as workflow authors write them: `500ms`, `45s`, `90m`, `1h30m`, `1.5s`, or a bare number of seconds.
import { quoteInput } from './input-error.js'

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const
type Unit = keyof typeof UNIT_MS
const UNIT_ORDER: readonly Unit[] = ['h', 'm', 's', 'ms']

/** Node's timers cannot wait longer than this (about 24.8 days); a longer wait would fire at once. */
export const MAX_DURATION_MS = 2 ** 31 - 1

const BARE_NUMBER = /^\d+(?:\.\d+)?$/
// `ms` must be tried before `m`, or `500ms` would read as 500 minutes followed by garbage.
const COMPONENT = /(\d+(?:\.\d+)?)\s*(ms|h|m|s)\s*/y

const HOW_TO =
  'write a number followed by ms, s, m or h, such as 500ms, 45s, 90m or 1h30m (a bare number is seconds)'

/** Its message is one sentence that begins with the text, quoted, so callers can prefix what it was for. */
export class DurationError extends Error {
  constructor(
    readonly text: string,
    problem: string
  ) {
    super(`${quoteInput(text)} is not a valid duration: ${problem}.`)
    this.name = 'DurationError'
  }
}

/**
 * Parses a duration into milliseconds, rounded to the nearest millisecond. Decimals are allowed (`1.5s`); units are
 * case-insensitive, may be separated by spaces (`1h 30m`) and must each appear at most once, largest first.
 * Throws a DurationError; callers that allow an empty value must handle it first.
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim()
  if (trimmed === '') throw new DurationError(trimmed, `it is empty; ${HOW_TO}`)
  if (trimmed.startsWith('-')) throw new DurationError(trimmed, `it is negative; ${HOW_TO}`)

  const ms = Math.round(BARE_NUMBER.test(trimmed) ? Number(trimmed) * UNIT_MS.s : sumComponents(trimmed))
  if (ms > MAX_DURATION_MS) {
    throw new DurationError(trimmed, 'it is too long, the longest supported being 24 days (576h)')
  }
  return ms
}

function sumComponents(text: string): number {
  const lower = text.toLowerCase()
  COMPONENT.lastIndex = 0
  let total = 0
  let previousRank = -1
  while (COMPONENT.lastIndex < lower.length) {
    const start = COMPONENT.lastIndex
    const match = COMPONENT.exec(lower)
    if (!match) {
      // When it stopped inside a word, quote the whole word: `minutes`, not the `inutes` after an `m` it took for a
      // unit.
      const insideWord = /^[a-z]/i.test(text.slice(start))
      const wordStart = insideWord ? (/[a-z]*$/i.exec(text.slice(0, start))?.[0] ?? '') : ''
      const rest = (wordStart + text.slice(start)).trim()
      const problem =
        start === 0 ? HOW_TO : `${quoteInput(rest)} does not read as a number and a unit; ${HOW_TO}`
      throw new DurationError(text, problem)
    }
    const unit = match[2] as Unit
    const rank = UNIT_ORDER.indexOf(unit)
    if (rank <= previousRank) {
      throw new DurationError(text, 'each unit may appear once, largest first (h, m, s, ms), as in 1h30m')
    }
    previousRank = rank
    total += Number(match[1]) * UNIT_MS[unit]
  }
  return total
}

/** A short human form for summaries: `450ms`, `12s`, `1m 05s`, `2h 03m`. Negative or non-finite input reads as 0. */
export function formatDuration(ms: number): string {
  const safe = Number.isFinite(ms) && ms > 0 ? ms : 0
  const wholeMs = Math.round(safe)
  if (wholeMs < 1000) return `${wholeMs}ms`
  const totalSeconds = Math.round(safe / 1000)
  if (totalSeconds < 60) return `${totalSeconds}s`
  if (totalSeconds < 3600) {
    return `${Math.floor(totalSeconds / 60)}m ${pad(totalSeconds % 60)}s`
  }
  const totalMinutes = Math.floor(totalSeconds / 60)
  return `${Math.floor(totalMinutes / 60)}h ${pad(totalMinutes % 60)}m`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
