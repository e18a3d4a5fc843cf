// Runs the built action (dist/index.js) the way a GitHub runner does: `node dist/index.js` with INPUT_* variables
// (every input of action.yml, defaults included) and the GITHUB_* files, then reads back what it left in them.
// Every run is scanned for leaked secrets (see secret-scan.ts); a leak fails the test through the jest setup file.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import {
  ACTION_NODE,
  DIST,
  actionInputs,
  createRunnerFiles,
  readCommandFile,
  runnerEnvironment
} from './runner-files.js'
import { GitHubRecorder, type GitHubWrite, type RecordedRoute } from './github-recorder.js'
import { onHarnessTeardown, trackRun } from './run-registry.js'
import { findLeaks, secretsOfRun, type Leak, type Place } from './secret-scan.js'
import { IdTokenEndpoint, type IdTokenRoute } from './id-token-endpoint.js'
import { issuedAccessTokens } from '../fake-cloud/oidc.js'
import type { FakeGitHubOidc } from '../fake-github/oidc.js'

export type { Leak } from './secret-scan.js'

export { ROOT, DIST, readCommandFile } from './runner-files.js'

export interface GitHubEvent {
  name: string
  payload: Record<string, unknown>
}

/** A `pull_request` event for pull request `number` of `repository`, its head at `headSha`. */
export function pullRequestEvent(number: number, headSha: string, repository = 'acme/infra'): GitHubEvent {
  return {
    name: 'pull_request',
    payload: { number, pull_request: { number, head: { sha: headSha, repo: { full_name: repository } } } }
  }
}

export interface RunActionOptions {
  inputs: Record<string, string>
  /** Extra environment (e.g. PULUMI_ACCESS_TOKEN, GITHUB_SHA); nothing of the test process's environment leaks in. */
  env?: Record<string, string>
  event?: GitHubEvent
  repository?: string
  sha?: string
  githubApiUrl?: string
  githubToken?: string
  /** Run as the post step, with this state left by a main step. */
  post?: { state: Record<string, string> }
  /** Kill the process if it has not ended by then (a failsafe; tests assert on exit codes, not time). */
  killAfterMs?: number
  /** More values to treat as secret, beyond those the harness finds in the inputs, settings and environment. */
  secrets?: string[]
  /**
   * The job has `permissions: id-token: write`: the runner's ID-token endpoint is set, and this issuer signs the
   * tokens it gives. Without it, the job has no OIDC token, as on GitHub.
   */
  idTokens?: FakeGitHubOidc
  /** The test inspects `leaks` itself (a test of the scan): a leak in this run does not fail the test. */
  expectLeaks?: boolean
  /** Keep at most this many characters of standard output (the rest is read and dropped): a gigabyte of log does
   * not fit in one string. */
  keepStdout?: number
}

export interface ActionResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  dir: string
  /** `performance.now()` when the process exited, to measure how long it took to stop. */
  exitedAt: number
  /** What the run sent to GitHub with a body (comment creations and edits), when `githubApiUrl` was given. */
  githubWrites: GitHubWrite[]
  /** The audiences the run asked the ID-token endpoint for (with `idTokens`). */
  idTokenAudiences: string[]
  /** Secrets found outside `::add-mask::` lines; must be empty (checked after each test unless `expectLeaks`). */
  leaks: Leak[]
}

export interface ActionRun {
  child: ChildProcess
  /** Resolves when stdout has contained `text` (for driving signals at the right moment). */
  waitForOutput(text: string | RegExp): Promise<void>
  readonly stdout: string
  result: Promise<ActionResult>
}

// One per test file, started when the harness is loaded: a run must be spawned synchronously (tests and the
// benchmark use `child` at once), so the pass-through to the fake GitHub has to be listening before.
const githubRecorder = await GitHubRecorder.start()
onHarnessTeardown(() => githubRecorder.close())
const idTokenEndpoint = await IdTokenEndpoint.start()
onHarnessTeardown(() => idTokenEndpoint.close())

