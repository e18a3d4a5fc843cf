// Several stacks in one step, end to end: the built action against the fake Pulumi Cloud and the fake GitHub. One
// process creates and follows them all; each stack's log is printed whole in its own groups; one comment and one
// `results` output tell them all.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import {
  expandLines,
  previewScenario,
  pulumiScenario,
  startFakeCloud,
  type FakeCloud,
  type Scenario
} from '../test/fake-cloud/index.js'
import { startFakeGitHub, type FakeGitHub } from '../test/fake-github/index.js'
import { commands, pullRequestEvent, runAction, type ActionResult } from '../test/harness/run-action.js'

const STACKS = ['acme/web/dev', 'acme/web/staging', 'acme/api/prod']
const PR = 7
const settings = { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } }
const prEvent = pullRequestEvent(PR, 'e'.repeat(40))

let cloud: FakeCloud
let github: FakeGitHub
beforeEach(async () => {
  cloud = await startFakeCloud()
  github = await startFakeGitHub()
})
afterEach(async () => {
  await cloud.close()
  await github.close()
})

interface StackResult {
  stack: string
  status: string
  'deployment-id': string | null
  'has-changes': boolean | null
  changes: Record<string, number> | null
  'log-file'?: string
}

function deploy(
  scenarios: Record<string, Scenario>,
  inputs: Record<string, string> = {}
): Promise<ActionResult> {
  for (const [stack, scenario] of Object.entries(scenarios)) cloud.addStack(stack, { settings, scenario })
  return runAction({
    inputs: {
      stack: Object.keys(scenarios).join('\n'),
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

const results = (run: ActionResult): StackResult[] => JSON.parse(run.outputs.results ?? '[]') as StackResult[]

/** The log lines printed in each group, by group title, in the order the groups were opened. */
function groups(stdout: string): { title: string; lines: string[] }[] {
  const found: { title: string; lines: string[] }[] = []
  let open: { title: string; lines: string[] } | undefined
  for (const line of stdout.split('\n')) {
    if (line.startsWith('::group::')) {
      expect(open).toBeUndefined()
      open = { title: line.slice('::group::'.length), lines: [] }
      found.push(open)
    } else if (line === '::endgroup::') {
      expect(open).toBeDefined()
      open = undefined
    } else if (open && !line.startsWith('::')) open.lines.push(line)
  }
  return found
}

function threeScenarios(overrides: Partial<Record<string, Scenario>> = {}): Record<string, Scenario> {
  return Object.fromEntries(
    STACKS.map((stack, i) => [
      stack,
      overrides[stack] ?? previewScenario({ stack, creates: i + 1, sames: 2, stepMs: 20 + 30 * (2 - i) })
    ])
  )
}

describe('three stacks in one step', () => {
  test('are all created and followed, with one result each in the listed order', async () => {
    const run = await deploy(threeScenarios())
    expect(run.code).toBe(0)
    expect(cloud.requests.filter(r => r.endpoint === 'createDeployment')).toHaveLength(3)
    const all = results(run)
    expect(all.map(r => [r.stack, r.status, r['has-changes']])).toEqual(
      STACKS.map(stack => [stack, 'succeeded', true])
    )
    expect(all.map(r => r.changes)).toEqual([
      { create: 1, same: 2 },
      { create: 2, same: 2 },
      { create: 3, same: 2 }
    ])
    expect(run.outputs.status).toBe('succeeded')
    expect(run.outputs['has-changes']).toBe('true')
    expect(JSON.parse(run.outputs.changes ?? '{}')).toEqual({ create: 6, same: 6 })
    // The one-stack outputs say nothing with several stacks.
    for (const name of ['deployment-id', 'deployment-version', 'console-url', 'update-version', 'outputs'])
      expect(run.outputs[name]).toBeUndefined()
  })

  test("print each stack's steps in their own groups, stack after stack, every line once", async () => {
    const scenarios = threeScenarios()
    const run = await deploy(scenarios)
    expect(run.code).toBe(0)
    const printed = groups(run.stdout)
    // Stack after stack in the listed order, though the last one listed finished first.
    const order = printed.map(g => STACKS.findIndex(s => g.title.startsWith(`${s} · `)))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(new Set(order)).toEqual(new Set([0, 1, 2]))
    for (const stack of STACKS) {
      const steps = (scenarios[stack] as Scenario).steps
      const mine = printed.filter(g => g.title.startsWith(`${stack} · `))
      expect(mine.map(g => g.title)).toEqual(steps.map(s => `${stack} · ${s.name}`))
      steps.forEach((step, i) => {
        const expected = [...expandLines(step)]
          .map(l => l.replace(/\n$/, ''))
          .filter(l => l !== '' && !l.includes('\r'))
        const got = (mine[i] as { lines: string[] }).lines
        for (const line of expected) expect(got.filter(l => l === line)).toHaveLength(1)
      })
    }
  })

  test('one failing fails the step, which names it; the others succeed', async () => {
    const failing = pulumiScenario('preview', { stack: STACKS[1], creates: 1, stepMs: 20, result: 'failed' })
    const run = await deploy(threeScenarios({ [STACKS[1] as string]: failing }))
    expect(run.code).toBe(1)
    expect(results(run).map(r => r.status)).toEqual(['succeeded', 'failed', 'succeeded'])
    expect(run.outputs.status).toBe('failed')
    const errors = commands(run.stdout, 'error').join('\n')
    expect(errors).toContain('did not succeed for 1 of 3 stacks: acme/web/staging')
  })

  test('one pull-request comment, with a row per stack and each stack folded below', async () => {
    const run = await deploy(threeScenarios())
    expect(run.code).toBe(0)
    const comments = github.comments('acme', 'infra', PR)
    expect(comments).toHaveLength(1)
    const body = comments[0]?.body ?? ''
    expect(body.split('\n')[0]).toMatch(/^<!-- pulumi-deployments:v1 stacks-[0-9a-f]{8} preview -->$/)
    expect(body.split('\n')[1]).toBe('### ✅ Pulumi preview of 3 stacks: 3 succeeded')
    for (const [i, stack] of STACKS.entries()) {
      expect(body).toMatch(
        new RegExp(`^\\| ${stack} \\| ✅ Succeeded \\| ${i + 1} to create \\| \\[Deployment #1\\]`, 'm')
      )
      expect(body).toContain(`<details><summary>✅ ${stack} — ${i + 1} to create</summary>`)
    }
    expect(run.summary).toContain('## ✅ Pulumi preview of 3 stacks: 3 succeeded')
  })
})
