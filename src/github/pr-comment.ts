// Finds, creates and updates this action's sticky comment on a pull request. The body comes from
// comment-body.ts; this module owns the GitHub side: which comment is ours, paging, retries, and turning every
// failure into a warning, because a comment that cannot be written must never fail the deployment step.
import type { getOctokit } from '@actions/github'
import { withoutTrailingSlash } from '../config/url.js'

export interface CommentTarget {
  owner: string
  repo: string
  issueNumber: number
}

export type OctokitLike = ReturnType<typeof getOctokit>
/** Lazy, so a run that does not comment never loads Octokit. */
export type OctokitFactory = () => Promise<OctokitLike>

export interface CommentResult {
  action: 'created' | 'updated' | 'skipped' | 'failed'
  commentId?: number
  url?: string
  warning?: string
}

export interface CommentLog {
  info(message: string): void
  warning(message: string): void
  debug?(message: string): void
}

export interface PrCommenterOptions {
  octokit: OctokitFactory
  target: CommentTarget
  marker: string
  edit: boolean
  log: CommentLog
  /** Waits between the first attempt and the retry; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>
  retryDelayMs?: number
}

export interface OctokitFactoryOptions {
  /** Per request, so a GitHub that stops answering cannot hold the step for undici's five-minute default. */
  requestTimeoutMs?: number
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
const DEFAULT_RETRY_DELAY_MS = 2_000
const GITHUB_BODY_LIMIT = '65,536'

export function createOctokitFactory(
  token: string,
  apiUrl: string,
  options: OctokitFactoryOptions = {}
): OctokitFactory {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  let client: Promise<OctokitLike> | undefined
  return () => {
    client ??= (async () => {
      // Dynamic, so the bundle evaluates Octokit only when a comment is actually written.
      const { getOctokit } = await import('@actions/github')
      // Passing `request` here would replace the proxy-aware fetch @actions/github sets up, so the timeout goes
      // in through a hook instead: a `before` hook, because before-after-hook drops the options a `wrap` hook
      // passes on; and on a copy of `request`, which may be the defaults object every call shares.
      const octokit = getOctokit(token, apiUrl ? { baseUrl: withoutTrailingSlash(apiUrl) } : {})
      octokit.hook.before('request', options => {
        options.request = { ...options.request, signal: AbortSignal.timeout(timeoutMs) }
      })
      return octokit
    })()
    return client
  }
}

interface IssueComment {
  id: number
  body?: string | null
  html_url: string
  created_at: string
  user: { login: string; type: string } | null
}

type Stage =
  'set up the GitHub client to comment on' | 'read the comments of' | 'comment on' | 'update the comment on'

class CommentError extends Error {
  constructor(
    readonly stage: Stage,
    readonly failure: unknown
  ) {
    super(errorText(failure))
  }
}

export class PrCommenter {
  private readonly options: PrCommenterOptions
  private readonly log: CommentLog
  private readonly sleep: (ms: number) => Promise<void>
  private commentId: number | undefined
  private failed = false
  // Calls run one after another: a progress update still in flight when the final one arrives must not lead
  // to a second lookup and a duplicate comment.
  private queue: Promise<unknown> = Promise.resolve()

