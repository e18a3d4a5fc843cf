// Every input, read and validated up front into one typed ActionConfig: a mistake fails the step with a sentence
// naming the input before any request is made, rather than halfway through a deployment.
import { type DeploymentSettings, type PulumiOperation, type StackRef } from '../pulumi/types.js'
import { DurationError, parseDuration } from './duration.js'
import { InputError, quoteInput } from './input-error.js'
import { parseStacks, type StackTarget } from './stacks.js'
import { parseLogin, type OidcLogin } from './credentials.js'
import { parseFleetInputs, type FleetInputs } from './fleet-inputs.js'
import { collectSecrets } from './secrets.js'
import { withoutTrailingSlash } from './url.js'
import { loadSettingsParser, parseSettings } from './settings.js'
import { parseOperation } from './operation.js'

export { InputError } from './input-error.js'

/** Returns '' for an unset input, as the runner does (RunnerIO.getInput). */
export type InputReader = (name: string) => string

export type CommitMode = { mode: 'auto' } | { mode: 'none' } | { mode: 'sha'; sha: string }

export interface ActionConfig extends FleetInputs {
  /** Every stack of the `stack` input, in its order; at least one. */
  stacks: StackTarget[]
  /** The first stack: the only one in a one-stack run. */
  stack: StackRef
  /** `org/project/stack` of the first stack. */
  stackName: string
  operation: PulumiOperation
  /** The Pulumi access token; empty until the OIDC login (when `oidc` is set) gives one. */
  token: string
  /** Set when the token is to come from exchanging the job's GitHub OIDC token (`oidc-token-type`). */
  oidc: OidcLogin | undefined
  /** No trailing slash. */
  cloudUrl: string
  inheritSettings: boolean
  settings: DeploymentSettings | undefined
  commit: CommitMode
  wait: boolean
  timeoutMs: number | undefined
  pollIntervalMs: number
  /** Resolved: the input when set, else true for operations that change nothing (preview, detect-drift). */
  cancelOnAbort: boolean
  /** Whether to cancel a deployment that has not started yet: true unless `cancel-on-abort` is explicitly false. */
  cancelQueuedOnAbort: boolean
  commentOnSummary: boolean
  githubToken: string
  commentOnPr: boolean
  commentOnPrNumber: number | undefined
  editPrComment: boolean
  expectNoChanges: boolean
  /** Fail the step when a detect-drift or remediate-drift deployment finds drift. */
  failOnDrift: boolean
  /** Decrypt secret stack outputs into the step outputs (masked first); otherwise they read `[secret]`. */
  showSecretOutputs: boolean
  /** Every value that must never be printed (see collectSecrets). */
  secrets: string[]
}

export const DEFAULT_CLOUD_URL = 'https://api.pulumi.com'
export const DEFAULT_POLL_INTERVAL = '2s'
/** Cancelling these loses nothing; cancelling an operation that changes infrastructure midway can leave it half-done. */
export const CANCEL_ON_ABORT_BY_DEFAULT: readonly PulumiOperation[] = ['preview', 'detect-drift']

/** getInputs for the action itself: the parser of the `settings` input is loaded first, and only when it is given. */
export async function readInputs(read: InputReader, env: NodeJS.ProcessEnv): Promise<ActionConfig> {
  if (read('settings').trim() !== '') await loadSettingsParser()
  return getInputs(read, env)
}

