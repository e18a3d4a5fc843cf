// What a reviewer sees, end to end: the built action against the fake Pulumi Cloud and the fake GitHub. Counts,
// changed resources, policy violations and errors come from Pulumi Cloud's structured endpoints, not the log.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import {
  previewScenario,
  pulumiScenario,
  startFakeCloud,
  updateScenario,
  type FakeCloud,
  type Scenario
} from '../test/fake-cloud/index.js'
import { startFakeGitHub, type FakeGitHub } from '../test/fake-github/index.js'
import { commands, pullRequestEvent, runAction, type ActionResult } from '../test/harness/run-action.js'

const STACK = 'acme/web/dev'
const PR = 12
const settings = { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } }
const prEvent = pullRequestEvent(PR, 'f'.repeat(40))

let cloud: FakeCloud
let github: FakeGitHub
beforeEach(async () => {
  cloud = await startFakeCloud({ eventsPageSize: 50 })
  github = await startFakeGitHub()
})
afterEach(async () => {
  await cloud.close()
  await github.close()
})

function deploy(scenario: Scenario, inputs: Record<string, string> = {}): Promise<ActionResult> {
  cloud.addStack(STACK, { settings, scenario })
  return runAction({
    inputs: {
      stack: STACK,
      operation: 'preview',
      'pulumi-access-token': cloud.token,
      'cloud-url': cloud.url,
      'poll-interval': '50ms',
      ...inputs
    },
    repository: 'acme/infra',
    githubApiUrl: github.url,
    githubToken: github.token,
    event: prEvent
  })
}

const comment = (): string => github.comments('acme', 'infra', PR).at(-1)?.body ?? ''

/** A scenario whose log's `Resources:` block says one thing while Pulumi Cloud's counts say another. */
function disagreeing(scenario: Scenario, resourceChanges: Record<string, number>): Scenario {
  return { ...scenario, update: { resourceChanges } }
}

describe('counts from Pulumi Cloud', () => {
  test('take resourceChanges over a log that disagrees, for the outputs, the headline and the summary', async () => {
    const scenario = disagreeing(previewScenario({ creates: 1, stepMs: 20 }), {
      create: 4,
      delete: 2,
      same: 9
    })
    const run = await deploy(scenario)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.changes ?? '{}')).toEqual({ create: 4, delete: 2, same: 9 })
    expect(comment().split('\n')[1]).toContain('⚠️ 2 to delete, 4 to create')
    expect(run.summary).toContain('⚠️ 2 to delete, 4 to create')
  })

  test('come from resourceChanges when the log has no Resources: block at all', async () => {
    const base = previewScenario({ creates: 2, updates: 1, stepMs: 20 })
    const silent: Scenario = {
      ...base,
      steps: base.steps.map(step =>
        step.pulumiOperation ? { ...step, lines: ['Previewing update (acme/dev)'] } : step
      )
    }
    const run = await deploy(silent)
    expect(run.stdout).not.toContain('Resources:')
    expect(JSON.parse(run.outputs.changes ?? '{}')).toEqual({ create: 2, update: 1 })
    expect(run.outputs['has-changes']).toBe('true')
  })

  test("fall back to the log's counts, with a warning, when Pulumi Cloud refuses the results", async () => {
    cloud.faults.add({ kind: 'status', status: 403, endpoint: 'getUpdates' })
    const run = await deploy(previewScenario({ creates: 3, sames: 1, stepMs: 20 }))
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.changes ?? '{}')).toEqual({ create: 3, same: 1 })
    expect(commands(run.stdout, 'warning').join('\n')).toMatch(/could not be read from Pulumi Cloud/)
    expect(comment().split('\n')[1]).toContain('3 to create')
  })
})

