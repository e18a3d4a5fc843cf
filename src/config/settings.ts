// The `settings` input: YAML (or JSON, which is YAML) parsed and checked against the request schema generated from
// the OpenAPI document, so a misspelt key or a wrong type fails the step before any deployment is made, with one
// sentence that names where the mistake is and what was expected.
import { createRequire } from 'node:module'
import type { ErrorObject, ValidateFunction } from 'ajv'
import type { DeploymentSettings } from '../pulumi/types.js'
import { InputError } from './input-error.js'
import { settingsInputSchema } from './generated/request-schema.js'

type Schema = Record<string, unknown>

const SECRET_VALUE_REF = '#/$defs/SecretValue'
const SECRET_VALUE_SHAPE = 'a secret written as `{secret: ...}`'

type Libraries = typeof import('./settings-libraries.js')
let libraries: Libraries | undefined
let ajvInstance: InstanceType<Libraries['Ajv']> | undefined

/**
 * Loads yaml and ajv: half a megabyte of code that most workflows, which give no settings, never need, so the
 * bundle keeps it in a chunk of its own. The action awaits this before reading its inputs when `settings` is given;
 * parseSettings itself stays synchronous.
 */
export async function loadSettingsParser(): Promise<void> {
  libraries ??= await import('./settings-libraries.js')
}

// Run from the sources (tests, scripts), the libraries are in node_modules and can be loaded on first use.
function settingsLibraries(): Libraries {
  if (libraries) return libraries
  const load = createRequire(import.meta.url)
  try {
    libraries = {
      parseDocument: (load('yaml') as typeof import('yaml')).parseDocument,
      Ajv: (load('ajv') as typeof import('ajv')).Ajv
    }
  } catch (cause) {
    throw new Error('The settings parser was used before loadSettingsParser() loaded it.', { cause })
  }
  return libraries
}

function ajv(): InstanceType<Libraries['Ajv']> {
  ajvInstance ??= new (settingsLibraries().Ajv)({
    strict: false,
    validateFormats: false,
    verbose: true,
    allErrors: false
  })
  return ajvInstance
}

let validateSettings: ValidateFunction | undefined
const branchValidators = new Map<Schema, ValidateFunction>()

/** Parses and validates the `settings` input; empty (or comments only) is undefined. Throws InputError('settings'). */
export function parseSettings(text: string): DeploymentSettings | undefined {
  if (text.trim() === '') return undefined
  const value = parseYaml(text)
  if (value === null || value === undefined) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw settingsError(
      `The \`settings\` input must be a mapping of deployment settings (such as \`sourceContext:\` or ` +
        `\`operationContext:\`), but it is ${describeValue(value)}.`
    )
  }
  validateSettings ??= ajv().compile(settingsInputSchema)
  if (!validateSettings(value)) {
    throw settingsError(describeFirstError(validateSettings.errors ?? [], value))
  }
  checkConsistency(value as DeploymentSettings)
  return value as DeploymentSettings
}

function parseYaml(text: string): unknown {
  const doc = settingsLibraries().parseDocument(text)
  const [error] = doc.errors
  if (error) {
    const where = error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : ''
    const what =
      error.code === 'MULTIPLE_DOCS'
        ? 'it holds more than one document (a `---` line), so give one mapping'
        : `${error.message.split(' at line ')[0] ?? error.message}; check the indentation and quoting there`
    throw settingsError(`The \`settings\` input is not valid YAML or JSON${where}: ${what}.`)
  }
  try {
    return doc.toJS()
  } catch (cause) {
    // Aliases are resolved only here (an alias to a missing anchor, or too many aliases).
    throw settingsError(`The \`settings\` input could not be read as YAML: ${(cause as Error).message}.`)
  }
}

// Pulumi Deployments sets these in every deployment and overwrites a value given for them (deployments-api-preview.md).
const RESERVED_VARIABLES = [
  'PULUMI_CI_BUILD_URL',
  'PULUMI_CI_SYSTEM',
  'PULUMI_CI_BUILD_NUMBER',
  'PULUMI_CI_BUILD_ID',
  'PULUMI_ACCESS_TOKEN',
  'PULUMI_BACKEND_URL'
]

function checkConsistency(settings: DeploymentSettings): void {
  const variables = Object.keys(settings.operationContext?.environmentVariables ?? {})
  const reserved = variables.find(name => RESERVED_VARIABLES.includes(name))
  if (reserved !== undefined) {
    throw settingsError(
      `The \`settings\` input sets \`settings.operationContext.environmentVariables.${reserved}\`, which Pulumi ` +
        'Deployments sets itself in every deployment and would overwrite: remove it.'
    )
  }
  const git = settings.sourceContext?.git
  if (git?.branch !== undefined && git.commit !== undefined) {
    throw settingsError(
      'The `settings` input sets both `settings.sourceContext.git.branch` and `settings.sourceContext.git.commit`, ' +
        'which are mutually exclusive: keep the one to deploy.'
    )
  }
  const sources = Object.keys(settings.sourceContext ?? {})
  if (sources.length > 1) {
    throw settingsError(
      `The \`settings\` input sets more than one source in \`settings.sourceContext\` ` +
        `(${sources.map(code).join(' and ')}): a deployment has one source, so keep one.`
    )
  }
}

function settingsError(message: string): InputError {
  return new InputError('settings', message)
}

// With allErrors off, ajv stops at the first failing keyword; only `anyOf` reports its branches' errors before its
// own, and those need interpreting (see describeAnyOf).
function describeFirstError(errors: ErrorObject[], root: unknown, basePath = ''): string {
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
      return describeAnyOf(error, pointer, root)
    default:
      return `The \`settings\` input is invalid: ${where} ${error.message ?? 'is not valid'}.`
  }
}

// An `anyOf` (a plain string or a secret, an image name or an image mapping): when the value has the shape of one
// branch, the user meant that branch, so report what is wrong inside it; otherwise list the shapes accepted.
function describeAnyOf(error: ErrorObject, pointer: string, root: unknown): string {
  const branches = (error.schema as Schema[]).map(branch => ({ branch, type: branchType(branch) }))
  const meant = branches.find(({ type }) => type === jsonType(error.data))
  if (meant) {
    let validate = branchValidators.get(meant.branch)
    if (!validate) {
      validate = ajv().compile({ ...meant.branch, $defs: settingsInputSchema.$defs })
      branchValidators.set(meant.branch, validate)
    }
    if (!validate(error.data)) return describeFirstError(validate.errors ?? [], root, pointer)
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
function describeValue(value: unknown): string {
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

function code(text: string): string {
  return `\`${text}\``
}
