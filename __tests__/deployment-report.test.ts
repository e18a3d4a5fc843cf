// Filling the one report model from what was followed: durations from Pulumi's own timestamp formats, the update's
// console link, the failed step's last lines, and what a timeout or cancel did to the deployment.
import { describe, expect, test } from '@jest/globals'
import type { Deployment } from '../src/pulumi/types.js'
import { buildReport, updateUrl } from '../src/report/build.js'
import { LogRenderer } from '../src/deployment/log-renderer.js'
import { discardingSink } from '../test/harness/log-sink.js'

const base = {
  stack: 'acme/web/dev',
  operation: 'update' as const,
  deploymentId: 'd-1',
  version: 7,
  consoleUrl: 'https://app.pulumi.com/acme/web/dev/deployments/7'
}

function deployment(status: Deployment['status'], extra: Partial<Deployment> = {}): Deployment {
  return {
    id: 'd-1',
    created: '2026-11-01 10:00:00.000',
    modified: '2026-11-01 10:02:00.000',
    status,
    version: 7,
    latestVersion: 7,
    requestedBy: { name: 'a', githubLogin: 'a', avatarUrl: '' },
    ...extra
  }
}

function renderer(entries: Parameters<LogRenderer['push']>[0] = []): LogRenderer {
  const r = new LogRenderer({ sink: discardingSink, redact: s => s, operation: 'update' })
  r.push(entries)
  r.close()
  return r
}

describe('buildReport', () => {
  test('reads queued and running time from Pulumi timestamps, and step durations', () => {
    const d = deployment('succeeded', {
      jobs: [
        {
          status: 'succeeded',
          started: '2026-11-01T10:00:30Z',
          lastUpdated: '2026-11-01T10:02:00Z',
          steps: [
            {
              name: 'Get source',
              status: 'succeeded',
              started: '2026-11-01T10:00:30Z',
              lastUpdated: '2026-11-01T10:00:35Z'
            },
            {
              name: 'pulumi update',
              status: 'not-started',
              started: '0001-01-01T00:00:00Z',
              lastUpdated: '0001-01-01T00:00:00Z'
            }
          ]
        }
      ]
    })
    const report = buildReport({
      base,
      outcome: { kind: 'terminal', deployment: d },
      renderer: renderer(),
      cancelled: false
    })
    expect(report).toMatchObject({ status: 'succeeded', queuedMs: 30_000, runningMs: 90_000 })
    expect(report.steps).toEqual([
      { name: 'Get source', status: 'succeeded', durationMs: 5000 },
      { name: 'pulumi update', status: 'not-started', durationMs: undefined }
    ])
  })

  test('names the failed step and keeps its last lines', () => {
    const d = deployment('failed', {
      jobs: [{ status: 'failed', steps: [{ name: 'pulumi update', status: 'failed' }] }]
    })
    const log = renderer([
      { header: 'pulumi update', timestamp: '0001-01-01T00:00:00Z' },
      { line: 'error: update failed\n', timestamp: '2026-11-01T10:01:00Z' }
    ])
    const report = buildReport({
      base,
      outcome: { kind: 'terminal', deployment: d },
      renderer: log,
      cancelled: false
    })
    expect(report.failedStep).toEqual({ name: 'pulumi update', lastLines: ['error: update failed'] })
  })

  test('says a queued deployment left alone will still run, and a running one was left running', () => {
    const queued = buildReport({
      base,
      outcome: { kind: 'timed-out', deployment: deployment('not-started') },
      renderer: renderer(),
      cancelled: false,
      timeoutMs: 60_000
    })
    expect(queued.message).toBe(
      'The wait timed out after 1m 00s; the deployment stays queued and will still run.'
    )
    const running = buildReport({
      base,
      outcome: { kind: 'aborted', deployment: deployment('running') },
      renderer: renderer(),
      cancelled: false
    })
    expect(running.message).toBe('The step was cancelled; the deployment was left running.')
    const cancelled = buildReport({
      base,
      outcome: { kind: 'aborted', deployment: deployment('running') },
      renderer: renderer(),
      cancelled: true
    })
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      message: 'The step was cancelled; so was the deployment.'
    })
  })
})

describe('updateUrl', () => {
  test("links an update by version and a preview by its update ID, beside the deployment's own page", () => {
    expect(updateUrl(base.consoleUrl, 7, { version: 12, updateID: 'u-1', kind: 'update' })).toBe(
      'https://app.pulumi.com/acme/web/dev/updates/12'
    )
    expect(updateUrl(base.consoleUrl, 7, { version: 0, updateID: 'u-2', kind: 'preview' })).toBe(
      'https://app.pulumi.com/acme/web/dev/previews/u-2'
    )
    expect(
      updateUrl('https://example.com/elsewhere', 7, { version: 1, updateID: 'u', kind: 'update' })
    ).toBeUndefined()
  })
})

describe('the update a deployment made', () => {
  const update = {
    id: 'n',
    updateID: 'u-9',
    startTime: 0,
    endTime: 0,
    result: 'succeeded' as const,
    message: '',
    environment: {}
  }
  test('an update names its stack version and links it', () => {
    const d = deployment('succeeded', { updates: [{ ...update, version: 12, kind: 'update' }] })
    const report = buildReport({
      base,
      outcome: { kind: 'terminal', deployment: d },
      renderer: renderer(),
      cancelled: false
    })
    expect(report).toMatchObject({
      updateVersion: 12,
      updateUrl: 'https://app.pulumi.com/acme/web/dev/updates/12'
    })
  })
  test('a preview links its page but names no stack version', () => {
    const d = deployment('succeeded', { updates: [{ ...update, version: 12, kind: 'preview' }] })
    const report = buildReport({
      base,
      outcome: { kind: 'terminal', deployment: d },
      renderer: renderer(),
      cancelled: false
    })
    expect(report.updateVersion).toBeUndefined()
    expect(report.updateUrl).toBe('https://app.pulumi.com/acme/web/dev/previews/u-9')
  })
})
