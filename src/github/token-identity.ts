// Whose comments are ours: those written by the account the github-token belongs to. Anyone can post a comment that
// starts with the marker; only the token's own account can have written one that the action may edit.
import type { OctokitLike } from './octokit.js'

/** The account GitHub shows as the author of what `GITHUB_TOKEN` (a GitHub Actions installation token) writes. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]'

export interface TokenIdentity {
  login: string
}

/**
 * The token's account. A personal token (classic or fine-grained) may read `GET /user`; an installation token,
 * such as `GITHUB_TOKEN`, is refused it with a 403 and writes as the GitHub Actions bot. Any other failure is
 * thrown: without knowing who we are, no comment may be taken for ours.
 */
export async function resolveTokenIdentity(octokit: OctokitLike): Promise<TokenIdentity> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    if (typeof data.login !== 'string' || data.login === '')
      throw new Error('GitHub named no account for the token')
    return { login: data.login }
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status
    const hasResponse = (error as { response?: unknown } | null)?.response !== undefined
    const rateLimited = /rate limit/i.test(error instanceof Error ? error.message : '')
    if (status === 403 && hasResponse && !rateLimited) return { login: ACTIONS_BOT_LOGIN }
    throw error
  }
}

/** Whether `login` is the token's account; GitHub logins are case-insensitive. */
export function isByIdentity(login: string | undefined, identity: TokenIdentity): boolean {
  return login !== undefined && login.toLowerCase() === identity.login.toLowerCase()
}
