// A fake of GitHub's REST API for issue and pull-request comments: a real HTTP server answering as
// api.github.com does (status codes, error bodies, Link pagination), so Octokit talks to it unchanged.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FakeDeployments, type FakeDeployment } from './deployments.js'

export type { FakeDeployment, FakeDeploymentStatus } from './deployments.js'

export interface FakeComment {
  id: number
  body: string
  user: { login: string; type: string }
  created_at: string
  updated_at: string
  html_url: string
}

export interface FakeGitHubRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  status: number
  body: unknown
}

export interface FakePullRequest {
  headSha: string
  headRef?: string
  baseRef?: string
  state?: 'open' | 'closed'
}

export interface FakeGitHubOptions {
  /** The accepted token; default `ghs_fake0000`. */
  token?: string
  /** The largest page GitHub serves (100); lower it to make pagination cheap to test. */
  perPageMax?: number
  /** Time for comment timestamps; default the real time. */
  now?: () => number
  /**
   * Makes the token a personal access token of this user: `GET /user` answers with it, and comments made through
   * the API are theirs. Without it the token is an installation token like `GITHUB_TOKEN`: `GET /user` is refused
   * with a 403, and comments made through the API belong to `github-actions[bot]`.
   */
  personalUser?: string
  /** Where to listen; default a free port on 127.0.0.1 (`npm run fake-cloud` may name one). */
  host?: string
  port?: number
  /** Rewrites answers, as a hostile or broken GitHub (or something in front of it) would. */
  tamper?: (request: { method: string; path: string }, reply: FakeGitHubReply) => FakeGitHubReply
}

export interface FakeGitHubReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export interface FakeGitHub {
  /** Base like GITHUB_API_URL, e.g. `http://127.0.0.1:4567`. */
  readonly url: string
  readonly token: string
  readonly requests: FakeGitHubRequest[]
  close(): Promise<void>
  /** The issue's comments in creation order. */
  comments(owner: string, repo: string, issue: number): FakeComment[]
  addComment(
    owner: string,
    repo: string,
    issue: number,
    body: string,
    /** Default a human: type `User`. Comments made through the API belong to `github-actions[bot]`. */
    user?: { login: string; type?: 'User' | 'Bot' | (string & {}) }
  ): FakeComment
  addPullRequest(owner: string, repo: string, number: number, pr: FakePullRequest): void
  /** Later POST and PATCH requests answer 403, as with a read-only token (a pull request from a fork). */
  denyWrites(message?: string): void
  allowWrites(): void
  /** The repository's deployments in creation order, each with its statuses in the order they were posted. */
  deployments(owner: string, repo: string): FakeDeployment[]
  /** Later deployment and status creations answer 403, as for a token without `deployments: write`. */
  denyDeployments(message?: string): void
}

export const DEFAULT_GITHUB_TOKEN = 'ghs_fake0000'
export const MAX_COMMENT_LENGTH = 65536
const BOT = { login: 'github-actions[bot]', type: 'Bot' }
const DOCS = 'https://docs.github.com/rest/issues/comments'

type Reply = FakeGitHubReply

interface StoredComment extends FakeComment {
  owner: string
  repo: string
  issue: number
}

function githubTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function githubError(status: number, message: string, documentation = DOCS, extra: object = {}): Reply {
  return { status, body: { message, ...extra, documentation_url: documentation, status: String(status) } }
}

function toFakeComment(comment: StoredComment): FakeComment {
  const { id, body, user, created_at, updated_at, html_url } = comment
  return { id, body, user: { ...user }, created_at, updated_at, html_url }
}

function publicView(comment: StoredComment, apiUrl: string): object {
  const { owner, repo, issue } = comment
  return {
    ...toFakeComment(comment),
    url: `${apiUrl}/repos/${owner}/${repo}/issues/comments/${comment.id}`,
    issue_url: `${apiUrl}/repos/${owner}/${repo}/issues/${issue}`,
    node_id: `IC_fake${comment.id}`,
    author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER'
  }
}

