// What the operation did, read from Pulumi Cloud's structured data once the deployment has ended: exact counts from
// the deployment's update, the changed resources, policy violations and errors from its engine events. Whatever
// cannot be read is said in a warning and left out; it never fails the step.
import type { PulumiCloudClient } from '../pulumi/client.js'
import type { DeploymentUpdateInfo } from '../pulumi/stack-results.js'
import type { StackRef } from '../pulumi/types.js'
import type { ChangeSummary } from './changes.js'
import { EngineEventReducer, type EngineResults } from './resource-changes.js'

export type ResultsApi = Pick<PulumiCloudClient, 'getDeploymentUpdates' | 'getEngineEvents'>

export interface ResultsLog {
  warning(message: string): void
  debug(message: string): void
}

export interface OperationResults {
  /** The update (or preview) the deployment's Pulumi operation made, when it made one. */
  update?: DeploymentUpdateInfo
  /** Exact counts from the update's `resourceChanges`. */
  changes?: ChangeSummary
  /** Undefined when the events could not be read. */
  engine?: EngineResults
}

// An update with more pages than this is read no further: the report says it is incomplete.
const MAX_PAGES = 2_000

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function changeSummaryOf(changes: Map<string, number>): ChangeSummary {
  return Object.fromEntries(changes)
}

export async function readOperationResults(
  api: ResultsApi,
  stack: StackRef,
  deploymentId: string,
  what: string,
  log: ResultsLog,
  signal?: AbortSignal
): Promise<OperationResults> {
  let update: DeploymentUpdateInfo | undefined
  try {
    update = (await api.getDeploymentUpdates(stack, deploymentId, { signal })).at(-1)
  } catch (error) {
    if (signal?.aborted) return {}
    log.warning(
      `The results of ${what} could not be read from Pulumi Cloud (${reason(error)}); the report takes its change ` +
        `counts from the log instead.`
    )
    return {}
  }
  if (!update) {
    log.debug(`${what} made no stack update, so it has no engine events to read.`)
    return {}
  }
  const changes = update.resourceChanges ? changeSummaryOf(update.resourceChanges) : undefined
  const reducer = new EngineEventReducer()
  let token: string | undefined
  const seen = new Set<string>()
  try {
    for (let page = 0; ; page++) {
      if (page >= MAX_PAGES) throw new Error(`it has more than ${MAX_PAGES} pages of events`)
      const answer = await api.getEngineEvents(stack, update.updateID, token, { signal })
      reducer.feed(answer.events)
      if (answer.invalid > 0)
        log.debug(`${answer.invalid} engine events of ${what} were not valid and were skipped.`)
      token = answer.continuationToken
      if (token === undefined) break
      // A service that hands back a token it already gave would page forever.
      if (seen.has(token)) throw new Error('Pulumi Cloud returned the same continuation token twice')
      seen.add(token)
    }
  } catch (error) {
    if (signal?.aborted) return { update, changes }
    log.warning(
      `The changed resources of ${what} could not be read from Pulumi Cloud's engine events (${reason(error)}); ` +
        `the report shows the change counts only.`
    )
    return { update, changes }
  }
  const engine = reducer.result()
  return {
    update,
    changes: changes ?? (engine.summaryChanges && changeSummaryOf(engine.summaryChanges)),
    engine
  }
}
