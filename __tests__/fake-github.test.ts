// The fake GitHub answers issue-comment calls as api.github.com does: auth, Link pagination, 403 and 422 errors.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../test/fake-github/index.js'

let gh: FakeGitHub
const COMMENTS = '/repos/acme/infra/issues/7/comments'

async function call<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  auth: string | null = `token ${gh.token}`
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' }
  if (auth !== null) headers.authorization = auth
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${gh.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  return { status: response.status, body: (await response.json()) as T, headers: response.headers }
}

beforeEach(async () => {
  gh = await startFakeGitHub()
})
afterEach(async () => gh.close())

describe('fake GitHub issue comments', () => {
  test('needs `token X` or `Bearer X`; anything else is 401 Bad credentials', async () => {
    expect((await call('GET', COMMENTS)).status).toBe(200)
    expect((await call('GET', COMMENTS, undefined, `Bearer ${gh.token}`)).status).toBe(200)
    const refused = await call<{ message: string }>('GET', COMMENTS, undefined, 'token wrong')
    expect([refused.status, refused.body.message]).toEqual([401, 'Bad credentials'])
    expect((await call('GET', COMMENTS, undefined, null)).status).toBe(401)
  })

  test('creates comments as github-actions[bot] and edits them; an unknown id is 404', async () => {
    const created = await call<{ id: number; body: string; user: { login: string; type: string } }>(
      'POST',
      COMMENTS,
      {
        body: 'hello'
      }
    )
    expect(created.status).toBe(201)
    expect(created.body.user).toEqual({ login: 'github-actions[bot]', type: 'Bot' })
    const edited = await call<{ body: string }>(
      'PATCH',
      `/repos/acme/infra/issues/comments/${created.body.id}`,
      {
        body: 'edited'
      }
    )
    expect([edited.status, edited.body.body]).toEqual([200, 'edited'])
    expect(gh.comments('acme', 'infra', 7).map(c => c.body)).toEqual(['edited'])
    expect((await call('PATCH', '/repos/acme/infra/issues/comments/1', { body: 'x' })).status).toBe(404)
  })

  test('pages like GitHub: 30 by default, at most 100, with absolute prev/next/last/first links', async () => {
    for (let i = 0; i < 250; i++) gh.addComment('acme', 'infra', 7, `comment ${i}`)
    const first = await call<{ body: string }[]>('GET', COMMENTS)
    expect(first.body).toHaveLength(30)
    const page = (n: number, size: number) => `<${gh.url}${COMMENTS}?per_page=${size}&page=${n}>`
    expect(first.headers.get('link')).toBe(`${page(2, 30)}; rel="next", ${page(9, 30)}; rel="last"`)
    const middle = await call<{ body: string }[]>('GET', `${COMMENTS}?per_page=100&page=2`)
    expect(middle.body.map(c => c.body)[0]).toBe('comment 100')
    expect(middle.headers.get('link')).toBe(
      `${page(1, 100)}; rel="prev", ${page(3, 100)}; rel="next", ${page(3, 100)}; rel="last", ${page(1, 100)}; rel="first"`
    )
    const capped = await call<unknown[]>('GET', `${COMMENTS}?per_page=500&page=3`)
    expect(capped.body).toHaveLength(50)
    expect(capped.headers.get('link')).toBe(`${page(2, 100)}; rel="prev", ${page(1, 100)}; rel="first"`)
    const alone = await call('GET', '/repos/acme/infra/issues/8/comments')
    expect([alone.body, alone.headers.get('link')]).toEqual([[], null])
  })

  test('denyWrites answers 403 as for a read-only token until allowWrites', async () => {
    gh.denyWrites()
    const denied = await call<{ message: string }>('POST', COMMENTS, { body: 'x' })
    expect([denied.status, denied.body.message]).toEqual([403, 'Resource not accessible by integration'])
    expect((await call('GET', COMMENTS)).status).toBe(200)
    gh.allowWrites()
    expect((await call('POST', COMMENTS, { body: 'x' })).status).toBe(201)
  })

  test('a body over 65,536 characters is refused with 422 Validation Failed', async () => {
    const refused = await call<{ message: string; errors: { message: string }[] }>('POST', COMMENTS, {
      body: 'x'.repeat(65_537)
    })
    expect(refused.status).toBe(422)
    expect(refused.body.message).toBe('Validation Failed')
    expect(refused.body.errors[0]?.message).toBe('body is too long (maximum is 65536 characters)')
    expect((await call('POST', COMMENTS, { body: 'x'.repeat(65_536) })).status).toBe(201)
    expect(gh.requests.map(r => r.status)).toEqual([422, 201])
  })

  test('answers a registered pull request and 404 for others', async () => {
    gh.addPullRequest('acme', 'infra', 7, { headSha: 'abc123' })
    const pr = await call<{ head: { sha: string } }>('GET', '/repos/acme/infra/pulls/7')
    expect([pr.status, pr.body.head.sha]).toEqual([200, 'abc123'])
    expect((await call('GET', '/repos/acme/infra/pulls/8')).status).toBe(404)
  })
})
