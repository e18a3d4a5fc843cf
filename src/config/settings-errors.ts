// Why a `settings` value failed the request schema, in one sentence that names where the mistake is and what was
// expected: the first schema error, interpreted (an unknown key gets a "did you mean").
import type { ErrorObject, ValidateFunction } from 'ajv'
import { settingsInputSchema } from './generated/request-schema.js'

type Schema = Record<string, unknown>

const SECRET_VALUE_REF = '#/$defs/SecretValue'
const SECRET_VALUE_SHAPE = 'a secret written as `{secret: ...}`'

/** Compiles a schema (one branch of an `anyOf`, with the request schema's definitions). */
export type Compile = (schema: Schema) => ValidateFunction

const branchValidators = new Map<Schema, ValidateFunction>()

// With allErrors off, ajv stops at the first failing keyword; only `anyOf` reports its branches' errors before its
// own, and those need interpreting (see describeAnyOf).
export function describeFirstError(
  errors: ErrorObject[],
  root: unknown,
  compile: Compile,
  basePath = ''
): string {
  const error = errors.at(-1)?.keyword === 'anyOf' ? errors.at(-1) : errors[0]
  if (!error) return 'The `settings` input is not valid.'
  const pointer = basePath + error.instancePath
  const where = code(formatPath(pointer, root))
  const data: unknown = error.data
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'additionalProperties':
      return describeUnknownKey(
        pointer,
        root,
        String(params.additionalProperty),
        error.parentSchema as Schema
      )
    case 'type': {
      const isSecret = error.parentSchema === resolveRef(SECRET_VALUE_REF)
      const expected = isSecret ? SECRET_VALUE_SHAPE : describeType(String(params.type))
      return `The \`settings\` input is invalid: ${where} must be ${expected}, but it is ${describeValue(data)}${typeHint(String(params.type), data)}.`
    }
    case 'required': {
      const missing = String(params.missingProperty)
      const misspelt = isRecord(data)
        ? Object.keys(data).find(key => suggestKey(key, [missing]) === missing)
        : undefined
      if (misspelt !== undefined) {
        return `The \`settings\` input has an unknown key ${code(formatPath(`${pointer}/${misspelt}`, root))}: did you mean \`${missing}\`?`
      }
      return `The \`settings\` input is invalid: ${where} is missing its required key \`${missing}\`.`
    }
    case 'minLength':
      return `The \`settings\` input is invalid: ${where} must not be empty.`
    case 'anyOf':
      return describeAnyOf(error, pointer, root, compile)
    default:
      return `The \`settings\` input is invalid: ${where} ${error.message ?? 'is not valid'}.`
  }
}

// An `anyOf` (a plain string or a secret, an image name or an image mapping): when the value has the shape of one
// branch, the user meant that branch, so report what is wrong inside it; otherwise list the shapes accepted.
function describeAnyOf(error: ErrorObject, pointer: string, root: unknown, compile: Compile): string {
  const branches = (error.schema as Schema[]).map(branch => ({ branch, type: branchType(branch) }))
  const meant = branches.find(({ type }) => type === jsonType(error.data))
  if (meant) {
    let validate = branchValidators.get(meant.branch)
    if (!validate) {
      validate = compile({ ...meant.branch, $defs: settingsInputSchema.$defs })
      branchValidators.set(meant.branch, validate)
    }
    if (!validate(error.data)) return describeFirstError(validate.errors ?? [], root, compile, pointer)
  }
  const accepted = branches.map(({ branch }) => describeBranch(branch)).join(' or ')
  const quoteHint = branches.some(({ type }) => type === 'string') ? typeHint('string', error.data) : ''
  return `The \`settings\` input is invalid: ${code(formatPath(pointer, root))} must be ${accepted}, but it is ${describeValue(error.data)}${quoteHint}.`
}

