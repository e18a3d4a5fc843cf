import type { LogEntry } from '../src/pulumi/types.js'
import {
  collapseCarriageReturns,
  LogRenderer,
  type LogRendererOptions
} from '../src/deployment/log-renderer.js'

const HEADER_TIME = '0001-01-01T00:00:00Z'
const header = (name: string): LogEntry => ({ header: name, timestamp: HEADER_TIME })
const line = (text: string): LogEntry => ({ line: text, timestamp: '2024-05-01T10:00:00.000Z' })
const lines = (texts: string[]): LogEntry[] => texts.map(text => line(`${text}\n`))

interface Rendered {
  renderer: LogRenderer
  writes: string[]
  file: string[]
  printed: () => string
}

function render(options: Partial<LogRendererOptions> = {}): Rendered {
  const writes: string[] = []
  const file: string[] = []
  const renderer = new LogRenderer({
    // The folds as @actions/core prints them; the lines as they come (the runner seam makes them inert).
    sink: {
      write: lines => writes.push(lines),
      startGroup: title => writes.push(`::group::${title}\n`),
      endGroup: () => writes.push('::endgroup::\n')
    },
    logFile: { write: chunk => file.push(chunk) },
    redact: s => s,
    operation: 'preview',
    ...options
  })
  return { renderer, writes, file, printed: () => writes.join('') }
}

function visibleLines(log: string): string[] {
  return log.split('\n')
}

describe('LogRenderer printing', () => {
  it('folds each step into a group and prints the lines between two headers with a single write', () => {
    const { renderer, writes, printed } = render()
    renderer.push([
      header('Get source'),
      ...lines(['cloning', 'done']),
      header('pulumi preview'),
      line('Previewing\n')
    ])
    expect(writes).toHaveLength(5)
    renderer.push(lines(['more', 'and more']))
    expect(writes).toHaveLength(6)
    renderer.close()
    expect(printed()).toBe(
      [
        '::group::Get source',
        'cloning',
        'done',
        '::endgroup::',
        '::group::pulumi preview',
        'Previewing',
        'more',
        'and more',
        '::endgroup::',
        ''
      ].join('\n')
    )
  })

  it('opens a step only for a non-empty header, as the CLI does: an empty one is no header', () => {
    const { renderer, printed } = render()
    renderer.push([header('Step'), line('a\n'), header(''), line('b\n')])
    expect(visibleLines(printed())).toEqual(['::group::Step', 'a', 'b', ''])
    expect(renderer.steps().map(s => s.name)).toEqual(['Step'])
  })

  it('prints lines that come before any header outside a group', () => {
    const { renderer, printed } = render()
    renderer.push([line('early\n'), header('Step')])
    renderer.close()
    expect(printed()).toBe('early\n::group::Step\n::endgroup::\n')
  })

  it('ends the open group once however often it is closed, and writes nothing for an empty push', () => {
    const { renderer, writes } = render()
    renderer.close()
    expect(writes).toEqual([])
    renderer.push([header('Step')])
    renderer.push([])
    renderer.close()
    renderer.close()
    expect(writes).toEqual(['::group::Step\n', '::endgroup::\n'])
  })

  it('adds the missing line break to a last line, and never adds a second one', () => {
    const { renderer, printed } = render()
    renderer.push([line('no newline'), line('has newline\n'), line('')])
    expect(visibleLines(printed())).toEqual(['no newline', 'has newline', '', ''])
  })

  it('keeps colours in the workflow log, where GitHub shows them', () => {
    const { renderer, printed } = render()
    renderer.push([line('\x1b[32m+ created\x1b[0m\n')])
    expect(printed()).toContain('\x1b[32m+ created\x1b[0m\n')
  })

  it('redacts every batch it prints', () => {
    const { renderer, printed } = render({ redact: s => s.replaceAll('hunter2', '***') })
    renderer.push([header('Step hunter2'), line('password=hunter2\n')])
    expect(printed()).toContain('::group::Step ***\n')
    expect(printed()).toContain('password=***\n')
    expect(printed()).not.toContain('hunter2')
    expect(renderer.steps()[0]?.name).toBe('Step ***')
  })
})

