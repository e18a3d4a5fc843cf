// The inputs for several stacks and for GitHub's deployment records: how many deployments run at once, and the
// GitHub environment each stack's deployment is recorded in.
import { InputError } from './input-error.js'

export interface FleetInputs {
  /** How many deployments run at once; undefined for all at once. */
  maxParallel: number | undefined
  /** The GitHub environment name or template (`{org}`, `{project}`, `{stack}`, `{fqn}`); '' records none. */
  githubEnvironment: string
  /** The stack output whose value is the environment's URL; '' for the deployment's console page. */
  environmentUrlOutput: string
}

const PLACEHOLDER = /\{([^{}]*)\}/g
const KNOWN = new Set(['org', 'project', 'stack', 'fqn'])

export function parseFleetInputs(input: (name: string) => string, wait: boolean): FleetInputs {
  const maxParallel = parseMaxParallel(input('max-parallel'))
  if (maxParallel !== undefined && !wait) {
    throw new InputError(
      'max-parallel',
      'The `max-parallel` input needs `wait: true`: the next deployment starts when one ends, and with ' +
        '`wait: false` the step ends as soon as the deployments are created. Leave `max-parallel` empty.'
    )
  }
  const githubEnvironment = input('github-environment')
  for (const [, name] of githubEnvironment.matchAll(PLACEHOLDER)) {
    if (!KNOWN.has(name ?? '')) {
      throw new InputError(
        'github-environment',
        `The \`github-environment\` input has the placeholder {${name}}, which is not one it knows: use ` +
          '{org}, {project}, {stack} or {fqn}.'
      )
    }
  }
  const environmentUrlOutput = input('environment-url-output')
  if (environmentUrlOutput !== '' && githubEnvironment === '') {
    throw new InputError(
      'environment-url-output',
      'The `environment-url-output` input names the URL of a GitHub environment, but `github-environment` is ' +
        'empty: set `github-environment` too, or leave `environment-url-output` empty.'
    )
  }
  return { maxParallel, githubEnvironment, environmentUrlOutput }
}

function parseMaxParallel(value: string): number | undefined {
  if (value === '') return undefined
  const number = /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new InputError(
      'max-parallel',
      `The \`max-parallel\` input must be a whole number of 1 or more, but it is ${JSON.stringify(value.slice(0, 60))}; ` +
        'leave it empty to run every deployment at once.'
    )
  }
  return number
}

/** The environment's name for one stack: the template with its placeholders filled in. */
export function environmentName(
  template: string,
  stack: { org: string; project: string; stack: string }
): string {
  const values: Record<string, string> = {
    org: stack.org,
    project: stack.project,
    stack: stack.stack,
    fqn: `${stack.org}/${stack.project}/${stack.stack}`
  }
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole)
}
