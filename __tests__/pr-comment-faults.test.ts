// Faults the fake GitHub does not script itself (5xx, dropped connections, silence) come from a small proxy in
// front of it, so Octokit still talks real HTTP and the fake still keeps the comments.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  createServer,
  request as forward,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  PrCommenter,
  createOctokitFactory,
  type CommentTarget,
  type OctokitFactory
} from '../src/github/pr-comment.js'
import { startFakeGitHub } from '../test/fake-github/index.js'

type FakeGitHub = Awaited<ReturnType<typeof startFakeGitHub>>
/** `drop`: pass the request on, then cut the connection before the answer reaches the client. */
type Fault = { status: number; message: string } | 'drop' | 'hang'

interface FaultyProxy {
  url: string
  fail(method: string, fault: Fault): void
  close(): Promise<void>
}

async function startFaultyProxy(upstream: string, pathPrefix = ''): Promise<FaultyProxy> {
  const faults: { method: string; fault: Fault }[] = []
  let ownUrl = ''
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const index = faults.findIndex(f => f.method === req.method)
      const fault = index >= 0 ? faults.splice(index, 1)[0]!.fault : undefined
      if (fault === 'hang') return
      if (fault && fault !== 'drop') {
        res.writeHead(fault.status, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: fault.message }))
        return
      }
      const path = (req.url ?? '/').startsWith(pathPrefix)
        ? req.url!.slice(pathPrefix.length)
        : '/not-under-prefix'
      const headers = { ...req.headers, host: new URL(upstream).host }
      const out = forward(`${upstream}${path}`, { method: req.method, headers }, answer => {
        const body: Buffer[] = []
        answer.on('data', (chunk: Buffer) => body.push(chunk))
        answer.on('end', () => {
          if (fault === 'drop') return void req.socket.destroy()
          const link = answer.headers.link
          if (typeof link === 'string') answer.headers.link = link.split(upstream).join(ownUrl)
          delete answer.headers['content-length']
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          res.end(Buffer.concat(body))
        })
      })
      out.end(Buffer.concat(chunks))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  ownUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${pathPrefix}`
  return {
    url: ownUrl,
    fail: (method, fault) => faults.push({ method, fault }),
    close: () => {
      server.closeAllConnections()
      return new Promise(resolve => server.close(() => resolve()))
    }
  }
}

const target: CommentTarget = { owner: 'acme', repo: 'infra', issueNumber: 7 }
const marker = '<!-- pulumi-deployments:v1 acme/web/dev preview -->'
const bot = { login: 'github-actions[bot]', type: 'Bot' }

let gh: FakeGitHub
let proxy: FaultyProxy
let pauses: number[]
let warnings: string[]

beforeEach(async () => {
  gh = await startFakeGitHub()
  proxy = await startFaultyProxy(gh.url)
  pauses = []
  warnings = []
})
afterEach(async () => {
  await proxy.close()
  await gh.close()
})

function commenter(options: { edit?: boolean; octokit?: OctokitFactory } = {}): PrCommenter {
  return new PrCommenter({
    octokit: options.octokit ?? createOctokitFactory(gh.token, proxy.url),
    target,
    marker,
    edit: options.edit ?? true,
    log: { info: () => undefined, warning: m => warnings.push(m) },
    sleep: ms => {
      pauses.push(ms)
      return Promise.resolve()
    },
    retryDelayMs: 1234
  })
}

const comments = () => gh.comments(target.owner, target.repo, target.issueNumber)
const posts = () => gh.requests.filter(r => r.method === 'POST')

describe('PrCommenter retries', () => {
  it('retries a 5xx once after the injected pause and then succeeds', async () => {
    gh.addComment(target.owner, target.repo, target.issueNumber, `${marker}\nold`, bot)
    proxy.fail('GET', { status: 502, message: 'Bad Gateway' })

    const result = await commenter().upsert(`${marker}\nnew`)

    expect(result).toMatchObject({ action: 'updated', commentId: comments()[0]!.id })
    expect(pauses).toEqual([1234])
    expect(warnings).toEqual([])
  })

  it('gives up after a second 5xx with a warning that says it is temporary', async () => {
    proxy.fail('POST', { status: 503, message: 'Service Unavailable' })
    proxy.fail('POST', { status: 503, message: 'Service Unavailable' })

    const result = await commenter().upsert(`${marker}\nbody`)

    expect(result.action).toBe('failed')
    expect(result.warning).toMatch(/503 twice.*temporary/)
    expect(pauses).toEqual([1234])
    expect(comments()).toHaveLength(0)
  })

  it('does not post twice when the first post landed but its answer was lost', async () => {
    proxy.fail('POST', 'drop')

    const result = await commenter().upsert(`${marker}\nbody`)

    expect(comments()).toHaveLength(1)
    expect(posts()).toHaveLength(1)
    expect(result).toMatchObject({ action: 'created', commentId: comments()[0]!.id })
  })

  it('with edit off, adopts only the comment carrying exactly the body it lost the answer for', async () => {
    gh.addComment(target.owner, target.repo, target.issueNumber, `${marker}\nan earlier run`, bot)
    proxy.fail('POST', 'drop')

    const result = await commenter({ edit: false }).upsert(`${marker}\nthis run`)

    expect(comments().map(c => c.body)).toEqual([`${marker}\nan earlier run`, `${marker}\nthis run`])
    expect(result).toMatchObject({ action: 'created', commentId: comments()[1]!.id })
    expect(posts()).toHaveLength(1)
  })

  it('gives up on a GitHub that does not answer, within the request timeout', async () => {
    for (let i = 0; i < 2; i++) proxy.fail('GET', 'hang')
    const octokit = createOctokitFactory(gh.token, proxy.url, { requestTimeoutMs: 100 })

    const result = await commenter({ octokit }).upsert(`${marker}\nbody`)

    expect(result.action).toBe('failed')
    expect(result.warning).toContain('could not be reached')
    expect(warnings).toEqual([result.warning])
  })
})

describe('PrCommenter edge cases', () => {
  it('writes a new comment when the one it made earlier in the run was deleted', async () => {
    const run = commenter()
    const progress = await run.upsert(`${marker}\nrunning`)
    proxy.fail('PATCH', { status: 404, message: 'Not Found' })

    const final = await run.upsert(`${marker}\nsucceeded`)

    expect(final.action).toBe('created')
    expect(final.commentId).not.toBe(progress.commentId)
    expect(comments().at(-1)!.body).toBe(`${marker}\nsucceeded`)
  })

  it('turns a 404 into a warning that points at comment-on-pr-number', async () => {
    proxy.fail('GET', { status: 404, message: 'Not Found' })

    const result = await commenter().upsert(`${marker}\nbody`)

    expect(result.action).toBe('failed')
    expect(result.warning).toContain('comment-on-pr-number')
    expect(pauses).toEqual([])
  })

  it('turns a missing token into a warning about github-token, without a request', async () => {
    const result = await commenter({ octokit: createOctokitFactory('', proxy.url) }).upsert(`${marker}\nbody`)

    expect(result.action).toBe('failed')
    expect(result.warning).toContain('github-token')
    expect(gh.requests).toHaveLength(0)
  })

  it('works against a GitHub Enterprise Server style API URL with a path', async () => {
    const ghes = await startFaultyProxy(gh.url, '/api/v3')
    try {
      const result = await commenter({ octokit: createOctokitFactory(gh.token, `${ghes.url}/`) }).upsert(
        `${marker}\nbody`
      )

      expect(result.action).toBe('created')
      expect(comments()).toHaveLength(1)
    } finally {
      await ghes.close()
    }
  })

  it('creates the client once and only when first asked', async () => {
    const factory = createOctokitFactory(gh.token, gh.url)

    const [a, b] = await Promise.all([factory(), factory()])

    expect(a).toBe(b)
    expect(gh.requests).toHaveLength(0)
  })
})
