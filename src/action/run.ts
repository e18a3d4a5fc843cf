// The main step, read top-down: inputs → create → follow → finish. Each phase lives in its own module; this one
// only sequences them and turns an error into one sentence on the step.
import { PulumiCloudClient, systemClock, type ClientOptions, type Clock } from '../pulumi/client.js'
import { AmbiguousCreateError, PulumiApiError } from '../pulumi/errors.js'
import type { FollowOutcome } from '../deployment/follow.js'
import { readEventContext } from '../github/context.js'
import { readInputs, InputError, type ActionConfig, type InputReader } from '../config/inputs.js'
import { createOctokitFactory, type OctokitFactory } from '../github/pr-comment.js'
import { plainSecretLookingVariables } from '../config/secrets.js'
import { Redactor } from '../config/redactor.js'
import { cleartextWarning } from '../config/url.js'
import { githubRunner, type RunnerIO } from '../github/runner.js'
import { IdTokenError, runnerIdToken, type IdTokenSource } from '../github/oidc.js'
import { Cancellation, cancelIfWanted, type CancelResult } from './cancellation.js'
import { createPhase } from './create-phase.js'
import { logIn } from './login.js'
import { StepOutputs } from './outputs.js'
import type { RunContext } from './run-context.js'
import type { GitHubDeployments } from '../github/deployments.js'
import type { DeploymentRecord } from './github-records.js'
import type { Reporting } from './finish.js'

export interface MainDeps {
  runner: RunnerIO
  env: NodeJS.ProcessEnv
  /** Defaults to the runner's inputs. */
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

/** The main step. Resolves `true` when the process should exit at once (the step was cancelled). */
export async function runMain(deps: MainDeps = defaultMainDeps()): Promise<boolean> {
  const { runner } = deps
  let config: ActionConfig
  try {
    config = await readInputs(deps.readInput ?? (name => runner.getInput(name)), deps.env)
  } catch (error) {
    if (error instanceof InputError) {
      runner.setFailed(error.message)
      return false
    }
    throw error
  }
  // Registered before anything else is printed: the runner masks these in every later log line.
  for (const secret of config.secrets) runner.setSecret(secret)
  const cleartext = cleartextWarning(config.cloudUrl)
  if (cleartext) runner.warning(cleartext, 'Unencrypted Pulumi Cloud URL')
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
  const clientOptions = clientOptionsFor(config, redactor, deps)
  const client = new PulumiCloudClient(clientOptions)
  const stop = new Cancellation(clock)
  const unsubscribe = deps.onAbortSignal(() => {
    if (!stop.requested) runner.info('The step is being cancelled.')
    stop.cancel()
  })
  try {
    const run: RunContext = { config, runner, redactor, outputs: new StepOutputs(runner), stop }
    if (config.stacks.length > 1) {
      // Several stacks have their own flow, loaded only when asked for.
      const { deployMany } = await import('./many.js')
      return await deployMany(run, {
        ctx,
        clientOptions,
        clock,
        env: deps.env,
        octokitFactory: deps.octokitFactory,
        started
      })
    }
    const created = await createPhase({ ...run, ctx, client, clientOptions })
    if (!created) return true
    // Following and reporting are loaded only now: none of that code may delay the first request.
    const stage = await import('./deployment-stage.js')
    const { deployment, pin } = created
    const reporting = stage.openReport(run, {
      created: deployment,
      pin,
      ctx,
      octokitFactory: deps.octokitFactory
    })
    const records = stage.openGitHubRecords(config, runner, ctx, deps.octokitFactory)
    const github = records && { records, record: stage.recordCreated(records, config, created, ctx) }
    try {
      return await followAndReport(run, stage, reporting, {
        client,
        clock,
        env: deps.env,
        started,
        deployment,
        github
      })
    } catch (error) {
      // Once the deployment exists, an error still ends in a report: the comment must not be left saying
      // "queued", and the summary is written; the error itself then fails the step.
      if (!reporting.finished) await stage.finishAfterError(run, reporting, error)
      throw error
    }
  } finally {
    unsubscribe()
  }
}

interface FollowDeps {
  client: PulumiCloudClient
  clock: Clock
  env: NodeJS.ProcessEnv
  started: number
  deployment: { id: string; version: number; consoleUrl: string }
  github?: { records: GitHubDeployments; record?: DeploymentRecord }
}

async function followAndReport(
  run: RunContext,
  stage: typeof import('./deployment-stage.js'),
  reporting: Reporting,
  { client, clock, env, started, deployment, github }: FollowDeps
): Promise<boolean> {
  const { config, stop } = run
  if (!config.wait) {
    const report = { ...reporting.base, status: 'created' as const, steps: [] }
    await stage.finish(run, reporting, { report, handled: true, github })
    return stop.requested
  }

  const { outcome, renderer } = await stage.followPhase(run, {
    api: client,
    clock,
    env,
    deploymentId: deployment.id,
    started,
    onPause: (status, pausedFor) => stage.showProgress(run, reporting, status, pausedFor),
    onStatus: d => {
      if (github?.record && d.status === 'running') void github.records.status(github.record, 'in_progress')
    }
  })
  // Cancelling comes first: a slow pull-request comment must not hold up the cancel of a deployment.
  const ending = await endFollowing(run, client, deployment, outcome)
  const results = await stage.readResults({
    client,
    config,
    deploymentId: deployment.id,
    deploymentVersion: deployment.version,
    outcome,
    runner: run.runner,
    signal: stop.signal
  })
  const report = stage.buildReport({
    base: reporting.base,
    outcome,
    renderer,
    cancelled: ending === 'cancelled',
    ended: ending === 'ended',
    timeoutMs: config.timeoutMs,
    results: results.operation,
    drift: results.drift
  })
  if (outcome.kind !== 'terminal' && ending === 'ended') {
    const why = outcome.kind === 'aborted' ? 'The step was cancelled' : 'The wait timed out'
    report.message = `${why} after the deployment had already ended, so there was nothing to cancel; see its result in the Pulumi console.`
  }
  // A cancel that did not go through is left to the post step, which tries again.
  await stage.finish(run, reporting, {
    report,
    deployment: outcome.deployment,
    handled: ending !== 'failed',
    stackOutputs: results.outputs,
    github
  })
  return stop.requested
}

/** A deployment that did not end while followed is cancelled, or left alone, as `cancel-on-abort` says. */
async function endFollowing(
  run: RunContext,
  client: PulumiCloudClient,
  deployment: { id: string; consoleUrl: string },
  outcome: FollowOutcome
): Promise<CancelResult> {
  if (outcome.kind === 'terminal') return 'ended'
  const { id, consoleUrl } = deployment
  return cancelIfWanted(run.config, client, id, consoleUrl, outcome, run.runner, run.stop)
}

function clientOptionsFor(
  config: ActionConfig,
  redactor: Redactor,
  deps: MainDeps
): ClientOptions & { clock: Clock } {
  const { runner, clock } = deps
  return {
    baseUrl: config.cloudUrl,
    token: config.token,
    clock,
    redact: text => redactor.redact(text),
    onRetry: r =>
      runner.debug(`Retrying ${r.method} ${r.path} in ${r.delayMs} ms (attempt ${r.attempt}): ${r.reason}`),
    onWarning: sayOnce(text =>
      runner.warning(redactor.redact(`Pulumi Cloud warns: ${text}`), 'Pulumi Cloud')
    ),
    onNotice: text => runner.notice(redactor.redact(text), 'Pulumi Deployment')
  }
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
