// How the action logs in to Pulumi Cloud: with a given token (`pulumi-access-token`, PULUMI_ACCESS_TOKEN), or with
// one exchanged for the job's GitHub OIDC token (`oidc-token-type`, `oidc-scope`, `oidc-expiration`). Checked up
// front like every input: a job that cannot get a GitHub OIDC token, or asks for a token Pulumi Cloud would never
// issue, fails before any request.
import { DurationError, formatDuration, parseDuration } from './duration.js'
import { InputError, quoteInput } from './input-error.js'

export const OIDC_TOKEN_TYPES = ['organization', 'team', 'personal', 'runner'] as const
export type OidcTokenType = (typeof OIDC_TOKEN_TYPES)[number]

export interface OidcLogin {
  tokenType: OidcTokenType
  /** As Pulumi Cloud takes it: `admin`, `team:NAME`, `user:LOGIN` or `runner:NAME`; undefined for none. */
  scope: string | undefined
  /** The lifetime asked for the exchanged token. */
  expirationSeconds: number
  /** A token given as well, which the login takes the place of: said in the log. */
  ignoredToken: 'input' | 'env' | undefined
}

/** Without a `timeout`, the exchanged token lives this long. */
export const OIDC_EXPIRATION_WITHOUT_TIMEOUT_MS = 2 * 60 * 60_000
/** With one, this much longer than the timeout: the cancel, the summary and the comment come after it. */
export const OIDC_EXPIRATION_MARGIN_MS = 15 * 60_000

// What each type's scope is called and how Pulumi Cloud spells it (spec/results-openapi.json, /api/oauth/token).
const SCOPE_OF: Record<Exclude<OidcTokenType, 'organization'>, { what: string; prefix: string }> = {
  team: { what: 'the team name', prefix: 'team' },
  personal: { what: 'the user login', prefix: 'user' },
  runner: { what: 'the runner name', prefix: 'runner' }
}
const SCOPE_NAME = /^[A-Za-z0-9._-]+$/
// What users coming from pulumi/auth-actions or other tools type; suggested, never accepted silently.
const TYPE_ALIASES: Record<string, OidcTokenType> = {
  org: 'organization',
  user: 'personal',
  'urn:pulumi:token-type:access_token:organization': 'organization',
  'urn:pulumi:token-type:access_token:team': 'team',
  'urn:pulumi:token-type:access_token:personal': 'personal',
  'urn:pulumi:token-type:access_token:runner': 'runner'
}

/** A given token, or an OIDC login (which takes the place of a token given as well). */
export function parseLogin(
  input: (name: string) => string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number | undefined,
  orgs: string[]
): { token: string; oidc: OidcLogin | undefined } {
  const given = input('pulumi-access-token')
  const fromEnv = env.PULUMI_ACCESS_TOKEN?.trim() ?? ''
  const oidc = parseOidcLogin({
    tokenType: input('oidc-token-type'),
    scope: input('oidc-scope'),
    expiration: input('oidc-expiration'),
    givenToken: given !== '' ? 'input' : fromEnv !== '' ? 'env' : undefined,
    timeoutMs,
    env
  })
  const distinct = [...new Set(orgs)]
  if (oidc && distinct.length > 1) {
    throw new InputError(
      'oidc-token-type',
      `An OIDC login gets a Pulumi token for one organization, but the \`stack\` input names stacks of ` +
        `${distinct.join(' and ')}: use one step per organization, or give a \`pulumi-access-token\` that can ` +
        'reach all of them.'
    )
  }
  // The ignored token is still kept as a secret (collectSecrets), so it is masked all the same.
  if (oidc) return { token: '', oidc }
  return { token: parseToken(given, env), oidc }
}

function parseToken(value: string, env: NodeJS.ProcessEnv): string {
  const fromEnv = env.PULUMI_ACCESS_TOKEN?.trim() ?? ''
  const token = value || fromEnv
  if (token === '') {
    throw new InputError(
      'pulumi-access-token',
      'No Pulumi access token was given: set the `pulumi-access-token` input (for example to ' +
        '`${{ secrets.PULUMI_ACCESS_TOKEN }}`) or the PULUMI_ACCESS_TOKEN environment variable, or log in with the ' +
        "job's GitHub OIDC token through `oidc-token-type`; note that secrets are empty in workflows triggered from " +
        'forks.'
    )
  }
  if (/\s/.test(token)) {
    const source = value
      ? 'The `pulumi-access-token` input'
      : 'The PULUMI_ACCESS_TOKEN environment variable (used because the `pulumi-access-token` input is empty)'
    throw new InputError(
      'pulumi-access-token',
      `${source} holds a value with whitespace or a line break inside, which a Pulumi access token never has: ` +
        'check that the secret holds only the token.'
    )
  }
  return token
}

export interface OidcInputs {
  tokenType: string
  scope: string
  expiration: string
  /** Whether a token came with the `pulumi-access-token` input or the PULUMI_ACCESS_TOKEN variable. */
  givenToken: 'input' | 'env' | undefined
  timeoutMs: number | undefined
  env: NodeJS.ProcessEnv
}

