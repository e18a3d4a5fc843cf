import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { PrCommenter, createOctokitFactory, type CommentTarget } from '../src/github/pr-comment.js'
import { startFakeGitHub } from '../test/fake-github/index.js'

type FakeGitHub = Awaited<ReturnType<typeof startFakeGitHub>>

const target: CommentTarget = { owner: 'acme', repo: 'infra', issueNumber: 7 }
const devPreview = '<!-- pulumi-deployments:v1 acme/web/dev preview -->'
const prodPreview = '<!-- pulumi-deployments:v1 acme/web/prod preview -->'
const bot = { login: 'github-actions[bot]', type: 'Bot' }
const human = { login: 'octocat', type: 'User' }

let gh: FakeGitHub
let logged: { info: string[]; warning: string[]; debug: string[] }

beforeEach(async () => {
  gh = await startFakeGitHub()
  logged = { info: [], warning: [], debug: [] }
})
afterEach(async () => {
  await gh.close()
})

function commenter(marker = devPreview, edit = true, on: CommentTarget = target): PrCommenter {
  return new PrCommenter({
    octokit: createOctokitFactory(gh.token, gh.url),
    target: on,
    marker,
    edit,
    log: {
      info: m => logged.info.push(m),
      warning: m => logged.warning.push(m),
      debug: m => logged.debug.push(m)
    },
    sleep: () => Promise.resolve()
  })
}

const comments = () => gh.comments(target.owner, target.repo, target.issueNumber)
const listRequests = () => gh.requests.filter(r => r.method === 'GET' && r.path.endsWith('/comments'))

describe('PrCommenter on a pull request without our comment', () => {
  it('creates exactly one comment carrying the body', async () => {
    const body = `${devPreview}\n### Preview of acme/web/dev\n2 to create`

    const result = await commenter().upsert(body)

    expect(result.action).toBe('created')
    expect(comments()).toHaveLength(1)
    expect(comments()[0]).toMatchObject({ id: result.commentId, body, html_url: result.url })
    expect(result.warning).toBeUndefined()
  })

  it('leaves a human comment that quotes the marker alone and adds its own', async () => {
    const quote = `> ${devPreview}\n> 2 to create\n\nWhy does this create two buckets?`
    gh.addComment(target.owner, target.repo, target.issueNumber, quote, human)

    const result = await commenter().upsert(`${devPreview}\nnew preview`)

    expect(result.action).toBe('created')
    expect(comments().map(c => c.body)).toEqual([quote, `${devPreview}\nnew preview`])
  })
})

