// End-to-end: a create request that Pulumi Cloud carried out but whose answer was lost. The built action must find
// that one deployment and follow it, never send the create again; when it cannot tell which deployment is its own,
// it stops with an error naming every candidate.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import {
  callFake,
  startFakeCloud,
  updateScenario,
  type FakeCloud,
  type FaultRule
} from '../test/fake-cloud/index.js'
import { commands, runAction, type ActionResult } from '../test/harness/run-action.js'

const STACK = 'acme/web/dev'
const PUSH_SHA = '0123456789abcdef0123456789abcdef01234567'
const settings = {
  sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'refs/heads/main' } }
}

let cloud: FakeCloud
beforeEach(async () => {
  cloud = await startFakeCloud({ seed: 5 })
  cloud.addStack(STACK, { settings, scenario: updateScenario({ creates: 1, stepMs: 20, stack: STACK }) })
})
afterEach(async () => cloud.close())

function run(): Promise<ActionResult> {
  return runAction({
    inputs: {
      stack: STACK,
      operation: 'update',
      'pulumi-access-token': cloud.token,
      'cloud-url': cloud.url,
      'poll-interval': '50ms'
    },
    repository: 'acme/infra',
    sha: PUSH_SHA
  })
}

const sent = (endpoint: string): number => cloud.requests.filter(r => r.endpoint === endpoint).length

describe('a create whose answer was lost after Pulumi Cloud carried it out', () => {
  test.each<[string, FaultRule]>([
    ['the connection was reset', { kind: 'reset', afterProcessing: true }],
    ['the 202 body was cut short', { kind: 'truncate' }],
    ['a gateway answered 502', { kind: 'status', status: 502, afterProcessing: true }],
    ['a proxy answered 503', { kind: 'status', status: 503, afterProcessing: true }]
  ])('is found and followed when %s, and never sent again', async (_name, fault) => {
    cloud.faults.add({ ...fault, endpoint: 'createDeployment', times: 1 })
    const result = await run()

    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const deployments = cloud.deployments(STACK)
    expect(deployments).toHaveLength(1)
    expect(sent('createDeployment')).toBe(1)
    const [only] = deployments
    expect(result.outputs).toMatchObject({ 'deployment-id': only?.id, status: 'succeeded' })
    expect(commands(result.stdout, 'notice').join('\n')).toMatch(
      /Deployment 1 of acme\/web\/dev \(update\) was created \(found after an interrupted create request\)/
    )
    // Followed to the end: its log was printed, the Pulumi step's summary included.
    expect(result.stdout).toContain('::group::pulumi update')
    expect(result.stdout).toContain('Resources:')
  })

  test('a create refused before it was carried out (connection reset) is looked for over a window, then sent again', async () => {
    cloud.faults.add({ kind: 'reset', endpoint: 'createDeployment', times: 1 })
    const result = await run()
    expect(result.code).toBe(0)
    expect(cloud.deployments(STACK)).toHaveLength(1)
    expect(cloud.requests.map(r => r.endpoint).slice(0, 9)).toEqual([
      'getSettings',
      'createDeployment',
      'getCurrentUser',
      ...Array<string>(5).fill('listStackDeployments'),
      'createDeployment'
    ])
    const notices = commands(result.stdout, 'notice').join('\n')
    expect(notices).not.toMatch(/interrupted/)
    expect(notices).toMatch(
      /The request to create the update deployment of acme\/web\/dev failed after it was sent \(connection failed after sending \(ECONNRESET\)\), and no deployment it could have made appeared among the stack's deployments in 10 s, so it is being sent again\./
    )
  })

  test('a deployment another actor requested in the same moment is never taken for ours', async () => {
    cloud.addToken('pul-other-actor-0001', { name: 'Other', githubLogin: 'other-actor', avatarUrl: '' })
    const theirs = await callFake<{ id: string }>(
      cloud,
      'POST',
      '/api/stacks/acme/web/dev/deployments',
      { operation: 'update', sourceContext: { git: { commit: PUSH_SHA } } },
      { token: 'pul-other-actor-0001' }
    )
    cloud.faults.add({ kind: 'reset', endpoint: 'createDeployment', times: 1 })
    const result = await run()
    expect(result.code).toBe(0)
    expect(cloud.deployments(STACK)).toHaveLength(2)
    expect(result.outputs['deployment-id']).not.toBe(theirs.body.id)
    expect(commands(result.stdout, 'notice').join('\n')).toMatch(/so it is being sent again/)
  })
})

describe('a create the action cannot confirm', () => {
  test('when another run made the same update at the same moment, stops naming both deployments', async () => {
    // A concurrent run of the same workflow, on the same commit, created its deployment a moment earlier.
    const theirs = await callFake<{ id: string; version: number }>(
      cloud,
      'POST',
      '/api/stacks/acme/web/dev/deployments',
      { operation: 'update', sourceContext: { git: { commit: PUSH_SHA } } }
    )
    expect(theirs.status).toBe(202)
    cloud.faults.add({ kind: 'reset', afterProcessing: true, endpoint: 'createDeployment', times: 1 })
    const result = await run()

    expect(result.code).toBe(1)
    const [ours] = cloud.deployments(STACK).filter(d => d.id !== theirs.body.id)
    expect(cloud.deployments(STACK)).toHaveLength(2)
    expect(sent('createDeployment')).toBe(2)
    const errors = commands(result.stdout, 'error')
    expect(errors).toHaveLength(1)
    const error = errors[0] ?? ''
    expect(error).toMatch(
      /^Pulumi Cloud may or may not have created the update deployment for stack acme\/web\/dev: /
    )
    expect(error).toContain(`version 1 (id ${theirs.body.id}`)
    expect(error).toContain(`version 2 (id ${ours?.id}`)
    expect(error).toMatch(/Check the stack's deployments in the Pulumi Cloud console before running again/)
    expect(error).not.toMatch(/unexpected error/)
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /)
    // Neither is taken for ours: none is followed, and no output names one.
    expect(sent('streamLogs')).toBe(0)
    expect(result.outputs['deployment-id']).toBeUndefined()
  })

  test('when the stack cannot be read to check, stops saying so, without sending the create again', async () => {
    cloud.faults.add({ kind: 'reset', afterProcessing: true, endpoint: 'createDeployment', times: 1 })
    cloud.faults.add({ kind: 'status', status: 500, endpoint: 'listStackDeployments' })
    const result = await run()

    expect(result.code).toBe(1)
    expect(cloud.deployments(STACK)).toHaveLength(1)
    expect(sent('createDeployment')).toBe(1)
    const errors = commands(result.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/may or may not have created the update deployment for stack acme\/web\/dev/)
    expect(errors[0]).toMatch(/could not be read to check: Pulumi Cloud is unavailable/)
    expect(errors[0]).not.toMatch(/unexpected error/)
  })
})
