// The `results` output and how several stacks fold into the step's own outputs.
import { describe, expect, test } from '@jest/globals'
import { combineResults, stackResult, worstStatus, type StackResult } from '../src/report/results.js'
import type { DeploymentReport } from '../src/report/model.js'

const report = (over: Partial<DeploymentReport> = {}): DeploymentReport => ({
  stack: 'acme/web/dev',
  operation: 'update',
  status: 'succeeded',
  steps: [],
  deploymentId: 'd-1',
  version: 4,
  consoleUrl: 'https://app.pulumi.com/acme/web/dev/deployments/4',
  ...over
})

describe('one stack', () => {
  test('every key is present, null where not known', () => {
    expect(stackResult(report(), { lastStatus: 'succeeded' })).toEqual({
      stack: 'acme/web/dev',
      operation: 'update',
      'deployment-id': 'd-1',
      'deployment-version': 4,
      status: 'succeeded',
      'console-url': 'https://app.pulumi.com/acme/web/dev/deployments/4',
      'update-version': null,
      changes: null,
      'has-changes': null,
      'drift-detected': null,
      outputs: null
    })
  })

  test('a drift check reports what it found; anything else, and a check that did not end, says nothing', () => {
    const found = report({
      operation: 'detect-drift',
      changes: { update: 1, same: 3 },
      drift: { detected: true }
    })
    expect(stackResult(found, { lastStatus: 'failed' })).toMatchObject({
      'has-changes': true,
      'drift-detected': true
    })
    const unfinished = report({ operation: 'detect-drift', changes: { update: 1 } })
    expect(stackResult(unfinished)['drift-detected']).toBeNull()
  })

  test('a stack with no deployment was not run; one not waited for is not started', () => {
    expect(stackResult(report({ deploymentId: undefined, version: undefined })).status).toBe('not-run')
    expect(stackResult(report({ status: 'created' })).status).toBe('not-started')
  })
})

describe('several stacks', () => {
  test('the worst status speaks for all: failed, then skipped, then succeeded', () => {
    expect(worstStatus(['succeeded', 'failed', 'skipped'])).toBe('failed')
    expect(worstStatus(['succeeded', 'skipped'])).toBe('skipped')
    expect(worstStatus(['succeeded', 'not-run'])).toBe('skipped')
    expect(worstStatus(['succeeded', 'succeeded'])).toBe('succeeded')
    // Not waited for: the step cannot say more than that they are queued.
    expect(worstStatus(['not-started', 'not-started'])).toBe('not-started')
    expect(worstStatus(['succeeded', 'running'])).toBe('running')
  })

  const result = (status: StackResult['status'], changes: StackResult['changes']): StackResult =>
    stackResult(report({ changes: changes ?? undefined }), { lastStatus: status as 'succeeded' })

  test('has changes when any has, none when every one reported none, unknown otherwise', () => {
    const a = result('succeeded', { create: 2, same: 1 })
    const b = result('succeeded', { same: 4 })
    const unknown = result('failed', null)
    expect(combineResults([a, b])).toEqual({
      status: 'succeeded',
      hasChanges: true,
      changes: { create: 2, same: 5 }
    })
    expect(combineResults([b, b]).hasChanges).toBe(false)
    expect(combineResults([b, unknown]).hasChanges).toBeUndefined()
    expect(combineResults([unknown]).changes).toBeUndefined()
  })
})