/** The OIDC login the inputs ask for, or undefined when `oidc-token-type` is empty (a token is given instead). */
export function parseOidcLogin(o: OidcInputs): OidcLogin | undefined {
  if (o.tokenType === '') {
    const stray = o.scope !== '' ? 'oidc-scope' : o.expiration !== '' ? 'oidc-expiration' : undefined
    if (stray !== undefined) {
      throw new InputError(
        stray,
        `The \`${stray}\` input is set, but \`oidc-token-type\` is empty, so no OIDC login happens: set ` +
          `\`oidc-token-type\` to ${typeList()} to log in with the job's GitHub OIDC token, or remove \`${stray}\`.`
      )
    }
    return undefined
  }
  const tokenType = parseTokenType(o.tokenType)
  const scope = parseScope(tokenType, o.scope)
  const expirationSeconds = parseExpiration(o.expiration, o.timeoutMs)
  // Checked here, before any request: without `id-token: write` the runner gives the step no way to ask for one.
  if (!o.env.ACTIONS_ID_TOKEN_REQUEST_URL?.trim() || !o.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim()) {
    throw new InputError(
      'oidc-token-type',
      `The \`oidc-token-type\` input asks to log in to Pulumi Cloud with the job's GitHub OIDC token, but the job ` +
        'may not request one: add `permissions: id-token: write` to the workflow or the job (GitHub gives no OIDC ' +
        'token to pull requests from forks).'
    )
  }
  return { tokenType, scope, expirationSeconds, ignoredToken: o.givenToken }
}

function typeList(): string {
  return `${OIDC_TOKEN_TYPES.slice(0, -1).join(', ')} or ${OIDC_TOKEN_TYPES.at(-1)}`
}

function parseTokenType(value: string): OidcTokenType {
  const lower = value.toLowerCase()
  const type = OIDC_TOKEN_TYPES.find(candidate => candidate === lower)
  if (type !== undefined) return type
  const suggestion = TYPE_ALIASES[lower]
  throw new InputError(
    'oidc-token-type',
    `The \`oidc-token-type\` input ${quoteInput(value)} is not a Pulumi token type: use ${typeList()}, or leave it ` +
      `empty to use \`pulumi-access-token\`${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`
  )
}

function parseScope(tokenType: OidcTokenType, value: string): string | undefined {
  if (tokenType === 'organization') {
    if (value === '') return undefined
    if (value.toLowerCase() === 'admin') return 'admin'
    throw new InputError(
      'oidc-scope',
      `The \`oidc-scope\` input ${quoteInput(value)} does not fit an organization token: leave it empty, or set it to ` +
        '`admin` for a token with admin scope.'
    )
  }
  const { what, prefix } = SCOPE_OF[tokenType]
  if (value === '') {
    throw new InputError(
      'oidc-scope',
      `A ${tokenType} token needs the \`oidc-scope\` input: set it to ${what} the token is for.`
    )
  }
  // `team:platform` is how Pulumi Cloud spells it; accepted as well as the bare name.
  const name = value.startsWith(`${prefix}:`) ? value.slice(prefix.length + 1) : value
  if (!SCOPE_NAME.test(name)) {
    throw new InputError(
      'oidc-scope',
      `The \`oidc-scope\` input ${quoteInput(value)} is not ${what}: a ${tokenType} token's scope is one name of ` +
        'letters, digits, -, _ and .'
    )
  }
  return `${prefix}:${name}`
}

function parseExpiration(value: string, timeoutMs: number | undefined): number {
  if (value === '') {
    const ms =
      timeoutMs === undefined ? OIDC_EXPIRATION_WITHOUT_TIMEOUT_MS : timeoutMs + OIDC_EXPIRATION_MARGIN_MS
    return Math.ceil(ms / 1000)
  }
  let ms: number
  try {
    ms = parseDuration(value)
  } catch (error) {
    if (error instanceof DurationError)
      throw new InputError('oidc-expiration', `The \`oidc-expiration\` input ${error.message}`)
    throw error
  }
  if (ms < 60_000) {
    throw new InputError(
      'oidc-expiration',
      `The \`oidc-expiration\` input is ${quoteInput(value)}, too short for a deployment: give at least a minute, or ` +
        'leave it empty for a lifetime that outlasts the `timeout`.'
    )
  }
  if (timeoutMs !== undefined && ms < timeoutMs) {
    throw new InputError(
      'oidc-expiration',
      `The \`oidc-expiration\` input (${formatDuration(ms)}) is shorter than the \`timeout\` ` +
        `(${formatDuration(timeoutMs)}), so the Pulumi token would expire while the action still waits for the ` +
        'deployment: make it longer, or leave it empty for a lifetime that outlasts the `timeout`.'
    )
  }
  return Math.ceil(ms / 1000)
}
