import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pullRequestToComment, readEventContext } from '../src/github/context.js'

const HEAD_SHA = '1111111111111111111111111111111111111111'
const MERGE_SHA = '2222222222222222222222222222222222222222'

function pullRequestPayload(headRepo: string | null): string {
  return JSON.stringify({
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      head: { sha: HEAD_SHA, ref: 'feature', repo: headRepo && { full_name: headRepo } }
    }
  })
}

function runnerEnv(eventName: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: '/home/runner/work/_temp/_github_workflow/event.json',
    GITHUB_SHA: MERGE_SHA,
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: '123456',
    GITHUB_RUN_ATTEMPT: '1',
    ...extra
  }
}

describe('readEventContext', () => {
  test('on pull_request, reads the pull request number, head commit and head repository from the payload', () => {
    const readPaths: string[] = []
    const ctx = readEventContext(runnerEnv('pull_request'), path => {
      readPaths.push(path)
      return pullRequestPayload('acme/app')
    })
    expect(readPaths).toEqual(['/home/runner/work/_temp/_github_workflow/event.json'])
    expect(ctx).toEqual({
      repository: 'acme/app',
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      eventName: 'pull_request',
      sha: MERGE_SHA,
      ref: 'refs/pull/7/merge',
      actor: 'octocat',
      runUrl: 'https://github.com/acme/app/actions/runs/123456',
      pullRequest: { number: 7, headSha: HEAD_SHA, headRepo: 'acme/app' }
    })
  })

  test('on pull_request_target from a fork, reports the fork as the head repository', () => {
    const ctx = readEventContext(runnerEnv('pull_request_target'), () => pullRequestPayload('someone/app'))
    expect(ctx.pullRequest).toEqual({ number: 7, headSha: HEAD_SHA, headRepo: 'someone/app' })
  })

  test('leaves the head repository out when the fork was deleted', () => {
    const ctx = readEventContext(runnerEnv('pull_request'), () => pullRequestPayload(null))
    expect(ctx.pullRequest).toEqual({ number: 7, headSha: HEAD_SHA })
  })

  test.each(['push', 'workflow_dispatch', 'schedule'])(
    'on %s, has no pull request and does not read the payload',
    event => {
      const ctx = readEventContext(runnerEnv(event, { GITHUB_REF: 'refs/heads/main' }), () => {
        throw new Error('the payload should not be read')
      })
      expect(ctx.pullRequest).toBeUndefined()
      expect(ctx.sha).toBe(MERGE_SHA)
      expect(ctx.ref).toBe('refs/heads/main')
      expect(ctx.eventName).toBe(event)
    }
  )

  test.each([
    ['a missing file', () => readMissingFile()],
    ['invalid JSON', () => '{not json'],
    ['a payload without a pull request', () => JSON.stringify({ action: 'opened' })],
    ['a pull request without a head commit', () => JSON.stringify({ pull_request: { number: 7, head: {} } })],
    [
      'a pull request number that is not a number',
      () => JSON.stringify({ pull_request: { number: '7', head: { sha: HEAD_SHA } } })
    ],
    ['JSON null', () => 'null']
  ])('tolerates %s: no pull request, the rest still read', (_case, readFile) => {
    const ctx = readEventContext(runnerEnv('pull_request'), readFile)
    expect(ctx.pullRequest).toBeUndefined()
    expect(ctx.repository).toBe('acme/app')
  })

  test('reads the real event file by default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-'))
    try {
      const path = join(dir, 'event.json')
      writeFileSync(path, pullRequestPayload('acme/app'))
      expect(
        readEventContext(runnerEnv('pull_request', { GITHUB_EVENT_PATH: path })).pullRequest?.number
      ).toBe(7)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('falls back to github.com without the runner variables, and strips trailing slashes on GHES', () => {
    expect(readEventContext({}, () => '')).toEqual({
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com'
    })
    const ghes = readEventContext(
      { GITHUB_SERVER_URL: 'https://ghes.example.com/', GITHUB_API_URL: 'https://ghes.example.com/api/v3/' },
      () => ''
    )
    expect(ghes.serverUrl).toBe('https://ghes.example.com')
    expect(ghes.apiUrl).toBe('https://ghes.example.com/api/v3')
  })

  test('links to the attempt on a re-run', () => {
    const ctx = readEventContext(runnerEnv('push', { GITHUB_RUN_ATTEMPT: '3' }), () => '')
    expect(ctx.runUrl).toBe('https://github.com/acme/app/actions/runs/123456/attempts/3')
  })

  test('has no run link without a repository', () => {
    expect(readEventContext({ GITHUB_RUN_ID: '1' }, () => '').runUrl).toBeUndefined()
  })
})

function readMissingFile(): string {
  const error = new Error('ENOENT: no such file or directory') as NodeJS.ErrnoException
  error.code = 'ENOENT'
  throw error
}

describe('pullRequestToComment', () => {
  const onPullRequest = readEventContext(runnerEnv('pull_request'), () => pullRequestPayload('acme/app'))
  const onPush = readEventContext(runnerEnv('push'), () => '')

  test.each([
    ['the triggering pull request', { commentOnPr: true, commentOnPrNumber: undefined }, onPullRequest, 7],
    [
      'none when comment-on-pr is false',
      { commentOnPr: false, commentOnPrNumber: undefined },
      onPullRequest,
      undefined
    ],
    ['none on a push', { commentOnPr: true, commentOnPrNumber: undefined }, onPush, undefined],
    ['the given number on a push', { commentOnPr: true, commentOnPrNumber: 42 }, onPush, 42],
    [
      'the given number over the triggering one',
      { commentOnPr: true, commentOnPrNumber: 42 },
      onPullRequest,
      42
    ],
    [
      'the given number even when comment-on-pr is false',
      { commentOnPr: false, commentOnPrNumber: 42 },
      onPush,
      42
    ]
  ])('comments on %s', (_case, config, ctx, expected) => {
    expect(pullRequestToComment(config, ctx)).toBe(expected)
  })
})
