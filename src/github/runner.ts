import * as core from './workflow-commands.js'
import { appendFileSync } from 'node:fs'

/**
 * What the action says to the GitHub runner: log lines, annotations, outputs, state and the job summary. An
 * interface so the orchestration can be driven in tests without a runner, and so nothing else speaks the protocol.
 */
export interface RunnerIO {
  info(message: string): void
  debug(message: string): void
  notice(message: string, title?: string): void
  warning(message: string, title?: string): void
  error(message: string, title?: string): void
  /** Raw workflow-log output, for the deployment's own log (batched, already made command-safe). */
  write(chunk: string): void
  setSecret(value: string): void
  setOutput(name: string, value: string): void
  saveState(name: string, value: string): void
  getState(name: string): string
  /** Appends to the job summary; false when the runner gave no summary file. */
  appendSummary(markdown: string): boolean
  setFailed(message: string): void
}

export const githubRunner: RunnerIO = {
  info: m => core.info(m),
  debug: m => core.debug(m),
  notice: (m, title) => core.notice(m, title ? { title } : {}),
  warning: (m, title) => core.warning(m, title ? { title } : {}),
  error: (m, title) => core.error(m, title ? { title } : {}),
  write: chunk => {
    process.stdout.write(chunk)
  },
  setSecret: v => core.setSecret(v),
  setOutput: (n, v) => core.setOutput(n, v),
  saveState: (n, v) => core.saveState(n, v),
  getState: n => core.getState(n),
  appendSummary: markdown => {
    const file = process.env.GITHUB_STEP_SUMMARY
    if (!file) return false
    appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`)
    return true
  },
  setFailed: m => core.setFailed(m)
}
