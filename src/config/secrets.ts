// Which values must never appear in what the action writes itself (logs it relays, the job summary, the pull-request
// comment), and a Redactor that removes them. GitHub masks the secrets it knows about in the log, but not in a
// comment posted through the API, and it cannot know about values that reach the action only through `settings`.
import type { DeploymentSettings } from '../pulumi/types.js'

// Words that make a variable's value secret wherever they appear in its name.
const SECRET_WORDS = new Set([
  'SECRET',
  'SECRETS',
  'TOKEN',
  'TOKENS',
  'PASSWORD',
  'PASSWORDS',
  'PASSWD',
  'PASS',
  'PASSPHRASE',
  'CREDENTIAL',
  'CREDENTIALS',
  'CREDS',
  'AUTH',
  'PAT',
  'SAS',
  'KEY',
  'KEYS',
  'APIKEY',
  'PRIVATEKEY'
])
// Names written as one upper-case word (`NPMTOKEN`, `DBPASSWORD`) cannot be split; these endings still give them away.
const SECRET_ENDINGS = [
  'TOKEN',
  'SECRET',
  'PASSWORD',
  'PASSWD',
  'PASSPHRASE',
  'APIKEY',
  'PRIVATEKEY',
  'CREDENTIALS'
]
// A name that ends in one of these describes a secret (where it is, what kind it is) rather than holding it:
// AWS_ACCESS_KEY_ID, TOKEN_URL, SECRET_NAME, GOOGLE_CREDENTIALS_FILE.
const DESCRIPTIVE_LAST_WORDS = new Set([
  'ID',
  'IDS',
  'NAME',
  'NAMES',
  'TYPE',
  'KIND',
  'MODE',
  'METHOD',
  'URL',
  'URI',
  'ENDPOINT',
  'HOST',
  'PORT',
  'SOCK',
  'SOCKET',
  'DOMAIN',
  'PATH',
  'FILE',
  'FILENAME',
  'DIR',
  'LOCATION',
  'ARN',
  'REGION',
  'ENABLED',
  'DISABLED',
  'VERSION',
  'EXPIRY',
  'EXPIRES',
  'EXPIRATION',
  'TTL',
  'LIFETIME',
  'DURATION',
  'USER',
  'USERNAME',
  'PROVIDER',
  'ISSUER',
  'AUDIENCE',
  'SCOPE',
  'SCOPES',
  'FORMAT',
  'LENGTH',
  'ALGORITHM',
  'PREFIX'
])

/** Splits `apiKey`, `API_KEY`, `api-key` and `XMLHttpToken` alike into upper-case words. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(word => word !== '')
    .map(word => word.toUpperCase())
}

/**
 * Whether a variable with this name probably holds a secret. Word-aware, so `KEYBOARD_LAYOUT`, `MONKEY` and `PATH`
 * are not, while `API_KEY`, `apiKey` and `NPMTOKEN` are; a name ending in a descriptive word such as `_ID`, `_URL`,
 * `_NAME` or `_FILE` is not, and neither is a public key. False positives only mask a harmless value; false negatives
 * leak, so the word list leans wide.
 */
export function looksSecretName(name: string): boolean {
  const words = nameWords(name)
  const last = words.at(-1)
  if (last === undefined || DESCRIPTIVE_LAST_WORDS.has(last)) return false
  if (words.includes('PUBLIC')) return false
  if (words.some(word => SECRET_WORDS.has(word))) return true
  if (
    words.some(word => SECRET_ENDINGS.some(ending => word.length > ending.length && word.endsWith(ending)))
  ) {
    return true
  }
  return (
    includesPair(words, 'CONNECTION', 'STRING') ||
    words.includes('CONNSTR') ||
    words.includes('CONNECTIONSTRING')
  )
}

function includesPair(words: string[], first: string, second: string): boolean {
  return words.some((word, i) => word === first && words[i + 1] === second)
}

/**
 * Values shorter than this are never treated as secret: masking `abc` would blank out every occurrence of those
 * letters in the log, and a three-character secret is not one worth protecting.
 */
export const MIN_SECRET_LENGTH = 4
// Values a secret-looking variable often holds that are settings, not secrets; masking them would garble the log.
const NON_SECRET_VALUES = new Set(['true', 'false', 'null', 'none', 'undefined', 'enabled', 'disabled'])

// Variables the runner sets for every step; none of them is secret (the two token inputs are passed in as `extra`).
const RUNNER_VARIABLE_PREFIXES = ['GITHUB_', 'RUNNER_', 'INPUT_']
// A token the workflow author put in the environment under a runner-like name is still a token.
const USER_SET_RUNNER_LIKE_NAMES = new Set(['GITHUB_TOKEN'])

/**
 * Every value that must never be printed: `extra` (the Pulumi and GitHub tokens), every `{secret: ...}` in
 * `settings` (environment variables, git credentials, executor image credentials), the plain values of `settings`
 * environment variables whose names look secret, and the values of process environment variables whose names look
 * secret (such as `AWS_SECRET_ACCESS_KEY` given to the step through `env:`). Deduplicated; values shorter than
 * MIN_SECRET_LENGTH and obvious non-secrets (`true`, `false`, ...) are dropped. A multi-line value also contributes
 * each of its lines, because logs arrive one line at a time.
 */
export function collectSecrets(
  settings: DeploymentSettings | undefined,
  env: NodeJS.ProcessEnv,
  extra: string[]
): string[] {
  const found: string[] = [...extra]
  collectSecretValues(settings, found)
  for (const [name, value] of Object.entries(settings?.operationContext?.environmentVariables ?? {})) {
    if (typeof value === 'string' && looksSecretName(name)) found.push(value)
  }
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && isUserVariable(name) && looksSecretName(name)) found.push(value)
  }
  return normalizeSecrets(found)
}

/**
 * The names of `settings` environment variables that look secret but are given as plain strings: the orchestrator
 * may warn that they belong in `{secret: ...}`, which Pulumi Cloud stores encrypted and never shows.
 */
export function plainSecretLookingVariables(settings: DeploymentSettings | undefined): string[] {
  return Object.entries(settings?.operationContext?.environmentVariables ?? {})
    .filter(([name, value]) => typeof value === 'string' && looksSecretName(name))
    .map(([name]) => name)
}

function isUserVariable(name: string): boolean {
  const upper = name.toUpperCase()
  if (USER_SET_RUNNER_LIKE_NAMES.has(upper)) return true
  return !RUNNER_VARIABLE_PREFIXES.some(prefix => upper.startsWith(prefix))
}

// Walks the whole settings tree: any object with a string `secret` (and its `plaintext`, when sent) is a secret value.
function collectSecretValues(node: unknown, found: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectSecretValues(item, found)
    return
  }
  if (node === null || typeof node !== 'object') return
  const record = node as Record<string, unknown>
  if (typeof record.secret === 'string') {
    found.push(record.secret)
    if (typeof record.plaintext === 'string') found.push(record.plaintext)
  }
  for (const value of Object.values(record)) collectSecretValues(value, found)
}

function normalizeSecrets(values: string[]): string[] {
  const kept = new Set<string>()
  const consider = (value: string): void => {
    if (value.length >= MIN_SECRET_LENGTH && !NON_SECRET_VALUES.has(value.toLowerCase())) kept.add(value)
  }
  for (const value of values) {
    consider(value)
    if (/[\r\n]/.test(value)) {
      for (const line of value.split(/\r?\n|\r/)) consider(line.trim())
    }
  }
  return [...kept]
}
