// Summaries of repeated measurements. Medians, not means: one run disturbed by the machine must not move the figure.

export interface Spread {
  median: number
  min: number
  max: number
  runs: number
}

/** The value below which `p` (0–1) of the samples fall, interpolating between the two nearest. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (sorted.length - 1) * p
  const low = Math.floor(at)
  const high = Math.ceil(at)
  const lowValue = sorted[low] as number
  return lowValue + ((sorted[high] as number) - lowValue) * (at - low)
}

export function spread(samples: readonly number[]): Spread {
  return {
    median: percentile(samples, 0.5),
    min: Math.min(...samples),
    max: Math.max(...samples),
    runs: samples.length
  }
}

/** Rounds for the report: figures are compared, not carried to the microsecond. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
