// Reads a deployment's log one page at a time in Pulumi Cloud's streaming mode, handing each line on exactly once.
import type { LogPageSink } from '../pulumi/log-stream.js'
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
  // The page at `token` as far as it was handed on: a read cut short is read again from where it stopped.
  private page: LogPageSink

  constructor(
    private readonly api: FollowApi,
    private readonly stack: StackRef,
    private readonly deploymentId: string,
    private readonly onLogs: (entries: LogEntry[]) => void | Promise<void>
  ) {
    this.page = this.freshPage()
  }

  /** The log is complete once a page came back without a nextToken. */
  get complete(): boolean {
    return this.done
  }

  async read(pacer: Pacer): Promise<LogProgress> {
    const page = this.page
    const before = page.handedOn
    const response = await pacer.tolerate(() =>
      this.api.streamLogs(this.stack, this.deploymentId, this.token, pacer.callOptions, page)
    )
    if (!response) return page.handedOn > before ? 'some' : 'none'
    const previous = this.token
    // The token moves only once its page was handed on whole, so a read cut short can never skip or repeat a line.
    this.token = response.nextToken
    if (response.nextToken === undefined || response.nextToken === '') {
      this.done = true
      return response.size > 0 ? 'some' : 'none'
    }
    // A token that did not move is asked again only after a pause, whatever the page held: a server that answers
    // full pages without advancing must not be asked in a tight loop. Its page is not handed on twice.
    if (previous === response.nextToken) return 'none'
    this.page = this.freshPage()
    const cut = response.size >= MIN_CUT_PAGE && response.size >= this.longestPage
    this.longestPage = Math.max(this.longestPage, response.size)
    return cut ? 'more' : 'some'
  }

  // Awaited by the page's reader: the rest of the page is not read until these lines are written (the log file may
  // be slower than the network), so no more than a network chunk of the log is ever held.
  private freshPage(): LogPageSink {
    const onLogs = this.onLogs
    return {
      handedOn: 0,
      handOn(entries, through) {
        this.handedOn = through
        if (entries.length > 0) return onLogs(entries)
      }
    }
  }
}
