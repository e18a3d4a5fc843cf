// The create phase: which commit the deployment runs, the create request itself, and the state the post step needs
// should this step be killed. A step cancelled before the create is sent deploys nothing.
import { PulumiCloudClient, type ClientOptions, type Clock } from '../pulumi/client.js'
import type { CreateResult } from '../pulumi/create.js'
import type { CreateDeploymentRequest, DeploymentSettings } from '../pulumi/types.js'
import { applyCommitPin, needsStackSettings, resolveCommitPin, type CommitPin } from '../github/commit-pin.js'
import type { EventContext } from '../github/context.js'
import type { ActionConfig } from '../config/inputs.js'
import type { RunnerIO } from '../github/runner.js'
import type { Cancellation } from './cancellation.js'
import type { StepOutputs } from './outputs.js'
import { STATE } from './state.js'

/** A create request already sent when the step is cancelled may answer this long: its answer says what to cancel. */
const CREATE_GRACE_MS = 2_000

export interface CreateInput {
  config: ActionConfig
  ctx: EventContext
  client: PulumiCloudClient
  /** How `client` was made, to make the create's own client whose retries stop on cancel. */
  clientOptions: ClientOptions & { clock: Clock }
  stop: Cancellation
  runner: RunnerIO
  outputs: StepOutputs
  /**
   * One of several stacks: records the deployment for the post step in place of the one-stack state, and the
   * one-stack outputs are not set.
   */
  onCreated?: (deployment: CreateResult) => void
}

export interface Created {
  deployment: CreateResult
  pin: CommitPin
}

/** The created deployment, or undefined when the step was cancelled first (the step has then been failed). */
export async function createPhase(input: CreateInput): Promise<Created | undefined> {
  const { config, runner, stop } = input
  const stackSettings = await stackSettingsIfNeeded(input)
  if (stackSettings === 'cancelled') return cancelledBeforeCreate(runner)
  const pin = resolveCommitPin(
    config.commit,
    input.ctx,
    config.settings,
    stackSettings,
    config.inheritSettings
  )
  runner.info(pin.reason)
  const request: CreateDeploymentRequest = {
    ...applyCommitPin(config.settings, pin),
    operation: config.operation,
    inheritSettings: config.inheritSettings
  }
  if (stop.requested) return cancelledBeforeCreate(runner)
  const deployment = await sendCreate(input, request)
  if (!deployment) return undefined
  // Saved at once: if the runner kills this step, the post step finds the deployment to cancel.
  if (input.onCreated) input.onCreated(deployment)
  else {
    runner.saveState(STATE.deploymentId, deployment.id)
    runner.saveState(STATE.stack, config.stackName)
    runner.saveState(STATE.cancelOnAbort, String(config.cancelOnAbort))
    runner.saveState(STATE.cancelQueuedOnAbort, String(config.cancelQueuedOnAbort))
    input.outputs.created(deployment)
  }
  announce(input, deployment)
  return { deployment, pin }
}

async function stackSettingsIfNeeded(
  input: CreateInput
): Promise<DeploymentSettings | undefined | 'cancelled'> {
  const { config, client, stop } = input
  if (!needsStackSettings(config.commit, config.settings, config.inheritSettings)) return undefined
  try {
    return await client.getSettings(config.stack, { signal: stop.signal })
  } catch (error) {
    if (stop.requested) return 'cancelled'
    throw error
  }
}

// A create already sent when the signal comes is let finish, so that the deployment it made is known (and
// cancelled if cancel-on-abort says so) instead of left behind unseen; but it is never sent again.
async function sendCreate(
  input: CreateInput,
  request: CreateDeploymentRequest
): Promise<CreateResult | undefined> {
  const { config, stop, runner } = input
  const createClient = new PulumiCloudClient({
    ...input.clientOptions,
    clock: stop.retriesStop(input.clientOptions.clock)
  })
  try {
    return await createClient.createDeployment(config.stack, request, { signal: stop.after(CREATE_GRACE_MS) })
  } catch (error) {
    if (!stop.requested) throw error
    runner.setFailed(
      `The step was cancelled while the ${config.operation} deployment of ${config.stackName} was being ` +
        `created, and Pulumi Cloud did not answer in time: it may have created it all the same. Check the ` +
        `stack's deployments in the Pulumi Cloud console${config.cancelOnAbort ? ' and cancel it there' : ''}.`
    )
    return undefined
  }
}

function cancelledBeforeCreate(runner: RunnerIO): undefined {
  runner.setFailed('The step was cancelled before a deployment was created; nothing was deployed.')
  return undefined
}

function announce({ config, runner }: CreateInput, created: CreateResult): void {
  const how = created.recovered ? ' (found after an interrupted create request)' : ''
  runner.notice(
    `Deployment ${created.version} of ${config.stackName} (${config.operation}) was created${how}: ${created.consoleUrl}`,
    'Pulumi Deployment'
  )
}