describe('PrCommenter across runs', () => {
  it('a second run finds the comment of the first and edits it', async () => {
    const first = await commenter().upsert(`${devPreview}\nrun 1`)

    const second = await commenter().upsert(`${devPreview}\nrun 2`)

    expect(second).toMatchObject({ action: 'updated', commentId: first.commentId, url: first.url })
    expect(comments().map(c => c.body)).toEqual([`${devPreview}\nrun 2`])
  })

  it('gives another stack its own comment', async () => {
    const dev = await commenter(devPreview).upsert(`${devPreview}\ndev`)

    const prod = await commenter(prodPreview).upsert(`${prodPreview}\nprod`)
    await commenter(devPreview).upsert(`${devPreview}\ndev again`)

    expect(prod.action).toBe('created')
    expect(prod.commentId).not.toBe(dev.commentId)
    expect(comments().map(c => c.body)).toEqual([`${devPreview}\ndev again`, `${prodPreview}\nprod`])
  })

  it('with edit off adds a new comment, then keeps editing that new one within the run', async () => {
    const earlier = await commenter().upsert(`${devPreview}\nrun 1`)
    const run = commenter(devPreview, false)

    const progress = await run.upsert(`${devPreview}\nrun 2 running`)
    const final = await run.upsert(`${devPreview}\nrun 2 done`)

    expect(progress.action).toBe('created')
    expect(progress.commentId).not.toBe(earlier.commentId)
    expect(final).toMatchObject({ action: 'updated', commentId: progress.commentId })
    expect(comments().map(c => c.body)).toEqual([`${devPreview}\nrun 1`, `${devPreview}\nrun 2 done`])
  })

  it('finds its comment behind 150 others by reading every page, 100 at a time', async () => {
    for (let i = 0; i < 150; i++)
      gh.addComment(target.owner, target.repo, target.issueNumber, `comment ${i}`, human)
    const first = await commenter().upsert(`${devPreview}\nrun 1`)
    const before = listRequests().length

    const second = await commenter().upsert(`${devPreview}\nrun 2`)

    expect(second).toMatchObject({ action: 'updated', commentId: first.commentId })
    const pages = listRequests().slice(before)
    expect(pages).toHaveLength(2)
    expect(pages.map(r => r.query.per_page)).toEqual(['100', '100'])
    expect(comments()).toHaveLength(151)
  })

  it('updates the first of its own comments, never one a person wrote with the marker', async () => {
    const add = (body: string, user: typeof bot) =>
      gh.addComment(target.owner, target.repo, target.issueNumber, body, user)
    add(`${devPreview}\npasted by a person`, human)
    add(`${devPreview}\nold bot`, bot)
    add(`${devPreview}\nnewer bot`, bot)
    const oldBot = comments()[1]!

    const result = await commenter().upsert(`${devPreview}\nfresh`)

    expect(result).toMatchObject({ action: 'updated', commentId: oldBot.id })
    expect(comments().map(c => c.body)).toEqual([
      `${devPreview}\npasted by a person`,
      `${devPreview}\nfresh`,
      `${devPreview}\nnewer bot`
    ])
  })

  it('on a pull request of 10,000 comments with its own the 3rd, reads one page and stops (3 requests in all)', async () => {
    const add = (body: string, user: typeof bot) =>
      gh.addComment(target.owner, target.repo, target.issueNumber, body, user)
    add('first!', human)
    add('LGTM', human)
    add(`${devPreview}\nrun 1`, bot)
    for (let i = 3; i < 10_000; i++) add(`comment ${i}`, human)
    const ours = comments()[2]!

    const result = await commenter().upsert(`${devPreview}\nrun 2`)

    expect(result).toMatchObject({ action: 'updated', commentId: ours.id })
    expect(gh.requests.map(r => `${r.method} ${r.path.replace(/\d+/g, 'N')}`)).toEqual([
      'GET /user',
      'GET /repos/acme/infra/issues/N/comments',
      'PATCH /repos/acme/infra/issues/comments/N'
    ])
  })

  it('never takes over a comment someone else started with the marker: it creates its own', async () => {
    gh.addComment(target.owner, target.repo, target.issueNumber, `${devPreview}\nI own this`, human)
    gh.addComment(target.owner, target.repo, target.issueNumber, `${devPreview}\nanother bot`, {
      login: 'renovate[bot]',
      type: 'Bot'
    })

    const result = await commenter().upsert(`${devPreview}\nfresh`)

    expect(result.action).toBe('created')
    expect(comments().map(c => [c.user.login, c.body])).toEqual([
      ['octocat', `${devPreview}\nI own this`],
      ['renovate[bot]', `${devPreview}\nanother bot`],
      ['github-actions[bot]', `${devPreview}\nfresh`]
    ])
    expect(gh.requests.filter(r => r.method === 'PATCH')).toEqual([])
  })

  it('asks GitHub once who the token is, before reading any comment', async () => {
    const run = commenter()
    await run.upsert(`${devPreview}\none`)
    await run.upsert(`${devPreview}\ntwo`)
    const paths = gh.requests.map(r => `${r.method} ${r.path}`)
    expect(paths.filter(p => p === 'GET /user')).toHaveLength(1)
    expect(paths[0]).toBe('GET /user')
  })
})

