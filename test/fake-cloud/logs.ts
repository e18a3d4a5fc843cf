// Deployment logs in both of the API's modes: streaming (continuation tokens) and per step (offsets).
import type { LogEntry, StepLogsResponse, StreamLogsResponse } from '../../src/pulumi/types.js'
import { ApiError } from './errors.js'
import { isPlainObject, type JsonObject } from './settings-merge.js'
import type { DeploymentRecord } from './state.js'
import { rfc3339, ZERO_TIME } from './views.js'

export interface LogContext {
  now: number
  consoleUrl: string
}

function refuseBeforeRun(deployment: DeploymentRecord, now: number): void {
  if (deployment.timeline.hasRun(now)) return
  const status = deployment.timeline.status(now)
  const why =
    status === 'not-started' || status === 'accepted'
      ? `it has not started running yet (status: ${status}); read the logs once its status is running`
      : `it ended (${status}) without running, so it has no logs`
  throw new ApiError(404, `Logs for deployment '${deployment.id}' are not available: ${why}.`)
}

/** Fills a line's placeholders: the names of this deployment, and environment variable values as echoed. */
function filler(deployment: DeploymentRecord, consoleUrl: string): (text: string) => string {
  const { org, project, stack } = deployment.stack
  const env = ((deployment.settings.operationContext as JsonObject | undefined)?.environmentVariables ??
    {}) as Record<string, unknown>
  const updateUrl =
    deployment.update.version > 0
      ? `${consoleUrl}/${org}/${project}/${stack}/updates/${deployment.update.version}`
      : `${consoleUrl}/${org}/${project}/${stack}/previews/${deployment.update.updateID}`
  const names: Record<string, string> = {
    stack: `${org}/${stack}`,
    org,
    project,
    stackName: stack,
    updateUrl
  }
  return text =>
    text.includes('{{')
      ? text.replace(/\{\{(env\.)?([A-Za-z0-9_]+)\}\}/g, (whole, isEnv: string | undefined, name: string) => {
          if (!isEnv) return names[name] ?? whole
          const value = env[name]
          if (typeof value === 'string') return value
          return isPlainObject(value) && typeof value.secret === 'string' ? value.secret : ''
        })
      : text
}

function parseToken(token: string | undefined): { step: number; offset: number } {
  if (token === undefined || token === '') return { step: 0, offset: 0 }
  const match = /^0\.(\d+)\.(\d+)$/.exec(token)
  if (!match) {
    throw new ApiError(
      400,
      `The continuation token '${token}' is not one this service issued; pass the nextToken of the previous response.`
    )
  }
  return { step: Number(match[1]), offset: Number(match[2]) }
}

/**
 * One page of the streaming log after the token's position. A position is a step and how many of its entries
 * (header first) were returned, so the same token always returns the same entries again. The token is left
 * out only once the deployment has ended and everything it logged has been returned.
 */
export function streamLogs(
  deployment: DeploymentRecord,
  ctx: LogContext,
  token: string | undefined,
  batchSize: number
): StreamLogsResponse {
  const { now } = ctx
  refuseBeforeRun(deployment, now)
  const timeline = deployment.timeline
  const fill = filler(deployment, ctx.consoleUrl)
  let { step, offset } = parseToken(token)
  const lines: LogEntry[] = []
  while (step < timeline.steps.length && lines.length < batchSize) {
    const state = timeline.step(step, now)
    if (state.status === 'not-started') break
    if (offset === 0) {
      lines.push({ header: deployment.scenario.steps[step]?.name ?? '', timestamp: ZERO_TIME })
      offset = 1
      continue
    }
    const end = Math.min(state.visible, offset - 1 + batchSize - lines.length)
    for (let line = offset - 1; line < end; line++) {
      lines.push({
        line: fill(timeline.lineText(step, line)),
        timestamp: rfc3339(timeline.lineTime(step, line))
      })
    }
    offset = Math.max(offset, end + 1)
    if (!state.finished || offset - 1 < state.visible) break
    step++
    offset = 0
  }
  const ended = timeline.endAt() !== undefined && now >= (timeline.endAt() as number)
  const drained = step >= timeline.steps.length || timeline.step(step, now).neverRuns
  const response: StreamLogsResponse = { __type: 'DeploymentLogs', lines }
  if (!(ended && drained)) response.nextToken = `0.${step}.${offset}`
  return response
}

function integerParam(query: Record<string, string>, name: string, fallback: number): number {
  const raw = query[name]
  if (raw === undefined) return fallback
  if (!/^-?\d+$/.test(raw))
    throw new ApiError(400, `The query parameter '${name}' must be an integer, got '${raw}'.`)
  return Number(raw)
}

/** One step's lines from an offset; `nextOffset` is left out once the step has ended and all was returned. */
export function stepLogs(
  deployment: DeploymentRecord,
  ctx: LogContext,
  query: Record<string, string>
): StepLogsResponse {
  const count = integerParam(query, 'count', 100)
  if (count < 1 || count > 499) {
    throw new ApiError(400, `Count must be less than 500 and more than 0; got ${count}.`)
  }
  const job = integerParam(query, 'job', 0)
  const step = integerParam(query, 'step', 0)
  const offset = integerParam(query, 'offset', 0)
  if (offset < 0) throw new ApiError(400, `The query parameter 'offset' must not be negative, got ${offset}.`)
  const { now } = ctx
  refuseBeforeRun(deployment, now)
  const timeline = deployment.timeline
  if (job !== 0)
    throw new ApiError(404, `Deployment '${deployment.id}' has no job ${job}; its only job is 0.`)
  if (step < 0 || step >= timeline.steps.length) {
    throw new ApiError(
      404,
      `Job 0 of deployment '${deployment.id}' has no step ${step}; steps are numbered from 0 to ${timeline.steps.length - 1}.`
    )
  }
  const fill = filler(deployment, ctx.consoleUrl)
  const state = timeline.step(step, now)
  const end = Math.min(state.visible, offset + count)
  const lines: { line: string; timestamp: string }[] = []
  for (let line = offset; line < end; line++) {
    lines.push({
      line: fill(timeline.lineText(step, line)),
      timestamp: rfc3339(timeline.lineTime(step, line))
    })
  }
  const response: StepLogsResponse = { __type: 'DeploymentLogsStep', lines }
  const next = Math.max(offset, end)
  if (!(state.finished && next >= state.visible)) response.nextOffset = next
  return response
}
