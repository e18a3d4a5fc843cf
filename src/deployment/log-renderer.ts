// Prints a remote deployment's log into the workflow log and keeps just enough of it for the reports.
//
// Each step of the log becomes a fold of the workflow log, opened and closed through the runner (@actions/core's
// groups). The lines are remote text printed where the runner reads commands: the runner seam makes every one
// inert (github/runner.ts), as it does all remote text, so the renderer only redacts. A log may have a million
// lines, or lines of megabytes: it is rendered and written in slices of at most SLICE_CHARS, and only a bounded
// head and tail of each step are kept (step-buffer.ts), so memory does not grow with the log.
import stripAnsi from 'strip-ansi'
import { isResourcesHeading, ResourcesSummaryParser, type ChangeSummary } from './changes.js'
import { oneLine } from './plain-text.js'
import { StepBuffer, type StepCapture } from './step-buffer.js'
import type { LogEntry, PulumiOperation } from '../pulumi/types.js'

export type { StepCapture } from './step-buffer.js'

/** Where the log is shown: the workflow log, through the runner seam. */
export interface LogSink {
  /** Lines of the log, redacted; the sink makes them inert for the runner. */
  write(lines: string): void
  startGroup(title: string): void
  endGroup(): void
}

export interface LogRendererOptions {
  sink: LogSink
  /** Receives the whole log: colour codes removed, progress bars collapsed, redacted, headers as `=== step ===`. */
  logFile?: { write(chunk: string): void }
  redact: (s: string) => string
  /** The operation run, to recognise its step among the others. */
  operation: PulumiOperation
  /** Lines kept from the start and from the end of each step for the reports. */
  headLines?: number
  tailLines?: number
}

export const DEFAULT_HEAD_LINES = 200
export const DEFAULT_TAIL_LINES = 400
// A misbehaving server could send endless headers; past this many steps the oldest captures are emptied.
const MAX_KEPT_STEPS = 100
const MAX_STEP_NAME = 200
// Text rendered at once. Every copy the rendering makes (joined, collapsed, redacted, stripped) is this size at
// most: strings this small die young in V8, where a page-sized one lands in the large-object space and lives until
// a full collection, which is how lines of 10 kB once took the action past 400 MB.
const SLICE_CHARS = 64 * 1024

// Aliases the step of each operation has had: `pulumi up` runs an update; drift runs are refreshes underneath.
const OPERATION_COMMANDS: Record<PulumiOperation, string[]> = {
  update: ['up', 'update'],
  preview: ['preview'],
  refresh: ['refresh'],
  destroy: ['destroy', 'down'],
  'detect-drift': ['detect-drift', 'refresh', 'preview'],
  'remediate-drift': ['remediate-drift', 'up', 'update']
}

export class LogRenderer {
  private readonly options: LogRendererOptions
  private readonly headLines: number
  private readonly tailLines: number
  private readonly captured: StepBuffer[] = []
  private readonly parser = new ResourcesSummaryParser()
  private current: StepBuffer | undefined
  private groupOpen = false
  private resourcesStep: StepBuffer | undefined
  private total = 0

  constructor(options: LogRendererOptions) {
    this.options = options
    this.headLines = Math.max(0, options.headLines ?? DEFAULT_HEAD_LINES)
    this.tailLines = Math.max(0, options.tailLines ?? DEFAULT_TAIL_LINES)
  }

  get lineCount(): number {
    return this.total
  }

  push(entries: readonly LogEntry[]): void {
    let filed = ''
    let pending: string[] = []
    let pendingChars = 0
    const flush = (): void => {
      if (pending.length === 0) return
      const text = this.renderLines(pending)
      this.options.sink.write(text.printed)
      filed += text.filed
      pending = []
      pendingChars = 0
      if (filed.length < SLICE_CHARS) return
      this.options.logFile?.write(filed)
      filed = ''
    }
    for (const entry of entries) {
      // As Pulumi's CLI tests it: only a non-empty header starts a step; an empty one is no header at all.
      if (typeof entry.header === 'string' && entry.header !== '') {
        flush()
        filed += this.startStep(entry.header)
      } else if (typeof entry.line === 'string') {
        pending.push(entry.line.endsWith('\n') ? entry.line : `${entry.line}\n`)
        pendingChars += entry.line.length
        if (pendingChars >= SLICE_CHARS) flush()
      }
    }
    flush()
    if (filed) this.options.logFile?.write(filed)
  }

