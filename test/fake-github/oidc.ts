// GitHub Actions' OIDC provider, as far as a Pulumi login sees it: it issues a job's ID tokens (JWTs with the
// audience the step asks for) and lets a relying party that trusts it check them. Signed with HMAC-SHA256 under a
// key of its own, standing in for GitHub's RSA keys and JWKS: what matters is that only this issuer can make a token
// that verifies, and that a changed or expired one does not.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com'

export interface IdTokenClaims {
  iss: string
  aud: string
  sub: string
  repository: string
  repository_owner: string
  ref: string
  jti: string
  /** Seconds since the epoch, as in every JWT. */
  iat: number
  nbf: number
  exp: number
}

export interface FakeGitHubOidcOptions {
  /** The job's repository; default `acme/infra`. */
  repository?: string
  /** Default `refs/heads/main`. */
  ref?: string
  /** Default 5 minutes, GitHub's own. */
  lifetimeMs?: number
  /** Default the real time. */
  now?: () => number
}

export type Verified = { ok: true; claims: IdTokenClaims } | { ok: false; reason: string }

const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')

export class FakeGitHubOidc {
  readonly issuer = GITHUB_OIDC_ISSUER
  /** Every token issued, in order, with its claims. */
  readonly issued: Array<{ token: string; claims: IdTokenClaims }> = []
  private readonly key = randomBytes(32)
  private readonly now: () => number

  constructor(private readonly o: FakeGitHubOidcOptions = {}) {
    this.now = o.now ?? Date.now
  }

  /** A job's ID token for `audience`. */
  issue(audience: string): string {
    const repository = this.o.repository ?? 'acme/infra'
    const ref = this.o.ref ?? 'refs/heads/main'
    const iat = Math.floor(this.now() / 1000)
    const claims: IdTokenClaims = {
      iss: this.issuer,
      aud: audience,
      sub: `repo:${repository}:ref:${ref}`,
      repository,
      repository_owner: repository.split('/')[0] ?? '',
      ref,
      jti: randomBytes(16).toString('hex'),
      iat,
      nbf: iat,
      exp: iat + Math.ceil((this.o.lifetimeMs ?? 5 * 60_000) / 1000)
    }
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT', kid: 'fake-github' })}.${encode(claims)}`
    const token = `${unsigned}.${this.sign(unsigned)}`
    this.issued.push({ token, claims })
    return token
  }

  /** Whether `token` is one of this issuer's, unchanged and not expired; its claims if so. */
  verify(token: string): Verified {
    const parts = token.split('.')
    if (parts.length !== 3) return { ok: false, reason: 'the subject token is not a JWT' }
    const [header = '', payload = '', signature = ''] = parts
    const expected = Buffer.from(this.sign(`${header}.${payload}`))
    const given = Buffer.from(signature)
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return {
        ok: false,
        reason: `the subject token's signature does not verify with the keys of ${this.issuer}`
      }
    let claims: IdTokenClaims
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as IdTokenClaims
    } catch {
      return { ok: false, reason: 'the subject token has no readable claims' }
    }
    const nowSeconds = this.now() / 1000
    if (claims.exp <= nowSeconds) return { ok: false, reason: 'the subject token has expired' }
    if (claims.nbf > nowSeconds + 60) return { ok: false, reason: 'the subject token is not valid yet' }
    return { ok: true, claims }
  }

  private sign(unsigned: string): string {
    return createHmac('sha256', this.key).update(unsigned).digest('base64url')
  }
}
