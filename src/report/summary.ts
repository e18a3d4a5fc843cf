// The job summary: everything about one deployment on the run's summary page, as GitHub-flavoured markdown.
import {
  changesTable,
  collapsibleBlock,
  commitText,
  escapedBytes,
  linesBlock,
  reportLinks
} from './sections.js'
import { formatDuration } from '../config/duration.js'
import { escapeInline } from './markup.js'
import {
  operationLabel,
  progressSentence,
  statusIcon,
  statusText,
  stepStatusIcon,
  driftIcon,
  driftLabel,
  type DeploymentReport
} from './model.js'
import { headlineOf, renderStackResults } from './stack-results.js'

export interface SummaryOptions {
  /** Applied to the finished markdown, as a last defence: the log was already redacted as it streamed. */
  redact?: (s: string) => string
  /** Room for the operation's output, in UTF-8 bytes; GitHub rejects step summaries over 1 MiB. */
  outputBytes?: number
  /** The most the whole summary may take, in UTF-8 bytes: one of several stacks' summaries gets its share. */
  maxBytes?: number
}

export const DEFAULT_OUTPUT_BYTES = 512 * 1024
/** GitHub refuses a step's summary over 1 MiB; the margin covers what redaction may add. */
export const MAX_SUMMARY_BYTES = 1024 * 1024 - 32 * 1024
const RESULTS_BYTES = 320 * 1024
const FAILED_LINES_BYTES = 64 * 1024
const MAX_OUTPUTS_SHOWN = 200

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

export function buildSummary(r: DeploymentReport, options: SummaryOptions = {}): string {
  const max = options.maxBytes ?? MAX_SUMMARY_BYTES
  const sections = [
    `## ${headlineOf(r)}`,
    facts(r).join('\n'),
    r.message ? `> ${escapeInline(r.message)}` : undefined,
    progressOf(r),
    renderStackResults(r, { budget: Math.min(RESULTS_BYTES, max * 0.3), measure: bytes }) || undefined,
    r.changes ? `### Change counts\n\n${changesTable(r.changes)}` : undefined,
    outputsTable(r),
    r.steps.length > 0 ? `### Steps\n\n${stepsTable(r)}` : undefined,
    failedStepOf(r, Math.min(FAILED_LINES_BYTES, max * 0.1))
  ].filter((s): s is string => s !== undefined && s !== '')
  // The log's output gets what room is left: the whole summary stays under GitHub's limit.
  const used = bytes(sections.join('\n\n')) + 4
  const room = Math.min(options.outputBytes ?? DEFAULT_OUTPUT_BYTES, max - used)
  const output = room > 1_024 ? outputOf(r, room) : undefined
  if (output) sections.push(output)
  const markdown = `${sections.join('\n\n')}\n`
  return options.redact ? options.redact(markdown) : markdown
}

/** The stack's outputs; a secret is `[secret]` here whatever `show-secret-outputs` says. */
function outputsTable(r: DeploymentReport): string | undefined {
  if (!r.outputs || r.outputs.length === 0) return undefined
  const rows = r.outputs.slice(0, MAX_OUTPUTS_SHOWN).map(o => {
    const shown = o.shown.length > 200 ? `${o.shown.slice(0, 200)}…` : o.shown
    return `| <code>${escapeInline(o.name)}</code> | ${o.secret ? '🔒 [secret]' : `<code>${escapeInline(shown)}</code>`} |`
  })
  const more = r.outputs.length - rows.length
  const tail = more > 0 ? `\n\n…and ${more} more; see the \`outputs\` step output.` : ''
  return `### Stack outputs\n\n| Output | Value |\n|---|---|\n${rows.join('\n')}${tail}`
}

function facts(r: DeploymentReport): string[] {
  const items = [
    `- **Status:** ${driftLabel(r) ? `${driftIcon(r)} ${driftLabel(r)}` : `${statusIcon(r.status)} ${statusText(r.status)}`}`,
    `- **Stack:** ${escapeInline(r.stack)}`,
    `- **Operation:** ${operationLabel(r.operation)}`
  ]
  const commit = commitText(r.commit, r.commitUrl)
  if (commit) items.push(`- **Commit:** ${commit}`)
  const links = reportLinks(r)
  if (links.length > 0) items.push(`- **Links:** ${links.join(' · ')}`)
  if (r.queuedMs !== undefined) items.push(`- **Queued:** ${formatDuration(r.queuedMs)}`)
  if (r.runningMs !== undefined) items.push(`- **Running:** ${formatDuration(r.runningMs)}`)
  return items
}

function progressOf(r: DeploymentReport): string | undefined {
  return progressSentence(r.status)
}

function stepsTable(r: DeploymentReport): string {
  const rows = r.steps.map(step => {
    const duration = step.durationMs === undefined ? '' : formatDuration(step.durationMs)
    return `| ${escapeInline(step.name) || '(unnamed)'} | ${stepStatusIcon(step.status)} ${escapeInline(step.status)} | ${duration} |`
  })
  return ['| Step | Status | Duration |', '|---|---|---:|', ...rows].join('\n')
}

function failedStepOf(r: DeploymentReport, budget: number): string | undefined {
  if (!r.failedStep) return undefined
  const { html } = linesBlock({
    head: [],
    tail: r.failedStep.lastLines,
    omitted: 0,
    budget,
    measure: escapedBytes
  })
  const lines =
    r.failedStep.lastLines.length > 0 ? `The last lines of its log:\n\n${html}` : 'Its log has no lines.'
  return `### Failed step: ${escapeInline(r.failedStep.name)}\n\n${lines}`
}

function outputOf(r: DeploymentReport, budget: number): string | undefined {
  const output = r.output
  if (!output || output.lineCount === 0) return undefined
  const step = escapeInline(output.name)
  return collapsibleBlock({
    summary: step ? `Output of <code>${step}</code>` : `Output of the ${operationLabel(r.operation)}`,
    lineCount: output.lineCount,
    head: output.head,
    tail: output.tail,
    omitted: output.omitted,
    budget,
    measure: escapedBytes,
    runUrl: r.runUrl
  })
}
