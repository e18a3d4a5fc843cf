import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PulumiCloudClient, systemClock, type ClientOptions, type Clock } from '../pulumi/client.js'
import type { CreateResult } from '../pulumi/create.js'
import { AmbiguousCreateError, PulumiApiError } from '../pulumi/errors.js'
import {
  isTerminal,
  type CreateDeploymentRequest,
  type CreateDeploymentResponse,
  type Deployment,
  type DeploymentSettings
} from '../pulumi/types.js'
import { applyCommitPin, needsStackSettings, resolveCommitPin } from '../github/commit-pin.js'
import type { FollowOutcome } from '../deployment/follow.js'
import { readEventContext, pullRequestToComment, type EventContext } from '../github/context.js'
import { readInputs, InputError, type ActionConfig, type InputReader } from '../config/inputs.js'
import { PrCommenter, createOctokitFactory, type OctokitFactory } from '../github/pr-comment.js'
import { plainSecretLookingVariables, Redactor } from '../config/secrets.js'
import { githubRunner, type RunnerIO } from '../github/runner.js'
import { STATE } from './state.js'
import { Cancellation, cancelIfWanted } from './cancellation.js'
import { IdTokenError, runnerIdToken, type IdTokenSource } from '../github/oidc.js'
import { logIn } from './login.js'
import type { DeploymentReport } from '../report/model.js'

/** Loaded once a deployment exists (see deployment-stage.ts). */
type Stage = typeof import('./deployment-stage.js')

export interface MainDeps {
  runner: RunnerIO
  env: NodeJS.ProcessEnv
  readInput?: InputReader
  clock: Clock
  /** Subscribes to the runner's cancel signals; returns the unsubscribe. */
  onAbortSignal: (handler: () => void) => () => void
  octokitFactory: (token: string, apiUrl: string) => OctokitFactory
  /** The job's GitHub OIDC token, for `oidc-token-type`. */
  idToken?: IdTokenSource
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

/** A create request already sent when the step is cancelled may answer this long: its answer says what to cancel. */
const CREATE_GRACE_MS = 2_000

/** The main step. Resolves `true` when the process should exit at once (the step was cancelled). */
export async function runMain(deps: MainDeps = defaultMainDeps()): Promise<boolean> {
  const { runner } = deps
  let config: ActionConfig
  try {
    config = await readInputs(deps.readInput, deps.env)
  } catch (error) {
    if (error instanceof InputError) {
      runner.setFailed(error.message)
      return false
    }
    throw error
  }
  if (config.stacks.length > 1) {
    runner.setFailed(
      `The \`stack\` input names ${config.stacks.length} stacks, but this version of the action deploys one ` +
        'stack per step: give one stack, or use a matrix with one step per stack.'
    )
    return false
  }
  // Registered before anything else is printed: the runner masks these in every later log line.
  for (const secret of config.secrets) runner.setSecret(secret)
  try {
    config = await logIn(config, {
      runner,
      idToken: deps.idToken ?? runnerIdToken,
      exchanger: new PulumiCloudClient({ baseUrl: config.cloudUrl, token: '', clock: deps.clock })
    })
  } catch (error) {
    if (!(error instanceof IdTokenError || error instanceof PulumiApiError)) throw error
    runner.setFailed(new Redactor(config.secrets).redact(error.message))
    return false
  }
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
    if (
      error instanceof PulumiApiError ||
      error instanceof InputError ||
      error instanceof AmbiguousCreateError
    )
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
  // Test-only, set by the end-to-end suites: a backoff base shorter than 1 s keeps runs under injected faults fast.
  const retryBaseMs = Number(deps.env.PULUMI_DEPLOYMENTS_ACTION_RETRY_BASE_MS || NaN)
  const clientOptions: ClientOptions = {
    baseUrl: config.cloudUrl,
    token: config.token,
    clock,
    retry: Number.isInteger(retryBaseMs) && retryBaseMs >= 0 ? { baseDelayMs: retryBaseMs } : undefined,
    onRetry: r =>
      runner.debug(`Retrying ${r.method} ${r.path} in ${r.delayMs} ms (attempt ${r.attempt}): ${r.reason}`),
    onWarning: sayOnce(text => runner.warning(redactor.redact(`Pulumi Cloud warns: ${text}`), 'Pulumi Cloud'))
  }
  const client = new PulumiCloudClient(clientOptions)

  const stop = new Cancellation(clock)
  const unsubscribe = deps.onAbortSignal(() => {
    if (!stop.requested) runner.info('The step is being cancelled.')
    stop.cancel()
  })
  const cancelledBeforeCreate = (): boolean => {
    runner.setFailed('The step was cancelled before a deployment was created; nothing was deployed.')
    return true
  }
  try {
    let stackSettings: DeploymentSettings | undefined
    try {
      stackSettings = needsStackSettings(config.commit, config.settings, config.inheritSettings)
        ? await client.getSettings(config.stack, { signal: stop.signal })
        : undefined
    } catch (error) {
      if (stop.requested) return cancelledBeforeCreate()
      throw error
    }
    const pin = resolveCommitPin(config.commit, ctx, config.settings, stackSettings, config.inheritSettings)
    runner.info(pin.reason)
    const request: CreateDeploymentRequest = {
      ...applyCommitPin(config.settings, pin),
      operation: config.operation,
      inheritSettings: config.inheritSettings
    }
    if (stop.requested) return cancelledBeforeCreate()
    // A create already sent when the signal comes is let finish, so that the deployment it made is known (and
    // cancelled if cancel-on-abort says so) instead of left behind unseen; but it is never sent again.
    const createClient = new PulumiCloudClient({ ...clientOptions, clock: stop.retriesStop(clock) })
    let created: CreateResult
    try {
      created = await createClient.createDeployment(config.stack, request, {
        signal: stop.after(CREATE_GRACE_MS)
      })
    } catch (error) {
      if (!stop.requested) throw error
      runner.setFailed(
        `The step was cancelled while the ${config.operation} deployment of ${config.stackName} was being ` +
          `created, and Pulumi Cloud did not answer in time: it may have created it all the same. Check the ` +
          `stack's deployments in the Pulumi Cloud console${config.cancelOnAbort ? ' and cancel it there' : ''}.`
      )
      return true
    }
    // Saved at once: if the runner kills this step, the post step finds the deployment to cancel.
    runner.saveState(STATE.deploymentId, created.id)
    runner.saveState(STATE.stack, config.stackName)
    runner.saveState(STATE.cancelOnAbort, String(config.cancelOnAbort))
    announce(config, created, runner)
    // Following and reporting are loaded only now: none of that code may delay the first request.
    const stage = await import('./deployment-stage.js')

    const commenter = makeCommenter(config, ctx, deps, runner, stage)
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
    const progressComment = Promise.resolve(
      commenter?.upsert(
        redactor.redact(stage.buildCommentBody({ ...base, status: 'not-started', steps: [] }))
      )
    )

    if (!config.wait) {
      runner.setOutput('status', 'not-started')
      const report: DeploymentReport = { ...base, status: 'created', steps: [] }
      await stop.within(
        progressComment.then(() => finish(stage, config, report, undefined, deps, commenter, redactor, true)),
        runner
      )
      return stop.requested
    }

    const logPath = logFilePath(deps.env, created.id)
    const logFile = openLogFile(logPath)
    const renderer = new stage.LogRenderer({
      write: chunk => runner.write(chunk),
      logFile,
      redact: s => redactor.redact(s),
      operation: config.operation
    })
    const follower = new stage.DeploymentFollower(
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
        signal: stop.signal
      })
    } finally {
      renderer.close()
      await closeLogFile(logFile)
    }
    runner.setOutput('log-file', logPath)

