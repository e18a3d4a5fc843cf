import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PulumiCloudClient, systemClock, type Clock } from './cloud/client.js'
import { PulumiApiError } from './cloud/errors.js'
import {
  isTerminal,
  type CreateDeploymentRequest,
  type CreateDeploymentResponse,
  type Deployment
} from './cloud/types.js'
import { applyCommitPin, needsStackSettings, resolveCommitPin } from './commit-pin.js'
import { buildReport } from './deployment-report.js'
import { DeploymentFollower, type FollowOutcome } from './follow.js'
import { readEventContext, pullRequestToComment, type EventContext } from './github-context.js'
import { getInputs, InputError, type ActionConfig, type InputReader } from './inputs.js'
import { LogRenderer } from './log-renderer.js'
import { reportOutcome } from './outcome.js'
import { PrCommenter, createOctokitFactory, type OctokitFactory } from './pr-comment.js'
import { commentMarker, buildCommentBody } from './comment-body.js'
import { plainSecretLookingVariables, Redactor } from './secrets.js'
import { githubRunner, type RunnerIO } from './runner.js'
import { STATE } from './state.js'
import type { DeploymentReport } from './report.js'

export interface MainDeps {
  runner: RunnerIO
  env: NodeJS.ProcessEnv
  readInput?: InputReader
  clock: Clock
  /** Subscribes to the runner's cancel signals; returns the unsubscribe. */
  onAbortSignal: (handler: () => void) => () => void
  octokitFactory: (token: string, apiUrl: string) => OctokitFactory
}

export function processSignals(handler: () => void): () => void {
  const onSignal = (): void => handler()
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return () => {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

export const defaultMainDeps = (): MainDeps => ({
  runner: githubRunner,
  env: process.env,
  clock: systemClock,
  onAbortSignal: processSignals,
  octokitFactory: createOctokitFactory
})

/** How long a cancel request may take when the step is being stopped: the runner kills the process soon after. */
const CANCEL_BUDGET_MS = 4_000

/** The main step. Resolves `true` when the process should exit at once (the step was cancelled). */
export async function runMain(deps: MainDeps = defaultMainDeps()): Promise<boolean> {
  const { runner } = deps
  let config: ActionConfig
  try {
    config = getInputs(deps.readInput, deps.env)
  } catch (error) {
    if (error instanceof InputError) {
      runner.setFailed(error.message)
      return false
    }
    throw error
  }
  // Registered before anything else is printed: the runner masks these in every later log line.
  for (const secret of config.secrets) runner.setSecret(secret)
  const redactor = new Redactor(config.secrets)
  const plain = plainSecretLookingVariables(config.settings)
  if (plain.length > 0) {
    // Masked here all the same, but Pulumi Cloud stores a plain value in clear and shows it in its console.
    runner.warning(
      `The \`settings\` input passes ${plain.map(n => `\`${n}\``).join(', ')} as plain text; write ` +
        `\`${plain[0]}: {secret: ...}\` so Pulumi Cloud stores it encrypted and never shows it.`
    )
  }

  try {
    return await deploy(config, redactor, deps)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (error instanceof PulumiApiError || error instanceof InputError)
      runner.setFailed(redactor.redact(message))
    else {
      if (error instanceof Error && error.stack) runner.debug(redactor.redact(error.stack))
      runner.setFailed(redactor.redact(`The action stopped on an unexpected error: ${message}`))
    }
    return false
  }
}

