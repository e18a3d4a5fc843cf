// Why a comment could not be written, as a sentence for a warning: GitHub's own words, what to do, and that the
// deployment is unaffected.
import { OffOriginError } from './octokit.js'

export interface CommentTarget {
  owner: string
  repo: string
  issueNumber: number
}

export type Stage =
  | 'set up the GitHub client to comment on'
  | 'find out which account the github-token belongs to, to comment on'
  | 'read the comments of'
  | 'comment on'
  | 'update the comment on'

export class CommentError extends Error {
  constructor(
    readonly stage: Stage,
    readonly failure: unknown
  ) {
    super(errorText(failure))
  }
}

const GITHUB_BODY_LIMIT = '65,536'

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** Octokit reports a connection failure or timeout as a status-500 error with no response. */
export function isTransient(error: unknown): boolean {
  if (error instanceof OffOriginError) return false
  const status = statusOf(error)
  const hasResponse = (error as { response?: unknown } | null)?.response !== undefined
  return !hasResponse || (status !== undefined && status >= 500)
}

/** GitHub's own words: `message`, plus the details of a 422 ("body is too long ..."), never the request. */
export function errorText(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown; errors?: unknown } } } | null)?.response
    ?.data
  if (typeof data?.message !== 'string') return error instanceof Error ? error.message : String(error)
  const details = (Array.isArray(data.errors) ? (data.errors as unknown[]) : [])
    .map(e => (e as { message?: unknown } | null)?.message)
    .filter((m): m is string => typeof m === 'string')
  return details.length > 0 ? `${data.message}: ${details.join('; ')}` : data.message
}

export function where(target: CommentTarget): string {
  return `pull request #${target.issueNumber} of ${target.owner}/${target.repo}`
}

export function describeFailure(error: CommentError, target: CommentTarget, body: string): string {
  const status = statusOf(error.failure)
  const hasResponse = (error.failure as { response?: unknown } | null)?.response !== undefined
  const what = `Could not ${error.stage} ${where(target)}`
  const said = `GitHub answered ${status} "${error.message}"`
  const unaffected = 'The deployment itself is unaffected.'
  if (error.failure instanceof OffOriginError) {
    return `${what}: ${error.message}. Check GITHUB_API_URL. ${unaffected}`
  }
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
