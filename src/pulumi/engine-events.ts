// Engine events (spec/results-openapi.json, `GetUpdateEventsResponse`), validated where they enter: Pulumi Cloud's
// answers are hostile until checked. Only the payloads a report uses are kept; every other event is `other`.
// Nothing here looks a key up on an object it did not build: properties are read with Object.hasOwn only.

/** The engine's step operations (`AppStepEventMetadata.op`). */
export const STEP_OPS = [
  'same',
  'create',
  'update',
  'delete',
  'replace',
  'create-replacement',
  'delete-replaced',
  'read',
  'read-replacement',
  'refresh',
  'discard',
  'discard-replaced',
  'remove-pending-replace',
  'import',
  'import-replacement'
] as const
export type StepOp = (typeof STEP_OPS)[number]

export const DIFF_KINDS = [
  'add',
  'add-replace',
  'delete',
  'delete-replace',
  'update',
  'update-replace'
] as const
export type DiffKind = (typeof DIFF_KINDS)[number]

/** One changed property of a step: its path, how it changed, and the old and new values where Pulumi gave them. */
export interface PropertyChange {
  path: string
  kind?: DiffKind
  /** Whether this property forces the resource's replacement. */
  replaces: boolean
  old?: unknown
  new?: unknown
  /** Pulumi asked for this property's values not to be shown (`hideDiffs`). */
  hidden: boolean
}

export interface StepMetadata {
  op: StepOp
  urn: string
  type: string
  /** Top-level keys that changed (`diffs`), then any deeper paths of `detailedDiff`. */
  changes: PropertyChange[]
  /** Keys that force a replacement (`keys`). */
  replaceKeys: string[]
}

export interface PolicyEventData {
  policyPack: string
  policyName: string
  enforcementLevel: string
  severity: string
  message: string
  urn?: string
}

export type EngineEvent =
  | { kind: 'resource-pre'; step: StepMetadata }
  | { kind: 'resource-failed'; step: StepMetadata }
  | { kind: 'diagnostic'; severity: string; message: string; urn?: string }
  | { kind: 'policy'; policy: PolicyEventData }
  | { kind: 'summary'; resourceChanges: Map<string, number> }
  | { kind: 'other' }

export interface EngineEventsPage {
  events: EngineEvent[]
  /** Absent (null on the wire) once every event was returned and the update is complete. */
  continuationToken?: string
  /** Events that failed validation and were left out. */
  invalid: number
}

export class InvalidAnswerError extends Error {
  constructor(what: string) {
    super(`Pulumi Cloud answered ${what}.`)
    this.name = 'InvalidAnswerError'
  }
}

// Each text is bounded so that one huge event cannot swell a report or the process.
const MAX_TEXT = 8_192
const MAX_PROPERTIES = 500
const MAX_TOKEN = 4_096

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An own property, never one inherited through the prototype chain (`__proto__`, `constructor`). */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

export function text(value: unknown, max = MAX_TEXT): string | undefined {
  return typeof value === 'string' ? value.slice(0, max) : undefined
}

export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value)
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value
    .filter((item): item is string => typeof item === 'string')
    .slice(0, MAX_PROPERTIES)
    .map(item => item.slice(0, MAX_TEXT))
}

/** `{op: count}` with known ops and safe counts only; anything else in it makes the whole map invalid. */
export function resourceChangesOf(value: unknown): Map<string, number> | undefined {
  if (!isRecord(value)) return undefined
  const changes = new Map<string, number>()
  for (const [op, count] of Object.entries(value)) {
    if (!isOneOf(STEP_OPS, op) || !isCount(count)) return undefined
    changes.set(op, count)
  }
  return changes
}

function stateInputs(state: unknown): Record<string, unknown> | undefined {
  if (!isRecord(state)) return undefined
  const inputs = own(state, 'inputs')
  return isRecord(inputs) ? inputs : undefined
}

