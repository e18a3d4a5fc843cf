// The runner seam: everything the action says to or reads from the GitHub runner goes through RunnerIO, and
// githubRunner is the one place in src/ that imports @actions/core. Tests pass their own RunnerIO.
import * as core from '@actions/core'

/**
 * What the action says to the GitHub runner: inputs, log lines, annotations, outputs, state and the job summary.
 * An interface so the orchestration can be driven in tests without a runner, and so nothing else speaks the protocol.
 */
export interface RunnerIO {
  /** An input as the runner passes it (`INPUT_<NAME>`), trimmed; '' when unset. */
  getInput(name: string): string
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
  appendSummary(markdown: string): Promise<boolean>
  setFailed(message: string): void
  /** The job's GitHub OIDC token for `audience`; the toolkit masks it as soon as it has it. */
  getIDToken(audience: string): Promise<string>
}

const titled = (title: string | undefined): core.AnnotationProperties => (title ? { title } : {})

export const githubRunner: RunnerIO = {
  getInput: name => core.getInput(name),
  info: m => core.info(m),
  debug: m => core.debug(m),
  notice: (m, title) => core.notice(m, titled(title)),
  warning: (m, title) => core.warning(m, titled(title)),
  error: (m, title) => core.error(m, titled(title)),
  write: chunk => {
    process.stdout.write(chunk)
  },
  setSecret: v => core.setSecret(v),
  setOutput: (n, v) => core.setOutput(n, v),
  saveState: (n, v) => core.saveState(n, v),
  getState: n => core.getState(n),
  appendSummary: async markdown => {
    // core.summary refuses to write without the file; an old runner or a local run has none.
    if (!process.env.GITHUB_STEP_SUMMARY) return false
    await core.summary.addRaw(markdown, !markdown.endsWith('\n')).write()
    return true
  },
  setFailed: m => core.setFailed(m),
  getIDToken: audience => core.getIDToken(audience)
}
