// Exchanging the job's GitHub OIDC token for a Pulumi access token (RFC 8693 token exchange), as
// pulumi/auth-actions does: POST /api/oauth/token, with no Authorization header (spec/results-openapi.json,
// spec/WIRE-NOTES.md Turn 2).
import { PulumiApiError } from './errors.js'

export const TOKEN_EXCHANGE_PATH = '/api/oauth/token'
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange'
export const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token'
export const PULUMI_TOKEN_TYPE_PREFIX = 'urn:pulumi:token-type:access_token:'

export interface TokenExchangeRequest {
  audience: string
  grant_type: typeof TOKEN_EXCHANGE_GRANT
  subject_token: string
  subject_token_type: typeof ID_TOKEN_TYPE
  requested_token_type: string
  scope?: string
  /** Seconds. */
  expiration?: number
}

/** What a successful exchange answers (TokenExchangeGrantResponse). */
export interface TokenExchangeResponse {
  access_token: string
  issued_token_type: string
  token_type: string
  expires_in: number
  scope: string
}

/** The client's side of it (PulumiCloudClient.exchangeToken). */
export interface TokenExchanger {
  exchangeToken(request: TokenExchangeRequest, o?: { signal?: AbortSignal }): Promise<unknown>
}

export interface ExchangeOptions {
  org: string
  /** `organization`, `team`, `personal` or `runner`. */
  tokenType: string
  scope: string | undefined
  expirationSeconds: number
  idToken: string
  audience: string
  signal?: AbortSignal
}

export interface ExchangedToken {
  token: string
  /** Seconds, as Pulumi Cloud says. */
  expiresIn: number | undefined
}

/** The Pulumi access token, or a PulumiApiError whose message is one sentence naming the org and the token type. */
export async function exchangeIdToken(client: TokenExchanger, o: ExchangeOptions): Promise<ExchangedToken> {
  const request: TokenExchangeRequest = {
    audience: o.audience,
    grant_type: TOKEN_EXCHANGE_GRANT,
    subject_token: o.idToken,
    subject_token_type: ID_TOKEN_TYPE,
    requested_token_type: `${PULUMI_TOKEN_TYPE_PREFIX}${o.tokenType}`,
    ...(o.scope !== undefined ? { scope: o.scope } : {}),
    expiration: o.expirationSeconds
  }
  let answer: unknown
  try {
    answer = await client.exchangeToken(request, { signal: o.signal })
  } catch (error) {
    throw refusal(error, o) ?? error
  }
  const token = (answer as Partial<TokenExchangeResponse> | null)?.access_token
  // Hostile until checked: it becomes a header value and a mask, so it must be one printable word.
  if (typeof token !== 'string' || !/^[\x21-\x7e]{8,4096}$/.test(token)) {
    throw new PulumiApiError(
      `Pulumi Cloud answered the exchange of this job's GitHub OIDC token for ${what(o)} without a usable ` +
        "access token; run the job again, and check Pulumi Cloud's status if it keeps happening.",
      { status: 200, method: 'POST', path: TOKEN_EXCHANGE_PATH, retryable: true, attempts: 1 }
    )
  }
  const expiresIn = (answer as Partial<TokenExchangeResponse>).expires_in
  return { token, expiresIn: typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : undefined }
}

/** `an organization token of acme`, `a team token of acme (team:platform)`. */
export function what(o: Pick<ExchangeOptions, 'org' | 'tokenType' | 'scope'>): string {
  const article = /^[aeiou]/.test(o.tokenType) ? 'an' : 'a'
  return `${article} ${o.tokenType} token of the organization ${o.org}${o.scope ? ` (scope ${o.scope})` : ''}`
}

// A 4xx other than 429 is Pulumi Cloud saying no ({error, error_description}); anything else (5xx, network,
// timeout) keeps the client's own sentence, which says to try again.
function refusal(error: unknown, o: ExchangeOptions): PulumiApiError | undefined {
  if (!(error instanceof PulumiApiError) || error.status < 400 || error.status >= 500 || error.status === 429)
    return undefined
  const said = error.serverMessage?.split(o.idToken).join('***')
  return new PulumiApiError(
    `Pulumi Cloud refused to exchange this job's GitHub OIDC token for ${what(o)} (HTTP ${error.status}` +
      `${said ? `: ${said.replace(/\.$/, '')}` : ''}); check that ${o.org} trusts GitHub as an OIDC issuer ` +
      '(Settings → Access Management → OIDC Issuers) with a policy that lets this repository get that token, and ' +
      'that `oidc-token-type` and `oidc-scope` ask for it.',
    {
      status: error.status,
      method: error.method,
      path: error.path,
      serverMessage: said,
      retryable: false,
      attempts: error.attempts
    }
  )
}
