// The chaos suite's figures: counts by fault rate, faults by kind, and what became of the runs. Printed as
// Markdown tables (for the README's "Reliability" section) and written as JSON for the record.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { FAULT_RATES } from './plan.js'
import type { ChaosRun } from './run.js'
import type { Verdict } from './verdict.js'

export interface RateFigures {
  rate: number
  runs: number
  /** Ended with the right status and exit code, every log line once and in order, one deployment. */
  completed: number
  /** Stopped with an error after one call failed on all its attempts, as the record confirms. */
  gaveUp: number
  /** Ended any other way: each is a defect. */
  wrong: number
  requests: number
  faults: number
  /** Creates whose answer was lost after Pulumi Cloud made the deployment, found again by the action. */
  recoveredCreates: number
  deployments: number
  /** Runs that made more than one deployment. */
  duplicates: number
  logLinesChecked: number
  medianSeconds: number
  maxSeconds: number
}

export interface ChaosFigures {
  generatedAt: string
  runs: number
  byRate: RateFigures[]
  total: Omit<RateFigures, 'rate'>
  /** Requests each fault was injected into, over all runs. */
  faultsByKind: Record<string, number>
  faultsByEndpoint: Record<string, number>
  runsByResult: Record<string, number>
  perRun: RunRow[]
}

export interface RunRow {
  seed: number
  rate: number
  operation: string
  result: string
  outcome: string
  requests: number
  faults: number
  recoveredCreate: boolean
  seconds: number
  problems: string[]
}

export function collectFigures(runs: { run: ChaosRun; verdict: Verdict }[]): ChaosFigures {
  const faultsByKind: Record<string, number> = {}
  const faultsByEndpoint: Record<string, number> = {}
  const runsByResult: Record<string, number> = {}
  for (const { run, verdict } of runs) {
    for (const fault of run.faults)
      faultsByKind[fault.label] = (faultsByKind[fault.label] ?? 0) + fault.applied
    for (const r of run.requests)
      if (r.fault) faultsByEndpoint[r.endpoint] = (faultsByEndpoint[r.endpoint] ?? 0) + 1
    const key = `${run.plan.operation} ${run.plan.result}: ${verdict.outcome}`
    runsByResult[key] = (runsByResult[key] ?? 0) + 1
  }
  const byRate = FAULT_RATES.map(rate => ({ rate, ...summarize(runs.filter(r => r.run.plan.rate === rate)) }))
  return {
    generatedAt: new Date().toISOString(),
    runs: runs.length,
    byRate,
    total: summarize(runs),
    faultsByKind,
    faultsByEndpoint,
    runsByResult,
    perRun: runs.map(({ run, verdict }) => ({
      seed: run.plan.seed,
      rate: run.plan.rate,
      operation: run.plan.operation,
      result: run.plan.result,
      outcome: verdict.problems.length > 0 ? 'wrong' : verdict.outcome,
      requests: run.requests.length,
      faults: run.requests.filter(q => q.fault !== undefined).length,
      recoveredCreate: verdict.recoveredCreate,
      seconds: round(run.durationMs / 1000),
      problems: verdict.problems
    }))
  }
}

function summarize(runs: { run: ChaosRun; verdict: Verdict }[]): Omit<RateFigures, 'rate'> {
  const sum = (f: (r: { run: ChaosRun; verdict: Verdict }) => number): number =>
    runs.reduce((total, r) => total + f(r), 0)
  const seconds = runs.map(r => r.run.durationMs / 1000).sort((a, b) => a - b)
  const right = runs.filter(r => r.verdict.problems.length === 0)
  return {
    runs: runs.length,
    completed: right.filter(r => r.verdict.outcome === 'completed').length,
    gaveUp: right.filter(r => r.verdict.outcome === 'gave up').length,
    wrong: runs.length - right.length,
    requests: sum(r => r.run.requests.length),
    faults: sum(r => r.run.requests.filter(q => q.fault !== undefined).length),
    recoveredCreates: sum(r => (r.verdict.recoveredCreate ? 1 : 0)),
    deployments: sum(r => r.run.deployments.length),
    duplicates: sum(r => (r.run.deployments.length > 1 ? 1 : 0)),
    logLinesChecked: sum(r => r.verdict.logLines),
    medianSeconds: round(seconds[Math.floor(seconds.length / 2)] ?? 0),
    maxSeconds: round(seconds.at(-1) ?? 0)
  }
}

const round = (n: number): number => Math.round(n * 10) / 10

export function figuresTable(f: ChaosFigures): string {
  const pct = (rate: number): string => `${Math.round(rate * 100)}%`
  const row = (name: string, r: Omit<RateFigures, 'rate'>): string =>
    `| ${[
      name,
      r.runs,
      r.requests,
      r.faults,
      r.completed,
      r.gaveUp,
      r.wrong,
      r.recoveredCreates,
      r.deployments,
      r.duplicates,
      r.logLinesChecked,
      `${r.medianSeconds} / ${r.maxSeconds}`
    ].join(' | ')} |`
  const lines = [
    '| fault rate | runs | requests | faults injected | completed | gave up | wrong | creates recovered | deployments | duplicates | log lines checked | run time s (median / max) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...f.byRate.map(r => row(pct(r.rate), r)),
    row('all', f.total),
    '',
    '| fault | requests |',
    '|---|---|',
    ...Object.entries(f.faultsByKind)
      .sort((a, b) => b[1] - a[1])
      .map(([label, n]) => `| ${label} | ${n} |`),
    '',
    '| endpoint | faults injected |',
    '|---|---|',
    ...Object.entries(f.faultsByEndpoint)
      .sort((a, b) => b[1] - a[1])
      .map(([endpoint, n]) => `| ${endpoint} | ${n} |`)
  ]
  return lines.join('\n')
}

export function writeFigures(path: string, figures: ChaosFigures): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(figures, null, 2)}\n`)
}
