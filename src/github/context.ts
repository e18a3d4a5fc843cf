// The triggering event, read from the variables and the event payload file the runner provides. Read directly
// rather than through @actions/github's context so it can be driven by a plain environment object in tests.
import { readFileSync } from 'node:fs'
import type { ActionConfig } from '../config/inputs.js'
import { withoutTrailingSlash } from '../config/url.js'

export interface EventContext {
  /** `owner/repo` of the workflow's repository. */
  repository?: string
  /** GITHUB_SERVER_URL, or https://github.com; no trailing slash. */
  serverUrl: string
  /** GITHUB_API_URL, or https://api.github.com; no trailing slash. */
  apiUrl: string
  eventName?: string
  /** GITHUB_SHA. On pull_request events this is a merge commit that exists only in GitHub's pull refs. */
  sha?: string
  pullRequest?: {
    number: number
    headSha: string
    /** `owner/repo` of the head; differs from `repository` when the pull request comes from a fork. */
    headRepo?: string
  }
  /** `${serverUrl}/${repository}/actions/runs/${GITHUB_RUN_ID}`, plus `/attempts/N` on a re-run. */
  runUrl?: string
  ref?: string
  actor?: string
}

/** Events whose payload carries the pull request this action comments on. */
export const PULL_REQUEST_EVENTS: readonly string[] = ['pull_request', 'pull_request_target']

export function readEventContext(
  env: NodeJS.ProcessEnv = process.env,
  readFile: (path: string) => string = path => readFileSync(path, 'utf8')
): EventContext {
  const serverUrl = withoutTrailingSlash(nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com')
  const apiUrl = withoutTrailingSlash(nonEmpty(env.GITHUB_API_URL) ?? 'https://api.github.com')
  const repository = nonEmpty(env.GITHUB_REPOSITORY)
  const eventName = nonEmpty(env.GITHUB_EVENT_NAME)
  const context: EventContext = {
    repository,
    serverUrl,
    apiUrl,
    eventName,
    sha: nonEmpty(env.GITHUB_SHA),
    ref: nonEmpty(env.GITHUB_REF),
    actor: nonEmpty(env.GITHUB_ACTOR)
  }
  const runId = nonEmpty(env.GITHUB_RUN_ID)
  if (repository !== undefined && runId !== undefined) {
    const attempt = Number(env.GITHUB_RUN_ATTEMPT)
    const attemptSuffix = Number.isInteger(attempt) && attempt > 1 ? `/attempts/${attempt}` : ''
    context.runUrl = `${serverUrl}/${repository}/actions/runs/${runId}${attemptSuffix}`
  }
  const eventPath = nonEmpty(env.GITHUB_EVENT_PATH)
  if (eventName !== undefined && PULL_REQUEST_EVENTS.includes(eventName) && eventPath !== undefined) {
    context.pullRequest = readPullRequest(eventPath, readFile)
  }
  return context
}

// A missing, unreadable or unexpected payload is not an error: the action still deploys, it just cannot pin the
// pull request's head or find the pull request to comment on, and the orchestrator says so.
function readPullRequest(eventPath: string, readFile: (path: string) => string): EventContext['pullRequest'] {
  let payload: unknown
  try {
    payload = JSON.parse(readFile(eventPath))
  } catch {
    return undefined
  }
  const pullRequest = field(payload, 'pull_request')
  const number = field(pullRequest, 'number')
  const headSha = field(field(pullRequest, 'head'), 'sha')
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0 || typeof headSha !== 'string') {
    return undefined
  }
  const headRepo = field(field(field(pullRequest, 'head'), 'repo'), 'full_name')
  return { number, headSha, ...(typeof headRepo === 'string' ? { headRepo } : {}) }
}

/**
 * The pull request to comment on: `comment-on-pr-number` when set (whatever the event, and even when `comment-on-pr`
 * is false, because naming a number is the more specific request), else the triggering pull request when
 * `comment-on-pr` is true, else none.
 */
export function pullRequestToComment(
  config: Pick<ActionConfig, 'commentOnPr' | 'commentOnPrNumber'>,
  ctx: EventContext
): number | undefined {
  if (config.commentOnPrNumber !== undefined) return config.commentOnPrNumber
  return config.commentOnPr ? ctx.pullRequest?.number : undefined
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}