/** Reads and validates every input, in the order action.yml lists them; throws an InputError on the first bad one. */
export function getInputs(read: InputReader, env: NodeJS.ProcessEnv): ActionConfig {
  const input = (name: string): string => read(name).trim()

  const stacks = parseStacks(read('stack'))
  const [{ ref: stack, name: stackName }] = stacks as [StackTarget, ...StackTarget[]]
  const operation = parseOperation(input('operation'))
  // The OIDC token's default lifetime follows the timeout, checked in its own turn below.
  const { token, oidc } = parseLogin(
    input,
    env,
    timeoutIfValid(input('timeout')),
    stacks.map(s => s.ref.org)
  )
  const cloudUrl = parseCloudUrl(input('cloud-url'), env)
  const inheritSettings = parseBoolean('inherit-settings', input('inherit-settings'), true)
  const settings = parseSettings(read('settings'))
  const commit = parseCommit(input('commit'), settings)
  const wait = parseBoolean('wait', input('wait'), true)
  const timeoutText = input('timeout')
  const timeoutMs = timeoutText === '' ? undefined : parsePositiveDuration('timeout', timeoutText)
  const pollIntervalMs = parsePositiveDuration(
    'poll-interval',
    input('poll-interval') || DEFAULT_POLL_INTERVAL
  )
  const cancelOnAbort = parseBoolean(
    'cancel-on-abort',
    input('cancel-on-abort'),
    CANCEL_ON_ABORT_BY_DEFAULT.includes(operation)
  )
  // A deployment still queued has changed nothing, whatever its operation: cancelling it loses nothing.
  const cancelQueuedOnAbort = parseBoolean('cancel-on-abort', input('cancel-on-abort'), true)
  const commentOnSummary = parseBoolean('comment-on-summary', input('comment-on-summary'), true)
  const githubToken = parseGithubToken(input('github-token'), env)
  const commentOnPr = parseBoolean('comment-on-pr', input('comment-on-pr'), true)
  const commentOnPrNumber = parsePullRequestNumber(input('comment-on-pr-number'))
  const editPrComment = parseBoolean('edit-pr-comment', input('edit-pr-comment'), true)
  const expectNoChanges = parseBoolean('expect-no-changes', input('expect-no-changes'), false)
  if (expectNoChanges && !wait) {
    throw new InputError(
      'expect-no-changes',
      'The `expect-no-changes` input needs `wait: true`: the changes are known only once the deployment ends, and ' +
        'with `wait: false` the step ends as soon as the deployment is created.'
    )
  }
  const failOnDrift = parseBoolean('fail-on-drift', input('fail-on-drift'), true)
  const showSecretOutputs = parseBoolean('show-secret-outputs', input('show-secret-outputs'), false)
  const fleet = parseFleetInputs(input, wait)

  return {
    stacks,
    stack,
    stackName,
    operation,
    token,
    oidc,
    cloudUrl,
    inheritSettings,
    settings,
    commit,
    wait,
    timeoutMs,
    pollIntervalMs,
    cancelOnAbort,
    cancelQueuedOnAbort,
    commentOnSummary,
    githubToken,
    commentOnPr,
    commentOnPrNumber,
    editPrComment,
    expectNoChanges,
    failOnDrift,
    showSecretOutputs,
    ...fleet,
    secrets: collectSecrets(settings, env, [token, input('pulumi-access-token'), githubToken])
  }
}

function parseCloudUrl(value: string, env: NodeJS.ProcessEnv): string {
  if (value !== '') return validateCloudUrl(value, 'The `cloud-url` input')
  const backendUrl = env.PULUMI_BACKEND_URL?.trim() ?? ''
  // Self-managed backends (s3://, file://, azblob://, gs://) have no Deployments API; only a Pulumi Cloud URL counts.
  if (/^https?:\/\//i.test(backendUrl)) {
    return validateCloudUrl(
      backendUrl,
      'The PULUMI_BACKEND_URL environment variable (used because the `cloud-url` input is empty)'
    )
  }
  return DEFAULT_CLOUD_URL
}

function validateCloudUrl(value: string, source: string): string {
  const expected = 'the Pulumi Cloud API address, such as https://api.pulumi.com'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError('cloud-url', `${source} ${quoteInput(value)} is not a URL: set it to ${expected}.`)
  }
  if (url.username !== '' || url.password !== '') {
    // Not echoed: the value holds a credential.
    throw new InputError(
      'cloud-url',
      `${source} holds a URL with a user name or password in it: set it to ${expected}, and give the token through \`pulumi-access-token\`.`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(
      'cloud-url',
      `${source} ${quoteInput(value)} is not an http(s) URL: set it to ${expected}.`
    )
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InputError(
      'cloud-url',
      `${source} ${quoteInput(value)} has a query or fragment: set it to ${expected}, with nothing after the host or path.`
    )
  }
  // The console address is a common value of PULUMI_BACKEND_URL, and the Pulumi CLI accepts it for the API.
  if (url.hostname.toLowerCase() === 'app.pulumi.com') url.hostname = 'api.pulumi.com'
  return withoutTrailingSlash(`${url.origin}${url.pathname}`)
}

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1'])
const FALSE_WORDS = new Set(['false', 'no', 'off', '0'])

