// The pull-request comment: the result at a glance, then the operation's output folded away. It is written when
// the deployment is created and rewritten when it ends, found again by the marker on its first line.
import { collapsibleBlock, commitText, escapedLength, linesBlock, reportLinks } from './sections.js'
import { formatDuration } from '../config/duration.js'
import { escapeInline, link } from './markup.js'
import { isInProgress, operationLabel, progressSentence, statusIcon, type DeploymentReport } from './model.js'
import { headlineOf, isQuiet, renderStackResults } from './stack-results.js'

export { fitToBudget, type FittedLines } from './fit.js'

export const COMMENT_MARKER_PREFIX = '<!-- pulumi-deployments:v1'

/** GitHub rejects comment bodies over 65,536 characters; the margin covers what redaction may add. */
export const DEFAULT_MAX_COMMENT_CHARS = 60_000
const FAILED_LINES_CHARS = 16_000

/** `<!-- pulumi-deployments:v1 acme/web/dev preview -->`; only name characters survive, so nothing ends it early. */
export function commentMarker(stack: string, operation: string): string {
  return `${COMMENT_MARKER_PREFIX} ${markerWord(stack)} ${markerWord(operation)} -->`
}

function markerWord(value: string): string {
  return value.replace(/[^A-Za-z0-9._/-]/g, '_') || '_'
}

/** Ours only if the body starts with the marker: a reply quoting our comment does not. */
export function isOurComment(body: string, marker: string): boolean {
  return body.startsWith(marker)
}

export interface CommentBodyOptions {
  /** At most this many characters (UTF-16 code units, an upper bound of what GitHub counts). */
  maxChars?: number
  /** Applied to the finished body, as a last defence: the log was already redacted as it streamed. */
  redact?: (s: string) => string
}

export function buildCommentBody(r: DeploymentReport, options: CommentBodyOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_COMMENT_CHARS
  const redact = options.redact ?? ((s: string) => s)
  const top = glance(r)
  if (isQuiet(r)) return redact(`${top}\n`)
  let room = maxChars - top.length - 1
  // Redaction can lengthen the body (a short secret becomes a longer mask): shrink the rest until it fits.
  for (let attempt = 0; attempt < 3; attempt++) {
    const results = renderStackResults(r, { budget: room, measure: text => text.length })
    const detail = detailOf(r, room - results.length - 2)
    const rest = [results, detail].filter(Boolean).join('\n\n')
    const body = redact(rest ? `${top}\n\n${rest}\n` : `${top}\n`)
    if (body.length <= maxChars) return body
    room -= body.length - maxChars + 1_000
  }
  const bare = redact(`${top}\n`)
  return bare.length <= maxChars ? bare : bare.slice(0, maxChars)
}

/** Marker, the headline, then the links and facts in one line, and a progress note while it runs. */
function glance(r: DeploymentReport): string {
  const lines = [commentMarker(r.stack, r.operation), `### ${headlineOf(r)}`, '']
  const unchanged = r.changes?.same
  const counts = unchanged ? [`${unchanged.toLocaleString('en-US')} unchanged`] : []
  if (isQuiet(r)) {
    // A preview that changes nothing is one short line and its links.
    lines.push([...counts, ...reportLinks(r)].join(' · '))
    return lines.join('\n')
  }
  const facts = [`**Operation:** ${operationLabel(r.operation)}`]
  const commit = commitText(r.commit, r.commitUrl)
  if (commit) facts.push(`**Commit:** ${commit}`)
  const duration = durationOf(r)
  if (duration) facts.push(`**Duration:** ${duration}`)
  if (!isInProgress(r.status)) facts.push(...counts)
  lines.push([...reportLinks(r), ...facts].join(' · '))
  if (r.message) lines.push('', `> ${escapeInline(r.message)}`)
  const progress = progressSentence(r.status)
  if (progress)
    lines.push('', `${statusIcon(r.status)} ${progress} ${link('Follow it in Pulumi Cloud', r.consoleUrl)}.`)
  return lines.join('\n')
}

function durationOf(r: DeploymentReport): string | undefined {
  if (r.runningMs === undefined) return undefined
  const queued = r.queuedMs ? ` (queued ${formatDuration(r.queuedMs)})` : ''
  return `${formatDuration(r.runningMs)}${queued}`
}

// Below this, a block would hold little more than its own wrapper.
const SMALLEST_DETAIL = 1_000

/** The failed step's last lines, or else the operation's output, in what room is left. */
function detailOf(r: DeploymentReport, room: number): string | undefined {
  if (room < SMALLEST_DETAIL) return undefined
  if (r.failedStep) {
    const name = escapeInline(r.failedStep.name)
    if (r.failedStep.lastLines.length === 0) return `**Failed step:** ${name}. Its log has no lines.`
    const heading = `**Failed step:** ${name}. Its last lines:`
    const { html } = linesBlock({
      head: [],
      tail: r.failedStep.lastLines,
      omitted: 0,
      budget: Math.min(room, FAILED_LINES_CHARS) - heading.length - 2,
      measure: escapedLength
    })
    return `${heading}\n\n${html}`
  }
  const output = r.output
  if (!output || output.lineCount === 0 || isInProgress(r.status)) return undefined
  const step = escapeInline(output.name)
  return `${collapsibleBlock({
    summary: step ? `Output of <code>${step}</code>` : `Output of the ${operationLabel(r.operation)}`,
    lineCount: output.lineCount,
    head: output.head,
    tail: output.tail,
    omitted: output.omitted,
    budget: room - 2,
    measure: escapedLength,
    runUrl: r.runUrl
  })}`
}
