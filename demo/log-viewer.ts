// Shows a step's raw output the way the GitHub Actions log page does: workflow commands are interpreted, not
// printed. Groups become headers with their lines indented under them, annotations become `Error:`/`Warning:`/
// `Notice:` lines, masked values become `***`, and the `::stop-commands::` fences and `::add-mask::` lines vanish.
import stripAnsi from 'strip-ansi'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  message: string
  title?: string
}

export interface LogViewerOptions {
  write: (text: string) => void
  /** Keep the log's own colour codes and colour the headers and annotations; off for files and pipes. */
  color?: boolean
  /** Show `::debug::` lines, as the runner does when ACTIONS_STEP_DEBUG is set. */
  debug?: boolean
}

const LABELS: Record<AnnotationLevel | 'debug', string> = {
  error: 'Error',
  warning: 'Warning',
  notice: 'Notice',
  debug: 'Debug'
}
const COLOURS: Record<AnnotationLevel | 'debug' | 'group', string> = {
  error: '31',
  warning: '33',
  notice: '36',
  debug: '35',
  group: '1'
}
const INDENT = '    '
const MASK = '***'
// Commands the runner acts on without printing anything.
const SILENT = new Set(['add-mask', 'set-output', 'save-state', 'add-path', 'set-env', 'echo', 'add-matcher'])

export class LogViewer {
  private readonly options: LogViewerOptions
  private readonly masks: string[] = []
  private readonly found: Annotation[] = []
  private partial = ''
  private inGroup = false
  private stopToken: string | undefined

  constructor(options: LogViewerOptions) {
    this.options = options
  }

  /** Annotations in the order they were printed, as the run page lists them. */
  get annotations(): readonly Annotation[] {
    return this.found
  }

  /** Takes output in chunks of any size; only whole lines are shown, the rest waits for the next chunk. */
  push(chunk: string): void {
    const text = this.partial + chunk
    const lines = text.split('\n')
    this.partial = lines.pop() ?? ''
    let shown = ''
    for (const line of lines) shown += this.view(line.replace(/\r$/, ''))
    if (shown) this.options.write(shown)
  }

  /** Shows a last line that had no line break. */
  end(): void {
    if (this.partial === '') return
    const last = this.partial
    this.partial = ''
    const shown = this.view(last)
    if (shown) this.options.write(shown)
  }

  private view(line: string): string {
    // The runner reads a command after any leading whitespace.
    const text = line.trim()
    if (this.stopToken !== undefined) {
      if (text === `::${this.stopToken}::`) {
        this.stopToken = undefined
        return ''
      }
      return this.plain(line)
    }
    const command = parseCommand(text)
    if (!command) return this.plain(line)
    const { name, properties, data } = command
    if (name === 'add-mask') {
      if (data.trim() !== '') this.addMask(data)
      return ''
    }
    if (name === 'stop-commands') {
      // Without a token the runner keeps interpreting commands, so the line is just dropped.
      if (data !== '') this.stopToken = data
      return ''
    }
    if (name === 'group') {
      const header = `${this.paint('group', `▾ ${this.mask(data)}`)}\n`
      this.inGroup = true
      return header
    }
    if (name === 'endgroup') {
      this.inGroup = false
      return ''
    }
    if (name === 'error' || name === 'warning' || name === 'notice') {
      const annotation: Annotation = { level: name, message: this.mask(data) }
      if (properties.title !== undefined) annotation.title = this.mask(properties.title)
      this.found.push(annotation)
      return this.labelled(name, annotation.message)
    }
    if (name === 'debug') return this.options.debug ? this.labelled('debug', this.mask(data)) : ''
    if (SILENT.has(name)) return ''
    return this.plain(line)
  }

  private labelled(kind: AnnotationLevel | 'debug', message: string): string {
    const [first = '', ...rest] = message.split('\n')
    const label = this.paint(kind, `${LABELS[kind]}:`)
    return [`${label} ${this.shade(first)}`, ...rest.map(l => this.shade(l))]
      .map(l => this.indent(l))
      .join('')
  }

  private plain(line: string): string {
    return this.indent(this.shade(this.mask(line)))
  }

  private indent(line: string): string {
    return `${this.inGroup ? INDENT : ''}${line}\n`
  }

  private shade(text: string): string {
    return this.options.color ? text : stripAnsi(text)
  }

  private paint(kind: keyof typeof COLOURS, text: string): string {
    return this.options.color ? `\x1b[${COLOURS[kind]}m${text}\x1b[0m` : text
  }

  private addMask(value: string): void {
    // The runner also masks each line of a multi-line secret on its own.
    for (const part of [value, ...value.split(/\r?\n/)]) {
      if (part.trim() !== '' && !this.masks.includes(part)) this.masks.push(part)
    }
    // Longest first, so a secret that contains a shorter one is hidden whole.
    this.masks.sort((a, b) => b.length - a.length)
  }

  private mask(text: string): string {
    let out = text
    for (const secret of this.masks) if (out.includes(secret)) out = out.split(secret).join(MASK)
    return out
  }
}

interface Command {
  name: string
  properties: Record<string, string>
  data: string
}

/** `::name key=value,key=value::data`, as the runner reads it; undefined for a line that is not a command. */
export function parseCommand(line: string): Command | undefined {
  if (!line.startsWith('::')) return undefined
  const end = line.indexOf('::', 2)
  if (end < 0) return undefined
  const head = line.slice(2, end)
  const space = head.indexOf(' ')
  const name = (space < 0 ? head : head.slice(0, space)).trim()
  if (name === '') return undefined
  const properties: Record<string, string> = {}
  if (space >= 0) {
    for (const pair of head.slice(space + 1).split(',')) {
      const eq = pair.indexOf('=')
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1))
    }
  }
  return { name, properties, data: unescapeData(line.slice(end + 2)) }
}

function unescapeData(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
}

function unescapeProperty(text: string): string {
  return text
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%25/g, '%')
}

/** `Run owner/repo@ref` and its `with:` and `env:` blocks, as the runner prints them before a step's output. */
export function stepHeader(
  uses: string,
  inputs: Record<string, string>,
  secrets: readonly string[],
  env: Record<string, string> = {}
): string {
  const lines = [`Run ${uses}`]
  for (const [block, values] of [
    ['with', inputs],
    ['env', env]
  ] as const) {
    const shown = Object.entries(values).filter(([, value]) => value !== '')
    if (shown.length > 0) lines.push(`  ${block}:`)
    for (const [name, value] of shown) {
      const [first = '', ...rest] = (secrets.includes(value) ? MASK : value).split('\n')
      lines.push(`    ${name}: ${first}`, ...rest.map(l => `    ${' '.repeat(name.length + 2)}${l}`))
    }
  }
  return `${lines.join('\n')}\n`
}
