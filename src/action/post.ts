import { PulumiCloudClient, systemClock } from '../pulumi/client.js'
import { parseStackRef } from '../pulumi/stack-name.js'
import { isTerminal, type StackRef } from '../pulumi/types.js'
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
  if (runner.getState(STATE.handled) === 'true') return
  const targets = leftDeployments(runner)
  if (targets.length === 0) return
  const always = runner.getState(STATE.cancelOnAbort) === 'true'
  // A deployment that has not started changed nothing: it is cancelled too, unless cancel-on-abort is false.
  const ifQueued = runner.getState(STATE.cancelQueuedOnAbort) === 'true'
  if (!always && !ifQueued) {
    for (const { id } of targets) runner.info(leftRunning(id))
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
      runner.warning(`Could not cancel deployment ${targets.map(t => t.id).join(', ')}: ${error.message}`)
      return
    }
    throw error
  }
  const client = new PulumiCloudClient({ baseUrl: cloudUrl, token, clock: systemClock })
  await Promise.all(targets.map(({ stack, id }) => cancelOne(client, runner, stack, id, always)))
}

const leftRunning = (id: string): string =>
  `Deployment ${id} was left running: \`cancel-on-abort\` is off for this operation.`

/** `always`: cancel it whatever its state; otherwise only if it has not started. */
async function cancelOne(
  client: PulumiCloudClient,
  runner: RunnerIO,
  stack: StackRef,
  id: string,
  always: boolean
): Promise<void> {
  try {
    if (!always) {
      const { status } = await client.getDeployment(stack, id, { signal: AbortSignal.timeout(5_000) })
      if (isTerminal(status)) {
        runner.info(`Deployment ${id} had already ended; nothing to cancel.`)
        return
      }
      if (status !== 'not-started' && status !== 'accepted') {
        runner.info(leftRunning(id))
        return
      }
    }
    const result = await client.cancelDeployment(stack, id, { signal: AbortSignal.timeout(10_000) })
    runner.info(
      result === 'ended'
        ? `Deployment ${id} had already ended; nothing to cancel.`
        : always
          ? `The job was cancelled; deployment ${id} was cancelled too.`
          : `The job was cancelled before deployment ${id} started; it was cancelled too, so nothing was changed.`
    )
  } catch (error) {
    runner.warning(
      `The job was cancelled, and cancelling deployment ${id} did not succeed: ${(error as Error).message}`
    )
  }
}

/** The deployments the main step made: the list several stacks leave, or the one of a one-stack step. */
function leftDeployments(runner: RunnerIO): { stack: StackRef; id: string }[] {
  const listed = runner.getState(STATE.deployments)
  if (listed) {
    let parsed: unknown
    try {
      parsed = JSON.parse(listed)
    } catch {
      return []
    }
    if (!Array.isArray(parsed)) return []
    return parsed.flatMap((entry: { stack?: unknown; id?: unknown }) => {
      const stack = typeof entry?.stack === 'string' ? parseStackRef(entry.stack) : undefined
      return stack && typeof entry.id === 'string' && entry.id ? [{ stack, id: entry.id }] : []
    })
  }
  const id = runner.getState(STATE.deploymentId)
  const stack = parseStackRef(runner.getState(STATE.stack))
  return id && stack ? [{ stack, id }] : []
}
