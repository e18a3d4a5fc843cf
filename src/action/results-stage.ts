// Reads what Pulumi Cloud holds about a finished deployment beyond its status: the operation's results (counts,
// changed resources, policy violations, errors) and, after an operation that wrote the stack's state, its outputs.
import type { ActionConfig } from '../config/inputs.js'
import type { FollowOutcome } from '../deployment/follow.js'
import { readOperationResults, type OperationResults } from '../deployment/results.js'
import { readStackOutputs, type StackOutputsResult } from '../deployment/stack-outputs.js'
import type { RunnerIO } from '../github/runner.js'
import type { PulumiCloudClient } from '../pulumi/client.js'
import type { DriftRun } from '../pulumi/drift.js'

// The operations after whose success the stack's outputs are read (a destroy leaves none).
const WRITES_OUTPUTS = new Set(['update', 'refresh', 'remediate-drift'])

export interface ReadResults {
  operation?: OperationResults
  outputs?: StackOutputsResult
  /** For a drift check that ended: its drift run, when Pulumi Cloud listed it (see buildReport). */
  drift?: { run?: DriftRun }
}

const DRIFT_OPERATIONS = new Set(['detect-drift', 'remediate-drift'])

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
  const ended =
    outcome.kind === 'terminal' && (deployment?.status === 'succeeded' || deployment?.status === 'failed')
  const drift = ended && DRIFT_OPERATIONS.has(config.operation) ? await readDriftRun(input, log) : undefined
  // A deployment that never ran made no update, and one still running is not read while it is left.
  if (outcome.kind !== 'terminal' || !deployment?.jobs?.length) return { drift }
  const what = `deployment ${input.deploymentVersion} of ${config.stackName}`
  const operation = await readOperationResults(client, config.stack, input.deploymentId, what, log, signal)
  if (!operation.changes)
    runner.debug(`Pulumi Cloud gave no change counts for ${what}; they come from its log.`)
  const outputs =
    deployment.status === 'succeeded' && WRITES_OUTPUTS.has(config.operation)
      ? await readStackOutputs(client, config.stack, config.stackName, config.showSecretOutputs, log, signal)
      : undefined
  return { operation, outputs, drift }
}

// A drift check that found drift ends `failed` like one that broke; Pulumi Cloud's drift run tells them apart. When
// it cannot be read, the refresh's change counts decide (see buildReport).
async function readDriftRun(
  input: { client: PulumiCloudClient; config: ActionConfig; deploymentId: string; signal?: AbortSignal },
  log: { debug(m: string): void }
): Promise<{ run?: DriftRun }> {
  try {
    const runs = await input.client.listDriftRuns(input.config.stack, { signal: input.signal })
    return { run: runs.find(r => r.deploymentId === input.deploymentId) }
  } catch (error) {
    if (input.signal?.aborted) throw error
    log.debug(
      `The drift runs of ${input.config.stackName} could not be read (${(error as Error).message}); drift is ` +
        "judged from the refresh's change counts."
    )
    return {}
  }
}
