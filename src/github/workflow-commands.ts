// The runner's side of GitHub's workflow commands, as documented for action authors: `::command key=value::message`
// lines on stdout, and `name<<delimiter` entries appended to the GITHUB_OUTPUT and GITHUB_STATE files.
//
// Written here rather than imported from @actions/core because that package loads its OIDC client, and with it
// @actions/http-client and undici, on every start: most of a megabyte evaluated before the first request, for
// eleven small functions.
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'

/** What this action puts on an annotation; the runner also takes a file and lines, which it never names. */
export interface AnnotationProperties {
  title?: string
}

// The runner decodes these in a message; `:` and `,` also end a property value.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

function issue(command: string, message: string, properties: Record<string, unknown> = {}): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',')
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`)
}

/**
 * Appends `name<<delimiter` … to a runner file. What keeps a value from ending its entry early is the check that it
 * does not hold the delimiter, so the delimiter needs to be unlikely, not secret: no cryptographic generator (and
 * its module, milliseconds to load) is needed for it.
 */
function appendKeyValue(file: string, name: string, value: string): void {
  const delimiter = `ghadelimiter_${randomHex()}${randomHex()}`
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`The value of ${name} cannot be written to the runner: it holds its own delimiter.`)
  }
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8')
}

function randomHex(): string {
  return Math.floor(Math.random() * 2 ** 52)
    .toString(16)
    .padStart(13, '0')
}

/** An input as the runner passes it (`INPUT_<NAME>`), trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? ''
}

export function saveState(name: string, value: string): void {
  const file = process.env.GITHUB_STATE
  if (file) appendKeyValue(file, name, value)
  else issue('save-state', value, { name })
}

export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT
  if (file) appendKeyValue(file, name, value)
  else {
    process.stdout.write(EOL)
    issue('set-output', value, { name })
  }
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issue('debug', message)
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issue('notice', message, { ...properties })
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issue('warning', message, { ...properties })
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issue('error', message, { ...properties })
}

/** Asks the runner to mask the value in every later line of the log. */
export function setSecret(value: string): void {
  issue('add-mask', value)
}

export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}
