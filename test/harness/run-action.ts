// Runs the built action (dist/index.js) the way a GitHub runner does: `node dist/index.js` with INPUT_* variables
// (every input of action.yml, defaults included) and the GITHUB_* files, then reads back what it left in them.
// Every run is scanned for leaked secrets (see secret-scan.ts); a leak fails the test through the jest setup file.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { GitHubRecorder, type GitHubWrite, type RecordedRoute } from './github-recorder.js'
import { onHarnessTeardown, trackRun } from './run-registry.js'
import { findLeaks, secretsOfRun, type Leak, type Place } from './secret-scan.js'

export type { Leak } from './secret-scan.js'

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
// ACTION_DIST lets several people test their own builds side by side without racing on dist/.
export const DIST = process.env.ACTION_DIST ?? join(ROOT, 'dist', 'index.js')

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>
  outputs: Record<string, unknown>
}
export const actionYml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml

export interface GitHubEvent {
  name: string
  payload: Record<string, unknown>
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
  /** The test inspects `leaks` itself (a test of the scan): a leak in this run does not fail the test. */
  expectLeaks?: boolean
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

export function startAction(o: RunActionOptions): ActionRun {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'))
  const files = {
    output: join(dir, 'output'),
    state: join(dir, 'state'),
    summary: join(dir, 'summary.md'),
    event: join(dir, 'event.json'),
    temp: join(dir, 'runner-temp')
  }
  for (const f of [files.output, files.state, files.summary]) writeFileSync(f, '')
  const event = o.event ?? { name: 'push', payload: {} }
  writeFileSync(files.event, JSON.stringify(event.payload))
  const github: RecordedRoute | undefined = o.githubApiUrl ? githubRecorder.route(o.githubApiUrl) : undefined

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_REPOSITORY: o.repository ?? 'acme/infra',
    GITHUB_SHA: o.sha ?? 'c0ffee0000000000000000000000000000000001',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: github?.url ?? 'http://127.0.0.1:9',
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: files.temp
  }
  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    const value =
      name in o.inputs ? o.inputs[name] : defaultOf(spec.default, o.githubToken ?? 'ghs_harness_token')
    inputs[name] = value ?? ''
    env[`INPUT_${name.toUpperCase()}`] = value ?? ''
  }
  if (o.post) for (const [k, v] of Object.entries(o.post.state)) env[`STATE_${k}`] = v
  Object.assign(env, o.env)
  const secrets = secretsOfRun({ inputs, env: o.env ?? {}, declared: o.secrets })

  const child = spawn(process.execPath, [DIST], { env, stdio: ['ignore', 'pipe', 'pipe'] })
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
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d
    check()
  })
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  child.on('exit', () => (exitedAt = performance.now()))
  const killer = setTimeout(() => child.kill('SIGKILL'), o.killAfterMs ?? 60_000)

  const result = new Promise<ActionResult>(done => {
    child.on('close', (code, signal) => {
      clearTimeout(killer)
      github?.dispose()
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
        githubWrites: github ? [...github.writes] : []
      }
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
  for (const file of files)
    places.push({ name: `file ${relative(run.dir, file)}`, text: readFileSync(file, 'utf8') })
  for (const write of run.githubWrites)
    places.push({ name: `${write.method} ${write.path} to GitHub`, text: write.body })
  return places
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

/** Reads a runner file-command file (`name<<DELIMITER\nvalue\nDELIMITER`), as the runner does after the step. */
export function readCommandFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {}
  const text = readFileSync(path, 'utf8')
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (m) {
      const [, name, delimiter] = m
      const body: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) body.push(lines[i] ?? '')
      values[name as string] = body.join('\n')
    } else {
      const eq = (lines[i] ?? '').indexOf('=')
      if (eq > 0) values[(lines[i] as string).slice(0, eq)] = (lines[i] as string).slice(eq + 1)
    }
  }
  return values
}

/** The workflow-command lines (`::error::...`) a run printed, by command. */
export function commands(stdout: string, command: string): string[] {
  const prefix = `::${command}`
  return stdout
    .split('\n')
    .filter(l => l.startsWith(prefix + '::') || l.startsWith(prefix + ' '))
    .map(l => l.slice(l.indexOf('::', 2) + 2))
}