function describeUnknownKey(pointer: string, root: unknown, key: string, parentSchema: Schema): string {
  const keyPath = code(formatPath(`${pointer}/${key}`, root))
  if (key === 'operation' && (pointer === '' || pointer === '/operationContext')) {
    return `The \`settings\` input cannot set ${keyPath}: the operation is the action's \`operation\` input.`
  }
  if (key === 'inheritSettings' && pointer === '') {
    return `The \`settings\` input cannot set ${keyPath}: use the action's \`inherit-settings\` input instead.`
  }
  const allowed = Object.keys((parentSchema.properties as Schema | undefined) ?? {})
  const suggestion = suggestKey(key, allowed)
  if (suggestion !== undefined)
    return `The \`settings\` input has an unknown key ${keyPath}: did you mean \`${suggestion}\`?`
  const place = pointer === '' ? 'at the top level' : `in ${code(formatPath(pointer, root))}`
  return `The \`settings\` input has an unknown key ${keyPath}: the keys allowed ${place} are ${allowed.map(code).join(', ')}.`
}

/** The allowed key the user most likely meant: same letters ignoring case, `_` and `-`, else a close spelling. */
export function suggestKey(key: string, allowed: readonly string[]): string | undefined {
  const normalize = (text: string): string => text.toLowerCase().replace(/[_-]/g, '')
  const wanted = normalize(key)
  const sameLetters = allowed.find(candidate => normalize(candidate) === wanted)
  if (sameLetters !== undefined) return sameLetters
  const limit = Math.max(1, Math.min(3, Math.floor(wanted.length / 4)))
  let best: { candidate: string; distance: number } | undefined
  for (const candidate of allowed) {
    const distance = editDistance(wanted, normalize(candidate))
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { candidate, distance }
  }
  return best?.candidate
}

// Optimal string alignment distance: a swap of two neighbouring letters (`gti` for `git`) counts as one edit.
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  const at = (i: number, j: number): number => rows[i]?.[j] ?? 0
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1)
      ;(rows[i] as number[])[j] = best
    }
  }
  return at(a.length, b.length)
}

/** `/operationContext/environmentVariables/MY-VAR` → `settings.operationContext.environmentVariables["MY-VAR"]`. */
function formatPath(pointer: string, root: unknown): string {
  let path = 'settings'
  let node = root
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(node)) path += `[${segment}]`
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) path += `.${segment}`
    else path += `[${JSON.stringify(segment)}]`
    node = isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined
  }
  return path
}

function branchType(branch: Schema): string | undefined {
  if (typeof branch.type === 'string') return branch.type
  if (typeof branch.$ref === 'string') return branchType(resolveRef(branch.$ref))
  return undefined
}

function describeBranch(branch: Schema): string {
  if (branch.$ref === SECRET_VALUE_REF) return SECRET_VALUE_SHAPE
  if (branch.$ref === '#/$defs/DockerImageRequest')
    return 'a mapping with `reference` and optional `credentials`'
  if (branch.type === 'string' && branch.minLength === 1) return 'a non-empty string'
  return describeType(branchType(branch) ?? 'object')
}

function resolveRef(ref: string): Schema {
  const defs = settingsInputSchema.$defs as Record<string, Schema>
  return defs[ref.replace('#/$defs/', '')] ?? {}
}

function describeType(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    boolean: 'true or false',
    integer: 'a whole number',
    number: 'a number'
  }
  return names[type] ?? `of type ${type}`
}

// Never quotes a string value: it may be a secret written in the wrong place.
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${value}`
  return `a ${typeof value}`
}

function typeHint(expected: string, value: unknown): string {
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return `; quote it to pass it as text, as in "${String(value)}"`
  }
  if (expected === 'boolean' && typeof value === 'string' && /^(yes|no|on|off|y|n)$/i.test(value)) {
    return '; YAML 1.2 reads yes, no, on and off as text, so write true or false'
  }
  return ''
}

function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

export function code(text: string): string {
  return `\`${text}\``
}
