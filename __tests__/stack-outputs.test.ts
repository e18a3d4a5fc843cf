// Setting the stack's outputs: every decrypted value is masked before the first output is set, and no stack
// output takes the name of one of this action's own.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { ACTION_OUTPUTS, isOwnStepOutputName, publishStackOutputs } from '../src/action/stack-outputs.js'
import type { RunnerIO } from '../src/github/runner.js'

function recordingRunner(calls: string[]): RunnerIO {
  const none = (): void => undefined
  return {
    info: none,
    debug: none,
    notice: none,
    warning: none,
    error: none,
    write: none,
    startGroup: none,
    endGroup: none,
    setFailed: none,
    saveState: none,
    getState: () => '',
    getInput: () => '',
    getIDToken: () => Promise.reject(new Error('no ID token in this test')),
    appendSummary: () => Promise.resolve(true),
    setSecret: value => calls.push(`mask ${value}`),
    setOutput: (name, value) => calls.push(`set ${name}=${value}`)
  }
}

describe('publishStackOutputs', () => {
  it('masks each decrypted value, whole, as JSON writes it and line by line, before setting any output', () => {
    const calls: string[] = []
    const shown = publishStackOutputs(
      {
        outputs: [
          { name: 'url', value: 'https://x.example', secret: false },
          { name: 'key', value: 'line one\nline "two"', secret: true }
        ],
        revealed: ['line one\nline "two"']
      },
      recordingRunner(calls)
    )
    const firstSet = calls.findIndex(c => c.startsWith('set '))
    const masks = calls.slice(0, firstSet)
    expect(masks).toEqual(
      expect.arrayContaining([
        'mask line one\nline "two"',
        'mask line one\\nline \\"two\\"',
        'mask line one',
        'mask line "two"'
      ])
    )
    expect(calls.slice(firstSet).every(c => c.startsWith('set '))).toBe(true)
    expect(shown).toEqual([
      { name: 'url', shown: 'https://x.example', secret: false },
      { name: 'key', shown: '[secret]', secret: true }
    ])
  })

  it("never sets a stack output over one of this action's own outputs, or under a name GitHub refuses", () => {
    const outputs = (parse(readFileSync('action.yml', 'utf8')) as { outputs: Record<string, unknown> })
      .outputs
    for (const name of Object.keys(outputs)) expect(ACTION_OUTPUTS.has(name)).toBe(true)
    expect(isOwnStepOutputName('status')).toBe(false)
    expect(isOwnStepOutputName('Status')).toBe(false)
    expect(isOwnStepOutputName('bucket name')).toBe(false)
    expect(isOwnStepOutputName('1st')).toBe(false)
    expect(isOwnStepOutputName('bucketName')).toBe(true)
    expect(isOwnStepOutputName('bucket_name-2')).toBe(true)
  })
})