describe('the comment', () => {
  test('flags deletes and replaces first and lists each changed resource with its changed properties', async () => {
    const run = await deploy(
      previewScenario({ creates: 2, updates: 2, replaces: 2, deletes: 3, sames: 7, stepMs: 20 })
    )
    expect(run.code).toBe(0)
    const lines = comment().split('\n')
    expect(lines[0]).toBe('<!-- pulumi-deployments:v1 acme/web/dev preview -->')
    expect(lines[1]).toBe(
      '### ✅ Pulumi preview succeeded: acme/web/dev — ⚠️ 3 to delete, ⚠️ 2 to replace, 2 to create, 2 to update'
    )
    const rows = lines.filter(l => /^\| (⚠️ \*\*|create|update)/.test(l))
    expect(rows.map(r => /^\| ([^|]+) \|/.exec(r)?.[1])).toEqual([
      '⚠️ **delete**',
      '⚠️ **delete**',
      '⚠️ **delete**',
      '⚠️ **replace**',
      '⚠️ **replace**',
      'create',
      'create',
      'update',
      'update'
    ])
    // The table comes before anything else below the headline's links.
    expect(lines.findIndex(l => l.startsWith('#### Changed resources'))).toBeLessThan(8)
    const replaced = rows.find(r => r.includes('replace')) ?? ''
    expect(replaced).toMatch(/\*\*[a-zA-Z]+\*\* \(forces replacement\)/)
    const updated = rows.find(r => r.startsWith('| update')) ?? ''
    expect(updated).toContain('tags.team')
    // Unchanged resources are counted, never listed.
    expect(comment()).toContain('7 unchanged')
    expect(comment()).not.toContain('unchanged-1')
    expect(comment()).toContain('<code>&quot;web&quot;</code> → <code>&quot;platform&quot;</code>')
    expect(comment()).toContain('[Preview](')
    expect(comment()).not.toContain('[Update')
  })

  test('shows a secret property as [secret], never its ciphertext', async () => {
    // The fifth resource is a Lambda function, whose update changes its (secret) environment.
    await deploy(previewScenario({ updates: 6, stepMs: 20 }))
    expect(comment()).toContain('<code>environment</code>: <code>[secret]</code> → <code>[secret]</code>')
    expect(comment()).not.toContain('ZmFrZQ')
  })

  test('a policy violation and an error diagnostic have their own sections, the failing resource first', async () => {
    const run = await deploy(
      previewScenario({ creates: 2, result: 'failed', policy: { enforcementLevel: 'mandatory' }, stepMs: 20 })
    )
    expect(run.code).toBe(1)
    const body = comment()
    expect(body).toContain('#### 🛡️ Policy violations')
    expect(body).toMatch(
      /🚫 mandatory \| aws-guard \/ <code>s3-no-public-read<\/code> \(high\) \| <code>bucket-0001<\/code>/
    )
    expect(body).toContain('#### ❌ Errors')
    expect(body).toContain(
      '❌ <code>bucket-0001</code> (aws:s3:Bucket) failed to create: creating aws:s3:Bucket (bucket-0001)'
    )
    expect(body.indexOf('#### ❌ Errors')).toBeLessThan(body.indexOf('**Failed step:**'))
    const errors = commands(run.stdout, 'error')
    expect(errors.some(e => e.startsWith('[mandatory] aws-guard/s3-no-public-read on bucket-0001'))).toBe(
      true
    )
    const failure = errors.find(e => e.includes('last lines')) ?? ''
    expect(failure.indexOf('bucket-0001')).toBeLessThan(failure.indexOf('last lines'))
  })

  test('a preview with no changes is one short line and its links, edited into the earlier comment', async () => {
    cloud.addStack('acme/web/prod', { settings })
    const run = await deploy(previewScenario({ sames: 5, stepMs: 20 }))
    expect(run.code).toBe(0)
    const body = comment()
    expect(body.split('\n')[1]).toBe('### ✅ Pulumi preview succeeded: acme/web/dev — no changes')
    expect(body.trim().split('\n')).toHaveLength(4)
    expect(body).toMatch(/^5 unchanged · \[Deployment #1\]\(.*\) · \[Preview\]\(.*\) · \[Workflow run\]/m)
    expect(github.comments('acme', 'infra', PR)).toHaveLength(1)
  })

  test('a 5,000-resource preview stays under 65,536 characters and its summary under 1 MiB', async () => {
    const run = await deploy(
      previewScenario({
        resources: 5_000,
        creates: 2_000,
        updates: 1_500,
        replaces: 500,
        deletes: 1_000,
        stepMs: 200
      })
    )
    expect(run.code).toBe(0)
    const body = comment()
    expect(body.length).toBeLessThan(65_536)
    expect(body.split('\n')[1]).toContain(
      '⚠️ 1,000 to delete, ⚠️ 500 to replace, 2,000 to create, 1,500 to update'
    )
    expect(body).toContain('#### Changed resources (5,000)')
    expect(body).toMatch(
      /…and [\d,]+ more resources, not listed here for size; see \[the preview in Pulumi Cloud\]/
    )
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024)
  })

  test('a destroy says plainly what it removed', async () => {
    const run = await deploy(pulumiScenario('destroy', { deletes: 4, stepMs: 20 }), { operation: 'destroy' })
    expect(run.code).toBe(0)
    expect(run.summary).toContain('⚠️ 4 deleted')
    expect(run.summary).toContain('⚠️ This destroy deleted 4 resources of acme/web/dev')
  })
})

describe('stack outputs', () => {
  const outputs = {
    url: 'https://web.example.com',
    replicas: 3,
    tags: { env: 'dev' },
    'bad name!': 'x',
    status: 'not the step status',
    dbPassword: { secret: 'hunter2-correct-horse' },
    apiKey: { secret: 'sk-live-0123456789abcdef' }
  }

  test('after an update: `outputs` and one step output per output, secrets [secret] by default', async () => {
    const run = await deploy(updateScenario({ creates: 1, stepMs: 20, outputs }), { operation: 'update' })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.outputs ?? '{}')).toEqual({
      ...outputs,
      dbPassword: '[secret]',
      apiKey: '[secret]'
    })
    expect(run.outputs).toMatchObject({
      url: 'https://web.example.com',
      replicas: '3',
      tags: '{"env":"dev"}'
    })
    expect(run.outputs.dbPassword).toBe('[secret]')
    // An output that cannot be a step output, or that is one of this action's own, is in `outputs` only.
    expect(run.outputs['bad name!']).toBeUndefined()
    expect(run.outputs.status).toBe('succeeded')
    expect(run.summary).toContain('### Stack outputs')
    expect(run.summary).toMatch(/<code>dbPassword<\/code> \| 🔒 \[secret\]/)
    expect(cloud.requests.some(r => r.endpoint === 'batchDecrypt')).toBe(false)
  })

  test('with show-secret-outputs: decrypted, masked before being set, and in no log, summary or comment', async () => {
    const run = await deploy(updateScenario({ creates: 1, stepMs: 20, outputs }), {
      operation: 'update',
      'show-secret-outputs': 'true',
      'comment-on-pr-number': String(PR)
    })
    expect(run.code).toBe(0)
    expect(run.outputs.dbPassword).toBe('hunter2-correct-horse')
    expect(JSON.parse(run.outputs.outputs ?? '{}')).toMatchObject({ apiKey: 'sk-live-0123456789abcdef' })
    const masks = run.stdout.split('\n').filter(l => l.startsWith('::add-mask::'))
    expect(masks).toEqual(
      expect.arrayContaining(['::add-mask::hunter2-correct-horse', '::add-mask::sk-live-0123456789abcdef'])
    )
    // The harness's secret scan knows both values and fails the test if either shows anywhere but the outputs.
    expect(run.leaks).toEqual([])
    expect(run.summary).toMatch(/<code>dbPassword<\/code> \| 🔒 \[secret\]/)
    expect(comment()).not.toContain('hunter2')
  })

  test('a refused decrypt is a warning; the secret reads [secret] and the step still succeeds', async () => {
    cloud.faults.add({ kind: 'status', status: 403, endpoint: 'batchDecrypt' })
    const run = await deploy(updateScenario({ creates: 1, stepMs: 20, outputs }), {
      operation: 'update',
      'show-secret-outputs': 'true'
    })
    expect(run.code).toBe(0)
    expect(run.outputs.dbPassword).toBe('[secret]')
    expect(commands(run.stdout, 'warning').join('\n')).toMatch(
      /secret outputs of acme\/web\/dev \(dbPassword, apiKey\) could not be decrypted/
    )
  })

  test('a refused export is a warning naming what could not be read; the step still succeeds', async () => {
    cloud.faults.add({ kind: 'status', status: 403, endpoint: 'exportStack' })
    const run = await deploy(updateScenario({ creates: 1, stepMs: 20, outputs }), { operation: 'update' })
    expect(run.code).toBe(0)
    expect(run.outputs.outputs).toBeUndefined()
    expect(commands(run.stdout, 'warning').join('\n')).toMatch(/outputs of acme\/web\/dev could not be read/)
  })
})
