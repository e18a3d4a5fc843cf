// How Pulumi Cloud combines deployment settings: the patch rules of spec/deployments-api.md, used both by Patch
// Settings and by a create request that inherits the stack's settings.

export type JsonObject = Record<string, unknown>

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// A secret is one value, never merged field by field: a new secret must not keep the old one's ciphertext.
function isSecretValue(value: unknown): boolean {
  return isPlainObject(value) && 'secret' in value
}

/**
 * Object properties merge key by key (a `null` removes the key, anything else is merged into or added to the
 * current value); every other value, arrays included, replaces the current one.
 */
export function mergeSettings(current: JsonObject, patch: JsonObject): JsonObject {
  const merged: JsonObject = structuredClone(current)
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete merged[key]
    } else if (isPlainObject(value) && !isSecretValue(value)) {
      const existing = merged[key]
      merged[key] = mergeSettings(isPlainObject(existing) && !isSecretValue(existing) ? existing : {}, value)
    } else {
      merged[key] = structuredClone(value)
    }
  }
  return merged
}

const DEPLOYMENT_ONLY_KEYS = ['operation', 'inheritSettings']

/**
 * The settings one deployment runs with. The git ref fields are one choice: a request that names a commit, branch
 * or tag replaces whichever of them the stack had, as Pulumi's CLI relies on.
 */
export function effectiveSettings(stackSettings: JsonObject, request: JsonObject): JsonObject {
  const requested: JsonObject = {}
  for (const [key, value] of Object.entries(request)) {
    if (!DEPLOYMENT_ONLY_KEYS.includes(key)) requested[key] = value
  }
  if (request.inheritSettings === false) return mergeSettings({}, requested)

  const base = structuredClone(stackSettings)
  const requestedGit = (requested.sourceContext as JsonObject | undefined)?.git
  const baseGit = (base.sourceContext as JsonObject | undefined)?.git
  if (isPlainObject(requestedGit) && isPlainObject(baseGit)) {
    const namesRef = ['commit', 'branch', 'tag'].some(key => typeof requestedGit[key] === 'string')
    if (namesRef) {
      for (const key of ['commit', 'branch', 'tag']) {
        if (!(key in requestedGit)) delete baseGit[key]
      }
    }
  }
  return mergeSettings(base, requested)
}

/** Removes `null` values (a patch's deletions) so the rest can be checked against the request schema. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls)
  if (!isPlainObject(value)) return value
  const out: JsonObject = {}
  for (const [key, inner] of Object.entries(value)) {
    if (inner !== null) out[key] = withoutNulls(inner)
  }
  return out
}
