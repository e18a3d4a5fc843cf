import type { Deployment } from '../pulumi/types.js'
import { describeChanges, hasChanges } from '../deployment/changes.js'
import { buildCommentBody } from '../report/comment-body.js'
import type { ActionConfig } from '../config/inputs.js'
import type { PrCommenter } from '../github/pr-comment.js'
import type { DeploymentReport } from '../report/model.js'
import type { RunnerIO } from '../github/runner.js'
import type { Redactor } from '../config/secrets.js'
import { buildSummary } from '../report/summary.js'
import { resultsJson, stackResult } from '../report/results.js'

export interface OutcomeInput {
  config: ActionConfig
  report: DeploymentReport
  deployment: Deployment | undefined
  runner: RunnerIO
  commenter: PrCommenter | undefined
  redactor: Redactor
}

/** Writes the outputs, the job summary and the pull-request comment, then says how the step ends. */
export async function reportOutcome(input: OutcomeInput): Promise<void> {
  const { config, report, deployment, runner, commenter, redactor } = input
  // The `status` output is the last status Pulumi Cloud reported, never one of this action's own words.
  if (deployment) runner.setOutput('status', deployment.status)
  if (report.updateVersion !== undefined) runner.setOutput('update-version', String(report.updateVersion))
  if (report.changes) {
    runner.setOutput('has-changes', String(hasChanges(report.changes)))
    runner.setOutput('changes', JSON.stringify(report.changes))
  }
  runner.setOutput('results', resultsJson([stackResult(report, { lastStatus: deployment?.status })]))

  if (config.commentOnSummary) {
    if (!runner.appendSummary(redactor.redact(buildSummary(report)))) {
      runner.debug('The runner gave no job summary file (GITHUB_STEP_SUMMARY); no summary was written.')
    }
  }
  if (commenter) await commenter.upsert(redactor.redact(buildCommentBody(report)))

  const verdict = judge(config, report)
  if (verdict.kind === 'fail') {
    if (verdict.annotation) runner.error(redactor.redact(verdict.annotation), verdict.title)
    runner.setFailed(redactor.redact(verdict.message))
  } else if (verdict.kind === 'warn') runner.warning(redactor.redact(verdict.message), verdict.title)
  else runner.info(verdict.message)
}

type Verdict =
  | { kind: 'ok'; message: string }
  | { kind: 'warn'; message: string; title: string }
  | { kind: 'fail'; message: string; annotation?: string; title?: string }

function judge(config: ActionConfig, report: DeploymentReport): Verdict {
  const what = `The ${config.operation} of ${config.stackName} (deployment ${report.version ?? '?'})`
  switch (report.status) {
    case 'succeeded':
      if (config.expectNoChanges && report.changes && hasChanges(report.changes)) {
        return {
          kind: 'fail',
          message: `${what} reported changes (${describeChanges(report.changes)}), and \`expect-no-changes\` is true.`
        }
      }
      return { kind: 'ok', message: `${what} succeeded.` }
    case 'created':
      return { kind: 'ok', message: `${what} was created; not waiting for it (\`wait: false\`).` }
    case 'skipped':
      return {
        kind: 'warn',
        title: 'Deployment skipped',
        message:
          `${what} was skipped by Pulumi Cloud without running: a newer deployment superseded it, or it waited ` +
          `in the queue too long. Nothing was changed.`
      }
    case 'failed': {
      const step = report.failedStep
      const tail = step?.lastLines.slice(-10).join('\n')
      return {
        kind: 'fail',
        title: step ? `Deployment step failed: ${step.name}` : 'Deployment failed',
        annotation: step ? `Step "${step.name}" failed. Its last lines:\n${tail}` : undefined,
        message: step
          ? `${what} failed in step "${step.name}". See the log above or ${report.consoleUrl ?? 'the Pulumi console'}.`
          : `${what} failed. See ${report.consoleUrl ?? 'the Pulumi console'}.`
      }
    }
    default:
      return {
        kind: 'fail',
        message: `${what} did not finish. ${report.message ?? `It ended as ${report.status}.`}`
      }
  }
}
