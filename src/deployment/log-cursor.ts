// Reads a deployment's log one page at a time in Pulumi Cloud's streaming mode, handing each line on exactly once.
import type { LogEntry, StackRef } from '../pulumi/types.js'
import type { FollowApi } from './follow-api.js'
import type { Pacer } from './pacer.js'

// A page as long as the longest yet is taken to be cut at the service's page size, with more waiting behind it: the
// size is learned rather than assumed, as a service serving 99 entries a page once slowed a live log 26-fold. Below
// this many entries a page is never taken for cut (a trickle of single lines is not a backlog).
const MIN_CUT_PAGE = 50

/**
 * What one read gave: 'more' when the page looks cut short by the service (read again at once), 'some' when it
 * brought lines or moved the token, 'none' when it brought nothing.
 */
export type LogProgress = 'more' | 'some' | 'none'

export class LogCursor {
  private token: string | undefined
  private done = false
  private longestPage = 0

  constructor(
    private readonly api: FollowApi,
    private readonly stack: StackRef,
    private readonly deploymentId: string,
    private readonly onLogs: (entries: LogEntry[]) => void | Promise<void>
  ) {}

  /** The log is complete once a page came back without a nextToken. */
  get complete(): boolean {
    return this.done
  }

  async read(pacer: Pacer): Promise<LogProgress> {
    const response = await pacer.tolerate(() =>
      this.api.streamLogs(this.stack, this.deploymentId, this.token, pacer.callOptions)
    )
    if (!response) return 'none'
    const lines = response.lines ?? []
    // Awaited: the next page is not asked for until this one is written (the log file may be slower than the
    // network), so no more than a page is ever held.
    if (lines.length > 0) await this.onLogs(lines)
    const previous = this.token
    // The token moves only after the page was handed on, so a retried request can never skip or repeat a line.
    this.token = response.nextToken
    if (response.nextToken === undefined || response.nextToken === '') {
      this.done = true
      return lines.length > 0 ? 'some' : 'none'
    }
    // A token that did not move is asked again only after a pause, whatever the page held: a server that answers
    // full pages without advancing must not be asked in a tight loop.
    if (previous === response.nextToken) return 'none'
    const cut = lines.length >= MIN_CUT_PAGE && lines.length >= this.longestPage
    this.longestPage = Math.max(this.longestPage, lines.length)
    return cut ? 'more' : 'some'
  }
}