describe('collapseCarriageReturns', () => {
  it('keeps what a terminal would finally show of a progress bar', () => {
    expect(collapseCarriageReturns('10%\r50%\r100%\n')).toBe('100%\n')
    expect(collapseCarriageReturns('downloading\r\n')).toBe('downloading\n')
    expect(collapseCarriageReturns('a\rb\r\r\n')).toBe('b\n')
    expect(collapseCarriageReturns('plain\nbar 1\rbar 2\nplain again\n')).toBe('plain\nbar 2\nplain again\n')
    expect(collapseCarriageReturns('no line break\rat the end')).toBe('at the end')
    expect(collapseCarriageReturns('untouched\n')).toBe('untouched\n')
  })

  it('is applied to printed lines, the log file and the captured lines alike', () => {
    const { renderer, printed, file } = render()
    renderer.push([header('pulumi preview'), line('  0%\r 50%\r100%\n')])
    expect(visibleLines(printed())).toContain('100%')
    expect(file.join('')).toContain('\n100%\n')
    expect(renderer.steps()[0]?.head).toEqual(['100%'])
  })
})

describe('LogRenderer log file', () => {
  it('receives the whole log as plain text, with step headers as visible lines', () => {
    const { renderer, file } = render()
    renderer.push([
      line('first\n'),
      header('Get source'),
      line('\x1b[1mbold\x1b[0m\n'),
      header('pulumi preview')
    ])
    renderer.push([line('last\n')])
    expect(file.join('')).toBe('first\n=== Get source ===\nbold\n=== pulumi preview ===\nlast\n')
  })

  it('redacts a secret that colour codes split, which would slip through in the coloured text', () => {
    const { renderer, file } = render({ redact: s => s.replaceAll('hunter2', '***') })
    renderer.push([line('token hun\x1b[0mter2\n')])
    expect(file.join('')).toBe('token ***\n')
    expect(renderer.steps()[0]?.head).toEqual(['token ***'])
  })
})

describe('LogRenderer captures', () => {
  it('keeps the first and last lines of each step and counts the rest, across pushes', () => {
    const { renderer } = render({ headLines: 3, tailLines: 4 })
    const numbered = Array.from({ length: 1000 }, (_, i) => `line ${i + 1}`)
    renderer.push([header('pulumi preview'), ...lines(numbered.slice(0, 5))])
    for (let i = 5; i < 1000; i += 7) renderer.push(lines(numbered.slice(i, i + 7)))
    renderer.push([header('Cleanup'), line('bye\n')])
    const [preview, cleanup] = renderer.steps()
    expect(preview).toEqual({
      name: 'pulumi preview',
      lineCount: 1000,
      head: ['line 1', 'line 2', 'line 3'],
      tail: ['line 997', 'line 998', 'line 999', 'line 1000'],
      omitted: 993
    })
    expect(cleanup).toEqual({ name: 'Cleanup', lineCount: 1, head: ['bye'], tail: [], omitted: 0 })
    expect(renderer.lineCount).toBe(1001)
  })

  it('puts lines from before the first header in an unnamed step', () => {
    const { renderer } = render()
    renderer.push([line('early\n'), header('Step'), line('later\n')])
    expect(renderer.steps().map(s => [s.name, s.head])).toEqual([
      ['', ['early']],
      ['Step', ['later']]
    ])
  })

  it('gives the last lines of a named step, never joining head and tail across a gap', () => {
    const { renderer } = render({ headLines: 2, tailLines: 3 })
    renderer.push([header('Install'), ...lines(['a', 'b', 'c', 'd'])])
    renderer.push([header('pulumi up'), ...lines(['1', '2', '3', '4', '5', '6', '7'])])
    expect(renderer.lastLines('Install', 10)).toEqual(['a', 'b', 'c', 'd'])
    expect(renderer.lastLines('Install', 2)).toEqual(['c', 'd'])
    expect(renderer.lastLines('pulumi up', 10)).toEqual(['5', '6', '7'])
    expect(renderer.lastLines('PULUMI UP', 1)).toEqual(['7'])
    expect(renderer.lastLines('No such step', 5)).toEqual([])
    expect(renderer.lastLines('Install', 0)).toEqual([])
  })

  it('keeps a bounded number of lines for a million-line log', () => {
    const { renderer } = render({
      operation: 'update',
      sink: { write: () => undefined, startGroup: () => undefined, endGroup: () => undefined },
      logFile: undefined
    })
    const batch = lines(
      Array.from({ length: 1000 }, (_, i) => `    + aws:s3/bucket:Bucket bucket-${i} creating`)
    )
    renderer.push([header('pulumi up')])
    for (let i = 0; i < 1000; i++) renderer.push(batch)
    renderer.push(lines(['Resources:', '    + 1000000 created', '', 'Duration: 1h']))
    const retained = renderer.steps().reduce((n, step) => n + step.head.length + step.tail.length, 0)
    expect(renderer.lineCount).toBe(1_000_004)
    expect(retained).toBe(200 + 400)
    expect(renderer.changes()).toEqual({ create: 1_000_000 })
  })

  it('stops keeping lines of old steps when a log has an absurd number of steps', () => {
    const { renderer } = render({ headLines: 1, tailLines: 1 })
    for (let i = 0; i < 300; i++) renderer.push([header(`step ${i}`), ...lines(['a', 'b', 'c'])])
    const steps = renderer.steps()
    const retained = steps.reduce((n, step) => n + step.head.length + step.tail.length, 0)
    expect(steps).toHaveLength(300)
    expect(retained).toBeLessThanOrEqual(2 * 101)
    expect(steps.at(-1)).toMatchObject({ name: 'step 299', head: ['a'], tail: ['c'], omitted: 1 })
    expect(steps[0]).toMatchObject({ name: 'step 0', lineCount: 3, head: [], tail: [], omitted: 3 })
  })
})

