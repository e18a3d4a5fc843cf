// The workflow log of many stacks: one stack at a time has it, the first in the listed order whose log is not yet
// all printed, and streams live; the others' output (lines, folds opened and closed, notes) waits in their spools
// and is printed in one piece when their turn comes. So each stack's steps stay in their own groups, titled with the stack, never
// interleaved, and every line is printed exactly once. Each stack's plain log also goes to its own file.
import { createWriteStream, type WriteStream } from 'node:fs'
import { join } from 'node:path'
import type { PulumiOperation } from '../pulumi/types.js'
import { LogRenderer, type LogSink } from './log-renderer.js'
import { DEFAULT_SPOOL_BYTES, Spool } from './spool.js'

export interface LogDeskOptions {
  /** The workflow log, through the runner seam; `info` for the action's own lines about a stack. */
  sink: LogSink & { info(line: string): void }
  redact: (s: string) => string
  operation: PulumiOperation
  /** Where the log files and spills go (RUNNER_TEMP). */
  dir: string
  spoolBytes?: number
}

/** One thing a stack printed: lines, a fold opened or closed, or a note of the action's own. */
interface DeskEvent {
  w?: string
  g?: string
  e?: 1
  n?: string
}

interface StackLog {
  name: string
  renderer?: LogRenderer
  spool?: Spool
  file?: WriteStream
  filePath?: string
  ended: boolean
}

export class LogDesk {
  private readonly logs: StackLog[]
  private front = 0

  /** `names`: every stack, in the listed order, which is the order their logs are printed in. */
  constructor(
    names: readonly string[],
    private readonly o: LogDeskOptions
  ) {
    this.logs = names.map(name => ({ name, ended: false }))
  }

  /** Starts a stack's log once its deployment exists. */
  open(name: string, deploymentId: string): LogRenderer {
    const log = this.find(name)
    const safeId = deploymentId.replace(/[^A-Za-z0-9_.-]/g, '_')
    log.filePath = join(this.o.dir, `pulumi-deployment-${safeId}.log`)
    log.file = createWriteStream(log.filePath, { encoding: 'utf8' })
    log.spool ??= new Spool(
      join(this.o.dir, `pulumi-deployment-${safeId}.spool`),
      this.o.spoolBytes ?? DEFAULT_SPOOL_BYTES
    )
    log.renderer = new LogRenderer({
      sink: {
        write: lines => this.emit(log, { w: lines }),
        startGroup: title => this.emit(log, { g: `${name} · ${title}` }),
        endGroup: () => this.emit(log, { e: 1 })
      },
      logFile: log.file,
      redact: this.o.redact,
      operation: this.o.operation
    })
    return log.renderer
  }

  isFront(name: string): boolean {
    return this.logs[this.front]?.name === name
  }

  /** A line of the action's own about a stack (its status), printed with that stack's log. */
  note(name: string, line: string): void {
    this.emit(this.find(name), { n: line })
  }

  /** The stack's log is over: its last group is closed and `line` said after it; the next stack may print. */
  end(name: string, line?: string): void {
    const log = this.find(name)
    if (log.ended) return
    log.renderer?.close()
    if (line) this.emit(log, { n: line })
    log.ended = true
    this.advance()
  }

  /** Ends every log still open, in order, so nothing kept is left unprinted; closes the files. */
  async finish(): Promise<void> {
    for (const log of this.logs) this.end(log.name)
    await Promise.all(this.logs.map(log => closeFile(log.file)))
  }

  /** Each stack's log file, for those that had one. */
  files(): Map<string, string> {
    const files = new Map<string, string>()
    for (const log of this.logs) if (log.filePath) files.set(log.name, log.filePath)
    return files
  }

  // A waiting stack's output is kept as one JSON object a line, so it plays back exactly as it would have printed.
  private emit(log: StackLog, event: DeskEvent): void {
    if (this.logs[this.front] === log) {
      this.play(event)
      return
    }
    log.spool ??= new Spool(join(this.o.dir, `pulumi-stack-${this.logs.indexOf(log)}.spool`))
    log.spool.write(`${JSON.stringify(event)}\n`)
  }

  private play(event: DeskEvent): void {
    const { sink } = this.o
    if (event.w !== undefined) sink.write(event.w)
    else if (event.g !== undefined) sink.startGroup(event.g)
    else if (event.e !== undefined) sink.endGroup()
    else if (event.n !== undefined) sink.info(event.n)
  }

  private advance(): void {
    while (this.logs[this.front]?.ended) {
      this.front++
      const next = this.logs[this.front]
      next?.spool?.drainTo(chunk => {
        for (const line of chunk.split('\n')) if (line !== '') this.play(JSON.parse(line) as DeskEvent)
      })
    }
  }

  private find(name: string): StackLog {
    const log = this.logs.find(l => l.name === name)
    if (!log) throw new Error(`No log is kept for ${name}.`)
    return log
  }
}

function closeFile(stream: WriteStream | undefined): Promise<void> {
  if (!stream) return Promise.resolve()
  return new Promise((resolve, reject) => {
    stream.once('error', reject)
    stream.end(() => resolve())
  })
}
