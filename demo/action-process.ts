// Runs the built action as a GitHub runner does: `node dist/index.js` with an INPUT_* variable per input and the
// GITHUB_* files the runner provides, then reads back the outputs, state and job summary it left in them. The demo
// and the local runner share it; the tests have their own, stricter harness in test/harness/.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { DIST, readCommandFile, runnerEnvironment, type RunnerFiles } from '../test/harness/runner-files.js'

export {
  ROOT,
  DIST,
  actionInputs,
  createRunnerFiles,
  readCommandFile,
  type InputSpec,
  type RunnerFiles
} from '../test/harness/runner-files.js'

export interface ActionProcessOptions {
  files: RunnerFiles
  /** A value for every input, defaults already applied. */
  inputs: Record<string, string>
  /** What the process inherits besides the runner's variables. */
  baseEnv: NodeJS.ProcessEnv
  event: { name: string; payload: object }
  github: { repository?: string; sha?: string; apiUrl: string; runId?: string }
  /** Run as the post step, with the state its main step saved. */
  postState?: Record<string, string>
  onOutput: (chunk: string) => void
  onError?: (chunk: string) => void
}

export interface ActionOutcome {
  code: number | null
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
}

export function startActionProcess(o: ActionProcessOptions): {
  child: ChildProcess
  ended: Promise<ActionOutcome>
} {
  const { files } = o
  const env: NodeJS.ProcessEnv = {
    ...o.baseEnv,
    ...runnerEnvironment({
      files,
      event: o.event,
      github: o.github,
      inputs: o.inputs,
      postState: o.postState
    })
  }

  const child = spawn(process.execPath, [DIST], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout.setEncoding('utf8').on('data', o.onOutput)
  child.stderr.setEncoding('utf8').on('data', o.onError ?? o.onOutput)
  const ended = new Promise<ActionOutcome>((done, fail) => {
    child.once('error', fail)
    child.once('close', code =>
      done({
        code,
        outputs: readCommandFile(files.output),
        state: readCommandFile(files.state),
        summary: readFileSync(files.summary, 'utf8')
      })
    )
  })
  return { child, ended }
}