// Wider than core.getBooleanInput (YAML 1.2's true/false only): `yes`, `on` and `1` are unambiguous, and workflow
// authors used to YAML 1.1 write them. Every boolean input goes through here, so all accept the same words.
function parseBoolean(name: string, value: string, defaultValue: boolean): boolean {
  if (value === '') return defaultValue
  const lower = value.toLowerCase()
  if (TRUE_WORDS.has(lower)) return true
  if (FALSE_WORDS.has(lower)) return false
  throw new InputError(name, `The \`${name}\` input must be true or false, but it is ${quoteInput(value)}.`)
}

const SHA = /^[0-9a-f]{7,40}$/i

function parseCommit(value: string, settings: DeploymentSettings | undefined): CommitMode {
  const lower = value.toLowerCase()
  if (lower === '' || lower === 'auto') return { mode: 'auto' }
  if (lower === 'none') return { mode: 'none' }
  if (!SHA.test(value)) {
    throw new InputError(
      'commit',
      `The \`commit\` input must be auto, none or a commit SHA of 7 to 40 hexadecimal digits, but it is ${quoteInput(value)}; ` +
        'to deploy a branch or tag, set `sourceContext.git.branch` in the `settings` input and `commit: none`.'
    )
  }
  const git = settings?.sourceContext?.git
  const conflicting = (['commit', 'branch', 'tag'] as const).find(key => git?.[key] !== undefined)
  if (conflicting !== undefined) {
    throw new InputError(
      'commit',
      `The \`commit\` input pins commit ${lower}, but the \`settings\` input also sets ` +
        `\`sourceContext.git.${conflicting}\`: keep only one of them.`
    )
  }
  return { mode: 'sha', sha: lower }
}

function parsePositiveDuration(name: string, value: string): number {
  let ms: number
  try {
    ms = parseDuration(value)
  } catch (error) {
    if (error instanceof DurationError) throw new InputError(name, `The \`${name}\` input ${error.message}`)
    throw error
  }
  if (ms <= 0) {
    const instead =
      name === 'timeout'
        ? 'leave it empty for no limit, or give a duration above zero'
        : 'give a duration above zero, such as 2s'
    throw new InputError(
      name,
      `The \`${name}\` input is ${quoteInput(value)}, which is no time at all: ${instead}.`
    )
  }
  return ms
}

function timeoutIfValid(value: string): number | undefined {
  try {
    return value === '' ? undefined : parsePositiveDuration('timeout', value)
  } catch {
    return undefined
  }
}

function parseGithubToken(value: string, env: NodeJS.ProcessEnv): string {
  const token = value || (env.GITHUB_TOKEN?.trim() ?? '')
  if (/\s/.test(token)) {
    throw new InputError(
      'github-token',
      'The `github-token` input holds a value with whitespace or a line break inside, which a GitHub token never has: ' +
        'check the secret it comes from.'
    )
  }
  return token
}

function parsePullRequestNumber(value: string): number | undefined {
  if (value === '') return undefined
  const digits = /^#?(\d+)$/.exec(value)?.[1]
  const number = digits === undefined ? NaN : Number(digits)
  if (!Number.isSafeInteger(number) || number <= 0) {
    throw new InputError(
      'comment-on-pr-number',
      `The \`comment-on-pr-number\` input must be a pull request number (a whole number above 0), but it is ${quoteInput(value)}.`
    )
  }
  return number
}

// Inputs other than the tokens are not secret, but a long value is cut so the sentence stays readable.
