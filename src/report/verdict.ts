// How the step ends, given the report: succeed, warn or fail, with the sentence that says why.
import { describeChanges, hasChanges } from '../deployment/changes.js'
import type { ActionConfig } from '../config/inputs.js'
import type { DeploymentReport } from './model.js'
import { failureLead } from './annotations.js'

export type Verdict =
  | { kind: 'ok'; message: string }
  | { kind: 'warn'; message: string; title: string }
  | { kind: 'fail'; message: string; annotation?: string; title?: string }

export function judge(
  config: Pick<ActionConfig, 'operation' | 'stackName' | 'expectNoChanges' | 'failOnDrift'>,
  report: DeploymentReport
): Verdict {
  const what = `The ${config.operation} of ${config.stackName} (deployment ${report.version ?? '?'})`
  const drift = report.drift
  if (drift?.detected) {
    const where =
      drift.resources === undefined
        ? ''
        : ` in ${drift.resources} ${drift.resources === 1 ? 'resource' : 'resources'}`
    const fixed =
      config.operation === 'remediate-drift' && report.status === 'succeeded' ? ' and remediated' : ''
    const link = `See the drift run${drift.runId ? ` ${drift.runId}` : ''}: ${report.consoleUrl ?? 'the Pulumi console'}.`
    if (!config.failOnDrift) {
      return {
        kind: 'warn',
        title: 'Drift detected',
        message: `${what} found drift${where}${fixed}; \`fail-on-drift\` is false, so the step succeeds. ${link}`
      }
    }
    return { kind: 'fail', title: 'Drift detected', message: `${what} found drift${where}${fixed}. ${link}` }
  }
  if (drift && report.status === 'succeeded') return { kind: 'ok', message: `${what} found no drift.` }
  switch (report.status) {
    case 'succeeded':
      if (config.expectNoChanges && report.changes && hasChanges(report.changes)) {
        return {
          kind: 'fail',
          message: `${what} reported changes (${describeChanges(report.changes)}), and \`expect-no-changes\` is true.`
        }
      }
      // Fail closed: "no changes" must be read, not assumed from a summary that never came or a log cut short.
      if (config.expectNoChanges && !report.changes) {
        return {
          kind: 'fail',
          message:
            `${what} succeeded, but its changes could not be determined (Pulumi Cloud gave no change counts and the ` +
            'log had no complete `Resources:` summary), and `expect-no-changes` is true: see the deployment in the ' +
            'Pulumi console.'
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
        // The failing resource and its error first: that is what a reader needs; the step's lines follow.
        annotation:
          [failureLead(report), step ? `Step "${step.name}" failed. Its last lines:\n${tail}` : undefined]
            .filter(Boolean)
            .join('\n\n') || undefined,
        message: step
          ? `${what} failed in step "${step.name}". See the log above or ${report.consoleUrl ?? 'the Pulumi console'}.`
          : `${what} failed. See ${report.consoleUrl ?? 'the Pulumi console'}.`
      }
    }
    case 'unknown':
      return {
        kind: 'fail',
        message:
          `${what} ended with a status this action does not know, so whether it succeeded is unknown: see ` +
          `${report.consoleUrl ?? 'the Pulumi console'}.`
      }
    default:
      return {
        kind: 'fail',
        message: `${what} did not finish. ${report.message ?? `It ended as ${report.status}.`}`
      }
  }
}
