import { fitToBudget } from '../src/report/comment-body.js'
import { escapedLength } from '../src/report/sections.js'

const numbered = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`)
const size = (lines: string[]): number => lines.reduce((n, l) => n + l.length + 1, 0)

describe('fitToBudget', () => {
  it('leaves lines that fit alone', () => {
    const head = ['a', 'b']
    const tail = ['y', 'z']
    expect(fitToBudget(head, tail, 7, 100)).toEqual({ head, tail, omitted: 7 })
  })

  it('cuts from the middle, keeping the start of head and the end of tail', () => {
    // 100 lines of 10 characters (with line breaks) on each side, in a budget of 100.
    const head = numbered('head-0000', 100).map(l => l.slice(-9))
    const tail = numbered('tail-0000', 100).map(l => l.slice(-9))
    const fitted = fitToBudget(head, tail, 50, 100)
    expect(fitted.head).toEqual(head.slice(0, 5))
    expect(fitted.tail).toEqual(tail.slice(-5))
    expect(fitted.omitted).toBe(50 + 95 + 95)
    expect(size([...fitted.head, ...fitted.tail])).toBeLessThanOrEqual(100)
  })

  it('gives the room one end does not need to the other', () => {
    const fitted = fitToBudget(['short'], numbered('t', 1000), 0, 200)
    expect(fitted.head).toEqual(['short'])
    expect(fitted.tail.at(-1)).toBe('t1000')
    expect(size([...fitted.head, ...fitted.tail])).toBeGreaterThan(190)
    expect(size([...fitted.head, ...fitted.tail])).toBeLessThanOrEqual(200)
    expect(fitted.omitted).toBe(1000 - fitted.tail.length)

    const headHeavy = fitToBudget(numbered('h', 1000), ['end'], 0, 200)
    expect(headHeavy.tail).toEqual(['end'])
    expect(headHeavy.head[0]).toBe('h1')
    expect(size([...headHeavy.head, ...headHeavy.tail])).toBeGreaterThan(190)
  })

  it('cuts a line too long to sit beside the others instead of dropping everything for it', () => {
    const huge = 'x'.repeat(10_000)
    const fitted = fitToBudget(['start'], ['before', huge], 0, 1_000)
    expect(fitted.head).toEqual(['start'])
    const last = fitted.tail.at(-1) ?? ''
    expect(last.startsWith('xxx')).toBe(true)
    expect(last.endsWith('(line cut)')).toBe(true)
    expect(last.length).toBeLessThanOrEqual(250)
  })

  it('never splits a character made of two UTF-16 units', () => {
    // The leading `a` puts every pair across an even offset, where a careless cut would split it.
    const emoji = `a${'😀'.repeat(1_000)}`
    for (const budget of [101, 120, 400]) {
      const [cut = ''] = fitToBudget([emoji], [], 0, budget).head
      expect(cut).toMatch(/^a(?:😀)+ … \(line cut\)$/u)
    }
  })

  it('measures with the measure it is given, such as the escaped size', () => {
    const angry = Array.from({ length: 50 }, () => '<<<<<<<<<<')
    const fitted = fitToBudget(angry, angry, 0, 500, escapedLength)
    const escaped = [...fitted.head, ...fitted.tail].reduce((n, l) => n + escapedLength(l), 0)
    expect(escaped).toBeLessThanOrEqual(500)
    // Escaped, each line is 41 characters: six fit in each half, where unescaped ones would fit 22.
    expect(fitted.head.length + fitted.tail.length).toBe(12)
  })

  it('keeps nothing when there is no room', () => {
    expect(fitToBudget(['a'], ['b'], 3, 0)).toEqual({ head: [], tail: [], omitted: 5 })
  })
})
