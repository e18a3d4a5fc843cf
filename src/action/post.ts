import { PulumiCloudClient, systemClock } from '../pulumi/client.js'
import { parseStackRef } from '../pulumi/stack-name.js'
import { PulumiApiError } from '../pulumi/errors.js'
import { readInputs, InputError } from '../config/inputs.js'
import { githubRunner, type RunnerIO } from '../github/runner.js'
import { IdTokenError, runnerIdToken, type IdTokenSource } from '../github/oidc.js'
import { logIn } from './login.js'
import { STATE } from './state.js'
import { cleartextWarning } from '../config/url.js'

/**
 * The post step runs only when the job was cancelled (`post-if: cancelled()`). If the main step was killed before
 * it could deal with its deployment, this cancels the deployment when `cancel-on-abort` asks for it.
 */
export async function runPost(
  runner: RunnerIO = githubRunner,
  env: NodeJS.ProcessEnv = process.env,
  idToken: IdTokenSource = runnerIdToken
): Promise<void> {
  const id = runner.getState(STATE.deploymentId)
  if (!id || runner.getState(STATE.handled) === 'true') return
  const stack = parseStackRef(runner.getState(STATE.stack))
  if (!stack) return
  if (runner.getState(STATE.cancelOnAbort) !== 'true') {
    runner.info(`Deployment ${id} was left running: \`cancel-on-abort\` is off for this operation.`)
    return
  }
  let token: string
  let cloudUrl: string
  try {
    const given = await readInputs(name => runner.getInput(name), env)
    for (const secret of given.secrets) runner.setSecret(secret)
    const cleartext = cleartextWarning(given.cloudUrl)
    if (cleartext) runner.warning(cleartext, 'Unencrypted Pulumi Cloud URL')
    ;({ token, cloudUrl } = await logIn(given, {
      runner,
      idToken,
      exchanger: new PulumiCloudClient({ baseUrl: given.cloudUrl, token: '', clock: systemClock }),
      signal: AbortSignal.timeout(10_000)
    }))
  } catch (error) {
    if (error instanceof InputError || error instanceof IdTokenError || error instanceof PulumiApiError) {
      runner.warning(`Could not cancel deployment ${id}: ${error.message}`)
      return
    }
    throw error
  }
  const client = new PulumiCloudClient({ baseUrl: cloudUrl, token, clock: systemClock })
  try {
    const result = await client.cancelDeployment(stack, id, { signal: AbortSignal.timeout(10_000) })
    runner.info(
      result === 'ended'
        ? `Deployment ${id} had already ended; nothing to cancel.`
        : `The job was cancelled; deployment ${id} was cancelled too.`
    )
  } catch (error) {
    runner.warning(
      `The job was cancelled, and cancelling deployment ${id} did not succeed: ${(error as Error).message}`
    )
  }
}