export function startAction(o: RunActionOptions): ActionRun {
  const files = createRunnerFiles('action-run-')
  const { dir } = files
  const event = o.event ?? { name: 'push', payload: {} }
  const github: RecordedRoute | undefined = o.githubApiUrl ? githubRecorder.route(o.githubApiUrl) : undefined
  const idTokens: IdTokenRoute | undefined = o.idTokens ? idTokenEndpoint.route(o.idTokens) : undefined
  const inputs: Record<string, string> = {}
  for (const spec of actionInputs()) {
    inputs[spec.name] =
      spec.name in o.inputs
        ? (o.inputs[spec.name] ?? '')
        : defaultOf(spec.default, o.githubToken ?? 'ghs_harness_token')
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_WORKSPACE: dir,
    ...runnerEnvironment({
      files,
      event,
      github: {
        repository: o.repository ?? 'acme/infra',
        sha: o.sha ?? 'c0ffee0000000000000000000000000000000001',
        apiUrl: github?.url ?? 'http://127.0.0.1:9',
        runId: '4242'
      },
      inputs,
      postState: o.post?.state
    }),
    ...idTokens?.env,
    ...o.env
  }
  const secretsKnownAtStart = { inputs, env: { ...idTokens?.env, ...o.env }, declared: o.secrets ?? [] }

  const child = spawn(ACTION_NODE, [DIST], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let exitedAt = Number.NaN
  const waiters: Array<{ text: string | RegExp; resolve: () => void }> = []
  const check = (): void => {
    for (const w of [...waiters]) {
      if (typeof w.text === 'string' ? stdout.includes(w.text) : w.text.test(stdout)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve()
      }
    }
  }
  const keep = o.keepStdout ?? Number.POSITIVE_INFINITY
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    if (stdout.length < keep) stdout += d.slice(0, keep - stdout.length)
    check()
  })
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  child.on('exit', () => (exitedAt = performance.now()))
  const killer = setTimeout(() => child.kill('SIGKILL'), o.killAfterMs ?? 60_000)

  const result = new Promise<ActionResult>(done => {
    child.on('close', (code, signal) => {
      clearTimeout(killer)
      github?.dispose()
      idTokens?.dispose()
      for (const w of waiters) w.resolve()
      const run = {
        code,
        signal,
        stdout,
        stderr,
        outputs: readCommandFile(files.output),
        state: readCommandFile(files.state),
        summary: readFileSync(files.summary, 'utf8'),
        dir,
        exitedAt,
        githubWrites: github ? [...github.writes] : [],
        idTokenAudiences: idTokens ? [...idTokens.audiences] : []
      }
      // Tokens made during the run are secrets as much as those given: the job's ID tokens, and every Pulumi token
      // a fake's OIDC exchange issued.
      const secrets = secretsOfRun({
        ...secretsKnownAtStart,
        declared: [...secretsKnownAtStart.declared, ...(idTokens?.issued ?? []), ...issuedAccessTokens()]
      })
      done({ ...run, leaks: findLeaks(placesOf(run, files.temp), secrets) })
    })
  })
  let leaks: Leak[] | undefined
  trackRun({
    label: describeRun(o),
    leaks: () => leaks,
    ended: result.then(r => (leaks = r.leaks)),
    stop: () => child.kill('SIGKILL'),
    leaksExpected: o.expectLeaks === true
  })
  return {
    child,
    get stdout() {
      return stdout
    },
    waitForOutput: text =>
      new Promise<void>(res => {
        waiters.push({ text, resolve: res })
        check()
      }),
    result
  }
}

/** Everything a run leaves for people or later steps to read. */
function placesOf(run: Omit<ActionResult, 'leaks'>, runnerTemp: string): Place[] {
  const places: Place[] = [
    { name: 'stdout', text: run.stdout },
    { name: 'stderr', text: run.stderr },
    { name: 'the job summary', text: run.summary },
    { name: 'the state file', text: Object.values(run.state).join('\n') }
  ]
  for (const [name, value] of Object.entries(run.outputs))
    places.push({ name: `output ${name}`, text: value })
  const files = new Set(filesUnder(runnerTemp))
  const logFile = run.outputs['log-file']
  if (logFile && existsSync(logFile)) files.add(logFile)
  for (const file of files) places.push(...fileParts(`file ${relative(run.dir, file)}`, file))
  for (const write of run.githubWrites)
    places.push({ name: `${write.method} ${write.path} to GitHub`, text: write.body })
  return places
}

// A file of a gigabyte (a benchmark's log) is larger than one string may be: it is scanned in overlapping parts,
// so that a secret across a border is still seen whole in one of them.
const PART_BYTES = 64 << 20
const OVERLAP_BYTES = 64 << 10

function fileParts(name: string, file: string): Place[] {
  const bytes = readFileSync(file)
  if (bytes.length <= PART_BYTES) return [{ name, text: bytes.toString('utf8') }]
  const parts: Place[] = []
  for (let at = 0; at < bytes.length; at += PART_BYTES)
    parts.push({ name, text: bytes.subarray(at, at + PART_BYTES + OVERLAP_BYTES).toString('utf8') })
  return parts
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(entry => entry.isFile())
    .map(entry => join(entry.parentPath, entry.name))
}

function describeRun(o: RunActionOptions): string {
  const what = [o.inputs.operation, o.inputs.stack].filter(Boolean).join(' of ')
  return `${o.post ? '(post step) ' : ''}${what || '(no stack or operation)'}`
}

export function runAction(o: RunActionOptions): Promise<ActionResult> {
  return startAction(o).result
}

function defaultOf(value: string | undefined, githubToken: string): string {
  if (value === undefined) return ''
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/, githubToken)
}

/** The workflow-command lines (`::error::...`) a run printed, by command. */
export function commands(stdout: string, command: string): string[] {
  const prefix = `::${command}`
  return stdout
    .split('\n')
    .filter(l => l.startsWith(prefix + '::') || l.startsWith(prefix + ' '))
    .map(l => l.slice(l.indexOf('::', 2) + 2))
}
