// The follow phase: the deployment's log streamed into the workflow log (and the `log-file`), its status changes
// said as they come, until it ends, the wait times out or the step is cancelled.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Clock } from '../pulumi/client.js'
import { isTerminal, type Deployment, type DeploymentStatus } from '../pulumi/types.js'
import { DeploymentFollower, type FollowApi, type FollowOutcome } from '../deployment/follow.js'
import { LogRenderer } from '../deployment/log-renderer.js'
import type { RunContext } from './run-context.js'

export interface Followed {
  outcome: FollowOutcome
  /** What was printed of the log, for the report. */
  renderer: LogRenderer
}

export interface FollowInput {
  api: FollowApi
  clock: Clock
  env: NodeJS.ProcessEnv
  deploymentId: string
  /** When the step started, on `clock`: the `timeout` counts from then. */
  started: number
  /** Told the status when deployments are found paused (and where), and again when they resume. */
  onPause?: (status: DeploymentStatus, pausedFor: string | undefined) => void
  /** Told each status the deployment reaches, after the step has said it. */
  onStatus?: (deployment: Deployment) => void
}

export async function followPhase(run: RunContext, input: FollowInput): Promise<Followed> {
  const { config, runner, redactor } = run
  const logPath = logFilePath(input.env, input.deploymentId)
  const logFile = createWriteStream(logPath, { encoding: 'utf8' })
  const renderer = new LogRenderer({
    sink: {
      write: lines => runner.write(lines),
      startGroup: title => runner.startGroup(title),
      endGroup: () => runner.endGroup()
    },
    logFile,
    redact: s => redactor.redact(s),
    operation: config.operation
  })
  let status: DeploymentStatus = 'not-started'
  const follower = new DeploymentFollower(
    input.api,
    input.clock,
    { info: m => runner.info(m), warning: m => runner.warning(m), debug: m => runner.debug(m) },
    // The next page is read once this one has gone out, to the workflow log and to the file: a log arriving
    // faster than either takes it would otherwise wait in memory, page after page.
    async entries => {
      renderer.push(entries)
      await Promise.all([runner.written?.(), drained(logFile)])
    },
    deployment => {
      // The end is said outside the last step's fold, where a reader looks for it.
      if (isTerminal(deployment.status)) renderer.close()
      status = deployment.status
      describeStatus(run, deployment)
      input.onStatus?.(deployment)
    }
  )
  let outcome: FollowOutcome
  try {
    outcome = await follower.follow({
      stack: config.stack,
      deploymentId: input.deploymentId,
      pollIntervalMs: config.pollIntervalMs,
      deadline: config.timeoutMs === undefined ? undefined : input.started + config.timeoutMs,
      signal: run.stop.signal,
      onPause: where => input.onPause?.(status, where)
    })
  } finally {
    renderer.close()
    await closeLogFile(logFile)
  }
  run.outputs.logFile(logPath)
  return { outcome, renderer }
}

const STATUS_TEXT: Record<Deployment['status'], string> = {
  unknown: 'has a status this action does not know',
  'not-started': 'is queued and has not started yet',
  accepted: 'was accepted and is waiting for a runner',
  running: 'is running',
  succeeded: 'succeeded',
  failed: 'failed',
  skipped: 'was skipped'
}

function describeStatus(run: RunContext, deployment: Deployment): void {
  run.outputs.status(deployment.status)
  const text = STATUS_TEXT[deployment.status]
  run.runner.info(`Deployment ${deployment.version} ${text}.`)
}

function logFilePath(env: NodeJS.ProcessEnv, id: string): string {
  const dir = env.RUNNER_TEMP || tmpdir()
  mkdirSync(dir, { recursive: true })
  return join(dir, `pulumi-deployment-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}.log`)
}

/** Resolves once the file has taken what it was given (at once when its buffer is not full). */
function drained(stream: WriteStream): Promise<void> {
  if (!stream.writableNeedDrain) return Promise.resolve()
  return new Promise(resolve => {
    const done = (): void => {
      stream.off('drain', done)
      stream.off('error', done)
      resolve()
    }
    stream.on('drain', done)
    // A failing file must not stall the follow; closing it reports the error.
    stream.on('error', done)
  })
}

function closeLogFile(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject)
    stream.end(() => resolve())
  })
}
