import { DurationError, MAX_DURATION_MS, formatDuration, parseDuration } from '../src/config/duration.js'

describe('parseDuration', () => {
  test.each([
    ['500ms', 500],
    ['45s', 45_000],
    ['90m', 5_400_000],
    ['1h30m', 5_400_000],
    ['2h', 7_200_000],
    ['1m30s', 90_000],
    ['1h 30m', 5_400_000],
    ['1h2m3s4ms', 3_723_004],
    ['1.5s', 1_500],
    ['0.25h', 900_000],
    ['30', 30_000],
    ['2.5', 2_500],
    ['0', 0],
    ['  10s  ', 10_000],
    ['10S', 10_000],
    ['1H30M', 5_400_000]
  ])('%j is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  test.each([
    ['', /empty/],
    ['   ', /empty/],
    ['-5s', /negative/],
    ['-5', /negative/],
    ['soon', /number followed by ms, s, m or h/],
    ['5 minutes', /"minutes" does not read as a number and a unit/],
    ['10x', /number followed by ms, s, m or h/],
    ['1h30', /"30" does not read/],
    ['30m1h', /largest first/],
    ['1s1s', /once/],
    ['.5s', /number followed by/],
    ['1e3', /number followed by/],
    ['600h', /too long/]
  ])('%j is rejected with a sentence that says why', (text, why) => {
    let thrown: unknown
    try {
      parseDuration(text)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DurationError)
    const message = (thrown as Error).message
    expect(message).toMatch(why)
    expect(message.startsWith(`"${text.trim()}" is not a valid duration`)).toBe(true)
    expect(message.endsWith('.')).toBe(true)
  })

  test('accepts the longest duration a timer can wait', () => {
    expect(parseDuration(`${MAX_DURATION_MS}ms`)).toBe(MAX_DURATION_MS)
    expect(() => parseDuration(`${MAX_DURATION_MS + 1}ms`)).toThrow(/too long/)
  })
})

describe('formatDuration', () => {
  test.each([
    [0, '0ms'],
    [450, '450ms'],
    [999.4, '999ms'],
    [999.6, '1s'],
    [1_000, '1s'],
    [12_400, '12s'],
    [59_600, '1m 00s'],
    [65_000, '1m 05s'],
    [3_599_000, '59m 59s'],
    [3_600_000, '1h 00m'],
    [7_380_000, '2h 03m'],
    [26 * 3_600_000, '26h 00m'],
    [-5, '0ms'],
    [Number.NaN, '0ms'],
    [Number.POSITIVE_INFINITY, '0ms']
  ])('%d ms reads %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  test('what it writes for whole seconds and minutes parses back to the same time', () => {
    for (const ms of [450, 12_000, 65_000, 7_380_000]) {
      expect(parseDuration(formatDuration(ms))).toBe(ms)
    }
  })
})

describe('a duration written in words', () => {
  test('quotes the whole word it could not read, not the letters after a unit it took', () => {
    expect(() => parseDuration('10 minutes')).toThrow(/"minutes" does not read as a number and a unit/)
    expect(() => parseDuration('1h 5 mins')).toThrow(/"mins" does not read/)
  })
})
