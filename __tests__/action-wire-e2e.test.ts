// End-to-end, over real HTTP against the fake: answers the action must read as Pulumi's own clients read them
// (spec/WIRE-NOTES.md, "Turn 2") — a stack without stored settings, an empty log header, `N errored`.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { startFakeCloud, type FakeCloud } from '../test/fake-cloud/index.js'
import { commands, runAction, type ActionResult } from '../test/harness/run-action.js'

const STACK = 'acme/web/dev'
const PUSH_SHA = '0123456789abcdef0123456789abcdef01234567'
const REPO_URL = 'https://github.com/acme/infra.git'

let cloud: FakeCloud
beforeEach(async () => {
  cloud = await startFakeCloud({ seed: 11 })
})
afterEach(async () => cloud.close())

function run(inputs: Record<string, string>): Promise<ActionResult> {
  return runAction({
    inputs: {
      stack: STACK,
      'pulumi-access-token': cloud.token,
      'cloud-url': cloud.url,
      'poll-interval': '50ms',
      ...inputs
    },
    repository: 'acme/infra',
    sha: PUSH_SHA
  })
}

describe('a stack without stored deployment settings', () => {
  test('is deployed with full `settings` (`repoURL` as Pulumi’s examples spell it) and `commit: auto`', async () => {
    cloud.addStack(STACK)
    const result = await run({
      operation: 'update',
      commit: 'auto',
      settings: JSON.stringify({
        sourceContext: { git: { repoURL: REPO_URL, repoDir: 'infra' } },
        operationContext: { preRunCommands: ['make'] },
        agentPoolID: null
      })
    })
    expect(result.stderr).toBe('')
    expect(commands(result.stdout, 'error')).toEqual([])
    expect(result.code).toBe(0)
    const [deployment] = cloud.deployments(STACK)
    expect(deployment?.settings.sourceContext?.git).toEqual({
      repoUrl: REPO_URL,
      repoDir: 'infra',
      commit: PUSH_SHA
    })
    expect(result.outputs.status).toBe('succeeded')
  })

  test('whose settings are read (to learn the repository) carries on past the 404 with nothing inherited', async () => {
    cloud.addStack(STACK)
    const result = await run({
      operation: 'update',
      settings: JSON.stringify({ operationContext: { preRunCommands: ['make'] } })
    })
    expect(cloud.requests.map(r => [r.endpoint, r.status])).toEqual([
      ['getSettings', 404],
      ['createDeployment', 400]
    ])
    expect(result.stdout).toContain('Not pinning a commit: the deployment settings name no git repository')
    // The create's own answer is what the user reads: there is no source to deploy, not "no such stack".
    const errors = commands(result.stdout, 'error').join('\n')
    expect(errors).toMatch(/The deployment has no source/)
    expect(errors).not.toMatch(/does not exist/)
    expect(result.code).toBe(1)
  })

  test('a stack that does not exist still fails with the stack-not-found sentence, from the create', async () => {
    cloud.addStack('acme/web/other')
    const result = await run({
      operation: 'update',
      settings: JSON.stringify({ sourceContext: { git: { repoUrl: REPO_URL, branch: 'refs/heads/main' } } })
    })
    expect(result.code).toBe(1)
    expect(cloud.requests.map(r => [r.endpoint, r.status]).at(-1)).toEqual(['createDeployment', 404])
    expect(commands(result.stdout, 'error').join('\n')).toMatch(
      /The stack acme\/web\/dev does not exist in Pulumi Cloud, or the access token cannot see it/
    )
  })
})

describe('the log and its summary', () => {
  test('an empty step header opens no step, and `1 errored` never makes has-changes true', async () => {
    cloud.addStack(STACK, {
      settings: { sourceContext: { git: { repoUrl: REPO_URL, branch: 'refs/heads/main' } } },
      // No counts scripted: the report reads them from the log's `Resources:` block.
      scenario: {
        steps: [
          { name: 'Get source', durationMs: 10, lines: ['cloned'] },
          { name: '', durationMs: 10, lines: ['a line under an empty header'] },
          {
            name: 'pulumi refresh',
            durationMs: 10,
            pulumiOperation: true,
            status: 'failed',
            lines: ['Resources:', '    1 errored', '    3 unchanged', '', 'error: refresh failed']
          }
        ],
        result: 'failed'
      }
    })
    const result = await run({ operation: 'refresh', commit: 'none' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('a line under an empty header')
    expect(result.stdout).not.toContain('(unnamed step)')
    expect(result.stdout).not.toMatch(/^::group::\s*$/m)
    expect(result.outputs['has-changes']).toBe('false')
    expect(JSON.parse(result.outputs.changes ?? 'null')).toEqual({ same: 3 })
  })
})

describe('what Pulumi Cloud says besides its answers', () => {
  const configured = {
    settings: { sourceContext: { git: { repoUrl: REPO_URL, branch: 'refs/heads/main' } } }
  }

  test('an X-Pulumi-Warning on every answer is printed once, as one warning', async () => {
    cloud.addStack(STACK, configured)
    cloud.setWarning('The organization acme is over its deployment minutes.')
    const result = await run({ operation: 'preview', commit: 'none' })
    expect(result.code).toBe(0)
    const said = commands(result.stdout, 'warning').filter(w => w.includes('over its deployment minutes'))
    expect(said).toEqual(['Pulumi Cloud warns: The organization acme is over its deployment minutes.'])
    expect(cloud.requests.length).toBeGreaterThan(3)
  })

  test("a 5xx the user sees names Pulumi Cloud's request ID, for support", async () => {
    cloud.addStack(STACK, configured)
    cloud.faults.add({ kind: 'status', status: 500, endpoint: 'getSettings' })
    // The read is retried under Pulumi's own backoff (a few seconds in all) before the step fails.
    const result = await run({ operation: 'preview', commit: 'auto' })
    expect(result.code).toBe(1)
    expect(commands(result.stdout, 'error').join('\n')).toMatch(
      /give Pulumi support the request ID fake-request-\d{6}/
    )
  })
})
