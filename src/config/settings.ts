// The `settings` input: YAML (or JSON, which is YAML) parsed and checked against the request schema generated from
// the OpenAPI document, so a misspelt key or a wrong type fails the step before any deployment is made, with one
// sentence that names where the mistake is and what was expected.
import { createRequire } from 'node:module'
import type { ValidateFunction } from 'ajv'
import type { DeploymentSettings } from '../pulumi/types.js'
import { InputError } from './input-error.js'
import { parseSettingsYaml } from './settings-yaml.js'
import { settingsInputSchema } from './generated/request-schema.js'
import { code, describeFirstError, describeValue } from './settings-errors.js'

export { suggestKey } from './settings-errors.js'

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
      ...pickYaml(load('yaml') as typeof import('yaml')),
      Ajv: (load('ajv') as typeof import('ajv')).Ajv
    }
  } catch (cause) {
    throw new Error('The settings parser was used before loadSettingsParser() loaded it.', { cause })
  }
  return libraries
}

function pickYaml(yaml: typeof import('yaml')): Pick<Libraries, 'parseDocument' | 'visit' | 'isScalar'> {
  return { parseDocument: yaml.parseDocument, visit: yaml.visit, isScalar: yaml.isScalar }
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

/** Parses and validates the `settings` input; empty (or comments only) is undefined. Throws InputError('settings'). */
export function parseSettings(text: string): DeploymentSettings | undefined {
  if (text.trim() === '') return undefined
  const value = parseSettingsYaml(settingsLibraries(), text)
  if (value === null || value === undefined) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw settingsError(
      `The \`settings\` input must be a mapping of deployment settings (such as \`sourceContext:\` or ` +
        `\`operationContext:\`), but it is ${describeValue(value)}.`
    )
  }
  const settings = asTheServiceReadsIt(value as Record<string, unknown>)
  // `agentPoolID: null` (the shared pool) is checked as absent: the schema's field is a string.
  const { agentPoolID, ...rest } = settings
  const checked = agentPoolID === null ? rest : settings
  validateSettings ??= ajv().compile(settingsInputSchema)
  if (!validateSettings(checked)) {
    throw settingsError(describeFirstError(validateSettings.errors ?? [], checked, s => ajv().compile(s)))
  }
  checkConsistency(settings)
  return settings
}

/**
 * The spellings the service accepts beside the schema's: `repoURL`, as Pulumi's REST examples write it (its Go
 * decoder matches field names case-insensitively), becomes `repoUrl`, the spelling the CLI sends.
 */
function asTheServiceReadsIt(value: Record<string, unknown>): Record<string, unknown> {
  const sourceContext = value.sourceContext
  const git = isObject(sourceContext) ? sourceContext.git : undefined
  if (!isObject(sourceContext) || !isObject(git) || !('repoURL' in git)) return value
  if ('repoUrl' in git) {
    throw settingsError(
      'The `settings` input sets both `settings.sourceContext.git.repoURL` and `settings.sourceContext.git.repoUrl`, ' +
        'two spellings of one key: keep one.'
    )
  }
  const { repoURL, ...others } = git
  return { ...value, sourceContext: { ...sourceContext, git: { repoUrl: repoURL, ...others } } }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
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
