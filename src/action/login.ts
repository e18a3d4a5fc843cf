// The Pulumi access token of a run: the one given, or one Pulumi Cloud issues in exchange for the job's GitHub OIDC
// token (`oidc-token-type`). Both steps use it: the post step, which may cancel a deployment, logs in again.
import type { ActionConfig } from '../config/inputs.js'
import { formatDuration } from '../config/duration.js'
import { pulumiAudience, requestIdToken, type IdTokenSource } from '../github/oidc.js'
import type { RunnerIO } from '../github/runner.js'
import { exchangeIdToken, what, type TokenExchanger } from '../pulumi/oidc.js'

export interface LoginDeps {
  runner: Pick<RunnerIO, 'info' | 'warning' | 'setSecret'>
  idToken: IdTokenSource
  /** Sends the exchange; it needs no token of its own. */
  exchanger: TokenExchanger
  signal?: AbortSignal
}

/**
 * The config with its Pulumi token, and that token and the ID token among its secrets. Each is masked the moment
 * it is known, before anything else is printed. Throws an IdTokenError or a PulumiApiError with a sentence.
 */
export async function logIn(config: ActionConfig, deps: LoginDeps): Promise<ActionConfig> {
  const { oidc } = config
  if (!oidc) return config
  const { runner } = deps
  const org = config.stack.org
  const wanted = { org, tokenType: oidc.tokenType, scope: oidc.scope }
  if (oidc.ignoredToken === 'input') {
    runner.warning(
      'Both `oidc-token-type` and `pulumi-access-token` are set: the action logs in with the token Pulumi Cloud ' +
        "issues for this job's GitHub OIDC token and does not use the `pulumi-access-token` input; remove one of them."
    )
  } else if (oidc.ignoredToken === 'env') {
    runner.info(
      'PULUMI_ACCESS_TOKEN is set, but `oidc-token-type` asks for an OIDC login: the action uses the token ' +
        "Pulumi Cloud issues for this job's GitHub OIDC token, not PULUMI_ACCESS_TOKEN."
    )
  }
  const audience = pulumiAudience(org)
  const idToken = await requestIdToken(deps.idToken, audience)
  runner.setSecret(idToken)
  const exchanged = await exchangeIdToken(deps.exchanger, {
    ...wanted,
    expirationSeconds: oidc.expirationSeconds,
    idToken,
    audience,
    signal: deps.signal
  })
  runner.setSecret(exchanged.token)
  const lifetime = formatDuration((exchanged.expiresIn ?? oidc.expirationSeconds) * 1000)
  runner.info(
    `Logged in to Pulumi Cloud with ${what(wanted)}, issued for this job's GitHub OIDC token; it expires in ${lifetime}.`
  )
  return { ...config, token: exchanged.token, secrets: [...config.secrets, idToken, exchanged.token] }
}
