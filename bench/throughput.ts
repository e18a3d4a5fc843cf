// Log throughput and memory: a deployment whose log is already complete, 100,000 or 1,000,000 lines of coloured
// Pulumi-like output (about 80 bytes each), streamed through the action: lines per second from its first log
// request to its exit, and the peak resident memory of the process. The whole log must reach `log-file`.
import { readFileSync } from 'node:fs'
import { discardFiles, watchAction } from './action.js'
import { benchCloud, defaultInputs, freshStack, oneStepScenario } from './fixtures.js'
import { spread, type Spread } from './stats.js'

export interface ThroughputResult {
  lines: number
  lineBytes: number
  logBytes: number
  linesPerSecond: Spread
  peakRssMb: Spread
  /** Lines per second of the action's own CPU time: its cost, apart from the fake's and the pipe's. */
  linesPerCpuSecond: Spread
  /**
   * Lines per second of the benchmark's own CPU time while the action ran: the fake Pulumi Cloud serving the pages
   * and the harness reading the action's output, on the same two cores.
   */
  linesPerBenchCpuSecond: Spread
}

interface Run {
  linesPerSecond: number
  linesPerCpuSecond: number
  linesPerBenchCpuSecond: number
  peakRssBytes: number
  logBytes: number
}

/** What `pulumi up` prints per resource, colour codes included (the action strips them for the log file). */
export function resourceLine(i: number): string {
  const id = String(i).padStart(7, '0')
  return `    \x1b[32m+ \x1b[0m aws:s3:BucketObject  site/assets/img-${id}.webp  \x1b[32mcreated\x1b[0m (${i % 10}.${i % 7}s)`
}

/** A 10 kB line (a JSON document or a base64 blob a program echoes). */
export function wideLine(i: number): string {
  const id = String(i).padStart(7, '0')
  return `    data ${id} ${'abcdefghij'.repeat(1_000).slice(0, 10_000 - 18)}`
}

async function runOnce(lines: number, line: (i: number) => string): Promise<Run> {
  const cloud = await benchCloud()
  try {
    const stack = freshStack(cloud, oneStepScenario(1, [], [{ count: lines, line }]))
    const benchCpuAtStart = process.cpuUsage()
    const run = watchAction({
      inputs: defaultInputs(cloud, stack),
      killAfterMs: 900_000,
      keepStdout: 1 << 20
    })
    const { result, exitedAt, peakRssBytes, cpuSeconds } = await run.done
    const benchCpu = process.cpuUsage(benchCpuAtStart)
    if (result.code !== 0) throw new Error(`The action failed on ${stack}:\n${result.stderr}`)
    const firstLogRead = cloud.requests.find(r => r.endpoint === 'streamLogs' && r.path.includes(stack))
    if (!firstLogRead) throw new Error(`The action never read the log of ${stack}.`)
    // As bytes: a log of a gigabyte does not fit in one string.
    const logged = readFileSync(result.outputs['log-file'] ?? '')
    discardFiles(result)
    // One line per log line, plus the step's header.
    let loggedLines = 0
    for (let at = logged.indexOf(10); at !== -1; at = logged.indexOf(10, at + 1)) loggedLines++
    if (loggedLines !== lines + 1)
      throw new Error(`The log file holds ${loggedLines} lines; the deployment logged ${lines} and a header.`)
    if (peakRssBytes === undefined || cpuSeconds === undefined)
      throw new Error('The memory and CPU time of the action could not be read from /proc.')
    return {
      linesPerSecond: lines / ((exitedAt - firstLogRead.at) / 1000),
      linesPerCpuSecond: lines / cpuSeconds,
      linesPerBenchCpuSecond: lines / ((benchCpu.user + benchCpu.system) / 1e6),
      peakRssBytes,
      logBytes: logged.length
    }
  } finally {
    await cloud.close()
  }
}

export async function measureThroughput(
  lines: number,
  runs: number,
  line: (i: number) => string = resourceLine
): Promise<ThroughputResult> {
  const results = []
  for (let i = 0; i < runs; i++) results.push(await runOnce(lines, line))
  return {
    lines,
    lineBytes: Buffer.byteLength(line(0)),
    logBytes: results[0]?.logBytes ?? 0,
    linesPerSecond: spread(results.map(r => r.linesPerSecond)),
    peakRssMb: spread(results.map(r => r.peakRssBytes / 2 ** 20)),
    linesPerCpuSecond: spread(results.map(r => r.linesPerCpuSecond)),
    linesPerBenchCpuSecond: spread(results.map(r => r.linesPerBenchCpuSecond))
  }
}