describe('PrCommenter with a personal access token', () => {
  let personal: FakeGitHub
  beforeEach(async () => {
    personal = await startFakeGitHub({ personalUser: 'release-robot' })
  })
  afterEach(async () => {
    await personal.close()
  })

  it("edits the token owner's comment and leaves the bot's and other people's alone", async () => {
    const add = (body: string, user: { login: string; type: string }) =>
      personal.addComment(target.owner, target.repo, target.issueNumber, body, user)
    add(`${devPreview}\nby the bot`, bot)
    add(`${devPreview}\nby the token's owner`, { login: 'Release-Robot', type: 'User' })
    add(`${devPreview}\nby a stranger`, human)
    const ours = personal.comments(target.owner, target.repo, target.issueNumber)[1]!

    const result = await new PrCommenter({
      octokit: createOctokitFactory(personal.token, personal.url),
      target,
      marker: devPreview,
      edit: true,
      log: { info: () => undefined, warning: m => logged.warning.push(m) },
      sleep: () => Promise.resolve()
    }).upsert(`${devPreview}\nfresh`)

    expect(result).toMatchObject({ action: 'updated', commentId: ours.id })
    expect(personal.comments(target.owner, target.repo, target.issueNumber).map(c => c.body)).toEqual([
      `${devPreview}\nby the bot`,
      `${devPreview}\nfresh`,
      `${devPreview}\nby a stranger`
    ])
  })
})

describe('PrCommenter within one run', () => {
  it('edits the comment its progress update created for the final report, without looking it up again', async () => {
    const run = commenter()

    const progress = await run.upsert(`${devPreview}\nrunning`)
    const final = await run.upsert(`${devPreview}\nsucceeded`)

    expect(final).toMatchObject({ action: 'updated', commentId: progress.commentId })
    expect(comments().map(c => c.body)).toEqual([`${devPreview}\nsucceeded`])
    expect(listRequests()).toHaveLength(1)
  })

  it('does not duplicate the comment when a second update starts before the first has finished', async () => {
    const run = commenter()

    const [progress, final] = await Promise.all([
      run.upsert(`${devPreview}\nrunning`),
      run.upsert(`${devPreview}\nsucceeded`)
    ])

    expect(final).toMatchObject({ action: 'updated', commentId: progress.commentId })
    expect(comments().map(c => c.body)).toEqual([`${devPreview}\nsucceeded`])
  })
})

describe('PrCommenter when GitHub refuses', () => {
  it('turns a 403 into a warning about the pull-requests permission, logged once, without throwing', async () => {
    gh.denyWrites()

    const result = await commenter().upsert(`${devPreview}\nbody`)

    expect(result.action).toBe('failed')
    expect(result.warning).toContain('Resource not accessible by integration')
    expect(result.warning).toContain('pull-requests: write')
    expect(result.warning).toContain('fork')
    expect(logged.warning).toEqual([result.warning])
    expect(comments()).toHaveLength(0)
  })

  it('makes no more requests in the run after a failure', async () => {
    gh.denyWrites()
    const run = commenter()
    await run.upsert(`${devPreview}\nrunning`)
    gh.allowWrites()
    const before = gh.requests.length

    const final = await run.upsert(`${devPreview}\nsucceeded`)

    expect(final.action).toBe('skipped')
    expect(gh.requests).toHaveLength(before)
    expect(logged.warning).toHaveLength(1)
  })

  it('turns a 422 for a body over the limit into a warning naming the size', async () => {
    const body = `${devPreview}\n${'x'.repeat(70_000)}`

    const result = await commenter().upsert(body)

    expect(result.action).toBe('failed')
    expect(result.warning).toContain('422')
    expect(result.warning).toContain(`${body.length} characters`)
    expect(result.warning).toContain('65,536')
    expect(result.warning).toContain('body is too long')
    expect(comments()).toHaveLength(0)
  })

  it('never writes the token into what it logs', async () => {
    gh.denyWrites()
    const run = commenter()
    await run.upsert(`${devPreview}\nbody`)
    gh.allowWrites()
    await commenter().upsert(`${devPreview}\nbody`)

    const everything = [...logged.info, ...logged.warning, ...logged.debug].join('\n')
    expect(everything).not.toContain(gh.token)
    expect(logged.info).toHaveLength(1)
  })
})
