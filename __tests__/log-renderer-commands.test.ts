// The deployment log is remote text printed where the GitHub runner acts on `::command::` lines. These tests read
// the printed log the way the runner does and check that the only commands it would act on are the renderer's.
import type { LogEntry } from '../src/pulumi/types.js'
import { LogRenderer } from '../src/deployment/log-renderer.js'

const header = (name: string): LogEntry => ({ header: name, timestamp: '0001-01-01T00:00:00Z' })
const line = (text: string): LogEntry => ({ line: text, timestamp: '2024-05-01T10:00:00.000Z' })

/**
 * The commands a runner would act on: lines starting with `::` (after leading whitespace), outside a
 * `::stop-commands::<token>` … `::<token>::` fence. Splits on `\r` too, as a line reader may.
 */
function commandsActedOn(log: string): string[] {
  const acted: string[] = []
  let stoppedBy: string | undefined
  for (const raw of log.split(/\r\n|\r|\n/)) {
    const text = raw.trim()
    if (stoppedBy !== undefined) {
      if (text === `::${stoppedBy}::`) stoppedBy = undefined
      continue
    }
    if (!text.startsWith('::')) continue
    const stop = /^::stop-commands::(.+)$/.exec(text)
    if (stop) stoppedBy = stop[1]
    else acted.push(text)
  }
  return acted
}

function printedBy(entries: LogEntry[][], token?: string): { log: string; renderer: LogRenderer } {
  let log = ''
  const renderer = new LogRenderer({
    write: chunk => (log += chunk),
    redact: s => s,
    operation: 'update',
    stopCommandsToken: token
  })
  for (const batch of entries) renderer.push(batch)
  renderer.close()
  return { log, renderer }
}

const INJECTIONS = [
  '::add-mask::x\n',
  '::error::fake failure\n',
  '::endgroup::\n',
  '::group::fake group\n',
  '::set-output name=has-changes::false\n',
  '::stop-commands::other\n',
  '  ::warning file=a.ts::indented\n',
  'progress\r::error::after a carriage return\n',
  'first\n::notice::inside a multi-line entry\n',
  '::T0KEN::\n'
]

describe('workflow commands in the deployment log', () => {
  it('are never acted on, whatever a line holds', () => {
    const { log } = printedBy([[header('pulumi up'), ...INJECTIONS.map(line)]])
    expect(commandsActedOn(log)).toEqual(['::group::pulumi up', '::endgroup::'])
  })

  it('stay inert in lines before the first header and across many pushes', () => {
    const batches = [INJECTIONS.map(line), [header('Step')], INJECTIONS.map(line), INJECTIONS.map(line)]
    const { log } = printedBy(batches)
    expect(commandsActedOn(log)).toEqual(['::group::Step', '::endgroup::'])
  })

  it('cannot be smuggled in through a step header', () => {
    const { log, renderer } = printedBy([
      [header('x\n::set-env name=A::B'), line('a\n')],
      [
        header('y\r::add-mask::z'),
        header('::endgroup::'),
        header('%0A::error::decoded'),
        header('\x1b[31mred\x1b[0m')
      ]
    ])
    const acted = commandsActedOn(log)
    expect(acted).toEqual([
      '::group::x : :set-env name=A: :B',
      '::endgroup::',
      '::group::y : :add-mask: :z',
      '::endgroup::',
      '::group::: :endgroup: :',
      '::endgroup::',
      '::group::%250A: :error: :decoded',
      '::endgroup::',
      '::group::red',
      '::endgroup::'
    ])
    // Reports get the header as a person should read it: one line, no colour codes, nothing mangled.
    expect(renderer.steps().map(s => s.name)).toEqual([
      'x ::set-env name=A::B',
      'y ::add-mask::z',
      '::endgroup::',
      '%0A::error::decoded',
      'red'
    ])
  })

  it('are fenced with a fresh token per renderer that the server cannot guess', () => {
    const tokens = [printedBy([[line('x\n')]]).log, printedBy([[line('x\n')]]).log].map(
      log => /^::stop-commands::(.+)$/m.exec(log)?.[1]
    )
    expect(tokens[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(tokens[1]).toMatch(/^[0-9a-f-]{36}$/)
    expect(tokens[0]).not.toBe(tokens[1])
  })

  it('leave the printed text readable: only the fences are added', () => {
    const { log } = printedBy([[line('::add-mask::x\n')]], 'T0KEN')
    expect(log).toBe('::stop-commands::T0KEN\n::add-mask::x\n::T0KEN::\n')
  })
})
