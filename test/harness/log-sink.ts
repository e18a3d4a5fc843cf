// Log sinks for tests that drive the renderer directly, without a runner.
import type { LogSink } from '../../src/deployment/log-renderer.js'
import { inert } from '../../src/deployment/plain-text.js'

export const discardingSink: LogSink = {
  write: () => undefined,
  startGroup: () => undefined,
  endGroup: () => undefined
}

/** What the runner's stdout receives from the action's runner seam: folds as @actions/core prints them, lines inert. */
export function textSink(write: (chunk: string) => void): LogSink {
  return {
    write: lines => write(inert(lines)),
    startGroup: title => write(`::group::${title}\n`),
    endGroup: () => write('::endgroup::\n')
  }
}
