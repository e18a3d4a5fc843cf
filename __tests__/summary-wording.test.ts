import { escapeHtml, escapeInline, link, safeUrl } from '../src/report/markup.js'
import {
  isFailure,
  isInProgress,
  progressSentence,
  statusIcon,
  statusText,
  titleOf,
  type ReportStatus
} from '../src/report/model.js'

const ALL_STATUSES: ReportStatus[] = [
  'not-started',
  'accepted',
  'running',
  'succeeded',
  'failed',
  'skipped',
  'timed-out',
  'cancelled',
  'created',
  'left-running',
  'left-queued'
]

describe('status wording', () => {
  it('gives every status its own icon and text', () => {
    expect(new Set(ALL_STATUSES.map(statusIcon)).size).toBe(ALL_STATUSES.length)
    expect(new Set(ALL_STATUSES.map(statusText)).size).toBe(ALL_STATUSES.length)
  })

  it('titles reports by operation and outcome', () => {
    expect(titleOf({ status: 'succeeded', operation: 'update' })).toBe('✅ Pulumi update succeeded')
    expect(titleOf({ status: 'running', operation: 'detect-drift' })).toBe(
      '🔄 Pulumi drift detection is running'
    )
    expect(titleOf({ status: 'cancelled', operation: 'destroy' })).toBe('🚫 Pulumi destroy was cancelled')
    // Left running is never worded as cancelled: the deployment may still change the stack.
    expect(titleOf({ status: 'left-running', operation: 'update' })).toBe('⏩ Pulumi update was left running')
    expect(titleOf({ status: 'left-queued', operation: 'update' })).toBe('🔜 Pulumi update was left queued')
  })

  it('has a progress sentence exactly for the statuses that may still change', () => {
    for (const status of ALL_STATUSES) {
      expect(progressSentence(status) !== undefined).toBe(isInProgress(status))
    }
  })

  it('counts failures, time-outs and cancellations as failures, and nothing else', () => {
    expect(ALL_STATUSES.filter(isFailure)).toEqual(['failed', 'timed-out', 'cancelled'])
  })
})

describe('escaping', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;'
    )
  })

  it('makes API text inert on one markdown line', () => {
    expect(escapeInline('a\nb\r\n# c')).toBe('a b # c')
    expect(escapeInline('*bold* _it_ `code` [l](u) a|b ~s~ \\')).toBe(
      '&#42;bold&#42; &#95;it&#95; &#96;code&#96; &#91;l&#93;(u) a&#124;b &#126;s&#126; &#92;'
    )
    expect(escapeInline('\x1b[31mred\x1b[0m <b>')).toBe('red &lt;b&gt;')
  })

  it('links only http and https addresses, with parentheses that cannot end the link', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeUrl('data:text/html,<b>')).toBeUndefined()
    expect(safeUrl('not a url')).toBeUndefined()
    expect(safeUrl(undefined)).toBeUndefined()
    expect(safeUrl('https://x.test/a b)c')).toBe('https://x.test/a%20b%29c')
    expect(link('text', 'https://x.test/')).toBe('[text](https://x.test/)')
    expect(link('text', 'javascript:x')).toBe('text')
  })
})