describe('LogRenderer operation output', () => {
  it('finds the operation step by its current and its 2022 header', () => {
    for (const name of ['pulumi preview', 'Pulumi operation', 'PULUMI PREVIEW']) {
      const { renderer } = render()
      renderer.push([header('Get source'), line('x\n'), header(name), line('diff\n'), header('Cleanup')])
      expect(renderer.operationOutput()).toMatchObject({ name, head: ['diff'] })
    }
  })

  it('knows `pulumi up` runs an update, and takes the last of several matching steps', () => {
    const { renderer } = render({ operation: 'update' })
    renderer.push([
      header('pulumi up --skip-preview'),
      line('first\n'),
      header('pulumi up'),
      line('second\n')
    ])
    expect(renderer.operationOutput()?.head).toEqual(['second'])
  })

  it('falls back to the step that printed a Resources: summary', () => {
    const { renderer } = render({ operation: 'destroy' })
    renderer.push([header('Run the thing'), ...lines(['Resources:', '    - 5 deleted']), header('Cleanup')])
    expect(renderer.operationOutput()?.name).toBe('Run the thing')
    expect(renderer.changes()).toEqual({ delete: 5 })
  })

  it('finds none in a log that has neither', () => {
    const { renderer } = render()
    renderer.push([header('Get source'), line('x\n')])
    expect(renderer.operationOutput()).toBeUndefined()
    expect(renderer.changes()).toBeUndefined()
  })

  it('parses a summary split across pushes', () => {
    const { renderer } = render()
    renderer.push([header('pulumi preview'), ...lines(['Resources:', '    + 2 to create'])])
    renderer.push(lines(['    ~ 1 to update', '    3 changes. 4 unchanged']))
    expect(renderer.changes()).toEqual({ create: 2, update: 1, same: 4 })
  })
})

describe('LogRenderer memory', () => {
  it('prints a large push in slices of about 64 kB, every line once and in order', () => {
    const { renderer, writes, file, printed } = render()
    const wide = Array.from({ length: 200 }, (_, i) => `${i} ${'x'.repeat(10_000)}`)
    renderer.push([header('pulumi preview'), ...lines(wide)])
    expect(writes.length).toBeGreaterThan(20)
    expect(Math.max(...writes.map(w => w.length))).toBeLessThan(64 * 1024 + 11_000)
    expect(visibleLines(printed()).slice(1, -1)).toEqual(wide)
    expect(file.join('')).toBe(`=== pulumi preview ===\n${wide.join('\n')}\n`)
  })

  it('keeps at most 2,000 characters of each line it holds for the reports', () => {
    const { renderer } = render({ headLines: 1, tailLines: 1 })
    renderer.push([header('pulumi preview'), ...lines(['a'.repeat(5_000), 'b'.repeat(3_000)])])
    const [step] = renderer.steps()
    expect(step?.head).toEqual([`${'a'.repeat(2_000)}…`])
    expect(step?.tail).toEqual([`${'b'.repeat(2_000)}…`])
    expect(step?.lineCount).toBe(2)
  })

  it('keeps the last lines of a step up to 64 kB of text, however many lines that is', () => {
    const { renderer } = render({ headLines: 0, tailLines: 400 })
    const wide = Array.from({ length: 1_000 }, (_, i) => `${String(i).padStart(4, '0')} ${'w'.repeat(1_995)}`)
    const short = Array.from({ length: 1_000 }, (_, i) => `short ${i}`)
    renderer.push([header('pulumi preview'), ...lines(wide)])
    renderer.push([header('pulumi up'), ...lines(short)])
    const [wideStep, shortStep] = renderer.steps()
    // 2,000-character lines: the last 32 (64 kB), the newest last.
    expect(wideStep?.tail).toEqual(wide.slice(-32))
    expect(wideStep?.omitted).toBe(1_000 - 32)
    // Short lines: the number of lines bounds the tail first.
    expect(shortStep?.tail).toEqual(short.slice(-400))
    expect(shortStep?.lineCount).toBe(1_000)
  })
})
