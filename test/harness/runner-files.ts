// What a GitHub runner gives a step, made on this machine: the GITHUB_* files, the environment naming them, an
// INPUT_* variable per input of action.yml, and the reading back of the file commands the step wrote. Shared by
// the test harness, the demo and the local runner; it starts nothing, so plain scripts can import it.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
/** The build to run; ACTION_DIST names another, so a build can be tried without touching dist/. */
export const DIST = process.env.ACTION_DIST ?? join(ROOT, 'dist', 'index.js')
/** The node that runs it, as the runner's node24 does; ACTION_NODE names another (npm run test:e2e:node24). */
export const ACTION_NODE = process.env.ACTION_NODE || process.execPath

export interface InputSpec {
  name: string
  description: string
  required: boolean
  default?: string
}

/** The inputs of action.yml, in its order. */
export function actionInputs(): InputSpec[] {
  const parsed = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { description?: string; required?: boolean; default?: string }>
  }
  return Object.entries(parsed.inputs).map(([name, spec]) => ({
    name,
    description: spec.description ?? '',
    required: spec.required === true,
    ...(spec.default !== undefined ? { default: String(spec.default) } : {})
  }))
}

/** Where a run's runner files live; the post step reuses its main step's. */
export interface RunnerFiles {
  dir: string
  output: string
  state: string
  summary: string
  event: string
  temp: string
}

export function createRunnerFiles(prefix: string): RunnerFiles {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const files = {
    dir,
    output: join(dir, 'output'),
    state: join(dir, 'state'),
    summary: join(dir, 'job-summary.md'),
    event: join(dir, 'event.json'),
    temp: join(dir, 'runner-temp')
  }
  for (const file of [files.output, files.state, files.summary]) writeFileSync(file, '')
  return files
}

export interface RunnerEnvironmentOptions {
  files: RunnerFiles
  event: { name: string; payload: object }
  github: { repository?: string; sha?: string; apiUrl: string; runId?: string }
  /** A value for every input, defaults already applied. */
  inputs: Record<string, string>
  /** Run as the post step, with the state its main step saved. */
  postState?: Record<string, string>
}

/** The variables a runner sets for a step (the caller adds PATH, HOME and anything of its own); writes the event. */
export function runnerEnvironment(o: RunnerEnvironmentOptions): Record<string, string> {
  writeFileSync(o.files.event, JSON.stringify(o.event.payload))
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: o.files.output,
    GITHUB_STATE: o.files.state,
    GITHUB_STEP_SUMMARY: o.files.summary,
    GITHUB_EVENT_PATH: o.files.event,
    GITHUB_EVENT_NAME: o.event.name,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.github.apiUrl,
    RUNNER_TEMP: o.files.temp
  }
  if (o.github.repository) env.GITHUB_REPOSITORY = o.github.repository
  if (o.github.sha) env.GITHUB_SHA = o.github.sha
  if (o.github.runId) env.GITHUB_RUN_ID = o.github.runId
  for (const [name, value] of Object.entries(o.inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  for (const [name, value] of Object.entries(o.postState ?? {})) env[`STATE_${name}`] = value
  return env
}

/** A runner file-command file (`name<<DELIMITER`, the value's lines, `DELIMITER`), read as the runner does. */
export function readCommandFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {}
  const lines = readFileSync(path, 'utf8').split('\n')
  const values: Record<string, string> = {}
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (heredoc) {
      const [, name = '', delimiter] = heredoc
      const body: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) body.push(lines[i] ?? '')
      values[name] = body.join('\n')
      continue
    }
    const line = lines[i] ?? ''
    const eq = line.indexOf('=')
    if (eq > 0) values[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return values
}
