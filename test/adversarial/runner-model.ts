// How a GitHub runner reads the action's stdout, after actions/runner (ActionCommandManager, ActionCommand): lines
// split at \r, \n or \r\n; a line whose text after leading white space (.NET TrimStart, U+0085 included) starts with
// `::` is a command; otherwise `##[name ...]` anywhere in it is a legacy command; `::stop-commands::<token>` stops
// processing until a line `::<token>::`. Then the log as a person sees it: every `::add-mask::` value replaced by
// `***` in every later line, and colour codes rendered away (which is how a secret split by them shows up whole).
import stripAnsi from 'strip-ansi'

export interface RunnerCommand {
  name: string
  properties: string
  data: string
  legacy: boolean
  line: number
}

export interface RunnerView {
  /** Every command the runner acted on, in order. */
  commands: RunnerCommand[]
  /** The log as shown: masked, colour codes rendered, annotations and group titles as text. */
  rendered: string[]
  /** Lines the log viewer would draw as its own marks (a `##[group]` line, say), not as text. */
  drawn: string[]
}

const LEADING_BLANKS = /^[\s\u0085]+/

function unescape(text: string): string {
  return text
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%25/g, '%')
}

function parseV2(line: string, index: number): RunnerCommand | undefined {
  const text = line.replace(LEADING_BLANKS, '')
  if (!text.startsWith('::')) return undefined
  const end = text.indexOf('::', 2)
  if (end < 0) return undefined
  const info = text.slice(2, end)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (name === '') return undefined
  return {
    name,
    properties: space < 0 ? '' : info.slice(space + 1),
    data: text.slice(end + 2),
    legacy: false,
    line: index
  }
}

function parseLegacy(line: string, index: number): RunnerCommand | undefined {
  const at = line.indexOf('##[')
  if (at < 0) return undefined
  const close = line.indexOf(']', at)
  if (close < 0) return undefined
  const info = line.slice(at + 3, close)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (name === '') return undefined
  return {
    name,
    properties: space < 0 ? '' : info.slice(space + 1),
    data: line.slice(close + 1),
    legacy: true,
    line: index
  }
}

export function readStdout(stdout: string): RunnerView {
  const lines = stdout.split(/\r\n|\r|\n/)
  const commands: RunnerCommand[] = []
  const shown: string[] = []
  const masks: string[] = []
  let stopToken: string | undefined
  lines.forEach((line, index) => {
    const command = parseV2(line, index) ?? parseLegacy(line, index)
    if (stopToken !== undefined) {
      if (command && !command.legacy && command.name.toLowerCase() === stopToken.toLowerCase())
        stopToken = undefined
      else shown.push(line)
      return
    }
    if (!command) {
      shown.push(line)
      return
    }
    commands.push(command)
    const data = unescape(command.data)
    if (command.name === 'add-mask') masks.push(data)
    else if (command.name === 'stop-commands') stopToken = command.data
    else if (['warning', 'error', 'notice', 'debug'].includes(command.name))
      shown.push(`${command.name} ${unescape(command.properties)}: ${data}`)
    else if (command.name === 'group') shown.push(data)
  })
  const ordered = masks.filter(m => m !== '').sort((a, b) => b.length - a.length)
  const mask = (text: string): string => ordered.reduce((t, m) => t.split(m).join('***'), text)
  const rendered = shown.flatMap(line => stripAnsi(mask(line)).split(/\r\n|\r|\n/))
  const drawn = rendered.filter(line => line.replace(LEADING_BLANKS, '').startsWith('##['))
  return { commands, rendered, drawn }
}

// What the action itself may say to the runner.
const ALLOWED = new Set([
  'add-mask',
  'group',
  'endgroup',
  'stop-commands',
  'warning',
  'error',
  'notice',
  'debug'
])

/**
 * Commands that remote text carrying `canary` made the runner run: must be none. Every hostile payload puts the
 * canary right after a command (`::warning::PWNED`, `##[set-output name=x]PWNED`), and the action never starts a
 * command's data or title with remote text, so a command whose data or title starts with it was forged; so is any
 * legacy command and any command the action never gives.
 */
export function injections(view: RunnerView, canary: string): RunnerCommand[] {
  return view.commands.filter(c => {
    const data = unescape(c.data).replace(LEADING_BLANKS, '')
    const title = /(?:^|,)title=([^,]*)/.exec(c.properties)?.[1] ?? ''
    return c.legacy || !ALLOWED.has(c.name) || data.startsWith(canary) || unescape(title).startsWith(canary)
  })
}

/** Lines of the rendered log (after the runner's masking) that show one of `secrets`. */
export function renderedLeaks(view: RunnerView, secrets: readonly string[]): string[] {
  const kept = secrets.filter(s => s.length >= 4)
  return view.rendered.filter(line => kept.some(secret => line.includes(secret)))
}