  constructor(options: PrCommenterOptions) {
    this.options = options
    this.log = options.log
    this.sleep = options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)))
  }

  upsert(body: string): Promise<CommentResult> {
    const result = this.queue.then(() => this.upsertNow(body))
    this.queue = result.catch(() => undefined)
    return result
  }

  private async upsertNow(body: string): Promise<CommentResult> {
    // One failure (most often a 403 on a fork) will repeat; asking again would only add noise and requests.
    if (this.failed) return { action: 'skipped' }
    try {
      const result = await this.write(body)
      this.commentId = result.commentId
      this.log.info(
        `${result.action === 'created' ? 'Created' : 'Updated'} the pull-request comment: ${result.url}`
      )
      return result
    } catch (error) {
      this.failed = true
      const warning =
        error instanceof CommentError
          ? describeFailure(error, this.options.target, body)
          : `Could not comment on ${where(this.options.target)}: ${errorText(error)}. The deployment is unaffected.`
      this.log.warning(warning)
      return { action: 'failed', warning }
    }
  }

  private async write(body: string): Promise<CommentResult> {
    let octokit: OctokitLike
    try {
      octokit = await this.options.octokit()
    } catch (error) {
      throw new CommentError('set up the GitHub client to comment on', error)
    }
    let commentId = this.commentId
    if (commentId === undefined && this.options.edit) {
      commentId = (await this.withRetry('read the comments of', () => this.findOurs(octokit)))?.id
    }
    if (commentId !== undefined) {
      try {
        return await this.withRetry('update the comment on', () => this.update(octokit, commentId, body))
      } catch (error) {
        // Someone deleted the comment since we found or made it: write a fresh one rather than give up.
        if (!(error instanceof CommentError && statusOf(error.failure) === 404)) throw error
        this.log.debug?.(`Comment ${commentId} is gone; creating a new one.`)
      }
    }
    return this.create(octokit, body)
  }

  private async create(octokit: OctokitLike, body: string): Promise<CommentResult> {
    const { owner, repo, issueNumber } = this.options.target
    const post = async (): Promise<CommentResult> => {
      const { data } = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body
      })
      return { action: 'created', commentId: data.id, url: data.html_url }
    }
    try {
      return await post()
    } catch (error) {
      if (!isTransient(error)) throw new CommentError('comment on', error)
      await this.pauseBeforeRetry('comment on', error)
    }
    // A POST that failed on the way back may still have landed; look before posting again so the retry cannot
    // leave two comments. Without edit, only a comment carrying exactly this body counts as the one we just sent.
    const landed = await this.withRetry('read the comments of', () =>
      this.findOurs(octokit, this.options.edit ? undefined : body)
    )
    if (landed?.body === body) return { action: 'created', commentId: landed.id, url: landed.html_url }
    if (landed) return this.withRetry('update the comment on', () => this.update(octokit, landed.id, body))
    try {
      return await post()
    } catch (error) {
      throw new CommentError('comment on', error)
    }
  }

  private async update(octokit: OctokitLike, commentId: number, body: string): Promise<CommentResult> {
    const { owner, repo } = this.options.target
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body })
    return { action: 'updated', commentId: data.id, url: data.html_url }
  }

  /** Our comment: its body starts with the marker. A Bot's is preferred, then the most recent. */
  private async findOurs(octokit: OctokitLike, exactBody?: string): Promise<IssueComment | undefined> {
    const { owner, repo, issueNumber } = this.options.target
    const comments: IssueComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100
    })
    const ours = comments.filter(
      c => c.body?.startsWith(this.options.marker) && (exactBody === undefined || c.body === exactBody)
    )
    ours.sort(
      (a, b) =>
        Number(isBot(b)) - Number(isBot(a)) ||
        Date.parse(b.created_at) - Date.parse(a.created_at) ||
        b.id - a.id
    )
    return ours[0]
  }

  private async withRetry<T>(stage: Stage, attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt()
    } catch (error) {
      if (!isTransient(error)) throw new CommentError(stage, error)
      await this.pauseBeforeRetry(stage, error)
    }
    try {
      return await attempt()
    } catch (error) {
      throw new CommentError(stage, error)
    }
  }

  private async pauseBeforeRetry(stage: Stage, error: unknown): Promise<void> {
    this.log.debug?.(`Could not ${stage} ${where(this.options.target)} (${errorText(error)}); retrying once.`)
    await this.sleep(this.options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS)
  }
}

function isBot(comment: IssueComment): boolean {
  return comment.user?.type === 'Bot'
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** Octokit reports a connection failure or timeout as a status-500 error with no response. */
function isTransient(error: unknown): boolean {
  const status = statusOf(error)
  const hasResponse = (error as { response?: unknown } | null)?.response !== undefined
  return !hasResponse || (status !== undefined && status >= 500)
}

/** GitHub's own words: `message`, plus the details of a 422 ("body is too long ..."), never the request. */
function errorText(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown; errors?: unknown } } } | null)?.response
    ?.data
  if (typeof data?.message !== 'string') return error instanceof Error ? error.message : String(error)
  const details = (Array.isArray(data.errors) ? (data.errors as unknown[]) : [])
    .map(e => (e as { message?: unknown } | null)?.message)
    .filter((m): m is string => typeof m === 'string')
  return details.length > 0 ? `${data.message}: ${details.join('; ')}` : data.message
}

function where(target: CommentTarget): string {
  return `pull request #${target.issueNumber} of ${target.owner}/${target.repo}`
}

function describeFailure(error: CommentError, target: CommentTarget, body: string): string {
  const status = statusOf(error.failure)
  const hasResponse = (error.failure as { response?: unknown } | null)?.response !== undefined
  const what = `Could not ${error.stage} ${where(target)}`
  const said = `GitHub answered ${status} "${error.message}"`
  const unaffected = 'The deployment itself is unaffected.'
  if (error.stage === 'set up the GitHub client to comment on') {
    return `${what}: ${error.message}. Check the github-token input. ${unaffected}`
  }
  if (!hasResponse || (status !== undefined && status >= 500)) {
    const reason = hasResponse
      ? `GitHub answered ${status} twice`
      : `GitHub could not be reached (${error.message})`
    return `${what}: ${reason}. This is usually temporary; the comment will be written on the next run. ${unaffected}`
  }
  if (status === 401) {
    return `${what}: ${said}. The token was rejected: check that the github-token input holds a valid, unexpired token. ${unaffected}`
  }
  if ((status === 403 || status === 429) && /rate limit/i.test(error.message)) {
    return `${what}: ${said}. The token hit GitHub's rate limit; the comment will be written on the next run. ${unaffected}`
  }
  if (status === 403) {
    return (
      `${what}: ${said}. The token may not write pull-request comments: add \`permissions: pull-requests: write\` ` +
      'to the job. On a pull request from a fork the token is read-only: skip commenting there ' +
      '(`comment-on-pr: false`), or use `pull_request_target` only if the job never runs code from the fork. ' +
      unaffected
    )
  }
  if (status === 404) {
    return (
      `${what}: ${said}. The pull request does not exist or the token cannot see it: check ` +
      `\`comment-on-pr-number\` and that the token has access to ${target.owner}/${target.repo}. ${unaffected}`
    )
  }
  if (status === 422) {
    return (
      `${what}: ${said}. GitHub refused the comment body (${body.length} characters; it accepts at most ` +
      `${GITHUB_BODY_LIMIT}). Please report this as a bug in the action. ${unaffected}`
    )
  }
  return `${what}: ${said}. ${unaffected}`
}
