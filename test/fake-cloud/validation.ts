import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { createDeploymentRequestSchema } from '../../src/config/generated/request-schema.js'
import { isPlainObject, type JsonObject } from './settings-merge.js'

type SchemaNode = Record<string, unknown>
const defs = createDeploymentRequestSchema.$defs as unknown as Record<string, SchemaNode>

const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true })
const validateCreate = ajv.compile(createDeploymentRequestSchema)
const validateSettings = ajv.compile({ $ref: '#/$defs/DeploymentSettingsRequest', $defs: defs })

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops++) {
    current = defs[current.$ref.replace('#/$defs/', '')]
  }
  return current
}

function objectBranch(node: SchemaNode | undefined): SchemaNode | undefined {
  const resolved = resolve(node)
  if (!resolved || !Array.isArray(resolved.anyOf)) return resolved
  return (resolved.anyOf as SchemaNode[]).map(resolve).find(branch => branch?.properties !== undefined)
}

/**
 * Renames keys to the schema's spelling when they differ only in case (`repoURL` → `repoUrl`): the service's Go
 * decoder matches field names case-insensitively, so Pulumi's own examples that write `repoURL` work. Keys that
 * match no field stay as they are, for the schema to reject. Map keys (environment variable names) are untouched.
 */
export function canonicalizeKeys(
  value: unknown,
  node: SchemaNode | undefined = defs.CreateDeploymentRequest
): unknown {
  if (Array.isArray(value)) {
    const items = resolve(node)?.items as SchemaNode | undefined
    return value.map(item => canonicalizeKeys(item, items))
  }
  if (!isPlainObject(value)) return value
  const schema = objectBranch(node)
  if (!schema) return value
  const properties = schema.properties as Record<string, SchemaNode> | undefined
  const out: JsonObject = {}
  for (const [key, inner] of Object.entries(value)) {
    if (!properties) {
      const valueSchema = isPlainObject(schema.additionalProperties) ? schema.additionalProperties : undefined
      out[key] = canonicalizeKeys(inner, valueSchema)
      continue
    }
    const name =
      key in properties
        ? key
        : (Object.keys(properties).find(p => p.toLowerCase() === key.toLowerCase()) ?? key)
    out[name] = canonicalizeKeys(inner, properties[name])
  }
  return out
}

/**
 * A create body as the service's Go decoder sees it: an empty string or a `null` is a field left unset (Pulumi's CLI
 * sends `branch: ""`, `repoUrl: ""`, `operationContext.operation: ""` and `agentPoolID: null` that way), and a key
 * that matches no field is ignored. Environment variable values are data, not fields: an empty one stays.
 * `operationContext.operation` is kept when set, so the check that refuses it there still sees it.
 */
export function asDecoded(
  value: unknown,
  node: SchemaNode | undefined = defs.CreateDeploymentRequest
): unknown {
  if (Array.isArray(value)) {
    const items = resolve(node)?.items as SchemaNode | undefined
    return value.map(item => asDecoded(item, items))
  }
  if (!isPlainObject(value)) return value
  const schema = objectBranch(node)
  if (!schema) return value
  const properties = schema.properties as Record<string, SchemaNode> | undefined
  const out: JsonObject = {}
  for (const [key, inner] of Object.entries(value)) {
    if (!properties) {
      out[key] = inner
      continue
    }
    if (inner === null || inner === '') continue
    const known = key in properties || (key === 'operation' && schema === defs.OperationContextRequest)
    if (known) out[key] = asDecoded(inner, properties[key])
  }
  return out
}

export function settingsSchemaNode(): SchemaNode | undefined {
  return defs.DeploymentSettingsRequest
}

function fieldPath(error: ErrorObject): string {
  const parts = error.instancePath.split('/').filter(Boolean)
  if (error.keyword === 'additionalProperties') parts.push(String(error.params.additionalProperty))
  if (error.keyword === 'required') parts.push(String(error.params.missingProperty))
  return parts.join('.')
}

// allErrors reports every branch of an anyOf; the deepest error names the actual mistake, and among equals an
// unknown or missing field says more than a type mismatch of the other branch.
function mostSpecific(errors: ErrorObject[]): ErrorObject {
  const rank = (e: ErrorObject): number =>
    fieldPath(e).split('.').length * 10 +
    (e.keyword === 'additionalProperties' || e.keyword === 'required' ? 5 : 0)
  return (
    errors.filter(e => e.keyword !== 'anyOf').sort((a, b) => rank(b) - rank(a))[0] ??
    (errors[0] as ErrorObject)
  )
}

function describe(error: ErrorObject, what: string): string {
  const field = fieldPath(error)
  switch (error.keyword) {
    case 'additionalProperties':
      return `${what} has an unknown field '${field}'; check its spelling against the Deployments API.`
    case 'required':
      return `${what} is missing the required field '${field}'.`
    case 'enum':
      return `${what} has an invalid '${field}': it must be one of ${(error.params.allowedValues as string[]).join(', ')}.`
    case 'type':
      return `${what} has an invalid '${field}': it must be of type ${String(error.params.type)}.`
    default:
      return `${what} has an invalid '${field || 'body'}': it ${error.message ?? 'is not valid'}.`
  }
}

function check(validate: ValidateFunction, body: unknown, what: string): string | undefined {
  if (validate(body)) return undefined
  return describe(mostSpecific(validate.errors ?? []), what)
}

/** Why a create request is refused, in the order the service checks, or undefined when it is acceptable. */
export function createRequestProblem(body: unknown): string | undefined {
  if (!isPlainObject(body)) return 'The deployment request body must be a JSON object.'
  const operationContext = body.operationContext
  if (isPlainObject(operationContext) && 'operation' in operationContext) {
    return "'operation' must only be set at the top level of a deployment request, not in 'operationContext'."
  }
  if (body.operation === undefined || body.operation === null) {
    return "Missing top level required field 'operation' (one of update, preview, refresh, destroy, detect-drift, remediate-drift)."
  }
  return check(validateCreate, body, 'The deployment request')
}

export function settingsProblem(body: unknown): string | undefined {
  if (!isPlainObject(body)) return 'The deployment settings body must be a JSON object.'
  return check(validateSettings, body, 'The deployment settings')
}