  /** Ends the open group; safe to call more than once. */
  close(): void {
    if (!this.groupOpen) return
    this.groupOpen = false
    this.options.sink.endGroup()
  }

  steps(): StepCapture[] {
    return this.captured.map(step => step.capture())
  }

  /**
   * The Pulumi operation's own step: the last whose header names the operation (`pulumi preview`, `pulumi up`,
   * or the older `Pulumi operation`), else the step that printed a `Resources:` summary.
   */
  operationOutput(): StepCapture | undefined {
    const commands = OPERATION_COMMANDS[this.options.operation] ?? [this.options.operation]
    const named = lastOf(this.captured, step => namesOperation(step.name, commands))
    return (named ?? this.resourcesStep)?.capture()
  }

  /** The last `n` lines kept of the step called `stepName` (its last, if several share the name). */
  lastLines(stepName: string, n: number): string[] {
    const wanted = stepName.trim().toLowerCase()
    const step =
      lastOf(this.captured, s => s.name === stepName) ??
      lastOf(this.captured, s => s.name.toLowerCase() === wanted)
    return step ? step.lastLines(n) : []
  }

  changes(): ChangeSummary | undefined {
    return this.parser.result()
  }

  /** Opens the step's fold; returns its header for the log file. */
  private startStep(header: string): string {
    const name = this.options.redact(cleanStepName(header))
    this.current = this.addStep(name)
    const shown = name || '(unnamed step)'
    this.close()
    this.options.sink.startGroup(shown)
    this.groupOpen = true
    return `=== ${shown} ===\n`
  }

  private addStep(name: string): StepBuffer {
    const step = new StepBuffer(name, this.headLines, this.tailLines)
    this.captured.push(step)
    const stale = this.captured.length - MAX_KEPT_STEPS - 1
    if (stale >= 0) this.captured[stale]?.forget()
    return step
  }

  private renderLines(lines: string[]): { printed: string; filed: string } {
    const raw = lines.join('')
    const collapsed = raw.includes('\r') ? collapseCarriageReturns(raw) : raw
    const redacted = this.options.redact(collapsed)
    const printed = endWithNewline(redacted)
    // The plain copy is stripped before redaction: colour codes inside a secret would otherwise hide it.
    const filed = collapsed.includes('\x1b')
      ? endWithNewline(this.options.redact(stripAnsi(collapsed)))
      : printed
    this.capture(filed)
    return { printed, filed }
  }

  private capture(text: string): void {
    this.current ??= this.addStep('')
    const step = this.current
    const lines = text.split('\n')
    lines.pop()
    this.total += lines.length
    step.add(lines)
    if (this.parser.collecting || text.includes('Resources:')) {
      for (const line of lines) {
        if (isResourcesHeading(line)) this.resourcesStep = step
        this.parser.feed(line)
      }
    }
  }
}

/** What a terminal would finally show: for each line, the text after its last carriage return. */
export function collapseCarriageReturns(text: string): string {
  // Line by line from one `\r` to the next: a regex over the whole text backtracks on every line without one.
  let out = ''
  let done = 0
  let cr = text.indexOf('\r')
  while (cr !== -1) {
    const start = text.lastIndexOf('\n', cr) + 1
    const newline = text.indexOf('\n', cr)
    const end = newline === -1 ? text.length : newline
    out += text.slice(done, start) + lastOverwrite(text.slice(start, end))
    done = end
    cr = newline === -1 ? -1 : text.indexOf('\r', newline)
  }
  return done === 0 ? text : out + text.slice(done)
}

function lastOverwrite(line: string): string {
  let end = line.length
  // A `\r` just before the line break (CRLF, or a bar that returned after drawing) overwrites nothing.
  while (end > 0 && line.charCodeAt(end - 1) === 13) end--
  const shown = line.slice(0, end)
  return shown.slice(shown.lastIndexOf('\r') + 1)
}

function endWithNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`
}

/** A header as a person should read it: one line, no colour codes, not absurdly long. */
function cleanStepName(header: string): string {
  const flat = oneLine(header).replace(/\s+/g, ' ').trim()
  return flat.length > MAX_STEP_NAME ? `${flat.slice(0, MAX_STEP_NAME)}…` : flat
}

function namesOperation(name: string, commands: string[]): boolean {
  const lower = name.toLowerCase()
  if (lower === 'pulumi operation') return true
  return commands.some(command => lower === `pulumi ${command}` || lower.startsWith(`pulumi ${command} `))
}

function lastOf<T>(items: readonly T[], matches: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]
    if (item !== undefined && matches(item)) return item
  }
  return undefined
}