async function deploy(config: ActionConfig, redactor: Redactor, deps: MainDeps): Promise<boolean> {
  const { runner, clock } = deps
  const started = clock.now()
  const ctx = readEventContext(deps.env)
  const client = new PulumiCloudClient({
    baseUrl: config.cloudUrl,
    token: config.token,
    clock,
    onRetry: r =>
      runner.debug(`Retrying ${r.method} ${r.path} in ${r.delayMs} ms (attempt ${r.attempt}): ${r.reason}`)
  })

  const abort = new AbortController()
  const unsubscribe = deps.onAbortSignal(() => {
    if (!abort.signal.aborted) runner.info('The step is being cancelled.')
    abort.abort()
  })
  try {
    const stackSettings = needsStackSettings(config.commit, config.settings, config.inheritSettings)
      ? await client.getSettings(config.stack, { signal: abort.signal })
      : undefined
    const pin = resolveCommitPin(config.commit, ctx, config.settings, stackSettings, config.inheritSettings)
    runner.info(pin.reason)
    const request: CreateDeploymentRequest = {
      ...applyCommitPin(config.settings, pin),
      operation: config.operation,
      inheritSettings: config.inheritSettings
    }
    if (abort.signal.aborted) {
      runner.setFailed('The step was cancelled before a deployment was created; nothing was deployed.')
      return true
    }
    const created = await client.createDeployment(config.stack, request, { signal: abort.signal })
    // Saved at once: if the runner kills this step, the post step finds the deployment to cancel.
    runner.saveState(STATE.deploymentId, created.id)
    runner.saveState(STATE.stack, config.stackName)
    runner.saveState(STATE.cancelOnAbort, String(config.cancelOnAbort))
    announce(config, created, runner)

    const commenter = makeCommenter(config, ctx, deps, runner)
    const base: Omit<DeploymentReport, 'status' | 'steps'> = {
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
    const progressComment = commenter?.upsert(
      redactor.redact(buildCommentBody({ ...base, status: 'not-started', steps: [] }))
    )

    if (!config.wait) {
      runner.setOutput('status', 'not-started')
      const report: DeploymentReport = { ...base, status: 'created', steps: [] }
      await progressComment
      return finish(config, report, undefined, deps, commenter, redactor, false)
    }

    const logPath = logFilePath(deps.env, created.id)
    const logFile = openLogFile(logPath)
    const renderer = new LogRenderer({
      write: chunk => runner.write(chunk),
      logFile,
      redact: s => redactor.redact(s),
      operation: config.operation
    })
    const follower = new DeploymentFollower(
      client,
      clock,
      { info: m => runner.info(m), warning: m => runner.warning(m), debug: m => runner.debug(m) },
      entries => renderer.push(entries),
      deployment => {
        // The end is said outside the last step's fold, where a reader looks for it.
        if (isTerminal(deployment.status)) renderer.close()
        describeStatus(deployment, runner)
      }
    )
    let outcome: FollowOutcome
    try {
      outcome = await follower.follow({
        stack: config.stack,
        deploymentId: created.id,
        pollIntervalMs: config.pollIntervalMs,
        deadline: config.timeoutMs === undefined ? undefined : started + config.timeoutMs,
        signal: abort.signal
      })
    } finally {
      renderer.close()
      await closeLogFile(logFile)
    }
    runner.setOutput('log-file', logPath)
    await progressComment

    let cancelled = false
    if (outcome.kind !== 'terminal')
      cancelled = await cancelIfWanted(config, client, created.id, outcome, runner)
    const report = buildReport({ base, outcome, renderer, cancelled, timeoutMs: config.timeoutMs })
    return finish(config, report, outcome.deployment, deps, commenter, redactor, outcome.kind === 'aborted')
  } finally {
    unsubscribe()
  }
}

function announce(config: ActionConfig, created: CreateDeploymentResponse, runner: RunnerIO): void {
  runner.setOutput('deployment-id', created.id)
  runner.setOutput('deployment-version', String(created.version))
  runner.setOutput('console-url', created.consoleUrl)
  runner.setOutput('status', 'not-started')
  const how =
    'recovered' in created && created.recovered ? ' (found after an interrupted create request)' : ''
  runner.notice(
    `Deployment ${created.version} of ${config.stackName} (${config.operation}) was created${how}: ${created.consoleUrl}`,
    'Pulumi Deployment'
  )
}

function describeStatus(deployment: Deployment, runner: RunnerIO): void {
  runner.setOutput('status', deployment.status)
  const text: Record<string, string> = {
    'not-started': 'is queued and has not started yet',
    accepted: 'was accepted and is waiting for a runner',
    running: 'is running',
    succeeded: 'succeeded',
    failed: 'failed',
    skipped: 'was skipped'
  }
  runner.info(`Deployment ${deployment.version} ${text[deployment.status] ?? `is ${deployment.status}`}.`)
}

async function cancelIfWanted(
  config: ActionConfig,
  client: PulumiCloudClient,
  id: string,
  outcome: FollowOutcome,
  runner: RunnerIO
): Promise<boolean> {
  const why = outcome.kind === 'aborted' ? 'The step was cancelled' : 'The wait timed out'
  if (!config.cancelOnAbort) {
    runner.warning(
      `${why}; the ${config.operation} deployment keeps running in Pulumi Cloud, because cancelling an operation ` +
        `that changes infrastructure can leave the stack inconsistent (set \`cancel-on-abort: true\` to cancel it).`
    )
    return false
  }
  try {
    await client.cancelDeployment(config.stack, id, { signal: AbortSignal.timeout(CANCEL_BUDGET_MS) })
    runner.saveState(STATE.handled, 'true')
    runner.info(`${why}; the deployment was cancelled.`)
    return true
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    runner.warning(`${why}, and cancelling the deployment did not succeed: ${message}`)
    return false
  }
}

function makeCommenter(
  config: ActionConfig,
  ctx: EventContext,
  deps: MainDeps,
  runner: RunnerIO
): PrCommenter | undefined {
  const issueNumber = pullRequestToComment(config, ctx)
  if (issueNumber === undefined || !ctx.repository) return undefined
  if (!config.githubToken) {
    runner.warning('No `github-token` was given, so the pull request is not commented on.')
    return undefined
  }
  const [owner = '', repo = ''] = ctx.repository.split('/')
  return new PrCommenter({
    octokit: deps.octokitFactory(config.githubToken, ctx.apiUrl),
    target: { owner, repo, issueNumber },
    marker: commentMarker(config.stackName, config.operation),
    edit: config.editPrComment,
    log: { info: m => runner.info(m), warning: m => runner.warning(m), debug: m => runner.debug(m) }
  })
}

async function finish(
  config: ActionConfig,
  report: DeploymentReport,
  deployment: Deployment | undefined,
  deps: MainDeps,
  commenter: PrCommenter | undefined,
  redactor: Redactor,
  aborted: boolean
): Promise<boolean> {
  await reportOutcome({ config, report, deployment, runner: deps.runner, commenter, redactor })
  deps.runner.saveState(STATE.handled, 'true')
  return aborted
}

function logFilePath(env: NodeJS.ProcessEnv, id: string): string {
  const dir = env.RUNNER_TEMP || tmpdir()
  mkdirSync(dir, { recursive: true })
  return join(dir, `pulumi-deployment-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}.log`)
}

function openLogFile(path: string): WriteStream {
  return createWriteStream(path, { encoding: 'utf8' })
}

function closeLogFile(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject)
    stream.end(() => resolve())
  })
}