/** GitHub's Link header: absolute URLs, in the order prev, next, last, first, present as they apply. */
function linkHeader(base: string, perPage: number, page: number, lastPage: number): string | undefined {
  const link = (p: number, rel: string): string => `<${base}?per_page=${perPage}&page=${p}>; rel="${rel}"`
  const parts: string[] = []
  if (page > 1) parts.push(link(Math.min(page - 1, lastPage), 'prev'))
  if (page < lastPage) parts.push(link(page + 1, 'next'), link(lastPage, 'last'))
  if (page > 1) parts.push(link(1, 'first'))
  return parts.length > 0 ? parts.join(', ') : undefined
}

function positiveInteger(raw: string | undefined, fallback: number): number {
  const value = Number(raw)
  return raw !== undefined && Number.isInteger(value) && value > 0 ? value : fallback
}

export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const token = opts.token ?? DEFAULT_GITHUB_TOKEN
  const perPageMax = opts.perPageMax ?? 100
  const now = opts.now ?? Date.now
  const author = opts.personalUser ? { login: opts.personalUser, type: 'User' } : BOT
  const stored: StoredComment[] = []
  const pulls = new Map<string, FakePullRequest>()
  const requests: FakeGitHubRequest[] = []
  let nextId = 1_000_001
  let writesDenied: string | undefined
  let url = ''
  const deployments = new FakeDeployments(() => url)

  function createComment(
    owner: string,
    repo: string,
    issue: number,
    body: string,
    user = author
  ): StoredComment {
    const at = githubTime(now())
    const id = nextId++
    const comment: StoredComment = {
      id,
      body,
      user: { login: user.login, type: user.type },
      created_at: at,
      updated_at: at,
      html_url: `https://github.com/${owner}/${repo}/issues/${issue}#issuecomment-${id}`,
      owner,
      repo,
      issue
    }
    stored.push(comment)
    return comment
  }

  function bodyProblem(body: unknown, documentation: string): Reply | undefined {
    const text = (body as { body?: unknown } | undefined)?.body
    if (typeof text !== 'string') {
      return githubError(422, 'Invalid request.\n\n"body" wasn\'t supplied.', documentation)
    }
    if (text.length > MAX_COMMENT_LENGTH) {
      return githubError(422, 'Validation Failed', documentation, {
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: `body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`
          }
        ]
      })
    }
    return undefined
  }

  function answer(
    method: string,
    path: string,
    query: Record<string, string>,
    body: unknown,
    auth?: string
  ): Reply {
    if (auth !== `token ${token}` && auth !== `Bearer ${token}`) {
      return githubError(401, 'Bad credentials', 'https://docs.github.com/rest')
    }
    if (path === '/user' && method === 'GET') {
      if (!opts.personalUser)
        return githubError(
          403,
          'Resource not accessible by integration',
          'https://docs.github.com/rest/users/users#get-the-authenticated-user'
        )
      return { status: 200, body: { login: opts.personalUser, id: 583231, type: 'User' } }
    }
    const deployment = deployments.answer(method, path, body)
    if (deployment) return deployment
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path)
    const edit = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path)
    const pull = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/.exec(path)
    if ((method === 'POST' || method === 'PATCH') && writesDenied !== undefined && (list || edit)) {
      const documentation =
        method === 'POST' ? `${DOCS}#create-an-issue-comment` : `${DOCS}#update-an-issue-comment`
      return githubError(403, writesDenied, documentation)
    }
    if (list && method === 'GET') {
      const [, owner, repo, issue] = list as unknown as [string, string, string, string]
      const all = stored.filter(c => c.owner === owner && c.repo === repo && c.issue === Number(issue))
      const perPage = Math.min(positiveInteger(query.per_page, 30), perPageMax)
      const page = positiveInteger(query.page, 1)
      const lastPage = Math.max(1, Math.ceil(all.length / perPage))
      const link = linkHeader(`${url}${path}`, perPage, page, lastPage)
      return {
        status: 200,
        body: all.slice((page - 1) * perPage, page * perPage).map(c => publicView(c, url)),
        headers: link ? { link } : {}
      }
    }
    if (list && method === 'POST') {
      const [, owner, repo, issue] = list as unknown as [string, string, string, string]
      const problem = bodyProblem(body, `${DOCS}#create-an-issue-comment`)
      if (problem) return problem
      const comment = createComment(owner, repo, Number(issue), (body as { body: string }).body)
      return {
        status: 201,
        body: publicView(comment, url),
        headers: { location: `${url}/repos/${owner}/${repo}/issues/comments/${comment.id}` }
      }
    }
    if (edit && method === 'PATCH') {
      const [, owner, repo, id] = edit as unknown as [string, string, string, string]
      const comment = stored.find(c => c.owner === owner && c.repo === repo && c.id === Number(id))
      if (!comment) return githubError(404, 'Not Found', `${DOCS}#update-an-issue-comment`)
      const problem = bodyProblem(body, `${DOCS}#update-an-issue-comment`)
      if (problem) return problem
      comment.body = (body as { body: string }).body
      comment.updated_at = githubTime(now())
      return { status: 200, body: publicView(comment, url) }
    }
    if (pull && method === 'GET') {
      const [, owner, repo, number] = pull as unknown as [string, string, string, string]
      const found = pulls.get(`${owner}/${repo}#${number}`)
      if (!found)
        return githubError(404, 'Not Found', 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request')
      return {
        status: 200,
        body: {
          number: Number(number),
          state: found.state ?? 'open',
          html_url: `https://github.com/${owner}/${repo}/pull/${number}`,
          head: {
            sha: found.headSha,
            ref: found.headRef ?? 'feature',
            repo: { full_name: `${owner}/${repo}` }
          },
          base: { ref: found.baseRef ?? 'main', repo: { full_name: `${owner}/${repo}` } }
        }
      }
    }
    return githubError(404, 'Not Found', 'https://docs.github.com/rest')
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = new URL(req.url ?? '/', 'http://fake')
    const query: Record<string, string> = {}
    for (const [key, value] of parsed.searchParams) if (!(key in query)) query[key] = value
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    let body: unknown
    let reply: Reply
    try {
      body = raw === '' ? undefined : (JSON.parse(raw) as unknown)
      reply = answer(req.method ?? 'GET', parsed.pathname, query, body, req.headers.authorization)
      if (opts.tamper) reply = opts.tamper({ method: req.method ?? 'GET', path: parsed.pathname }, reply)
    } catch {
      body = raw
      reply = githubError(400, 'Problems parsing JSON', 'https://docs.github.com/rest')
    }
    requests.push({
      method: req.method ?? 'GET',
      path: parsed.pathname,
      query,
      headers: { ...req.headers },
      status: reply.status,
      body
    })
    const text = JSON.stringify(reply.body)
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      'x-github-media-type': 'github.v3; format=json',
      ...reply.headers
    })
    res.end(text)
  }

  const server = createServer((req, res) => {
    serve(req, res).catch(() => req.socket.destroy())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve())
  })
  url = `http://${opts.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`

  return {
    url,
    token,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
    comments: (owner, repo, issue) =>
      stored.filter(c => c.owner === owner && c.repo === repo && c.issue === issue).map(toFakeComment),
    addComment(owner, repo, issue, body, user) {
      const author = { login: user?.login ?? 'octocat', type: user?.type ?? 'User' }
      return toFakeComment(createComment(owner, repo, issue, body, author))
    },
    addPullRequest(owner, repo, number, pr) {
      pulls.set(`${owner}/${repo}#${number}`, { ...pr })
    },
    denyWrites(message = 'Resource not accessible by integration') {
      writesDenied = message
    },
    allowWrites() {
      writesDenied = undefined
    },
    deployments: (owner, repo) => structuredClone(deployments.of(owner, repo)),
    denyDeployments(message = 'Resource not accessible by integration') {
      deployments.deny(message)
    }
  }
}
