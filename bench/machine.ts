// The machine the figures were taken on: they mean little without it.
import { readFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'

export interface Machine {
  cpus: number
  cpuModel: string
  memoryGb: number
  node: string
  platform: string
  /** 1-minute load average when the benchmark started and ended: other work on the machine skews the figures. */
  load: { start: number; end?: number }
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))
    if (match?.[1]) return match[1].trim()
  } catch {
    // Not Linux: os.cpus() says it less exactly.
  }
  return cpus()[0]?.model ?? 'unknown'
}

export function describeMachine(): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpuModel(),
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    load: { start: loadavg()[0] ?? 0 }
  }
}
