// Pulumi Cloud's OIDC token exchange (POST /api/oauth/token, spec/results-openapi.json and spec/WIRE-NOTES.md
// Turn 2): an organization that trusts an issuer exchanges that issuer's ID tokens, with audience
// `urn:pulumi:org:<org>`, for Pulumi access tokens that the fake then accepts for that organization only, until they
// expire on the fake's clock. Refusals answer `{error, error_description}` as RFC 6749 §5.2 says.
import { randomBytes } from 'node:crypto'
import type { FakeClock } from './clock.js'

export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange'
export const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token'
const REQUESTED_PREFIX = 'urn:pulumi:token-type:access_token:'
const TOKEN_TYPES = ['organization', 'team', 'personal', 'runner'] as const
export type PulumiTokenType = (typeof TOKEN_TYPES)[number]
// The scope each type takes; an organization token's is empty or `admin`.
const SCOPE_PREFIX: Record<Exclude<PulumiTokenType, 'organization'>, string> = {
  team: 'team:',
  personal: 'user:',
  runner: 'runner:'
}
/** Without `expiration`, an exchanged token lives this long. */
export const DEFAULT_EXPIRATION_SECONDS = 2 * 60 * 60

/** An ID-token issuer as the fake sees it: something that checks its own tokens (test/fake-github/oidc.ts). */
export interface TrustedIssuer {
  readonly issuer: string
  verify(
    token: string
  ): { ok: true; claims: { iss: string; aud: string; sub: string } } | { ok: false; reason: string }
}

/** What an issuer's tokens may be exchanged for: a token type, and the one scope allowed (any, when absent). */
export interface OidcPolicy {
  tokenType: PulumiTokenType
  scope?: string
}

export interface IssuedToken {
  org: string
  tokenType: PulumiTokenType
  scope: string
  expiresAt: number
  /** The ID token's subject (`repo:acme/infra:ref:refs/heads/main`). */
  subject: string
}

export interface ExchangeAnswer {
  status: number
  body: unknown
}

// Every access token any fake in this process has issued: the harness treats each as a secret of every run.
const everIssued = new Set<string>()

export function issuedAccessTokens(): string[] {
  return [...everIssued]
}

class Refusal extends Error {
  constructor(
    readonly error: string,
    message: string,
    readonly status = 400
  ) {
    super(message)
  }
}

export class TokenExchange {
  private readonly trust = new Map<string, Array<{ issuer: TrustedIssuer; policies: OidcPolicy[] }>>()
  /** What each token issued here is good for. */
  readonly issued = new Map<string, IssuedToken>()

  constructor(private readonly clock: FakeClock) {}

  /** The organization registers `issuer` (Settings → Access Management → OIDC Issuers) with these policies. */
  trustIssuer(org: string, issuer: TrustedIssuer, policies: OidcPolicy[]): void {
    const list = this.trust.get(org) ?? []
    list.push({ issuer, policies })
    this.trust.set(org, list)
  }

  /** Whether an access token issued here may act in `org` now. */
  accepts(token: string, org: string | undefined): boolean {
    const issued = this.issued.get(token)
    return issued !== undefined && issued.org === org && this.clock.now() < issued.expiresAt
  }

  exchange(body: unknown): ExchangeAnswer {
    try {
      return { status: 200, body: this.grant(body) }
    } catch (error) {
      if (!(error instanceof Refusal)) throw error
      return { status: error.status, body: { error: error.error, error_description: error.message } }
    }
  }

  private grant(body: unknown): object {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new Refusal('invalid_request', 'The request body must be a JSON object.')
    const field = (name: string): string | undefined => {
      const value = (body as Record<string, unknown>)[name]
      if (value === undefined) return undefined
      if (typeof value !== 'string') throw new Refusal('invalid_request', `${name} must be a string.`)
      return value
    }
    const grantType = field('grant_type')
    if (grantType !== TOKEN_EXCHANGE_GRANT)
      throw new Refusal('unsupported_grant_type', `grant_type must be ${TOKEN_EXCHANGE_GRANT}.`)
    if (field('subject_token_type') !== ID_TOKEN_TYPE)
      throw new Refusal('invalid_request', `subject_token_type must be ${ID_TOKEN_TYPE}.`)
    const subjectToken = field('subject_token')
    if (!subjectToken) throw new Refusal('invalid_request', 'subject_token is required.')
    const org = /^urn:pulumi:org:([A-Za-z0-9._-]+)$/.exec(field('audience') ?? '')?.[1]
    if (org === undefined) throw new Refusal('invalid_request', 'audience must be urn:pulumi:org:{ORG_NAME}.')
    const requested = field('requested_token_type') ?? ''
    const tokenType = TOKEN_TYPES.find(type => requested === `${REQUESTED_PREFIX}${type}`)
    if (tokenType === undefined)
      throw new Refusal(
        'invalid_request',
        `requested_token_type must be one of ${TOKEN_TYPES.map(t => REQUESTED_PREFIX + t).join(', ')}.`
      )
    const scope = field('scope') ?? ''
    checkScope(tokenType, scope)
    const expiration = expirationOf((body as Record<string, unknown>).expiration)

    const trusted = this.trust.get(org) ?? []
    if (trusted.length === 0)
      throw new Refusal('invalid_grant', `The organization ${org} has not registered any OIDC issuer.`)
    const reasons: string[] = []
    for (const { issuer, policies } of trusted) {
      const verified = issuer.verify(subjectToken)
      if (!verified.ok) {
        reasons.push(verified.reason)
        continue
      }
      const { claims } = verified
      if (claims.aud !== `urn:pulumi:org:${org}`) {
        reasons.push(`the subject token's audience is ${claims.aud}, not urn:pulumi:org:${org}`)
        continue
      }
      const allowed = policies.some(
        p => p.tokenType === tokenType && (p.scope === undefined || p.scope === scope)
      )
      if (!allowed) {
        throw new Refusal(
          'invalid_grant',
          `No policy of the OIDC issuer ${issuer.issuer} in ${org} allows ${claims.sub} to get a ${tokenType} token` +
            `${scope ? ` with scope ${scope}` : ''}.`
        )
      }
      const token = `pul-oidc-${randomBytes(20).toString('hex')}`
      this.issued.set(token, {
        org,
        tokenType,
        scope,
        expiresAt: this.clock.now() + expiration * 1000,
        subject: claims.sub
      })
      everIssued.add(token)
      return {
        access_token: token,
        issued_token_type: requested,
        token_type: 'Bearer',
        expires_in: expiration,
        scope
      }
    }
    throw new Refusal('invalid_grant', `The subject token was not accepted: ${reasons.join('; ')}.`)
  }
}

function checkScope(tokenType: PulumiTokenType, scope: string): void {
  if (tokenType === 'organization') {
    if (scope !== '' && scope !== 'admin')
      throw new Refusal('invalid_scope', 'An organization token takes no scope or the scope admin.')
    return
  }
  const prefix = SCOPE_PREFIX[tokenType]
  if (!scope.startsWith(prefix) || scope.length === prefix.length)
    throw new Refusal('invalid_scope', `A ${tokenType} token needs the scope ${prefix}NAME.`)
}

function expirationOf(value: unknown): number {
  if (value === undefined) return DEFAULT_EXPIRATION_SECONDS
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0)
    throw new Refusal('invalid_request', 'expiration must be a whole number of seconds above zero.')
  return value
}
