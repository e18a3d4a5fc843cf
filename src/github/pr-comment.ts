// Finds, creates and updates this action's sticky comment on a pull request. The body comes from
// comment-body.ts; this module owns the GitHub side: which comment is ours (written by the token's own account and
// starting with the marker), paging, retries, and turning every failure into a warning, because a comment that
// cannot be written must never fail the deployment step.
import {
  CommentError,
  describeFailure,
  errorText,
  isTransient,
  statusOf,
  where,
  type CommentTarget,
  type Stage
} from './comment-failure.js'
import { findComment, type FoundComment } from './comment-lookup.js'
import type { OctokitFactory, OctokitLike } from './octokit.js'
import { isByIdentity, resolveTokenIdentity, type TokenIdentity } from './token-identity.js'

export type { CommentTarget } from './comment-failure.js'
export { createOctokitFactory, type OctokitFactory, type OctokitLike } from './octokit.js'

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

const DEFAULT_RETRY_DELAY_MS = 2_000

export class PrCommenter {
  private readonly options: PrCommenterOptions
  private readonly log: CommentLog
  private readonly sleep: (ms: number) => Promise<void>
  private commentId: number | undefined
  private identity: TokenIdentity | undefined
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
    // Resolved once, before any comment is read: even a run that only creates must know which comments are its
    // own, to check whether a create that failed on the way back landed.
    this.identity ??= await this.withRetry(
      'find out which account the github-token belongs to, to comment on',
      () => resolveTokenIdentity(octokit)
    )
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

  /**
   * Our comment: written by the token's own account, and its body starts with the marker; the first such, found
   * without reading further pages. A comment by anyone else is never ours, whatever it says.
   */
  private async findOurs(octokit: OctokitLike, exactBody?: string): Promise<FoundComment | undefined> {
    const identity = this.identity
    if (!identity) return undefined
    return findComment(
      octokit,
      this.options.target,
      c =>
        isByIdentity(c.user?.login, identity) &&
        typeof c.body === 'string' &&
        c.body.startsWith(this.options.marker) &&
        (exactBody === undefined || c.body === exactBody) &&
        Number.isSafeInteger(c.id)
    )
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
