// Finds one comment on a pull request by walking its pages in order and stopping as soon as it is found. A pull
// request may hold thousands of comments: reading them all cost one request per hundred and held every body in
// memory at once, when the sticky comment is almost always among the first.
import type { CommentTarget } from './comment-failure.js'
import type { OctokitLike } from './octokit.js'

/** The little kept of a comment: nothing of any comment but the one found. */
export interface FoundComment {
  id: number
  html_url: string
  body: string
}

export interface ListedComment {
  id: number
  body?: string | null
  html_url: string
  user: { login: string; type: string } | null
}

const PER_PAGE = 100

/** The first comment `matches` accepts, in the order GitHub lists them (oldest first). */
export async function findComment(
  octokit: OctokitLike,
  target: CommentTarget,
  matches: (comment: ListedComment) => boolean
): Promise<FoundComment | undefined> {
  const { owner, repo, issueNumber } = target
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: PER_PAGE
  })
  // Returning from inside the loop ends the iterator, so the next page is never requested.
  for await (const page of pages) {
    for (const comment of page.data as ListedComment[]) {
      // A copy, not the page's object: holding that would keep the whole page of bodies alive.
      if (matches(comment)) return { id: comment.id, html_url: comment.html_url, body: comment.body ?? '' }
    }
  }
  return undefined
}
