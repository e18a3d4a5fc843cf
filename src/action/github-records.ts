// The step's side of GitHub's deployment records (`github-environment`): which operations are recorded, which
// environment and commit each stack's record names, and which state and URL its end gives it.
import { environmentName } from '../config/fleet-inputs.js'
import type { ActionConfig } from '../config/inputs.js'
import type { EventContext } from '../github/context.js'
import {
  GitHubDeployments,
  type DeploymentRecord,
  type GitHubDeploymentState
} from '../github/deployments.js'
import type { OctokitFactory } from '../github/pr-comment.js'
import type { RunnerIO } from '../github/runner.js'
import type { StackOutputsResult } from '../deployment/stack-outputs.js'
import type { DeploymentReport } from '../report/model.js'
import { safeUrl } from '../report/markup.js'
import type { Created } from './create-phase.js'

export type { DeploymentRecord } from '../github/deployments.js'

// A preview or a drift check changes nothing, so it is no deployment of an environment.
const RECORDED = new Set(['update', 'destroy', 'refresh', 'remediate-drift'])

export function openGitHubRecords(
  config: ActionConfig,
  runner: RunnerIO,
  ctx: EventContext,
  octokitFactory: (token: string, apiUrl: string) => OctokitFactory
): GitHubDeployments | undefined {
  if (config.githubEnvironment === '' || !RECORDED.has(config.operation)) return undefined
  if (!ctx.repository) {
    runner.warning(
      'GITHUB_REPOSITORY is not set, so no GitHub deployment is recorded (`github-environment`).'
    )
    return undefined
  }
  if (!config.githubToken) {
    runner.warning('No `github-token` was given, so no GitHub deployment is recorded (`github-environment`).')
    return undefined
  }
  const [owner = '', repo = ''] = ctx.repository.split('/')
  return new GitHubDeployments({
    octokit: octokitFactory(config.githubToken, ctx.apiUrl),
    owner,
    repo,
    runUrl: ctx.runUrl,
    log: { warning: m => runner.warning(m), debug: m => runner.debug(m) }
  })
}

/** Records a stack's deployment once Pulumi Cloud has it: on the commit it runs, or else the event's. */
export function recordCreated(
  records: GitHubDeployments,
  config: ActionConfig,
  created: Created,
  ctx: EventContext
): DeploymentRecord | undefined {
  const ref = created.pin.commit ?? ctx.sha ?? ctx.ref
  if (!ref) return undefined
  return records.start({
    stack: config.stackName,
    environment: environmentName(config.githubEnvironment, config.stack),
    ref,
    description: `Pulumi ${config.operation} of ${config.stackName} (deployment ${created.deployment.version})`
  })
}

/** What a stack's end makes of its record. */
export function finalState(report: DeploymentReport): GitHubDeploymentState | undefined {
  switch (report.status) {
    case 'succeeded':
      return 'success'
    case 'failed':
      return 'failure'
    case 'skipped':
    case 'not-run':
      return 'inactive'
    case 'timed-out':
    case 'cancelled':
      return 'error'
    default:
      // Not waited for: the action never saw its end.
      return undefined
  }
}

/** The stack output named by `environment-url-output` when it is a plain http(s) URL; else the console page. */
export function environmentUrl(
  config: ActionConfig,
  report: DeploymentReport,
  outputs: StackOutputsResult | undefined
): string | undefined {
  if (config.environmentUrlOutput !== '') {
    const output = outputs?.outputs.find(o => o.name === config.environmentUrlOutput)
    // A secret never leaves for GitHub, even as a link.
    if (output && !output.secret && typeof output.value === 'string' && safeUrl(output.value))
      return output.value
  }
  return safeUrl(report.consoleUrl) ? report.consoleUrl : undefined
}

export async function recordEnd(
  records: GitHubDeployments,
  record: DeploymentRecord | undefined,
  config: ActionConfig,
  report: DeploymentReport,
  outputs: StackOutputsResult | undefined
): Promise<void> {
  const state = record && finalState(report)
  if (!record || !state) return
  await records.status(record, state, {
    environmentUrl: environmentUrl(config, report, outputs),
    description: `Pulumi ${config.operation} ${state === 'success' ? 'succeeded' : `ended as ${report.status}`}`
  })
}
