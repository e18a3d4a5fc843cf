// The finish phase: the outputs, the job summary and the pull-request comment, then the step's verdict. The
// comment is opened as soon as the deployment exists, so a reviewer sees it in progress.
import type { CreateResult } from '../pulumi/create.js'
import { isTerminal, type Deployment } from '../pulumi/types.js'
import { buildCommentBody, commentMarker } from '../report/comment-body.js'
import type { DeploymentReport } from '../report/model.js'
import { buildSummary } from '../report/summary.js'
import { judge } from '../report/verdict.js'
import { annotationsOf } from '../report/annotations.js'
import type { StackOutputsResult } from '../deployment/stack-outputs.js'
import type { Redactor } from '../config/redactor.js'
import { redactReport } from '../report/redact-report.js'
import { publishStackOutputs } from './stack-outputs.js'
import type { CommitPin } from '../github/commit-pin.js'
import { pullRequestToComment, type EventContext } from '../github/context.js'
import { PrCommenter, type OctokitFactory } from '../github/pr-comment.js'
import type { RunContext } from './run-context.js'
import type { GitHubDeployments } from '../github/deployments.js'
import { recordEnd, type DeploymentRecord } from './github-records.js'
import { STATE } from './state.js'

/** The report's parts known once the deployment exists. */
export type ReportBase = Omit<DeploymentReport, 'status' | 'steps'>

export interface Reporting {
  base: ReportBase
  /** Set once the finish phase has started, so an error after it does not report twice. */
  finished?: boolean
  commenter: PrCommenter | undefined
  /** The "in progress" comment; the final one is written after it. */
  progressComment: Promise<unknown>
}

export interface OpenReportInput {
  created: CreateResult
  pin: CommitPin
  ctx: EventContext
  octokitFactory: (token: string, apiUrl: string) => OctokitFactory
}

export function openReport(run: RunContext, input: OpenReportInput): Reporting {
  const { config, redactor } = run
  const { created, pin, ctx } = input
  const base: ReportBase = {
    stack: config.stackName,
    operation: config.operation,
    deploymentId: created.id,
    version: created.version,
    consoleUrl: created.consoleUrl,
    commit: pin.commit,
    commitUrl:
      pin.commit && ctx.repository ? `${ctx.serverUrl}/${ctx.repository}/commit/${pin.commit}` : undefined,
    runUrl: ctx.runUrl
  }
  const commenter = makeCommenter(run, input)
  const progressComment = Promise.resolve(
    commenter?.upsert(commentText({ ...base, status: 'not-started', steps: [] }, config, redactor))
  )
  return { base, commenter, progressComment }
}

/**
 * Rewrites the in-progress comment, so its heading stays current while the deployment waits for a pause to end,
 * and once it has. Written after the comment before it, and awaited by `finish`.
 */
export function showProgress(
  run: RunContext,
  reporting: Reporting,
  status: Deployment['status'],
  pausedFor: string | undefined
): void {
  const { commenter } = reporting
  if (!commenter) return
  const message = pausedFor
    ? `Deployments are paused for ${pausedFor}, so the deployment waits in the queue until they are resumed.`
    : undefined
  const body = commentText({ ...reporting.base, status, steps: [], message }, run.config, run.redactor)
  reporting.progressComment = reporting.progressComment.then(() => commenter.upsert(body))
}

export interface FinishInput {
  report: DeploymentReport
  /** The deployment as last read; absent when it was not waited for. */
  deployment?: Deployment
  /** Whether the deployment's end was dealt with, so the post step has nothing left to do. */
  handled: boolean
  /** Read after an operation that wrote the stack's state; decrypted secrets are masked before anything is set. */
  stackOutputs?: StackOutputsResult
  /** The step's failure is said by the caller (an error after the deployment was made): no verdict here. */
  noVerdict?: boolean
  /** The GitHub deployment recording this one (`github-environment`). */
  github?: { records: GitHubDeployments; record?: DeploymentRecord }
}

/**
 * The report of a deployment the action stopped following on an error: its last known status if that was an end,
 * else unknown, and what went wrong. The outputs, the summary and the comment are written as after any run.
 */
