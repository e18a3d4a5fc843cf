// Which values of a run are secret, and where they leaked. Derived from what the test gave the run, independently of
// the action's own notion of secrets (src/secrets.ts): the harness checks the action, it must not share its blind spots.
import { parse } from 'yaml'
import { declaredSecrets } from './secret-registry.js'

export interface KnownSecret {
  /** Where the value came from, for the failure message; the value itself is never printed. */
  label: string
  value: string
  /** Places where the value belongs, e.g. a decrypted stack output in the step outputs it was asked for. */
  allowedIn?: RegExp
}

export interface Leak {
  secret: string
  place: string
  /** The text around the leak, with the secret replaced by «secret». */
  excerpt: string
}

/** Text the action left somewhere a person or another step can read it. */
export interface Place {
  name: string
  text: string
}

export interface SecretSources {
  inputs: Record<string, string>
  env: Record<string, string>
  /** Values the test itself declares secret. */
  declared?: string[]
}

// Below this a value cannot be told apart from ordinary text (the action does not mask it either: masking `abc`
// would blank every `abc` in the log), so a "leak" of it would mean nothing.
const SHORTEST_SECRET = 4
const NOT_SECRETS = new Set(['true', 'false', 'null', 'none', 'yes', 'no'])
// Names that hold a secret rather than describe one (`AWS_ACCESS_KEY_ID`, `TOKEN_URL` only point at one).
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|PRIVATE_?KEY|API_?KEY|ACCESS_?KEY/i
const DESCRIPTIVE_NAME = /_(ID|URL|URI|NAME|FILE|PATH|ARN|REGION|TYPE)$/i

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name) && !DESCRIPTIVE_NAME.test(name)
}

/** The secrets of one run: both tokens, every secret in `settings`, credentials in URLs, secret-looking variables. */
export function secretsOfRun(sources: SecretSources): KnownSecret[] {
  const { inputs, env } = sources
  const found: KnownSecret[] = []
  const add = (label: string, value: string | undefined): void => {
    if (value !== undefined) found.push({ label, value })
  }
  add('the pulumi-access-token input', inputs['pulumi-access-token'])
  add('the github-token input', inputs['github-token'])
  for (const [name, value] of Object.entries(env)) {
    if (looksSecret(name)) add(`the ${name} environment variable`, value)
  }
  add('the password in the cloud-url input', urlPassword(inputs['cloud-url']))
  add('the password in PULUMI_BACKEND_URL', urlPassword(env.PULUMI_BACKEND_URL))
  for (const [path, value] of settingsSecrets(inputs.settings ?? ''))
    add(`the settings input at ${path.replace(/^\./, '')}`, value)
  for (const value of sources.declared ?? []) add('a value the test declared secret', value)
  // A fake's secret stack outputs: with `show-secret-outputs: true` they belong in the step outputs, nowhere else.
  const shown = inputs['show-secret-outputs']?.trim() === 'true'
  for (const { label, value } of declaredSecrets())
    found.push({ label, value, allowedIn: shown ? /^output / : undefined })
  return usable(found)
}

function urlPassword(text: string | undefined): string | undefined {
  if (!text) return undefined
  try {
    const password = new URL(text.trim()).password
    return password === '' ? undefined : decodeURIComponent(password)
  } catch {
    return undefined
  }
}

/** `{secret: ...}` values anywhere, and plain values of secret-looking environment variables. */
function settingsSecrets(text: string): Array<[string, string]> {
  let settings: unknown
  try {
    settings = parse(text) as unknown
  } catch {
    return []
  }
  const found: Array<[string, string]> = []
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`))
    if (node === null || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'secret' && typeof value === 'string') found.push([path, value])
      else if (typeof value === 'string' && path.endsWith('.environmentVariables') && looksSecret(key))
        found.push([`${path}.${key}`, value])
      else walk(value, `${path}.${key}`)
    }
  }
  walk(settings, '')
  return found
}

// A multi-line secret also leaks line by line, since logs arrive one line at a time.
function usable(secrets: KnownSecret[]): KnownSecret[] {
  const kept = new Map<string, KnownSecret>()
  const keep = (label: string, value: string, allowedIn?: RegExp): void => {
    if (value.length >= SHORTEST_SECRET && !NOT_SECRETS.has(value.toLowerCase()) && !kept.has(value))
      kept.set(value, { label, value, allowedIn })
  }
  for (const { label, value, allowedIn } of secrets) {
    keep(label, value, allowedIn)
    if (/[\r\n]/.test(value))
      for (const line of value.split(/\r?\n|\r/)) keep(`a line of ${label}`, line.trim(), allowedIn)
  }
  return [...kept.values()]
}

/** The forms a secret takes when written into JSON, a URL, or a workflow command (which the runner decodes). */
function writtenForms(secret: string): string[] {
  const command = secret.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), command])]
}

/** Every place where a secret appears, except `::add-mask::` lines (the runner must be told the value to mask it). */
export function findLeaks(places: Place[], secrets: KnownSecret[]): Leak[] {
  const leaks: Leak[] = []
  // An excerpt hides every secret, not only the one it shows: a failure message must not leak the others.
  const allForms = secrets.flatMap(secret => writtenForms(secret.value)).sort((a, b) => b.length - a.length)
  for (const place of places) {
    // Searched whole rather than line by line: a benchmark's log runs to a million lines.
    const text = place.text.replace(/^::add-mask::.*$/gm, '')
    for (const secret of secrets) {
      if (secret.allowedIn?.test(place.name)) continue
      const forms = writtenForms(secret.value)
      const at = Math.min(...forms.map(form => text.indexOf(form)).filter(i => i >= 0))
      if (at === Infinity) continue
      const lineEnd = text.indexOf('\n', at)
      const line = text.slice(text.lastIndexOf('\n', at) + 1, lineEnd < 0 ? undefined : lineEnd)
      leaks.push({ secret: secret.label, place: place.name, excerpt: excerpt(line, forms, allForms) })
    }
  }
  return leaks
}

// Every secret is masked before the line is cut, so a cut never leaves part of one showing.
function excerpt(line: string, forms: string[], allForms: string[]): string {
  const mark = '\u0000'
  let text = line
  for (const form of [...forms].sort((x, y) => y.length - x.length)) text = text.split(form).join(mark)
  for (const form of allForms) text = text.split(form).join('«secret»')
  const start = Math.max(0, text.indexOf(mark) - 60)
  return `${start > 0 ? '…' : ''}${text
    .slice(start, start + 200)
    .split(mark)
    .join('«secret»')}`
}

export function describeLeaks(label: string, leaks: Leak[]): string {
  const lines = leaks.map(l => `  - ${l.secret} appeared in ${l.place}: ${l.excerpt}`)
  return `A secret leaked from the run of the action ${label}:\n${lines.join('\n')}`
}
