// The pieces that let one step follow many stacks: the shared request budget, the spool that keeps a waiting
// stack's log, the desk that prints the logs one stack after another, and the inputs that shape the run.
import { mkdtempSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { RequestBudget } from '../src/deployment/request-budget.js'
import { Spool } from '../src/deployment/spool.js'
import { LogDesk } from '../src/deployment/log-desk.js'
import { environmentName, parseFleetInputs } from '../src/config/fleet-inputs.js'
import { InputError } from '../src/config/input-error.js'
import { manyMarker } from '../src/report/many.js'
import type { Clock } from '../src/pulumi/client.js'

/** Virtual time: a sleep moves the clock on at once, so spacing is measured exactly and nothing waits. */
function jumpingClock(): Clock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      // Whoever was let through reads the time before it moves on.
      await new Promise(resolve => setImmediate(resolve))
      clock.t += ms
    }
  }
  return clock
}

describe('RequestBudget', () => {
  test('lets requests go one spacing apart, the most urgent first', async () => {
    const clock = jumpingClock()
    const budget = new RequestBudget({
      clock,
      spacingMs: 100,
      rank: r => (r.path === '/status' ? 0 : 1)
    })
    const order: string[] = []
    const times: number[] = []
    const go = (path: string): Promise<void> =>
      budget.admit({ method: 'GET', path }).then(() => {
        order.push(path)
        times.push(clock.now())
      })
    await Promise.all([go('/log-a'), go('/log-b'), go('/status')])
    expect(order).toEqual(['/log-a', '/status', '/log-b'])
    expect(times).toEqual([0, 100, 200])
    expect(budget.requestCount).toBe(3)
  })

  test('after a quiet while a burst may go at once, and then one per spacing again', async () => {
    const clock = jumpingClock()
    const budget = new RequestBudget({ clock, spacingMs: 100, burst: 3, rank: () => 0 })
    const times: number[] = []
    await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        budget.admit({ method: 'GET', path: '/x' }).then(() => times.push(clock.now()))
      )
    )
    expect(times).toEqual([0, 0, 0, 100, 200])
  })

  test('a 429 holds every request for its Retry-After and widens the spacing', async () => {
    const clock = jumpingClock()
    const budget = new RequestBudget({ clock, spacingMs: 100, rank: () => 0 })
    await budget.admit({ method: 'GET', path: '/a' })
    budget.answered(429, 5_000)
    await budget.admit({ method: 'GET', path: '/b' })
    expect(clock.now()).toBe(5_000)
    await budget.admit({ method: 'GET', path: '/c' })
    expect(clock.now()).toBe(5_200)
    expect(budget.throttleCount).toBe(1)
  })

  test('a request whose signal aborts while it waits leaves the queue', async () => {
    const clock = jumpingClock()
    const budget = new RequestBudget({ clock, spacingMs: 100, rank: () => 0 })
    const controller = new AbortController()
    const first = budget.admit({ method: 'GET', path: '/a' })
    const abandoned = budget.admit({ method: 'GET', path: '/b' }, controller.signal)
    const third = budget.admit({ method: 'GET', path: '/c' })
    controller.abort()
    await expect(abandoned).rejects.toThrow()
    await first
    await third
    expect(clock.now()).toBe(100)
    expect(budget.requestCount).toBe(2)
  })
})

describe('Spool', () => {
  test('keeps chunks in order, spills past its bound, and hands everything back once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'))
    const spool = new Spool(join(dir, 'x.spool'), 20)
    const chunks = ['first line\n', 'second line\n', 'third line ✓\n', 'fourth\n']
    for (const c of chunks) spool.write(c)
    expect(spool.hasSpilled).toBe(true)
    let out = ''
    spool.drainTo(c => (out += c))
    expect(out).toBe(chunks.join(''))
    expect(existsSync(join(dir, 'x.spool'))).toBe(false)
    let again = ''
    spool.drainTo(c => (again += c))
    expect(again).toBe('')
  })
})

describe('LogDesk', () => {
  test('prints the first stack live, keeps the second until the first has ended, and loses nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-'))
    let printed = ''
    const desk = new LogDesk(['a/p/one', 'a/p/two'], {
      sink: {
        write: c => (printed += c.endsWith('\n') ? c : `${c}\n`),
        startGroup: title => (printed += `::group::${title}\n`),
        endGroup: () => (printed += '::endgroup::\n'),
        info: line => (printed += `${line}\n`)
      },
      redact: s => s,
      operation: 'update',
      dir,
      spoolBytes: 16
    })
    const one = desk.open('a/p/one', 'id-1')
    const two = desk.open('a/p/two', 'id-2')
    two.push([
      { header: 'Setup', timestamp: '' },
      { line: 'two says hello', timestamp: '' }
    ])
    one.push([
      { header: 'Setup', timestamp: '' },
      { line: 'one says hello', timestamp: '' }
    ])
    expect(printed).toContain('one says hello')
    expect(printed).not.toContain('two says hello')
    desk.end('a/p/one', 'one ended')
    expect(printed).toContain('two says hello')
    two.push([{ line: 'two again', timestamp: '' }])
    await desk.finish()
    const titles = printed.split('\n').filter(l => l.startsWith('::group::'))
    expect(titles).toEqual(['::group::a/p/one · Setup', '::group::a/p/two · Setup'])
    expect(printed.indexOf('one ended')).toBeLessThan(printed.indexOf('::group::a/p/two'))
    for (const text of ['one says hello', 'two says hello', 'two again'])
      expect(printed.split(text)).toHaveLength(2)
    expect([...desk.files().keys()]).toEqual(['a/p/one', 'a/p/two'])
  })
})

describe('inputs for several stacks', () => {
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? ''
  test('max-parallel is empty or a whole number of 1 or more, and needs wait', () => {
    expect(parseFleetInputs(read({}), true).maxParallel).toBeUndefined()
    expect(parseFleetInputs(read({ 'max-parallel': '2' }), true).maxParallel).toBe(2)
    expect(() => parseFleetInputs(read({ 'max-parallel': '0' }), true)).toThrow(InputError)
    expect(() => parseFleetInputs(read({ 'max-parallel': 'all' }), true)).toThrow(/whole number of 1 or more/)
    expect(() => parseFleetInputs(read({ 'max-parallel': '1' }), false)).toThrow(/needs `wait: true`/)
  })

  test('github-environment takes only known placeholders, and fills them per stack', () => {
    expect(() => parseFleetInputs(read({ 'github-environment': '{branch}' }), true)).toThrow(/\{branch\}/)
    expect(() => parseFleetInputs(read({ 'environment-url-output': 'url' }), true)).toThrow(
      /set `github-environment` too/
    )
    const ref = { org: 'acme', project: 'web', stack: 'prod' }
    expect(environmentName('{project}-{stack}', ref)).toBe('web-prod')
    expect(environmentName('{fqn}', ref)).toBe('acme/web/prod')
    expect(environmentName('production', ref)).toBe('production')
  })

  test("a comment's marker is keyed on the set of stacks, whatever their order, and the operation", () => {
    const a = manyMarker(['a/p/one', 'a/p/two'], 'preview')
    expect(manyMarker(['a/p/two', 'a/p/one'], 'preview')).toBe(a)
    expect(manyMarker(['a/p/one', 'a/p/three'], 'preview')).not.toBe(a)
    expect(manyMarker(['a/p/one', 'a/p/two'], 'update')).not.toBe(a)
  })
})