export async function finishAfterError(run: RunContext, reporting: Reporting, error: unknown): Promise<void> {
  const last = run.outputs.lastStatus
  const why = error instanceof Error && error.name !== 'Error' ? error.message : 'an unexpected error'
  const report: DeploymentReport = {
    ...reporting.base,
    status: last !== undefined && last !== 'left-running' && isTerminal(last) ? last : 'unknown',
    steps: [],
    message:
      `The action stopped following the deployment on an error (${why}); its last known status was ` +
      `${last ?? 'not-started'}: see the Pulumi console for its result.`
  }
  try {
    await finish(run, reporting, { report, handled: false, noVerdict: true })
  } catch (reportError) {
    run.runner.debug(`The report after the error could not be written: ${String(reportError)}`)
  }
}

/** Waits for the progress comment, then reports; once the step is cancelled, only for as long as it may. */
export async function finish(run: RunContext, reporting: Reporting, input: FinishInput): Promise<void> {
  reporting.finished = true
  await run.stop.within(
    reporting.progressComment.then(() => reportOutcome(run, reporting.commenter, input)),
    run.runner
  )
}

async function reportOutcome(
  run: RunContext,
  commenter: PrCommenter | undefined,
  { report, deployment, handled, stackOutputs, noVerdict, github }: FinishInput
): Promise<void> {
  const { config, runner, outputs } = run
  let redactor = run.redactor
  if (stackOutputs) {
    report.outputs = publishStackOutputs(stackOutputs, runner)
    // Never shown in a report, but kept out of every text all the same.
    redactor = redactor.with(stackOutputs.revealed)
  }
  const status = report.status === 'left-running' ? 'left-running' : deployment?.status
  if (status) outputs.status(status)
  // Set after publishStackOutputs above: any decrypted value in it is masked by then.
  outputs.report(report, status, stackOutputs)
  if (config.commentOnSummary) {
    const summary = buildSummary(redactReport(report, text => redactor.redact(text)))
    if (!(await runner.appendSummary(redactor.redact(summary)))) {
      runner.debug('The runner gave no job summary file (GITHUB_STEP_SUMMARY); no summary was written.')
    }
  }
  if (commenter) await commenter.upsert(commentText(report, config, redactor))
  if (github) {
    await recordEnd(github.records, github.record, config, report, stackOutputs)
    await github.records.settled()
  }

  // A few annotations from the engine's findings, the most severe first; the failure's own comes below.
  for (const note of annotationsOf(report)) {
    const text = redactor.redact(note.message)
    const title = redactor.redact(note.title)
    if (note.level === 'error') runner.error(text, title)
    else runner.warning(text, title)
  }
  if (noVerdict) return
  const verdict = judge(config, report)
  if (verdict.kind === 'fail') {
    if (verdict.annotation) runner.error(redactor.redact(verdict.annotation), verdict.title)
    runner.setFailed(redactor.redact(verdict.message))
  } else if (verdict.kind === 'warn') runner.warning(redactor.redact(verdict.message), verdict.title)
  else runner.info(verdict.message)
  if (handled) runner.saveState(STATE.handled, 'true')
}

function makeCommenter(run: RunContext, { ctx, octokitFactory }: OpenReportInput): PrCommenter | undefined {
  const { config, runner } = run
  const issueNumber = pullRequestToComment(config, ctx)
  if (issueNumber === undefined || !ctx.repository) return undefined
  if (!config.githubToken) {
    runner.warning('No `github-token` was given, so the pull request is not commented on.')
    return undefined
  }
  const [owner = '', repo = ''] = ctx.repository.split('/')
  return new PrCommenter({
    octokit: octokitFactory(config.githubToken, ctx.apiUrl),
    target: { owner, repo, issueNumber },
    marker: commentMarker(config.stackName, config.operation),
    edit: config.editPrComment,
    log: { info: m => runner.info(m), warning: m => runner.warning(m), debug: m => runner.debug(m) }
  })
}

/**
 * The comment as posted: built from the redacted report, redacted once more as a whole, and headed by the marker
 * as the config names it, never redacted, so a secret equal to `pulumi` or to the stack's name cannot make the
 * next run miss its own comment.
 */
function commentText(report: DeploymentReport, config: RunContext['config'], redactor: Redactor): string {
  const body = buildCommentBody(redactReport(report, text => redactor.redact(text)))
  const rest = body.slice(body.indexOf('\n') + 1)
  return `${commentMarker(config.stackName, config.operation)}\n${redactor.redact(rest)}`
}
