import type { ActionConfig } from '../config/inputs.js'
import type { Redactor } from '../config/redactor.js'
import type { RunnerIO } from '../github/runner.js'
import type { Cancellation } from './cancellation.js'
import type { StepOutputs } from './outputs.js'

/** What every phase of the main step shares: the config, where it speaks, and the cancel signal. */
export interface RunContext {
  config: ActionConfig
  runner: RunnerIO
  redactor: Redactor
  outputs: StepOutputs
  stop: Cancellation
}
