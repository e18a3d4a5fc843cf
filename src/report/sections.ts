// Pieces the job summary and the pull-request comment share: the change table and the blocks of log text.
import stripAnsi from 'strip-ansi'
import { changeLabel, orderedKinds, type ChangeSummary } from '../deployment/changes.js'
import { fitToBudget, type LineMeasure } from './fit.js'
import { escapeHtml, escapeInline, formatCount, link, safeUrl } from './markup.js'

/** The size of a line once escaped for a `<pre>` block, in UTF-16 code units (what GitHub counts for comments). */
export const escapedLength: LineMeasure = line => escapeHtml(line).length + 1

/** The size of a line once escaped, in UTF-8 bytes (what the 1 MiB job summary limit counts). */
export const escapedBytes: LineMeasure = line => Buffer.byteLength(escapeHtml(line), 'utf8') + 1

const ALWAYS_SHOWN = ['create', 'update', 'replace', 'delete', 'same']

/** A one-row markdown table of counts: the four main kinds and unchanged always, other kinds when present. */
export function changesTable(changes: ChangeSummary): string {
  const present = orderedKinds(changes)
  const kinds = [
    ...ALWAYS_SHOWN.filter(k => k !== 'same'),
    ...present.filter(k => !ALWAYS_SHOWN.includes(k)),
    'same'
  ]
  const header = `| ${kinds.map(kind => escapeInline(changeLabel(kind))).join(' | ')} |`
  const align = `|${kinds.map(() => '---:').join('|')}|`
  const counts = `| ${kinds.map(kind => formatCount(changes[kind] ?? 0)).join(' | ')} |`
  return [header, align, counts].join('\n')
}

export interface LinesBlockInput {
  head: readonly string[]
  tail: readonly string[]
  omitted: number
  /** Room for the whole block, wrapper included, in `measure` units. */
  budget: number
  measure: LineMeasure
}

// Larger than any count, so wrappers measured with it are never smaller than the real ones.
const LARGEST_COUNT = 999_999_999

/**
 * A `<pre>` block: every line ANSI-stripped and HTML-escaped, so nothing in it can end the block or the
 * surrounding `<details>`, trimmed from the middle to the budget with a visible line where lines were left out.
 */
export function linesBlock(input: LinesBlockInput): { html: string; omitted: number } {
  const plain = (lines: readonly string[]): string[] => lines.map(line => stripAnsi(line))
  const wrapper =
    input.measure('<pre>') + input.measure('</pre>') + input.measure(omissionLine(LARGEST_COUNT))
  const fitted = fitToBudget(
    plain(input.head),
    plain(input.tail),
    input.omitted,
    input.budget - wrapper,
    input.measure
  )
  const lines = fitted.head.map(escapeHtml)
  if (fitted.omitted > 0) lines.push(omissionLine(fitted.omitted))
  lines.push(...fitted.tail.map(escapeHtml))
  return { html: `<pre>\n${lines.join('\n')}\n</pre>`, omitted: fitted.omitted }
}

function omissionLine(omitted: number): string {
  return `… ${formatCount(omitted)} ${plural(omitted, 'line')} omitted …`
}

export interface CollapsibleInput extends LinesBlockInput {
  /** The `<summary>` text, already escaped. */
  summary: string
  /** The line count to name in the summary line, when known. */
  lineCount?: number
  runUrl?: string
}

/** `<details>` holding a lines block; says under it how much was left out and where the whole log is. */
export function collapsibleBlock(input: CollapsibleInput): string {
  const count =
    input.lineCount === undefined
      ? ''
      : ` (${formatCount(input.lineCount)} ${plural(input.lineCount, 'line')})`
  const opening = `<details><summary>${input.summary}${count}</summary>`
  const wrapper =
    input.measure(opening) +
    input.measure(omittedNote(LARGEST_COUNT, input.runUrl)) +
    input.measure('</details>') +
    3
  const { html, omitted } = linesBlock({ ...input, budget: input.budget - wrapper })
  const parts = [opening, '', html, '']
  if (omitted > 0) parts.push(omittedNote(omitted, input.runUrl), '')
  parts.push('</details>')
  return parts.join('\n')
}

export function omittedNote(omitted: number, runUrl: string | undefined): string {
  const where = runUrl ? `the ${link('workflow run', runUrl)}` : 'the log of the workflow run'
  return `${formatCount(omitted)} ${plural(omitted, 'line was', 'lines were')} left out of the middle; the whole log is in ${where}.`
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many
}

/** `abc1234` linked to the commit; a value that is not a hash is shown escaped rather than as code. */
export function commitText(commit: string | undefined, commitUrl: string | undefined): string | undefined {
  if (!commit) return undefined
  const shown = /^[0-9a-f]{7,64}$/i.test(commit) ? `\`${commit.slice(0, 7)}\`` : escapeInline(commit)
  return link(shown, commitUrl)
}

/** Links to the deployment, the stack update it made and the workflow run, for whichever are known. */
export function reportLinks(r: {
  version?: number
  consoleUrl?: string
  updateVersion?: number
  updateUrl?: string
  updateIsPreview?: boolean
  runUrl?: string
}): string[] {
  const links: string[] = []
  const deployment = r.version === undefined ? 'Deployment' : `Deployment #${escapeInline(String(r.version))}`
  if (safeUrl(r.consoleUrl)) links.push(link(deployment, r.consoleUrl))
  // A preview is no stack update: its link says so.
  const update = r.updateIsPreview
    ? 'Preview'
    : r.updateVersion === undefined
      ? 'Update'
      : `Update #${escapeInline(String(r.updateVersion))}`
  if (safeUrl(r.updateUrl)) links.push(link(update, r.updateUrl))
  if (safeUrl(r.runUrl)) links.push(link('Workflow run', r.runUrl))
  return links
}
