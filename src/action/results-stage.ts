// Reads what Pulumi Cloud holds about a finished deployment beyond its status: the operation's results (counts,
// changed resources, policy violations, errors) and, after an operation that wrote the stack's state, its outputs.
import type { ActionConfig } from '../config/inputs.js'
import type { FollowOutcome } from '../deployment/follow.js'
import { readOperationResults, type OperationResults } from '../deployment/results.js'
import { readStackOutputs, type StackOutputsResult } from '../deployment/stack-outputs.js'
import type { RunnerIO } from '../github/runner.js'
import type { PulumiCloudClient } from '../pulumi/client.js'

// The operations after whose success the stack's outputs are read (a destroy leaves none).
const WRITES_OUTPUTS = new Set(['update', 'refresh', 'remediate-drift'])

export interface ReadResults {
  operation?: OperationResults
  outputs?: StackOutputsResult
}

export async function readResults(input: {
  client: PulumiCloudClient
  config: ActionConfig
  deploymentId: string
  deploymentVersion: number
  outcome: FollowOutcome
  runner: RunnerIO
  signal?: AbortSignal
}): Promise<ReadResults> {
  const { client, config, outcome, runner, signal } = input
  const log = { warning: (m: string) => runner.warning(m), debug: (m: string) => runner.debug(m) }
  const deployment = outcome.deployment
  // A deployment that never ran made no update, and one still running is not read while it is left.
  if (outcome.kind !== 'terminal' || !deployment?.jobs?.length) return {}
  const what = `deployment ${input.deploymentVersion} of ${config.stackName}`
  const operation = await readOperationResults(client, config.stack, input.deploymentId, what, log, signal)
  if (!operation.changes)
    runner.debug(`Pulumi Cloud gave no change counts for ${what}; they come from its log.`)
  const outputs =
    deployment.status === 'succeeded' && WRITES_OUTPUTS.has(config.operation)
      ? await readStackOutputs(client, config.stack, config.stackName, config.showSecretOutputs, log, signal)
      : undefined
  return { operation, outputs }
}
