// The answers of the results endpoints beside Deployments (spec/results-openapi.json): a deployment's updates, the
// stack's exported state and batch-decrypt. Validated where they enter, like the engine events.
import { InvalidAnswerError, isCount, isRecord, own, resourceChangesOf, text } from './engine-events.js'

/** `UpdateInfo`, reduced to what a report needs. */
export interface DeploymentUpdateInfo {
  updateID: string
  version: number
  kind: string
  /** `not-started`, `in-progress`, `succeeded` or `failed`. */
  result: string
  /** Exact change counts, once the update or preview is known. */
  resourceChanges?: Map<string, number>
}

// Used in a request path: letters, digits and dashes only, so it can never step out of its segment.
const UPDATE_ID = /^[A-Za-z0-9-]{1,128}$/

export function isUpdateId(value: unknown): value is string {
  return typeof value === 'string' && UPDATE_ID.test(value)
}

/** Validates `GET …/deployments/{id}/updates`; entries that are not updates are left out. */
export function parseDeploymentUpdates(body: unknown): DeploymentUpdateInfo[] {
  if (!Array.isArray(body))
    throw new InvalidAnswerError("the deployment's updates with something that is not a list")
  const updates: DeploymentUpdateInfo[] = []
  for (const entry of body.slice(0, 100)) {
    if (!isRecord(entry)) continue
    const info = own(entry, 'info')
    const updateID = own(entry, 'updateID')
    const version = own(entry, 'version')
    if (!isRecord(info) || !isUpdateId(updateID) || !isCount(version)) continue
    updates.push({
      updateID,
      version,
      kind: text(own(info, 'kind'), 32) ?? '',
      result: text(own(info, 'result'), 32) ?? '',
      resourceChanges: resourceChangesOf(own(info, 'resourceChanges'))
    })
  }
  return updates
}

/** A stack output: a plain JSON value, or a secret (at any depth: `SECRET_SIG`) to decrypt or hide. */
export type OutputValue = unknown

/** Pulumi's marker of a secret value in a stack's state. */
export const SECRET_SIG_KEY = '4dabf18193072939515e22adb298388d'
export const SECRET_SIG_VALUE = '1b47061264138c4ac30d75fd1eb44270'

export interface StackOutputsRead {
  /** Whether the state has a `pulumi:pulumi:Stack` resource at all (a stack never updated has none). */
  found: boolean
  outputs: Map<string, OutputValue>
}

const MAX_DEPTH = 32

/** The ciphertext of a secret value, or undefined when the value is not a secret. */
export function secretCiphertext(value: unknown): string | undefined {
  if (!isRecord(value) || own(value, SECRET_SIG_KEY) !== SECRET_SIG_VALUE) return undefined
  const ciphertext = own(value, 'ciphertext')
  return typeof ciphertext === 'string' ? ciphertext : ''
}

/** A copy of a JSON value, checked to be plain JSON (no deeper than MAX_DEPTH) and with own keys only. */
function jsonValue(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new InvalidAnswerError('a stack output nested too deeply')
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidAnswerError('a stack output that is not JSON')
    return value
  }
  if (Array.isArray(value)) return value.map(item => jsonValue(item, depth + 1))
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonValue(item, depth + 1)]))
  }
  throw new InvalidAnswerError('a stack output that is not JSON')
}

/** Validates `GET /api/stacks/{o}/{p}/{s}/export` and takes the outputs of its `pulumi:pulumi:Stack` resource. */
export function parseStackOutputs(body: unknown): StackOutputsRead {
  const deployment = isRecord(body) ? own(body, 'deployment') : undefined
  if (
    !isRecord(body) ||
    !isCount(own(body, 'version')) ||
    (deployment !== undefined && !isRecord(deployment))
  ) {
    throw new InvalidAnswerError("the stack's state with something that is not an exported deployment")
  }
  const resources = deployment === undefined ? [] : own(deployment, 'resources')
  if (resources !== undefined && resources !== null && !Array.isArray(resources)) {
    throw new InvalidAnswerError("the stack's state with resources that are not a list")
  }
  const stack = (Array.isArray(resources) ? resources : []).find(
    (r: unknown) => isRecord(r) && own(r, 'type') === 'pulumi:pulumi:Stack' && own(r, 'delete') !== true
  ) as Record<string, unknown> | undefined
  if (!stack) return { found: false, outputs: new Map() }
  const raw = own(stack, 'outputs')
  const outputs = new Map<string, OutputValue>()
  if (isRecord(raw)) for (const [name, value] of Object.entries(raw)) outputs.set(name, jsonValue(value))
  return { found: true, outputs }
}

// Standard or URL-safe base64, padded or not.
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/

/** Validates batch-decrypt's `{plaintexts: {ciphertext: base64}}`: the plaintext (UTF-8) of each ciphertext asked. */
export function parseBatchDecrypt(body: unknown, asked: readonly string[]): Map<string, string> {
  const plaintexts = isRecord(body) ? own(body, 'plaintexts') : undefined
  if (!isRecord(plaintexts)) throw new InvalidAnswerError('batch-decrypt without a map of plaintexts')
  const found = new Map<string, string>()
  for (const ciphertext of asked) {
    const encoded = own(plaintexts, ciphertext)
    if (typeof encoded !== 'string' || !BASE64.test(encoded)) continue
    found.set(ciphertext, Buffer.from(encoded, 'base64').toString('utf8'))
  }
  return found
}
