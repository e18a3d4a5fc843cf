// The report as a table: each figure with its spread, its yardstick and their ratio, and whether the goal is met.

export interface Row {
  measure: string
  /** The figure, formatted with its unit. */
  value: string
  /** Min–max over the runs, when there were several. */
  range?: string
  yardstick: string
  /** value ÷ yardstick. */
  ratio?: number
  goal: string
  /** Undefined for figures reported without a goal. */
  met?: boolean
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')
}

export function formatTable(rows: Row[]): string {
  const header = ['measure', 'median', 'min–max', 'yardstick', 'ratio', 'goal', '']
  const body = rows.map(row => [
    row.measure,
    row.value,
    row.range ?? '',
    row.yardstick,
    row.ratio === undefined ? '' : row.ratio.toFixed(2),
    row.goal,
    row.met === undefined ? '' : row.met ? 'met' : 'NOT MET'
  ])
  const widths = header.map((_, i) => Math.max(...[header, ...body].map(cells => (cells[i] ?? '').length)))
  const rule = widths.map(w => '-'.repeat(w)).join('  ')
  return [pad(header, widths), rule, ...body.map(cells => pad(cells, widths))].join('\n')
}

export const ms = (value: number): string => `${Math.round(value)} ms`
export const kb = (bytes: number): string => `${Math.round(bytes / 1024)} kB`
export const mb = (value: number): string => `${value.toFixed(1)} MB`
export const perSecond = (value: number): string => `${Math.round(value / 1000)}k lines/s`
export const perMinute = (value: number): string => `${value.toFixed(1)}/min`
