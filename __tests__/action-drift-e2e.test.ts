// End-to-end: drift is a result, not an error. A detect-drift that found drift ends `failed` in Pulumi Cloud exactly
// like one that broke; the built action tells them apart from the stack's drift runs and the refresh's counts, and
// reports drift found (failing the step unless `fail-on-drift: false`), no drift, or a check that broke.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { pulumiScenario, startFakeCloud, type FakeCloud, type Scenario } from '../test/fake-cloud/index.js'
import { commands, runAction, type ActionResult } from '../test/harness/run-action.js'

const STACK = 'acme/web/dev'
const settings = {
  sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'refs/heads/main' } }
}
const quick = { stack: STACK, stepMs: 20, queuedMs: 0, acceptedMs: 0 }

let cloud: FakeCloud
beforeEach(async () => {
  cloud = await startFakeCloud({ seed: 17 })
})
afterEach(async () => cloud.close())

async function run(scenario: Scenario, inputs: Record<string, string> = {}): Promise<ActionResult> {
  cloud.addStack(STACK, { settings, scenario })
  return runAction({
    inputs: {
      stack: STACK,
      operation: 'detect-drift',
      'pulumi-access-token': cloud.token,
      'cloud-url': cloud.url,
      'poll-interval': '50ms',
      commit: 'none',
      ...inputs
    },
    repository: 'acme/infra'
  })
}

// Pulumi documents detect-drift as "refresh and fail if any changes are detected".
const drifted = (operation: 'detect-drift' | 'remediate-drift' = 'detect-drift') =>
  pulumiScenario(operation, {
    ...quick,
    updates: 2,
    sames: 3,
    result: operation === 'detect-drift' ? 'failed' : 'succeeded'
  })

describe('a drift check', () => {
  test('that found drift fails the step, saying so, in how many resources, with a link to the drift run', async () => {
    const result = await run(drifted())
    expect(result.code).toBe(1)
    expect(result.outputs['drift-detected']).toBe('true')
    expect(result.outputs.status).toBe('failed')
    const [deployment] = cloud.deployments(STACK)
    const errors = commands(result.stdout, 'error').join('\n')
    expect(errors).toContain(
      `The detect-drift of ${STACK} (deployment 1) found drift in 2 resources. See the drift run drift-${deployment?.id}: ${cloud.url}/acme/web/dev/deployments/1.`
    )
    expect(errors).not.toMatch(/failed in step/)
    expect(result.summary).toContain('Pulumi drift detection: Drift detected')
    expect(result.summary).toContain('- **Status:** ⚠️ Drift detected')
    expect(result.summary).not.toMatch(/drift detection failed/)
    expect((JSON.parse(result.outputs.results ?? '[]') as unknown[])[0]).toMatchObject({
      'drift-detected': true
    })
  })

  test('that found drift with `fail-on-drift: false` succeeds, with drift-detected true and a warning', async () => {
    const result = await run(drifted(), { 'fail-on-drift': 'false' })
    expect(result.code).toBe(0)
    expect(result.outputs['drift-detected']).toBe('true')
    expect(commands(result.stdout, 'error')).toEqual([])
    expect(commands(result.stdout, 'warning').join('\n')).toMatch(
      /found drift in 2 resources; `fail-on-drift` is false, so the step succeeds/
    )
    expect(result.summary).toContain('Drift detected')
  })

  test('that broke for another reason fails as a failure, with drift-detected false', async () => {
    const result = await run(
      pulumiScenario('detect-drift', { ...quick, result: 'failed', failStep: 'Get source' })
    )
    expect(result.code).toBe(1)
    expect(result.outputs['drift-detected']).toBe('false')
    expect(commands(result.stdout, 'error').join('\n')).toMatch(
      /The detect-drift of acme\/web\/dev \(deployment 1\) failed in step "Get source"/
    )
    expect(result.summary).toContain('Pulumi drift detection failed')
    expect(result.summary).not.toMatch(/Drift detected|No drift/)
  })

  test('that found none succeeds, and the reports say "No drift"', async () => {
    const result = await run(pulumiScenario('detect-drift', { ...quick, sames: 4 }))
    expect(result.code).toBe(0)
    expect(result.outputs['drift-detected']).toBe('false')
    expect(result.summary).toContain('✅ Pulumi drift detection: No drift')
    expect(result.stdout).toContain('found no drift.')
  })

  test('a remediate-drift that found and repaired drift reports it too, failing unless `fail-on-drift: false`', async () => {
    const result = await run(drifted('remediate-drift'), {
      operation: 'remediate-drift',
      'fail-on-drift': 'false'
    })
    expect(result.code).toBe(0)
    expect(result.outputs['drift-detected']).toBe('true')
    expect(commands(result.stdout, 'warning').join('\n')).toMatch(/found drift in 2 resources and remediated/)
  })
})
