// The step's outputs: one table of their names (action.yml lists the same), and one writer, so each output is set
// in one place. `status` is the last status Pulumi Cloud reported, never the action's own word, with one exception:
// `left-running` when the step stopped following a running deployment without cancelling it, so that a workflow
// can never read that deployment's last `running` as still being watched, nor take it for cancelled.
import type { CreateDeploymentResponse, DeploymentStatus } from '../pulumi/types.js'
import { hasChanges } from '../deployment/changes.js'
import type { DeploymentReport } from '../report/model.js'
import { resultsJson, stackResult } from '../report/results.js'
import type { RunnerIO } from '../github/runner.js'
import type { StackOutputsResult } from '../deployment/stack-outputs.js'

export const OUTPUT = {
  deploymentId: 'deployment-id',
  deploymentVersion: 'deployment-version',
  consoleUrl: 'console-url',
  status: 'status',
  logFile: 'log-file',
  updateVersion: 'update-version',
  hasChanges: 'has-changes',
  driftDetected: 'drift-detected',
  changes: 'changes',
  results: 'results',
  outputs: 'outputs'
} as const

/** The values of the `status` output. */
export type StatusOutput = DeploymentStatus | 'left-running'

export class StepOutputs {
  private last: StatusOutput | undefined

  constructor(private readonly runner: RunnerIO) {}

  /** The last status, as the `status` output holds it. */
  get lastStatus(): StatusOutput | undefined {
    return this.last
  }

  created(created: CreateDeploymentResponse): void {
    this.runner.setOutput(OUTPUT.deploymentId, created.id)
    this.runner.setOutput(OUTPUT.deploymentVersion, String(created.version))
    this.runner.setOutput(OUTPUT.consoleUrl, created.consoleUrl)
    this.status('not-started')
  }

  /** The one place `status` is set; a status already set is not written again. */
  status(status: StatusOutput): void {
    if (status === this.last) return
    this.last = status
    this.runner.setOutput(OUTPUT.status, status)
  }

  logFile(path: string): void {
    this.runner.setOutput(OUTPUT.logFile, path)
  }

  /** What the report says: the update's version, the changes, and `results` (Pulumi Cloud's last status). */
  report(
    report: DeploymentReport,
    lastStatus: StatusOutput | undefined,
    stackOutputs?: StackOutputsResult
  ): void {
    if (report.updateVersion !== undefined)
      this.runner.setOutput(OUTPUT.updateVersion, String(report.updateVersion))
    if (report.changes) {
      this.runner.setOutput(OUTPUT.hasChanges, String(hasChanges(report.changes)))
      this.runner.setOutput(OUTPUT.changes, JSON.stringify(report.changes))
    }
    if (report.drift) this.runner.setOutput(OUTPUT.driftDetected, String(report.drift.detected))
    const outputs = stackOutputs && Object.fromEntries(stackOutputs.outputs.map(o => [o.name, o.value]))
    this.runner.setOutput(OUTPUT.results, resultsJson([stackResult(report, { lastStatus, outputs })]))
  }
}
