// The built action, started as a GitHub runner starts it (through the test harness), with what the benchmark needs
// to watch: when it was spawned, each line it prints and when, its peak memory, and when it exited.
import { readFileSync, rmSync } from 'node:fs'
import { startAction, type ActionResult, type RunActionOptions } from '../test/harness/run-action.js'

/** Wall-clock milliseconds with sub-millisecond resolution; the benchmark's fakes use it too, so times compare. */
export const preciseNow = (): number => performance.timeOrigin + performance.now()

export const preciseClock = { now: preciseNow }

export interface WatchedRun {
  spawnedAt: number
  pid: number | undefined
  /** Resolves when the process has exited, with the harness's result and what was watched. */
  done: Promise<WatchedResult>
  kill(): void
}

export interface WatchedResult {
  result: ActionResult
  exitedAt: number
  /** The process's peak resident set (VmHWM), in bytes; undefined where /proc is not available. */
  peakRssBytes: number | undefined
  /** CPU time (user and system) the process had used at its last sample, in seconds; undefined without /proc. */
  cpuSeconds: number | undefined
}

export interface WatchOptions extends RunActionOptions {
  /** Called with every complete line of stdout (without its newline) as it arrives. */
  onLine?: (line: string, at: number) => void
}

// VmHWM is the kernel's own high-water mark, so sampling it often enough only misses growth in the last interval.
const RSS_SAMPLE_MS = 20

// /proc/<pid>/stat counts CPU time in USER_HZ ticks, which Linux fixes at 100 per second for user space.
const TICKS_PER_SECOND = 100

function readCpuSeconds(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
  } catch {
    return undefined
  }
}

function readPeakRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status)
    return match ? Number(match[1]) * 1024 : undefined
  } catch {
    return undefined
  }
}

export function watchAction(o: WatchOptions): WatchedRun {
  const run = startAction(o)
  const spawnedAt = preciseNow()
  const pid = run.child.pid
  let peak: number | undefined
  let cpu: number | undefined
  const sample = (): void => {
    if (pid === undefined) return
    const value = readPeakRss(pid)
    if (value !== undefined) peak = Math.max(peak ?? 0, value)
    cpu = readCpuSeconds(pid) ?? cpu
  }
  const sampler = setInterval(sample, RSS_SAMPLE_MS)
  let exitedAt = Number.NaN
  run.child.once('exit', () => {
    exitedAt = preciseNow()
    clearInterval(sampler)
  })
  const { onLine } = o
  if (onLine) {
    let partial = ''
    run.child.stdout?.on('data', (chunk: string) => {
      const at = preciseNow()
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) onLine(line, at)
    })
  }
  return {
    spawnedAt,
    pid,
    kill: () => run.child.kill('SIGKILL'),
    done: run.result.then(result => {
      clearInterval(sampler)
      return { result, exitedAt, peakRssBytes: peak, cpuSeconds: cpu }
    })
  }
}

/** Removes what a run left on disk, its runner files and log: a whole benchmark leaves over a gigabyte of them. */
export function discardFiles(result: ActionResult): void {
  rmSync(result.dir, { recursive: true, force: true })
}
