// The pull-request comment, end to end: the built action against the fake Pulumi Cloud and the fake GitHub API.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { startFakeCloud, previewScenario, updateScenario, type FakeCloud } from '../test/fake-cloud/index.js'
import { startFakeGitHub, type FakeGitHub } from '../test/fake-github/index.js'
import {
  commands,
  pullRequestEvent,
  runAction,
  type ActionResult,
  type GitHubEvent
} from '../test/harness/run-action.js'

const REPO = { owner: 'acme', repo: 'infra' }
const PR = 12
const settings = { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } }
const prEvent = (number = PR): GitHubEvent => pullRequestEvent(number, 'f'.repeat(40))

let cloud: FakeCloud
let github: FakeGitHub
beforeEach(async () => {
  cloud = await startFakeCloud()
  github = await startFakeGitHub()
  for (const stack of ['acme/web/dev', 'acme/web/prod']) {
    cloud.addStack(stack, {
      settings,
      scenario: previewScenario({ creates: 2, updates: 1, sames: 3, stepMs: 20 })
    })
  }
})
afterEach(async () => {
  await cloud.close()
  await github.close()
})

function deploy(inputs: Record<string, string>, event: GitHubEvent = prEvent()): Promise<ActionResult> {
  return runAction({
    inputs: {
      stack: 'acme/web/dev',
      operation: 'preview',
      'pulumi-access-token': cloud.token,
      'cloud-url': cloud.url,
      'poll-interval': '50ms',
      ...inputs
    },
    repository: 'acme/infra',
    githubApiUrl: github.url,
    githubToken: github.token,
    event
  })
}

const comments = (n = PR) => github.comments(REPO.owner, REPO.repo, n)

describe('the pull-request comment', () => {
  test('a preview posts one comment with status, counts, link and output', async () => {
    const run = await deploy({})
    expect(run.code).toBe(0)
    expect(comments()).toHaveLength(1)
    const body = comments()[0]?.body ?? ''
    expect(body.startsWith('<!-- pulumi-deployments:v1 acme/web/dev preview -->')).toBe(true)
    expect(body).toMatch(/succeeded/i)
    expect(body).toContain(run.outputs['console-url'])
    expect(body.split('\n')[1]).toContain('2 to create, 1 to update') // the counts, in the headline
    expect(body).toContain('<details>')
    expect(body).toContain('Resources:')
    // Written first while the deployment ran, then edited with the result: never two comments.
    const writes = github.requests.filter(r => r.method === 'POST' || r.method === 'PATCH')
    expect(writes.map(w => w.method)).toEqual(['POST', 'PATCH'])
  })

  test('a second run edits the same comment; a second stack gets its own', async () => {
    await deploy({})
    const first = comments()[0]
    await deploy({})
    expect(comments()).toHaveLength(1)
    expect(comments()[0]?.id).toBe(first?.id)
    expect(comments()[0]?.body).not.toBe(first?.body) // the new deployment's link and version

    await deploy({ stack: 'acme/web/prod' })
    expect(comments()).toHaveLength(2)
    expect(comments()[1]?.body).toContain('acme/web/prod')
  })

  test('edit-pr-comment: false adds a new comment', async () => {
    await deploy({})
    await deploy({ 'edit-pr-comment': 'false' })
    expect(comments()).toHaveLength(2)
  })

  test('finds its comment behind 150 others and leaves a human quoting the marker alone', async () => {
    await deploy({})
    const ours = comments()[0]
    const quote = `Why does it say <!-- pulumi-deployments:v1 acme/web/dev preview --> here?`
    for (let i = 0; i < 150; i++)
      github.addComment(REPO.owner, REPO.repo, PR, i === 149 ? quote : `comment ${i}`)
    await deploy({})
    const all = comments()
    expect(all).toHaveLength(151)
    expect(all[0]?.id).toBe(ours?.id)
    expect(all[0]?.body).not.toBe(ours?.body)
    expect(all[150]?.body).toBe(quote)
  })

  test('a 4,000-resource preview yields a comment under 65,536 characters that keeps the Resources: summary', async () => {
    cloud.setScenario('acme/web/dev', previewScenario({ resources: 4000, creates: 4000, stepMs: 50 }))
    const run = await deploy({})
    expect(run.code).toBe(0)
    const body = comments()[0]?.body ?? ''
    expect(body.length).toBeLessThan(65_536)
    expect(body).toContain('Resources:')
    expect(body).toMatch(/4,?000 to create/)
    expect(body).toMatch(/lines? (were )?(left out|omitted)/i)
    expect(body).toContain('https://github.com/acme/infra/actions/runs/4242')
  })

  test('a GitHub 403 is a warning that says how to fix it, and the step still passes', async () => {
    github.denyWrites()
    const run = await deploy({})
    expect(run.code).toBe(0)
    expect(commands(run.stdout, 'warning').join('\n')).toMatch(/pull-requests: write/)
    expect(run.summary).toContain('acme/web/dev')
  })

  test('comment-on-pr-number comments on a push', async () => {
    cloud.setScenario('acme/web/dev', updateScenario({ creates: 1, stepMs: 20 }))
    const run = await deploy(
      { operation: 'update', 'comment-on-pr-number': '99' },
      { name: 'push', payload: {} }
    )
    expect(run.code).toBe(0)
    expect(comments(99)).toHaveLength(1)
    expect(comments(99)[0]?.body).toContain('update')
  })

  test('no comment on a push without a pull-request number, and Octokit is never used', async () => {
    const run = await deploy({}, { name: 'push', payload: {} })
    expect(run.code).toBe(0)
    expect(github.requests).toHaveLength(0)
  })

  test('expect-no-changes fails the step when the preview reports changes, and passes when it does not', async () => {
    const changed = await deploy({ 'expect-no-changes': 'true' })
    expect(changed.code).toBe(1)
    expect(commands(changed.stdout, 'error').join('\n')).toMatch(/2 to create/)

    cloud.setScenario('acme/web/dev', previewScenario({ sames: 5, stepMs: 20 }))
    const unchanged = await deploy({ 'expect-no-changes': 'true' })
    expect(unchanged.code).toBe(0)
    expect(unchanged.outputs['has-changes']).toBe('false')
  })
})
