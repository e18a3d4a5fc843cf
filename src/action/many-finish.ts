// The end of a several-stack step: what was left running is cancelled as `cancel-on-abort` says, then one report
// (outputs, job summary, pull-request comment) for all the stacks, and the step's verdict: it fails when any
// stack's deployment failed, and `expect-no-changes` is judged for every stack on its own.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PulumiCloudClient } from '../pulumi/client.js'
import type { ActionConfig } from '../config/inputs.js'
import type { StackTarget } from '../config/stacks.js'
import type { Redactor } from '../config/redactor.js'
import type { FollowOutcome } from '../deployment/follow.js'
import type { LogDesk } from '../deployment/log-desk.js'
import type { LogRenderer } from '../deployment/log-renderer.js'
import { annotationsOf } from '../report/annotations.js'
import { buildReport } from '../report/build.js'
import { buildManyComment, buildManySummary, manyMarker } from '../report/many.js'
import type { DeploymentReport } from '../report/model.js'
import { combineResults, resultsJson, stackResult, type StackResult } from '../report/results.js'
import { judge } from '../report/verdict.js'
import { pullRequestToComment, type EventContext } from '../github/context.js'
import { PrCommenter, type OctokitFactory } from '../github/pr-comment.js'
import type { RunnerIO } from '../github/runner.js'
import { cancelIfWanted, type CancelResult } from './cancellation.js'
import type { Created } from './create-phase.js'
import { OUTPUT } from './outputs.js'
import type { ReadResults } from './results-stage.js'
import type { RunContext } from './run-context.js'
import { maskStackOutputs } from './stack-outputs.js'
import { STATE } from './state.js'
import type { GitHubDeployments } from '../github/deployments.js'
import { recordEnd, type DeploymentRecord } from './github-records.js'

/** One stack of the run, and what became of it. */
export interface Member {
  target: StackTarget
  config: ActionConfig
  created?: Created
  renderer?: LogRenderer
  outcome?: FollowOutcome
  results?: ReadResults
  /** Why it was never created, when that was the action's choice. */
  notRun?: string
  /** Why its create failed. */
  createError?: string
  cancel?: CancelResult
  /** Its GitHub deployment (`github-environment`). */
  record?: DeploymentRecord
}

export interface ManyReporting {
  ctx: EventContext
  commenter?: PrCommenter
  progressComment: Promise<unknown>
}

export function openManyReport(
  run: RunContext,
  members: readonly Member[],
  input: { ctx: EventContext; octokitFactory: (token: string, apiUrl: string) => OctokitFactory }
): ManyReporting {
  const { config, runner, redactor } = run
  const { ctx } = input
  const issueNumber = pullRequestToComment(config, ctx)
  let commenter: PrCommenter | undefined
  if (issueNumber !== undefined && ctx.repository && !config.githubToken)
    runner.warning('No `github-token` was given, so the pull request is not commented on.')
  else if (issueNumber !== undefined && ctx.repository) {
    const [owner = '', repo = ''] = ctx.repository.split('/')
    commenter = new PrCommenter({
      octokit: input.octokitFactory(config.githubToken, ctx.apiUrl),
      target: { owner, repo, issueNumber },
      marker: manyMarker(
        members.map(m => m.target.name),
        config.operation
      ),
      edit: config.editPrComment,
      log: { info: m => runner.info(m), warning: m => runner.warning(m), debug: m => runner.debug(m) }
    })
  }
  const queued = members.map((m): DeploymentReport => ({
    stack: m.target.name,
    operation: config.operation,
    status: 'not-started',
    steps: []
  }))
  const progressComment = Promise.resolve(commenter?.upsert(redactor.redact(buildManyComment(queued))))
  return { ctx, commenter, progressComment }
}

export interface FinishManyInput {
  /** Without the request budget: a cancel must not wait its turn behind log pages. */
  client: PulumiCloudClient
  desk: LogDesk
  dir: string
  records?: GitHubDeployments
}

/** Resolves `true` when the process should exit at once (the step was cancelled). */
export async function finishMany(
  run: RunContext,
  reporting: ManyReporting,
  members: Member[],
  input: FinishManyInput
): Promise<boolean> {
  await Promise.all(members.map(m => cancelUnfinished(run, m, input.client)))
  const reports = members.map(m => reportOf(run, m, reporting.ctx))
  await run.stop.within(
    reporting.progressComment.then(() => publish(run, reporting, members, reports, input)),
    run.runner
  )
  const handled = members.every(
    m => !m.created || !m.outcome || m.outcome.kind === 'terminal' || m.cancel !== 'failed'
  )
  if (handled) run.runner.saveState(STATE.handled, 'true')
  return run.stop.requested
}

/** A deployment still queued or running when the step stopped is cancelled, or left alone, per `cancel-on-abort`. */
async function cancelUnfinished(run: RunContext, m: Member, client: PulumiCloudClient): Promise<void> {
  const outcome = m.outcome
  if (!m.created || !outcome || outcome.kind === 'terminal') return
  // Said with the stack's name; and `handled` is the whole run's to say, not one stack's.
  const name = m.target.name
  const runner: RunnerIO = Object.assign(Object.create(run.runner) as RunnerIO, {
    info: (text: string) => run.runner.info(`${name}: ${text}`),
    warning: (text: string) => run.runner.warning(`${name}: ${text}`),
    saveState: (key: string, value: string) => {
      if (key !== STATE.handled) run.runner.saveState(key, value)
    }
  })
  m.cancel = await cancelIfWanted(
    m.config,
    client,
    m.created.deployment.id,
    m.created.deployment.consoleUrl,
    outcome,
    runner,
    run.stop
  )
}

