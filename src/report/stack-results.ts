// One stack's results as markdown, from the report model alone: the impact at a glance, what failed, the policy
// violations, and the changed resources, most dangerous first. Size is budgeted in tiers (full details → table →
// counts), so the same rendering fits a comment, a job summary, or a `<details>` in a many-stack comment.
import { CHANGE_KINDS, type ChangeSummary } from '../deployment/changes.js'
import type { ChangedResource, ResourceOp } from '../deployment/resource-changes.js'
import type { PropertyChange } from '../pulumi/engine-events.js'
import { secretCiphertext } from '../pulumi/stack-results.js'
import { escapeInline, formatCount, link } from './markup.js'
import { isInProgress, titleOf, type DeploymentReport } from './model.js'
import { plural } from './sections.js'

export interface RenderBudget {
  /** Room for everything rendered, in `measure` units. */
  budget: number
  /** The size of a piece of text: UTF-16 code units for a comment, UTF-8 bytes for a job summary. */
  measure: (text: string) => number
}

const DANGEROUS = new Set(['delete', 'replace'])
// The kinds a headline names, most dangerous first; a replacement's own steps are already counted as `replace`.
const HEADLINE_KINDS = ['delete', 'replace', 'create', 'update', 'import', 'discard', 'read', 'refresh']
const HIDDEN_KINDS = new Set([
  'same',
  'create-replacement',
  'delete-replaced',
  'import-replacement',
  'discard-replaced'
])

function planning(r: Pick<DeploymentReport, 'operation'>): boolean {
  return r.operation === 'preview' || r.operation === 'detect-drift'
}

/** `⚠️ 7 to delete, ⚠️ 2 to replace, 3 to create`, `no changes`, or '' while the counts are unknown. */
export function impactOf(r: Pick<DeploymentReport, 'operation' | 'status' | 'changes'>): string {
  if (!r.changes || isInProgress(r.status)) return ''
  const changes: ChangeSummary = r.changes
  const others = Object.keys(changes)
    .filter(kind => !HEADLINE_KINDS.includes(kind) && !HIDDEN_KINDS.has(kind))
    .sort()
  const parts = [...HEADLINE_KINDS, ...others].flatMap(kind => {
    const count = Object.hasOwn(changes, kind) ? (changes[kind] ?? 0) : 0
    if (count <= 0) return []
    const known = CHANGE_KINDS.find(k => k.key === kind)
    const words = known ? (planning(r) ? known.planned : known.done) : kind.replace(/-/g, ' ')
    return [`${DANGEROUS.has(kind) ? '⚠️ ' : ''}${formatCount(count)} ${words}`]
  })
  return parts.length > 0 ? parts.join(', ') : 'no changes'
}

/** `✅ Pulumi preview succeeded: acme/web/dev — ⚠️ 2 to delete, 3 to create`: the result and its impact. */
export function headlineOf(r: DeploymentReport): string {
  const impact = impactOf(r)
  return `${titleOf(r)}: ${escapeInline(r.stack)}${impact ? ` — ${impact}` : ''}`
}

/** Whether the report is the short kind: a finished operation that changed nothing and found nothing to say. */
export function isQuiet(r: DeploymentReport): boolean {
  const e = r.engine
  return (
    r.status === 'succeeded' &&
    impactOf(r) === 'no changes' &&
    !r.failedStep &&
    (!e || (e.policyViolations.length === 0 && e.errors.length === 0 && e.resources.length === 0))
  )
}

/** A destroy says plainly what it removes. */
function destroySentence(r: DeploymentReport): string | undefined {
  if (r.operation !== 'destroy' || isInProgress(r.status)) return undefined
  const deleted = r.changes?.delete ?? r.engine?.resources.filter(x => x.op === 'delete').length
  if (deleted === undefined) return undefined
  const what = `${formatCount(deleted)} ${plural(deleted, 'resource')} of ${escapeInline(r.stack)}`
  return r.status === 'succeeded'
    ? `⚠️ This destroy deleted ${what}; their cloud resources are gone.`
    : `⚠️ This destroy was to delete ${what}; see below what was removed before it stopped.`
}

const OP_LABELS: Record<ResourceOp, string> = {
  delete: '⚠️ **delete**',
  replace: '⚠️ **replace**',
  create: 'create',
  update: 'update',
  import: 'import',
  discard: 'discard',
  refresh: 'refresh'
}

function code(text: string): string {
  return `<code>${escapeInline(text)}</code>`
}

function resourceName(x: { name: string; type: string }): string {
  return `${code(x.name)} (${escapeInline(x.type)})`
}

const TABLE_SHARE = 0.75
const MAX_VALUE = 80
const MAX_MESSAGE = 400
const MAX_NAMES_IN_CELL = 8

/** A property value for display: JSON, any secret in it `[secret]`, cut short. */
export function displayValue(value: unknown, present: boolean): string {
  if (!present) return '—'
  const text = JSON.stringify(value, (_key, v: unknown) =>
    secretCiphertext(v) !== undefined ? '[secret]' : v
  )
  if (text === undefined) return '—'
  if (text === '"[secret]"') return '[secret]'
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text
}

function propertyNames(changes: PropertyChange[]): string {
  const named = changes
    .slice(0, MAX_NAMES_IN_CELL)
    .map(c => (c.replaces ? `**${escapeInline(c.path)}** (forces replacement)` : escapeInline(c.path)))
  const more = changes.length - named.length
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ')
}

