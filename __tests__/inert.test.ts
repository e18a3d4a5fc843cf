// One function makes text the action did not write inert for the runner (plain-text.ts `inert`), and the runner
// seam applies it, after redaction, to every message and title: no caller can print a command or a secret.
import { describe, expect, test } from '@jest/globals'
import { inert, neutraliseLegacy } from '../src/deployment/plain-text.js'
import { Redactor } from '../src/config/redactor.js'

/** The runner's reading of one stdout text: its commands, by the rules of actions/runner. */
function runnerCommands(stdout: string): string[] {
  return stdout
    .split(/\r\n|\r|\n/)
    .flatMap(line => {
      const trimmed = line.replace(/^[\s\u0085]+/, '')
      if (trimmed.startsWith('::')) return [trimmed.slice(2).split(/[ :]/)[0] ?? '']
      const legacy = line.indexOf('##[')
      return legacy >= 0 ? [line.slice(legacy + 3).split(/[ \]]/)[0] ?? ''] : []
    })
    .filter(Boolean)
}

describe('inert', () => {
  test.each([
    '::set-output name=x::y',
    '  ::warning::forged',
    '\t\u00a0\u2003\u0085::error::forged',
    'status\n::add-mask::x',
    'status\r::stop-commands::abc',
    'v1 ##[set-output name=x]y',
    '##[group]fold',
    'a\r\n  ::debug::b'
  ])('%j reads as no command', text => {
    expect(runnerCommands(text).length).toBeGreaterThan(0)
    expect(runnerCommands(inert(text))).toEqual([])
  })

  test('keeps everything else as it was', () => {
    expect(inert('Deployment 4 succeeded: https://app.pulumi.com/a::b')).toBe(
      'Deployment 4 succeeded: https://app.pulumi.com/a::b'
    )
    expect(inert('::x')).toBe(': :x')
    expect(neutraliseLegacy('a ##[error] b')).toBe('a # #[error] b')
  })

  test('is linear: a megabyte of blanks or line breaks takes no time to speak of', () => {
    for (const text of [
      ' '.repeat(1 << 20),
      '\n'.repeat(1 << 20),
      ' \n'.repeat(1 << 19),
      '#'.repeat(1 << 20)
    ]) {
      expect(inert(text)).toBe(text)
    }
  })
})

describe('Redactor', () => {
  test('finds a secret split by colour codes, and drops the colours of that text only', () => {
    const redactor = new Redactor(['hunter22'])
    expect(redactor.redact('pass: hun\x1b[31mter22\x1b[0m!')).toBe('pass: ***!')
    expect(redactor.redact('\x1b[32mok\x1b[0m')).toBe('\x1b[32mok\x1b[0m')
  })

  test('reads no secret as a pattern', () => {
    expect(new Redactor(['(a+)+$x']).redact('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa(a+)+$x')).toBe(
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa***'
    )
  })
})
