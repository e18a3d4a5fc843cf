// The report of several stacks in one step: one table with a row per stack on top, then each stack folded away
// with what a one-stack report shows. The size limit (a comment's 65,536 characters, a summary's 1 MiB) is shared
// fairly: each stack gets an equal part, and what one does not need goes to those that were cut.
import { buildCommentBody, COMMENT_MARKER_PREFIX, DEFAULT_MAX_COMMENT_CHARS } from './comment-body.js'
import { escapeInline } from './markup.js'
import {
  isFailure,
  isInProgress,
  operationLabel,
  statusIcon,
  statusText,
  type DeploymentReport
} from './model.js'
import { reportLinks } from './sections.js'
import { impactOf } from './stack-results.js'
import { buildSummary, MAX_SUMMARY_BYTES } from './summary.js'
import type { PulumiOperation } from '../pulumi/types.js'

/**
 * `<!-- pulumi-deployments:v1 stacks-1a2b3c4d preview -->`: keyed on the set of stacks (in any order) and the
 * operation, so the next run over the same stacks edits the same comment, and a run over other stacks does not.
 */
export function manyMarker(stacks: readonly string[], operation: PulumiOperation): string {
  return `${COMMENT_MARKER_PREFIX} stacks-${fnv1a([...stacks].sort().join('\n'))} ${operation} -->`
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/** `❌ Pulumi update of 3 stacks: 1 failed, 2 succeeded`. */
export function manyHeadline(reports: readonly DeploymentReport[]): string {
  const operation = reports[0]?.operation ?? 'update'
  const counts = new Map<string, number>()
  for (const r of reports) {
    const text = statusText(r.status)
      .toLowerCase()
      .replace(/ \(.*\)$/, '')
    counts.set(text, (counts.get(text) ?? 0) + 1)
  }
  const parts = [...counts].map(([text, n]) => `${n} ${text}`)
  return `${statusIcon(worstReportStatus(reports))} Pulumi ${operationLabel(operation)} of ${reports.length} stacks: ${parts.join(', ')}`
}

function worstReportStatus(reports: readonly DeploymentReport[]): DeploymentReport['status'] {
  if (reports.some(r => isFailure(r.status)))
    return reports.find(r => isFailure(r.status))?.status ?? 'failed'
  const unfinished = reports.find(r => isInProgress(r.status))
  if (unfinished) return unfinished.status
  if (reports.some(r => r.status === 'skipped' || r.status === 'not-run')) return 'skipped'
  return 'succeeded'
}

/** The row per stack: status, what changes (⚠️ on deletes and replaces), links. */
export function stacksTable(reports: readonly DeploymentReport[]): string {
  const rows = reports.map(r => {
    const impact = impactOf(r) || (isInProgress(r.status) ? '…' : '')
    return `| ${escapeInline(r.stack)} | ${statusIcon(r.status)} ${statusText(r.status)} | ${impact} | ${reportLinks(r).join(' · ')} |`
  })
  return ['| Stack | Status | Changes | Links |', '|---|---|---|---|', ...rows].join('\n')
}

function folded(r: DeploymentReport, body: string): string {
  const impact = impactOf(r)
  const summary = `${statusIcon(r.status)} ${escapeInline(r.stack)}${impact ? ` — ${impact}` : ''}`
  return `<details><summary>${summary}</summary>\n\n${body.trim()}\n\n</details>`
}

/**
 * Renders each item within an equal share of `room`; then gives what the small ones left over to those that used
 * their whole share, once. Each result stays within what it was given.
 */
function shareFairly<T>(
  items: readonly T[],
  room: number,
  render: (item: T, budget: number) => string,
  measure: (text: string) => number
): string[] {
  if (items.length === 0) return []
  const share = Math.floor(room / items.length)
  const first = items.map(item => render(item, share))
  const sizes = first.map(measure)
  const cut = sizes.map(size => size >= share * 0.9)
  const spare = sizes.reduce((left, size, i) => left + (cut[i] ? 0 : share - size), 0)
  const cutCount = cut.filter(Boolean).length
  if (cutCount === 0 || spare <= 0) return first
  const bigger = share + Math.floor(spare / cutCount)
  return items.map((item, i) => (cut[i] ? render(item, bigger) : (first[i] as string)))
}

export interface ManyOptions {
  maxChars?: number
  redact?: (s: string) => string
}

// Room kept for what each stack's fold adds around its body.
const FOLD_OVERHEAD = 400

export function buildManyComment(reports: readonly DeploymentReport[], options: ManyOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_COMMENT_CHARS
  const redact = options.redact ?? ((s: string) => s)
  const stacks = reports.map(r => r.stack)
  const top = [
    manyMarker(stacks, reports[0]?.operation ?? 'update'),
    `### ${manyHeadline(reports)}`,
    '',
    stacksTable(reports)
  ].join('\n')
  let room = maxChars - top.length - 2
  for (let attempt = 0; attempt < 3; attempt++) {
    const parts = shareFairly(
      reports,
      room,
      (r, budget) => {
        const body = buildCommentBody(r, { maxChars: Math.max(0, budget - FOLD_OVERHEAD) })
        // The one-stack marker would make GitHub readers (and this action) take the fold for a comment of its own.
        return folded(r, body.slice(body.indexOf('\n') + 1))
      },
      text => text.length + 2
    )
    const body = redact(`${top}\n\n${parts.join('\n\n')}\n`)
    if (body.length <= maxChars) return body
    room -= body.length - maxChars + 1_000
  }
  const bare = redact(`${top}\n`)
  return bare.length <= maxChars ? bare : bare.slice(0, maxChars)
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

export function buildManySummary(reports: readonly DeploymentReport[], options: ManyOptions = {}): string {
  const top = `## ${manyHeadline(reports)}\n\n${stacksTable(reports)}`
  const room = MAX_SUMMARY_BYTES - bytes(top) - 2
  const parts = shareFairly(
    reports,
    room,
    (r, budget) => folded(r, buildSummary(r, { maxBytes: Math.max(0, budget - FOLD_OVERHEAD) })),
    text => bytes(text) + 2
  )
  const markdown = `${top}\n\n${parts.join('\n\n')}\n`
  return options.redact ? options.redact(markdown) : markdown
}
