// The deployment log is remote text printed where the GitHub runner acts on `::command::` lines. These tests read
// the printed log the way the runner does and check that the only commands it would act on are the folds the
// renderer opens and closes through @actions/core.
import type { LogEntry } from '../src/pulumi/types.js'
import { jest } from '@jest/globals'
import { githubRunner } from '../src/github/runner.js'
import { LogRenderer } from '../src/deployment/log-renderer.js'

const header = (name: string): LogEntry => ({ header: name, timestamp: '0001-01-01T00:00:00Z' })
const line = (text: string): LogEntry => ({ line: text, timestamp: '2024-05-01T10:00:00.000Z' })

/**
 * The commands a runner would act on: lines whose text after leading blanks starts with `::`, and any `##[` (the
 * legacy form, read anywhere in a line). Splits on `\r` too, as the runner does.
 */
function commandsActedOn(log: string): string[] {
  const acted: string[] = []
  for (const raw of log.split(/\r\n|\r|\n/)) {
    const text = raw.trim()
    if (text.startsWith('::')) acted.push(text)
    else if (text.includes('##[')) acted.push(text)
  }
  return acted
}

// Printed through the real runner seam (@actions/core writing to stdout), as the action prints it.
function printedBy(entries: LogEntry[][]): { log: string; renderer: LogRenderer } {
  let log = ''
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    log += String(chunk)
    return true
  })
  try {
    const renderer = new LogRenderer({
      sink: {
        write: lines => githubRunner.write(lines),
        startGroup: title => githubRunner.startGroup(title),
        endGroup: () => githubRunner.endGroup()
      },
      redact: s => s,
      operation: 'update'
    })
    for (const batch of entries) renderer.push(batch)
    renderer.close()
    return { log, renderer }
  } finally {
    stdout.mockRestore()
  }
}

const INJECTIONS = [
  '::add-mask::x\n',
  '::error::fake failure\n',
  '::endgroup::\n',
  '::group::fake group\n',
  '::set-output name=has-changes::false\n',
  '::stop-commands::other\n',
  '##[group]a legacy fold\n',
  'text then ##[error]a legacy error\n',
  '  ::warning file=a.ts::indented\n',
  'progress\r::error::after a carriage return\n',
  'first\n::notice::inside a multi-line entry\n',
  '\u0085::debug::after a next-line blank\n'
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
    // One fold per header, each title on its own command line: nothing in a title starts another command.
    expect(acted.map(a => a.split('::')[1])).toEqual(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? 'endgroup' : 'group'))
    )
    expect(acted.filter(a => a === '::endgroup::')).toHaveLength(5)
    expect(acted[6]).toBe('::group::%250A::error::decoded')
    // Reports get the header as a person should read it: one line, no colour codes, nothing mangled.
    expect(renderer.steps().map(s => s.name)).toEqual([
      'x ::set-env name=A::B',
      'y ::add-mask::z',
      '::endgroup::',
      '%0A::error::decoded',
      'red'
    ])
  })

  it('leave the printed text readable: a command at a line start is split, nothing else changes', () => {
    const { log } = printedBy([[line('::add-mask::x\n'), line('a::b ## [c]\n')]])
    expect(log).toBe(': :add-mask::x\na::b ## [c]\n')
  })
})
