// The scenario helpers print what the Pulumi CLI and the deployment executor print, so parsers meet real shapes.
import { describe, expect, test } from '@jest/globals'
import {
  expandLines,
  previewScenario,
  pulumiScenario,
  updateScenario,
  type Scenario
} from '../test/fake-cloud/index.js'

// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, '')
const stepNames = (scenario: Scenario): string[] => scenario.steps.map(s => s.name)
const output = (scenario: Scenario, name: string): string[] => {
  const step = scenario.steps.find(s => s.name === name)
  if (!step) throw new Error(`no step ${name} in ${stepNames(scenario).join(', ')}`)
  return [...expandLines(step)]
}

describe('scenario helpers', () => {
  test('a preview runs the executor steps, then `pulumi preview` ending in Pulumi’s Resources block', () => {
    const scenario = previewScenario({
      creates: 2,
      updates: 1,
      replaces: 1,
      deletes: 1,
      sames: 4,
      stack: 'acme/web/dev'
    })
    expect(stepNames(scenario)).toEqual([
      'Setup',
      'Download deployment executor',
      'Get source',
      'Download dependencies',
      'Install dependencies',
      'pulumi preview'
    ])
    const lines = output(scenario, 'pulumi preview').map(stripAnsi)
    expect(lines[0]).toBe('Previewing update (acme/dev)\n')
    expect(lines).toContain('    + aws:s3:Bucket bucket-0001 create\n')
    expect(lines.slice(-6).join('')).toBe(
      'Resources:\n    + 2 to create\n    ~ 1 to update\n    +-1 to replace\n    - 1 to delete\n    4 unchanged\n'
    )
    expect(output(scenario, 'pulumi preview').some(l => l.includes('\x1b[32m'))).toBe(true)
    expect(output(scenario, 'Download deployment executor').some(l => l.includes('\r'))).toBe(true)
    expect(scenario.update?.resourceChanges).toEqual({ create: 2, update: 1, replace: 1, delete: 1, same: 4 })
  })

  test('an update reports past tenses and its duration', () => {
    const lines = output(
      updateScenario({ creates: 2, updates: 1, replaces: 1, deletes: 1, sames: 4, stepMs: 12_000 }),
      'pulumi update'
    )
    expect(lines.map(stripAnsi).slice(-8).join('')).toBe(
      'Resources:\n    + 2 created\n    ~ 1 updated\n    +-1 replaced\n    - 1 deleted\n    4 unchanged\n\nDuration: 12s\n'
    )
  })

  test('2022 step names, a failing step, and skipped runs', () => {
    expect(stepNames(pulumiScenario('refresh', { headers: '2022' }))).toEqual([
      'Download deployment executor',
      'Get source',
      'Download dependencies',
      'Pulumi operation'
    ])
    const failed = updateScenario({ result: 'failed', failStep: 'Get source' })
    expect(stepNames(failed).at(-1)).toBe('Get source')
    expect(failed.steps.at(-1)?.status).toBe('failed')
    expect(failed.result).toBe('failed')
    expect(updateScenario({ result: 'skipped' })).toMatchObject({ steps: [], result: 'skipped' })
    expect(() => updateScenario({ result: 'failed', failStep: 'Nope' })).toThrow(/Nope/)
  })

  test('`resources` generates that many resource lines lazily, between the header and the summary', () => {
    const scenario = updateScenario({ resources: 5000 })
    const step = scenario.steps.at(-1)
    expect(step?.lines?.length).toBeLessThan(50)
    const lines = [...expandLines(step as Scenario['steps'][number])].map(stripAnsi)
    expect(lines.filter(l => / aws:\S+ \S+ created/.test(l))).toHaveLength(5000)
    expect(lines.indexOf('Resources:\n')).toBeGreaterThan(5000)
    expect(lines.slice(lines.indexOf('Resources:\n'), lines.indexOf('Resources:\n') + 2)).toEqual([
      'Resources:\n',
      '    + 5000 created\n'
    ])
  })
})
