// The local runner's command line: one `--name value` option per input of action.yml, so what works here can be
// pasted into a workflow's `with:` block unchanged, plus the few things a workflow run would otherwise provide.
import { existsSync, readFileSync } from 'node:fs'
import type { InputSpec } from '../../demo/action-process.js'
import { suggestKey } from '../../src/config/settings.js'

export interface LocalOptions {
  help: boolean
  debug: boolean
  /** The action's inputs, by name, as given on the command line (tokens never are). */
  inputs: Record<string, string>
  /** GITHUB_REPOSITORY and GITHUB_SHA, standing in for the workflow's repository and triggering commit. */
  repository?: string
  sha?: string
}

export class UsageError extends Error {
  override name = 'UsageError'
}

// Tokens are read from the environment only: an option's value stays in the shell history and the process list.
export const TOKEN_INPUTS: Record<string, string> = {
  'pulumi-access-token': 'PULUMI_ACCESS_TOKEN',
  'github-token': 'GITHUB_TOKEN'
}

const LOCAL_OPTIONS = [
  {
    name: 'repository',
    value: 'OWNER/REPO',
    text: "The workflow's repository (GITHUB_REPOSITORY): the repository `commit: auto` compares the deployment's source with, and the one `--comment-on-pr-number` comments in."
  },
  {
    name: 'sha',
    value: 'SHA',
    text: 'The commit that triggered the run (GITHUB_SHA): what `commit: auto` pins when the source repository is `--repository`.'
  },
  {
    name: 'debug',
    value: '',
    text: "Also show the action's debug lines, as a workflow run with step debug logging does."
  },
  { name: 'help', value: '', text: 'Show this help.' }
] as const

export function parseOptions(argv: readonly string[], specs: readonly InputSpec[]): LocalOptions {
  const options: LocalOptions = { help: false, debug: false, inputs: {} }
  const inputNames = specs.map(s => s.name)
  const known = [...inputNames, ...LOCAL_OPTIONS.map(o => o.name)]
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '-h') {
      options.help = true
      continue
    }
    if (!arg.startsWith('--')) {
      throw new UsageError(`Unexpected argument "${arg}": every option is written --name value (see --help).`)
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq < 0 ? undefined : eq)
    if (name === 'help' || name === 'debug') {
      options[name] = true
      continue
    }
    const envName = TOKEN_INPUTS[name]
    if (envName !== undefined) {
      throw new UsageError(
        `--${name} is not an option: set the ${envName} environment variable instead, so the token stays out of ` +
          'your shell history and the process list.'
      )
    }
    if (!known.includes(name)) {
      const suggestion = suggestKey(name, known)
      throw new UsageError(
        `Unknown option --${name}${suggestion ? `: did you mean --${suggestion}?` : '.'} Run with --help to see every option.`
      )
    }
    let value: string
    if (eq >= 0) value = arg.slice(eq + 1)
    else {
      const next = argv[i + 1]
      if (next === undefined || next.startsWith('--')) {
        throw new UsageError(`--${name} needs a value, as in --${name} ${exampleValue(name)}.`)
      }
      value = next
      i++
    }
    if (name === 'repository' || name === 'sha') options[name] = value
    else options.inputs[name] = name === 'settings' ? readSettings(value) : value
  }
  if (!options.help) {
    for (const spec of specs) {
      if (spec.required && (options.inputs[spec.name] ?? '').trim() === '') {
        throw new UsageError(`--${spec.name} is required: ${spec.description}`)
      }
    }
  }
  return options
}

/**
 * `npm run local --stack x` (no `--`) hands `--stack` to npm, which keeps it as its own config (npm_config_stack)
 * and passes only `x` on: the options the user gave are then missing or shifted. Says what happened and the fix.
 */
export function forgottenSeparator(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  specs: readonly InputSpec[]
): string | undefined {
  const names = [...specs.map(s => s.name), ...LOCAL_OPTIONS.map(o => o.name)]
  const taken = names.filter(name => env[`npm_config_${name.replace(/-/g, '_')}`] !== undefined)
  if (taken.length === 0) return undefined
  const script = env.npm_lifecycle_event || 'local'
  const given = taken.map(name => `--${name}`).join(', ')
  const example = argv.length > 0 ? ` ${argv.join(' ')}` : ''
  return (
    `npm took ${given} as its own option${taken.length === 1 ? '' : 's'}, because nothing told it they are the ` +
    `action's${example ? ` (it passed on only:${example})` : ''}. Put -- before the action's options: ` +
    `npm run ${script} -- --stack acme/web/dev --operation preview ...`
  )
}

/** `@path` or the path of an existing file reads the file; anything else is the settings themselves. */
function readSettings(value: string): string {
  const path = value.startsWith('@') ? value.slice(1) : existsSync(value) ? value : undefined
  if (path === undefined) return value
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(
      `--settings names the file ${path}, which could not be read: ${(error as Error).message}`
    )
  }
}

function exampleValue(name: string): string {
  const examples: Record<string, string> = {
    stack: 'acme/web/dev',
    operation: 'preview',
    settings: '@settings.yml',
    timeout: '30m',
    repository: 'acme/infra',
    'comment-on-pr-number': '12'
  }
  return examples[name] ?? 'VALUE'
}

export function helpText(specs: readonly InputSpec[]): string {
  const lines = [
    'Runs the built action from a terminal against Pulumi Cloud, printing what the workflow log would show.',
    '',
    'Usage: npm run local -- --stack ORG/PROJECT/STACK --operation OPERATION [options]',
    '',
    "Inputs (each input of action.yml, written as in a workflow's `with:` block):"
  ]
  for (const spec of specs) {
    if (TOKEN_INPUTS[spec.name] !== undefined) continue
    const details = spec.required ? ' (required)' : spec.default ? ` (default: ${spec.default})` : ''
    lines.push(`  --${spec.name} VALUE${details}`, `      ${spec.description}`)
    if (spec.name === 'settings')
      lines.push('      Also @FILE, or the path of a YAML or JSON file, to read them from it.')
  }
  lines.push('', 'Local options:')
  for (const option of LOCAL_OPTIONS) {
    lines.push(`  --${option.name}${option.value ? ` ${option.value}` : ''}`, `      ${option.text}`)
  }
  lines.push(
    '',
    'Environment:',
    '  PULUMI_ACCESS_TOKEN  (required) the Pulumi access token; the `pulumi-access-token` input.',
    '  PULUMI_BACKEND_URL   used as `cloud-url` when that is not given and this is an http(s) URL.',
    '  GITHUB_TOKEN         the `github-token` input; needed only with --comment-on-pr-number.',
    '  GITHUB_API_URL       the GitHub API to comment through (default https://api.github.com).',
    '  ACTION_DIST          the build to run (default dist/index.js).',
    '',
    'Ctrl+C cancels the step as the Actions "Cancel workflow" button does: a preview or detect-drift deployment is',
    'cancelled, an operation that changes infrastructure keeps running unless --cancel-on-abort true is given.'
  )
  return `${lines.join('\n')}\n`
}