/** The top-level property a path like `tags.env` or `ingress[0].cidr` starts with. */
function topKey(path: string): string {
  const match = /^[^.[]+/.exec(path)
  return match ? match[0] : path
}

/** The value at a property path (`tags.env`, `ingress[0].cidr`), own properties only; undefined when absent. */
function valueAt(inputs: Record<string, unknown> | undefined, path: string): { value: unknown } | undefined {
  const parts = path.match(/[^.[\]]+/g) ?? []
  let node: unknown = inputs
  for (const part of parts) {
    if (Array.isArray(node) && /^\d+$/.test(part) && Number(part) < node.length) node = node[Number(part)]
    else if (isRecord(node) && Object.hasOwn(node, part)) node = node[part]
    else return undefined
  }
  return parts.length > 0 ? { value: node } : undefined
}

function stepOf(value: unknown): StepMetadata | undefined {
  if (!isRecord(value)) return undefined
  const op = own(value, 'op')
  const urn = text(own(value, 'urn'))
  const type = text(own(value, 'type'))
  if (!isOneOf(STEP_OPS, op) || urn === undefined || type === undefined) return undefined
  const replaceKeys = strings(own(value, 'keys'))
  const oldInputs = stateInputs(own(value, 'old'))
  const newInputs = stateInputs(own(value, 'new'))
  const newState = own(value, 'new')
  const hidden = new Set(isRecord(newState) ? strings(own(newState, 'hideDiffs')) : [])
  const detailed = own(value, 'detailedDiff')
  const kinds = new Map<string, DiffKind>()
  if (isRecord(detailed)) {
    for (const [path, diff] of Object.entries(detailed).slice(0, MAX_PROPERTIES)) {
      const kind = isRecord(diff) ? own(diff, 'diffKind') : undefined
      if (isOneOf(DIFF_KINDS, kind)) kinds.set(path.slice(0, MAX_TEXT), kind)
    }
  }
  // The detailed diff names the exact paths; without one, the changed top-level keys are all there is.
  const paths = kinds.size > 0 ? [...kinds.keys()] : strings(own(value, 'diffs'))
  const changes = paths.map(path => {
    const key = topKey(path)
    const kind = kinds.get(path)
    const change: PropertyChange = {
      path,
      kind,
      replaces:
        replaceKeys.includes(key) || replaceKeys.includes(path) || (kind?.endsWith('-replace') ?? false),
      hidden: hidden.has(path) || hidden.has(key)
    }
    const before = valueAt(oldInputs, path)
    const after = valueAt(newInputs, path)
    if (before) change.old = before.value
    if (after) change.new = after.value
    return change
  })
  return { op, urn, type, changes, replaceKeys }
}

function policyOf(value: unknown): PolicyEventData | undefined {
  if (!isRecord(value)) return undefined
  const message = text(own(value, 'message'))
  const policyName = text(own(value, 'policyName'), 256)
  if (message === undefined || policyName === undefined) return undefined
  return {
    policyPack: text(own(value, 'policyPackName'), 256) ?? '',
    policyName,
    enforcementLevel: text(own(value, 'enforcementLevel'), 32) ?? '',
    severity: text(own(value, 'severity'), 32) ?? '',
    message,
    urn: text(own(value, 'resourceUrn'))
  }
}

function eventOf(value: unknown): EngineEvent | undefined {
  if (!isRecord(value)) return undefined
  const type = own(value, 'type')
  // Older answers carry no `type`: the payload's key names it.
  const payloadKey =
    typeof type === 'string'
      ? type
      : ['resourcePreEvent', 'resOpFailedEvent', 'diagnosticEvent', 'policyEvent', 'summaryEvent'].find(key =>
          Object.hasOwn(value, key)
        )
  if (payloadKey === undefined) return { kind: 'other' }
  const payload = own(value, payloadKey)
  switch (payloadKey) {
    case 'resourcePreEvent':
    case 'resOpFailedEvent': {
      const step = isRecord(payload) ? stepOf(own(payload, 'metadata')) : undefined
      if (!step) return undefined
      return { kind: payloadKey === 'resourcePreEvent' ? 'resource-pre' : 'resource-failed', step }
    }
    case 'diagnosticEvent': {
      if (!isRecord(payload)) return undefined
      const severity = text(own(payload, 'severity'), 32)
      const message = text(own(payload, 'message'))
      if (severity === undefined || message === undefined) return undefined
      return { kind: 'diagnostic', severity, message, urn: text(own(payload, 'urn')) }
    }
    case 'policyEvent': {
      const policy = policyOf(payload)
      return policy ? { kind: 'policy', policy } : undefined
    }
    case 'summaryEvent': {
      const changes = isRecord(payload) ? resourceChangesOf(own(payload, 'resourceChanges')) : undefined
      return changes ? { kind: 'summary', resourceChanges: changes } : undefined
    }
    default:
      return { kind: 'other' }
  }
}

/** Validates one page of `GET …/{kind}/{updateID}/events`; a page that is not one throws InvalidAnswerError. */
export function parseEngineEventsPage(body: unknown): EngineEventsPage {
  if (!isRecord(body) || !Array.isArray(own(body, 'events'))) {
    throw new InvalidAnswerError('the engine events with something that is not a page of events')
  }
  const token = own(body, 'continuationToken')
  if (token !== undefined && token !== null && (typeof token !== 'string' || token.length > MAX_TOKEN)) {
    throw new InvalidAnswerError('the engine events with a continuation token that is not a short string')
  }
  const events: EngineEvent[] = []
  let invalid = 0
  for (const raw of own(body, 'events') as unknown[]) {
    const event = eventOf(raw)
    if (event) events.push(event)
    else invalid++
  }
  return { events, continuationToken: typeof token === 'string' && token !== '' ? token : undefined, invalid }
}
