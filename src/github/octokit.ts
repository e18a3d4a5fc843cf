// The Octokit the pull-request comment is written with, loaded only when a run comments. It speaks to one origin
// only, GITHUB_API_URL's: a request to anywhere else (a pagination link, a redirect) is refused before it is sent,
// so the token and the comment's body never leave it.
import type { getOctokit } from '@actions/github'
import { withoutTrailingSlash } from '../config/url.js'

export type OctokitLike = ReturnType<typeof getOctokit>
/** Lazy, so a run that does not comment never loads Octokit. */
export type OctokitFactory = () => Promise<OctokitLike>

export interface OctokitFactoryOptions {
  /** Per request, so a GitHub that stops answering cannot hold the step for undici's five-minute default. */
  requestTimeoutMs?: number
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
const DEFAULT_API_URL = 'https://api.github.com'

/** A GitHub request to somewhere other than the API the action was given; never sent. */
export class OffOriginError extends Error {
  constructor(readonly url: string) {
    super(`a request to ${url} was refused: it leads away from the GitHub API this job uses`)
    this.name = 'OffOriginError'
  }
}

export function createOctokitFactory(
  token: string,
  apiUrl: string,
  options: OctokitFactoryOptions = {}
): OctokitFactory {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  const base = new URL(withoutTrailingSlash(apiUrl || DEFAULT_API_URL))
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
        const url = String(options.url)
        if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !within(base, url)) throw new OffOriginError(shortUrl(url))
        // No redirect is followed: one could carry the token, or a comment's body, to another origin.
        options.request = { ...options.request, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' }
      })
      return octokit
    })()
    return client
  }
}

/** Whether `url` lies on the API's origin and under its path (GitHub Enterprise serves the API under `/api/v3`). */
function within(base: URL, url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  const prefix = base.pathname.replace(/\/+$/, '')
  return (
    parsed.origin === base.origin &&
    parsed.username === '' &&
    parsed.password === '' &&
    (prefix === '' || parsed.pathname === prefix || parsed.pathname.startsWith(`${prefix}/`))
  )
}

function shortUrl(url: string): string {
  try {
    const { origin, pathname } = new URL(url)
    return `${origin}${pathname}`.slice(0, 200)
  } catch {
    return 'an unreadable URL'
  }
}
