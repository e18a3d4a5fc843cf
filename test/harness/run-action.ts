// Runs the built action (dist/index.js) the way a GitHub runner does: `node dist/index.js` with INPUT_* variables
// (every input of action.yml, defaults included) and the GITHUB_* files, then reads back what it left in them.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

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
}

export interface ActionRun {
  child: ChildProcess
  /** Resolves when stdout has contained `text` (for driving signals at the right moment). */
  waitForOutput(text: string | RegExp): Promise<void>
  readonly stdout: string
  result: Promise<ActionResult>
}

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
    GITHUB_API_URL: o.githubApiUrl ?? 'http://127.0.0.1:9',
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: files.temp
  }
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    const value =
      name in o.inputs ? o.inputs[name] : defaultOf(spec.default, o.githubToken ?? 'ghs_harness_token')
    env[`INPUT_${name.toUpperCase()}`] = value ?? ''
  }
  if (o.post) for (const [k, v] of Object.entries(o.post.state)) env[`STATE_${k}`] = v
  Object.assign(env, o.env)

  const child = spawn(process.execPath, [DIST], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
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
  const killer = setTimeout(() => child.kill('SIGKILL'), o.killAfterMs ?? 60_000)

  const result = new Promise<ActionResult>(done => {
    child.on('close', (code, signal) => {
      clearTimeout(killer)
      for (const w of waiters) w.resolve()
      done({
        code,
        signal,
        stdout,
        stderr,
        outputs: readCommandFile(files.output),
        state: readCommandFile(files.state),
        summary: readFileSync(files.summary, 'utf8'),
        dir
      })
    })
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
