// The GitHub side of the step's end: how many requests the action spends to find its sticky comment on a pull
// request of 10,000 comments when its own is the 3rd, then to update it. Real HTTP against the fake GitHub.
import { PrCommenter, createOctokitFactory } from '../src/github/pr-comment.js'
import { startFakeGitHub } from '../test/fake-github/index.js'

export interface CommentLookupResult {
  comments: number
  /** GET requests to list comments before the update. */
  findRequests: number
  /** All requests of the upsert, the update included. */
  totalRequests: number
}

const MARKER = '<!-- pulumi-deployments:v1 acme/web/dev preview -->'

export async function measureCommentLookup(comments = 10_000, oursAt = 3): Promise<CommentLookupResult> {
  const gh = await startFakeGitHub()
  try {
    const target = { owner: 'acme', repo: 'infra', issueNumber: 7 }
    const human = { login: 'octocat', type: 'User' }
    for (let i = 1; i <= comments; i++) {
      if (i === oursAt)
        gh.addComment('acme', 'infra', 7, `${MARKER}\nrun 1`, { login: 'github-actions[bot]', type: 'Bot' })
      else
        gh.addComment('acme', 'infra', 7, `comment ${i}: ${'a thoughtful review remark '.repeat(20)}`, human)
    }
    const silent = { info: () => undefined, warning: () => undefined }
    const commenter = new PrCommenter({
      octokit: createOctokitFactory(gh.token, gh.url),
      target,
      marker: MARKER,
      edit: true,
      log: silent
    })
    const result = await commenter.upsert(`${MARKER}\nrun 2`)
    if (result.action !== 'updated')
      throw new Error(`The comment lookup ${result.action} instead of updating.`)
    return {
      comments,
      findRequests: gh.requests.filter(r => r.method === 'GET').length,
      totalRequests: gh.requests.length
    }
  } finally {
    await gh.close()
  }
}