function tableRow(x: ChangedResource): string {
  return `| ${OP_LABELS[x.op]} | ${code(x.name)} | ${code(x.type)} | ${propertyNames(x.changes)} |`
}

function valueCode(value: unknown, present: boolean): string {
  const shown = displayValue(value, present)
  // The placeholder is this action's own text, so it needs no escaping to be read as plain text.
  return shown === '[secret]' ? '<code>[secret]</code>' : code(shown)
}

function detailOfResource(x: ChangedResource): string {
  const lines = x.changes.slice(0, 50).map(c => {
    const values = c.hidden ? '(hidden)' : `${valueCode(c.old, 'old' in c)} → ${valueCode(c.new, 'new' in c)}`
    return `- ${code(c.path)}: ${values}${c.replaces ? ' (forces replacement)' : ''}`
  })
  return `${OP_LABELS[x.op]} ${resourceName(x)}\n\n${lines.join('\n')}\n`
}

function firstLine(text: string): string {
  const flat = escapeInline(text)
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE)}…` : flat
}

/** What failed: the failing resources with their errors first, then the other error diagnostics. */
function errorsSection(r: DeploymentReport): string | undefined {
  const e = r.engine
  if (!e || (e.errors.length === 0 && e.failedResources.length === 0)) return undefined
  const shown = new Set<string>()
  const items = e.failedResources.slice(0, 10).map(f => {
    if (f.message) shown.add(f.message)
    return `- ❌ ${resourceName(f)} failed to ${f.op}${f.message ? `: ${firstLine(f.message)}` : '.'}`
  })
  for (const error of e.errors) {
    if (items.length >= 10 || shown.has(error.message)) continue
    items.push(`- ${error.resource ? `${resourceName(error.resource)}: ` : ''}${firstLine(error.message)}`)
  }
  return `#### ❌ Errors\n\n${items.join('\n')}`
}

function policySection(r: DeploymentReport): string | undefined {
  const violations = r.engine?.policyViolations ?? []
  if (violations.length === 0) return undefined
  const rows = violations.slice(0, 20).map(v => {
    const level =
      v.enforcementLevel === 'mandatory'
        ? '🚫 mandatory'
        : `⚠️ ${escapeInline(v.enforcementLevel || 'advisory')}`
    const severity = v.severity ? ` (${escapeInline(v.severity)})` : ''
    const policy = `${escapeInline(v.policyPack)} / ${code(v.policyName)}${severity}`
    return `| ${level} | ${policy} | ${v.resource ? resourceName(v.resource) : ''} | ${firstLine(v.message)} |`
  })
  const more = violations.length - rows.length
  const tail =
    more > 0
      ? `\n\n…and ${formatCount(more)} more in ${link('Pulumi Cloud', r.updateUrl ?? r.consoleUrl)}.`
      : ''
  return `#### 🛡️ Policy violations\n\n| Level | Policy | Resource | Message |\n|---|---|---|---|\n${rows.join('\n')}${tail}`
}

/** Where the rest can be seen, for a list cut short. */
function elsewhere(r: DeploymentReport): string {
  return link(r.updateIsPreview ? 'the preview in Pulumi Cloud' : 'Pulumi Cloud', r.updateUrl ?? r.consoleUrl)
}

/**
 * Everything below one stack's headline, within `budget`: the destroy warning, errors and policy violations
 * (always, each short), then as many rows of the changed-resources table as fit, then their property changes
 * folded away if they fit too. A table that does not fit at all leaves the counts of the headline.
 */
export function renderStackResults(r: DeploymentReport, { budget, measure }: RenderBudget): string {
  const fixed = [destroySentence(r), errorsSection(r), policySection(r)].filter((s): s is string => !!s)
  const parts: string[] = []
  let room = budget
  for (const piece of fixed) {
    const size = measure(piece) + 2
    if (size > room) continue
    parts.push(piece)
    room -= size
  }
  const resources = r.engine?.resources ?? []
  if (resources.length === 0 || isInProgress(r.status)) return parts.join('\n\n')

  const heading = `#### Changed resources (${formatCount(resources.length)})\n\n| | Resource | Type | Changed properties |\n|---|---|---|---|`
  const moreNote = (left: number): string =>
    `\n\n…and ${formatCount(left)} more ${plural(left, 'resource')}, not listed here for size; see ${elsewhere(r)}.`
  // Room is kept for the note however many rows are left out, and a quarter for what follows (a failed step's
  // last lines, the log's tail), which a long table must not push out.
  let tableRoom = Math.floor(room * TABLE_SHARE) - measure(heading) - measure(moreNote(999_999_999)) - 2
  const rows: string[] = []
  for (const x of resources) {
    const row = tableRow(x)
    const size = measure(row) + 1
    if (size > tableRoom) break
    rows.push(row)
    tableRoom -= size
  }
  if (rows.length === 0) return parts.join('\n\n')
  const left = resources.length - rows.length
  const table = `${heading}\n${rows.join('\n')}${left > 0 ? moreNote(left) : ''}`
  parts.push(table)
  room -= measure(table) + 2

  // The folded details come whole or not at all: a half list would read as the whole.
  const withDiffs = resources.filter(x => x.changes.length > 0)
  if (left === 0 && withDiffs.length > 0) {
    const details = `<details><summary>Property changes (old → new)</summary>\n\n${withDiffs.map(detailOfResource).join('\n')}\n</details>`
    if (measure(details) + 2 <= room) parts.push(details)
  }
  return parts.join('\n\n')
}
