// Text that looks like what the Pulumi CLI and the deployment executor print, written for this fake.
import type { PulumiOperation } from '../../src/pulumi/types.js'
import type { LineBlock } from './types.js'

export type ChangeKind = 'create' | 'update' | 'replace' | 'delete'

export interface ChangeCounts {
  create: number
  update: number
  replace: number
  delete: number
  same: number
}

const SYMBOL: Record<ChangeKind, string> = { create: '+', update: '~', replace: '+-', delete: '-' }
const COLOUR: Record<ChangeKind, string> = { create: '32', update: '33', replace: '35', delete: '31' }
const PAST: Record<ChangeKind, string> = {
  create: 'created',
  update: 'updated',
  replace: 'replaced',
  delete: 'deleted'
}
const KINDS: ChangeKind[] = ['create', 'update', 'replace', 'delete']

const RESOURCE_TYPES = [
  ['aws:s3:Bucket', 'bucket'],
  ['aws:s3:BucketObject', 'object'],
  ['aws:iam:Role', 'role'],
  ['aws:lambda:Function', 'handler'],
  ['aws:cloudwatch:LogGroup', 'logs'],
  ['aws:ec2:SecurityGroup', 'web-sg']
] as const

function paint(colour: string, text: string, ansi: boolean): string {
  return ansi ? `\x1b[${colour}m${text}\x1b[0m` : text
}

/** Whether the operation plans changes (`to create`) or makes them (`created`). */
export function isPlanning(operation: PulumiOperation): boolean {
  return operation === 'preview' || operation === 'detect-drift'
}

export interface ScenarioResource {
  type: string
  name: string
  /** Undefined when the scenario has no changes at all: the line then names an unchanged resource. */
  kind?: ChangeKind
}

/**
 * The resource of line `index` of `count`: its kind of change comes from the counts in order (all creates, then
 * updates, replaces, deletes), cycling when there are more lines than changes. The log and the engine events both
 * draw from this, so they always agree.
 */
export function resourceAt(index: number, count: number, counts: ChangeCounts): ScenarioResource {
  const [type, base] = RESOURCE_TYPES[index % RESOURCE_TYPES.length] as readonly [string, string]
  const width = Math.max(4, String(count).length)
  const name = `${base}-${String(index + 1).padStart(width, '0')}`
  let total = 0
  for (const kind of KINDS) total += counts[kind]
  if (total === 0) return { type, name }
  let position = index % total
  for (const kind of KINDS) {
    if (position < counts[kind]) return { type, name, kind }
    position -= counts[kind]
  }
  return { type, name }
}

/** `count` resource lines, made on demand (see resourceAt). */
export function resourceLines(
  count: number,
  counts: ChangeCounts,
  operation: PulumiOperation,
  ansi: boolean
): LineBlock {
  return {
    count,
    line(index: number): string {
      const { type, name, kind } = resourceAt(index, count, counts)
      if (kind === undefined) return `    ${type} ${name} `
      const action = isPlanning(operation) ? kind : `${PAST[kind]} (${1 + (index % 3)}s)`
      return `    ${paint(COLOUR[kind], `${SYMBOL[kind]} ${type} ${name} ${action}`, ansi)}`
    }
  }
}

/** Pulumi's closing `Resources:` block, one line per kind of change, then the unchanged count. */
export function resourcesSummary(counts: ChangeCounts, operation: PulumiOperation, ansi: boolean): string[] {
  const planning = isPlanning(operation)
  const lines = ['Resources:']
  for (const kind of KINDS) {
    if (counts[kind] === 0) continue
    const symbol = SYMBOL[kind]
    const gap = symbol.length === 1 ? ' ' : ''
    const words = planning ? `to ${kind}` : PAST[kind]
    lines.push(`    ${paint(COLOUR[kind], `${symbol}${gap}${counts[kind]} ${words}`, ansi)}`)
  }
  if (counts.same > 0) lines.push(`    ${counts.same} unchanged`)
  return lines
}

/** The first line of the Pulumi operation's output, e.g. `Previewing update (acme/dev)`. */
export function operationBanner(operation: PulumiOperation, stack: string): string {
  const verbs: Record<PulumiOperation, string> = {
    preview: 'Previewing update',
    update: 'Updating',
    refresh: 'Refreshing',
    destroy: 'Destroying',
    'detect-drift': 'Previewing refresh',
    'remediate-drift': 'Updating'
  }
  return `${verbs[operation]} (${stack})`
}

/** curl's progress meter as the executor download prints it: carriage returns redraw one line. */
export function downloadProgress(): string[] {
  const frames = [
    '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0',
    ' 41 51.2M   41 21.1M    0     0  40.2M      0  0:00:01 --:--:--  0:00:01 40.2M',
    '100 51.2M  100 51.2M    0     0  61.2M      0 --:--:-- --:--:-- --:--:-- 61.2M'
  ]
  return [
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current',
    '                                 Dload  Upload   Total   Spent    Left  Speed',
    frames.map(frame => `\r${frame}`).join('')
  ]
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000))
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m${seconds % 60}s` : `${seconds}s`
}