    // Cancelling comes first: a slow pull-request comment must not hold up the cancel of a deployment.
    const ending =
      outcome.kind === 'terminal'
        ? 'ended'
        : await cancelIfWanted(config, client, created.id, outcome, runner, stop)
    const cancelled = ending === 'cancelled'
    const report = stage.buildReport({ base, outcome, renderer, cancelled, timeoutMs: config.timeoutMs })
    if (outcome.kind !== 'terminal' && ending === 'ended') {
      const why = outcome.kind === 'aborted' ? 'The step was cancelled' : 'The wait timed out'
      report.message = `${why} after the deployment had already ended, so there was nothing to cancel; see its result in the Pulumi console.`
    }
    // A cancel that did not go through is left to the post step, which tries again.
    const handled = ending !== 'failed'
    await stop.within(
      progressComment.then(() =>
        finish(stage, config, report, outcome.deployment, deps, commenter, redactor, handled)
      ),
      runner
    )
    return stop.requested
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

function makeCommenter(
  config: ActionConfig,
  ctx: EventContext,
  deps: MainDeps,
  runner: RunnerIO,
  stage: Stage
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
    marker: stage.commentMarker(config.stackName, config.operation),
    edit: config.editPrComment,
    log: { info: m => runner.info(m), warning: m => runner.warning(m), debug: m => runner.debug(m) }
  })
}

async function finish(
  stage: Stage,
  config: ActionConfig,
  report: DeploymentReport,
  deployment: Deployment | undefined,
  deps: MainDeps,
  commenter: PrCommenter | undefined,
  redactor: Redactor,
  handled: boolean
): Promise<void> {
  await stage.reportOutcome({ config, report, deployment, runner: deps.runner, commenter, redactor })
  if (handled) deps.runner.saveState(STATE.handled, 'true')
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

/** One sink for the warnings of every client of the run, so the same text is said once. */
function sayOnce(say: (text: string) => void): (text: string) => void {
  const said = new Set<string>()
  return text => {
    if (said.has(text)) return
    said.add(text)
    say(text)
  }
}