function reportOf(run: RunContext, m: Member, ctx: EventContext): DeploymentReport {
  const { config } = run
  const created = m.created
  if (!created) {
    const message =
      m.createError ?? m.notRun ?? 'Not run: the step was cancelled before its deployment was created.'
    return {
      stack: m.target.name,
      operation: config.operation,
      status: 'not-run',
      steps: [],
      message,
      runUrl: ctx.runUrl
    }
  }
  const { deployment, pin } = created
  const base = {
    stack: m.target.name,
    operation: config.operation,
    deploymentId: deployment.id,
    version: deployment.version,
    consoleUrl: deployment.consoleUrl,
    commit: pin.commit,
    commitUrl:
      pin.commit && ctx.repository ? `${ctx.serverUrl}/${ctx.repository}/commit/${pin.commit}` : undefined,
    runUrl: ctx.runUrl
  }
  if (!m.outcome || !m.renderer) return { ...base, status: 'created', steps: [] }
  const report = buildReport({
    base,
    outcome: m.outcome,
    renderer: m.renderer,
    cancelled: m.cancel === 'cancelled',
    ended: m.cancel === 'ended',
    timeoutMs: config.timeoutMs,
    results: m.results?.operation,
    drift: m.results?.drift
  })
  if (m.outcome.kind !== 'terminal' && m.cancel === 'ended') {
    const why = m.outcome.kind === 'aborted' ? 'The step was cancelled' : 'The wait timed out'
    report.message = `${why} after the deployment had already ended, so there was nothing to cancel; see its result in the Pulumi console.`
  }
  if (m.results?.outputs) report.outputs = maskStackOutputs(m.results.outputs, run.runner)
  return report
}

async function publish(
  run: RunContext,
  reporting: ManyReporting,
  members: Member[],
  reports: DeploymentReport[],
  input: FinishManyInput
): Promise<void> {
  const { config, runner } = run
  const revealed = members.flatMap(m => m.results?.outputs?.revealed ?? [])
  // Never shown in a report, but kept out of every text all the same.
  const redactor = revealed.length > 0 ? run.redactor.with(revealed) : run.redactor
  const files = input.desk.files()
  const results: StackResult[] = members.map((m, i) =>
    stackResult(reports[i] as DeploymentReport, {
      lastStatus: m.outcome?.deployment?.status,
      logFile: files.get(m.target.name),
      outputs: m.results?.outputs && Object.fromEntries(m.results.outputs.outputs.map(o => [o.name, o.value]))
    })
  )
  const combined = combineResults(results)
  runner.setOutput(OUTPUT.status, combined.status)
  if (combined.hasChanges !== undefined) runner.setOutput(OUTPUT.hasChanges, String(combined.hasChanges))
  if (combined.changes) runner.setOutput(OUTPUT.changes, JSON.stringify(combined.changes))
  runner.setOutput(OUTPUT.results, resultsJson(results))
  if (files.size > 0) runner.setOutput(OUTPUT.logFile, joinLogs(members, files, input.dir))

  if (config.commentOnSummary && !(await runner.appendSummary(redactor.redact(buildManySummary(reports)))))
    runner.debug('The runner gave no job summary file (GITHUB_STEP_SUMMARY); no summary was written.')
  if (reporting.commenter) await reporting.commenter.upsert(redactor.redact(buildManyComment(reports)))
  const records = input.records
  if (records) {
    await Promise.all(
      members.map((m, i) =>
        recordEnd(records, m.record, m.config, reports[i] as DeploymentReport, m.results?.outputs)
      )
    )
    await records.settled()
  }
  for (const report of reports) {
    for (const note of annotationsOf(report)) {
      const text = redactor.redact(note.message)
      if (note.level === 'error') runner.error(text, `${note.title} (${report.stack})`)
      else runner.warning(text, `${note.title} (${report.stack})`)
    }
  }
  judgeAll(run, members, reports, redactor)
}

function judgeAll(run: RunContext, members: Member[], reports: DeploymentReport[], redactor: Redactor): void {
  const { config, runner } = run
  const failed: string[] = []
  members.forEach((m, i) => {
    const report = reports[i] as DeploymentReport
    if (report.status === 'not-run') {
      if (m.createError || !m.notRun) failed.push(m.target.name)
      else runner.info(`${m.target.name}: ${m.notRun}`)
      return
    }
    const verdict = judge(m.config, report)
    if (verdict.kind === 'fail') {
      failed.push(m.target.name)
      const text = verdict.annotation ? `${verdict.message}\n\n${verdict.annotation}` : verdict.message
      runner.error(
        redactor.redact(text),
        verdict.title ? `${verdict.title} (${m.target.name})` : m.target.name
      )
    } else if (verdict.kind === 'warn') runner.warning(redactor.redact(verdict.message), verdict.title)
    else runner.info(verdict.message)
  })
  if (failed.length === 0) {
    runner.info(`The ${config.operation} of all ${members.length} stacks succeeded.`)
    return
  }
  runner.setFailed(
    redactor.redact(
      `The ${config.operation} did not succeed for ${failed.length} of ${members.length} stacks: ` +
        `${failed.join(', ')}. Each one's error is annotated above, and the job summary has the details.`
    )
  )
}

/** Every stack's log, one after the other in the listed order, in one file: the `log-file` output. */
function joinLogs(members: Member[], files: Map<string, string>, dir: string): string {
  const first = members.find(m => m.created)?.created?.deployment.id ?? 'run'
  const path = join(dir, `pulumi-deployments-${first.replace(/[^A-Za-z0-9_.-]/g, '_')}-all.log`)
  writeFileSync(path, '')
  for (const m of members) {
    const file = files.get(m.target.name)
    if (!file) continue
    appendFileSync(path, `##### ${m.target.name} (deployment ${m.created?.deployment.version}) #####\n`)
    appendFileSync(path, readFileSync(file))
  }
  return path
}
