// End-to-end against a fake as strict as the service about its queue: one deployment runs per stack at a time, and
// with skipIntermediateDeployments a newer deployment supersedes a queued one. The built action must report a
// deployment held behind another as queued, and a superseded one as skipped.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { callFake, pulumiScenario, startFakeCloud, type FakeCloud } from '../test/fake-cloud/index.js'
import { commands, runAction, startAction } from '../test/harness/run-action.js'

const STACK = 'acme/web/dev'
const BASE = `/api/stacks/${STACK}/deployments`
const HOUR = 3_600_000
const settings = {
  sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'refs/heads/main' } }
}
const SKIPPING = { operationContext: { options: { skipIntermediateDeployments: true } } }

let cloud: FakeCloud
beforeEach(async () => {
  cloud = await startFakeCloud({ seed: 13 })
  cloud.addStack(STACK, { settings })
  // The deployment already running on the stack holds it for an hour; the action's own would run at once.
  cloud.queueScenario(
    STACK,
    pulumiScenario('update', { stack: STACK, queuedMs: 0, acceptedMs: 0, stepMs: HOUR })
  )
  cloud.setScenario(STACK, pulumiScenario('update', { stack: STACK, queuedMs: 0, acceptedMs: 0, stepMs: 20 }))
})
afterEach(async () => cloud.close())

async function startBlocker(): Promise<string> {
  const created = await callFake<{ id: string }>(cloud, 'POST', BASE, { operation: 'update' })
  expect(created.status).toBe(202)
  return created.body.id
}

const inputs = (more: Record<string, string> = {}) => ({
  stack: STACK,
  operation: 'update',
  'pulumi-access-token': cloud.token,
  'cloud-url': cloud.url,
  'poll-interval': '50ms',
  commit: 'none',
  ...more
})

describe('a deployment behind another on the same stack', () => {
  // cancel-on-abort false keeps it queued at the timeout (by default one that has not started is cancelled).
  test('is reported as queued while the other runs', async () => {
    await startBlocker()
    const result = await runAction({
      inputs: inputs({ timeout: '1500ms', 'cancel-on-abort': 'false' }),
      repository: 'acme/infra'
    })
    expect(result.stdout).toMatch(/is queued and has not started yet/)
    expect(result.outputs.status).toBe('not-started')
    expect(commands(result.stdout, 'error').join('\n')).toMatch(
      /the deployment stays queued and will still run/
    )
    expect(result.code).toBe(1)
    const [, ours] = cloud.deployments(STACK)
    expect(ours).toMatchObject({ status: 'not-started', cancelled: false })
  })

  test('superseded by a newer one under skipIntermediateDeployments, is reported as skipped', async () => {
    await startBlocker()
    const run = startAction({
      inputs: inputs({ settings: JSON.stringify(SKIPPING) }),
      repository: 'acme/infra'
    })
    await run.waitForOutput('is queued and has not started yet')
    const newer = await callFake(cloud, 'POST', BASE, { operation: 'update', ...SKIPPING })
    expect(newer.status).toBe(202)
    const result = await run.result
    expect(result.outputs.status).toBe('skipped')
    expect(commands(result.stdout, 'warning').join('\n')).toMatch(
      /was skipped by Pulumi Cloud without running/
    )
    expect(result.code).toBe(0)
    expect(cloud.deployments(STACK).map(d => d.status)).toEqual(['running', 'skipped', 'not-started'])
  })
})
