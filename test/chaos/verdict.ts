// Whether a chaos run ended as it must. A run either completes (the right status and exit code, every log line
// once and in order, exactly one deployment) or gives up, which is right only when the record shows that one call
// really failed on every attempt the client makes.
import { DEFAULT_RETRY } from '../../src/pulumi/retry.js'
import type { EndpointName, RecordedRequest } from '../fake-cloud/index.js'
import { commands } from '../harness/run-action.js'
import { expectedLogLines, printedLogLines, type PrintedLine } from './log-lines.js'
import type { ChaosRun } from './run.js'

export interface Verdict {
  outcome: 'completed' | 'gave up'
  /** What went wrong, one sentence each; empty when the run ended as it must. */
  problems: string[]
  gaveUpOn?: EndpointName
  /** The create's answer was lost, and the action found the deployment it had made. */
  recoveredCreate: boolean
  logLines: number
}

// The calls the action does not survive past the client's retries, by the words its errors use for them.
const CALLS: [RegExp, EndpointName][] = [
  [/to read the deployment settings\b/, 'getSettings'],
  [/to create an? [a-z-]+ deployment\b/, 'createDeployment'],
  [/to list the deployments\b/, 'listStackDeployments'],
  [/to read the deployment\b/, 'getDeployment']
]

export function judge(run: ChaosRun): Verdict {
  const { result } = run
  const errors = commands(result.stdout, 'error')
  const problems: string[] = []
  const recoveredCreate = /found after an interrupted create request/.test(result.stdout)
  if (result.stderr !== '') problems.push(`The action wrote to stderr: ${result.stderr.slice(0, 300)}`)
  if (/\n\s+at \S/.test(result.stdout + result.stderr)) problems.push('The action printed a stack trace.')
  if (/unexpected error/.test(result.stdout)) problems.push('The action stopped on an unexpected error.')
  if (run.deployments.length > 1) problems.push(`The run created ${run.deployments.length} deployments.`)

  const giveUp = claimedGiveUp(errors)
  if (result.code === 1 && giveUp) {
    problems.push(...checkGiveUp(run, errors, giveUp))
    return { outcome: 'gave up', problems, gaveUpOn: giveUp.endpoint, recoveredCreate, logLines: 0 }
  }
  const expected = expectedLogLines(run.plan.scenario)
  problems.push(...checkCompleted(run, errors), ...compareLogs(expected, printedLogLines(result.stdout)))
  return { outcome: 'completed', problems, recoveredCreate, logLines: expected.length }
}

function checkCompleted(run: ChaosRun, errors: string[]): string[] {
  const { plan, result } = run
  const problems: string[] = []
  const wantCode = plan.result === 'failed' ? 1 : 0
  if (result.code !== wantCode) problems.push(`The action exited ${result.code}, not ${wantCode}.`)
  if (result.outputs.status !== plan.result)
    problems.push(`The status output is ${result.outputs.status}, not ${plan.result}.`)
  const [only] = run.deployments
  if (run.deployments.length === 0) problems.push('The run made no deployment.')
  else if (run.deployments.length === 1 && result.outputs['deployment-id'] !== only?.id)
    problems.push(
      `The deployment-id output ${result.outputs['deployment-id']} is not the deployment ${only?.id}.`
    )
  const failedStep = plan.scenario.steps.find(s => s.status === 'failed')?.name
  if (plan.result === 'failed' && !errors.some(e => e.includes(`"${failedStep}"`)))
    problems.push(`No error names the failed step "${failedStep}": ${errors.join(' | ')}`)
  if (plan.result !== 'failed' && errors.length > 0) problems.push(`Unexpected errors: ${errors.join(' | ')}`)
  if (plan.result === 'skipped' && !commands(result.stdout, 'warning').some(w => /was skipped/.test(w)))
    problems.push('No warning says the deployment was skipped.')
  return problems
}

function compareLogs(expected: PrintedLine[], printed: PrintedLine[]): string[] {
  const at = expected.findIndex((line, i) => printed[i]?.step !== line.step || printed[i]?.text !== line.text)
  if (at === -1 && printed.length === expected.length) return []
  const index = at === -1 ? expected.length : at
  return [
    `The log printed ${printed.length} lines where the scenario has ${expected.length}; they first differ at ` +
      `line ${index}: expected ${JSON.stringify(expected[index])}, printed ${JSON.stringify(printed[index])}.`
  ]
}

interface GiveUp {
  endpoint: EndpointName
  attempts: number
}

/** The call the action says it gave up on, from its one error, when that error says so. */
function claimedGiveUp(errors: string[]): GiveUp | undefined {
  const [error] = errors
  const attempts = /\((\d+) attempts\)/.exec(error ?? '')
  if (errors.length !== 1 || !error || !attempts) return undefined
  // An unconfirmed create quotes the error of the look-up that failed: the call named last is the one given up on.
  const named = CALLS.map(([words, endpoint]) => ({ endpoint, at: lastMatch(error, words) }))
    .filter(c => c.at >= 0)
    .sort(
      (a, b) =>
        b.at - a.at || CALLS.findIndex(c => c[1] === a.endpoint) - CALLS.findIndex(c => c[1] === b.endpoint)
    )
  const endpoint = named[0]?.endpoint
  return endpoint ? { endpoint, attempts: Number(attempts[1]) } : undefined
}

function lastMatch(text: string, words: RegExp): number {
  let last = -1
  for (const match of text.matchAll(new RegExp(words.source, 'g'))) last = match.index
  return last
}

function checkGiveUp(run: ChaosRun, errors: string[], giveUp: GiveUp): string[] {
  const problems: string[] = []
  const error = errors[0] ?? ''
  if (!/^[A-Z].*\.$/s.test(error) || !error.includes('acme/web/dev'))
    problems.push(`The error is not a sentence naming the stack: ${error}`)
  if (giveUp.attempts !== DEFAULT_RETRY.maxAttempts)
    problems.push(`The action gave up after ${giveUp.attempts} attempts, not ${DEFAULT_RETRY.maxAttempts}.`)
  const failedInARow = trailingFailures(run.requests, giveUp.endpoint)
  if (failedInARow < giveUp.attempts)
    problems.push(
      `The action gave up on ${giveUp.endpoint} after ${giveUp.attempts} attempts, but only the last ` +
        `${failedInARow} requests to it failed.`
    )
  if (run.requests.some(r => r.endpoint === 'streamLogs'))
    problems.push('The action gave up while following the deployment, which it must never do.')
  if (['getSettings', 'createDeployment'].includes(giveUp.endpoint) && run.deployments.length > 0)
    problems.push(`The action gave up on ${giveUp.endpoint}, yet a deployment was made.`)
  return problems
}

/** How many of the last requests to `endpoint` failed one after the other (a slow answer is not a failure). */
export function trailingFailures(requests: RecordedRequest[], endpoint: EndpointName): number {
  let count = 0
  for (const r of requests.filter(q => q.endpoint === endpoint).reverse()) {
    if (r.fault === undefined || r.fault === 'slow') break
    count++
  }
  return count
}
