// The runner seam: everything the action says to or reads from the GitHub runner goes through RunnerIO, and
// githubRunner is the one place in src/ that imports @actions/core. Tests pass their own RunnerIO.
//
// It is also the guard of what reaches the log: every message and title is redacted of every value given to
// setSecret (before anything else is done to it), then made inert (plain-text.ts), so no caller can forget either.
import * as core from '@actions/core'
import { Redactor } from '../config/redactor.js'
import { inert } from '../deployment/plain-text.js'

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
  /**
   * Lines of the deployment's log, already redacted (the renderer redacts them for the log file as well): printed
   * as they are, in one write, but made inert like every other remote text.
   */
  write(lines: string): void
  /**
   * Resolves once what `write` was given has gone to the runner. Standard output is a pipe the runner drains at
   * its own pace, and Node queues what the pipe cannot take yet: a log written faster than that would pile up.
   */
  written?(): Promise<void>
  /** Opens a fold of the workflow log; the title is remote text (a step's name), guarded like a message. */
  startGroup(title: string): void
  endGroup(): void
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

// Secrets the runner was told to mask, mirrored here so that annotation titles, and anything the runner's masking
// would miss (a secret split by colour codes), are redacted too.
let masked = new Redactor([])

/** The text as it may be printed: redacted first, then inert. */
function guarded(text: string): string {
  return inert(masked.redact(text))
}

const titled = (title: string | undefined): core.AnnotationProperties =>
  title ? { title: guarded(title) } : {}

export const githubRunner: RunnerIO = {
  getInput: name => core.getInput(name),
  info: m => core.info(guarded(m)),
  debug: m => core.debug(guarded(m)),
  notice: (m, title) => core.notice(guarded(m), titled(title)),
  warning: (m, title) => core.warning(guarded(m), titled(title)),
  error: (m, title) => core.error(guarded(m), titled(title)),
  // Inert but not redacted again: a batch may hold thousands of lines, already redacted by the renderer.
  write: lines => core.info(inert(lines.endsWith('\n') ? lines.slice(0, -1) : lines)),
  written: () => {
    const out = process.stdout
    if (!out.writableNeedDrain) return Promise.resolve()
    return new Promise(resolve => {
      const done = (): void => {
        out.off('drain', done)
        out.off('error', done)
        out.off('close', done)
        resolve()
      }
      out.on('drain', done)
      // A runner that went away is not waited for.
      out.on('error', done)
      out.on('close', done)
    })
  },
  startGroup: title => core.startGroup(guarded(title)),
  endGroup: () => core.endGroup(),
  setSecret: v => {
    core.setSecret(v)
    masked = masked.with([v])
  },
  setOutput: (n, v) => core.setOutput(n, v),
  saveState: (n, v) => core.saveState(n, v),
  getState: n => core.getState(n),
  appendSummary: async markdown => {
    // core.summary refuses to write without the file; an old runner or a local run has none.
    if (!process.env.GITHUB_STEP_SUMMARY) return false
    await core.summary.addRaw(markdown, !markdown.endsWith('\n')).write()
    return true
  },
  setFailed: m => core.setFailed(guarded(m)),
  getIDToken: async audience => {
    const token = await core.getIDToken(audience)
    masked = masked.with([token])
    return token
  }
}
