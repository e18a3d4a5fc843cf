// Runs the built action from a terminal as a runner would, against whatever Pulumi Cloud the options name, and shows
// its output through the same viewer as the demo.
import { existsSync } from 'node:fs'
import { relative } from 'node:path'
import {
  actionInputs,
  createRunnerFiles,
  DIST,
  startActionProcess,
  type ActionOutcome,
  type ActionProcessOptions,
  type InputSpec
} from '../../demo/action-process.js'
import { writePageBeside } from '../../demo/html-page.js'
import { LogViewer, stepHeader } from '../../demo/log-viewer.js'
import {
  forgottenSeparator,
  helpText,
  parseOptions,
  TOKEN_INPUTS,
  UsageError,
  type LocalOptions
} from './options.js'

export interface LocalRunIO {
  write: (text: string) => void
  /** Where command-line mistakes are said; default `write`. */
  writeError?: (text: string) => void
  color?: boolean
  /** Subscribes to the user's interrupts (Ctrl+C); returns the unsubscribe. */
  onInterrupt?: (handler: () => void) => () => void
  /** Called once the options are known to be good, before the action runs: builds dist/ when it is not current. */
  prepareDist?: () => boolean
}

// Variables a workflow run would set, which must not leak in from the terminal (or from a CI job running this).
const RUNNER_PREFIXES = ['INPUT_', 'STATE_', 'GITHUB_', 'RUNNER_', 'ACTIONS_']

/** Resolves to the process exit code: the action's own, or 2 for a command-line mistake. */
export async function runLocal(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: LocalRunIO
): Promise<number> {
  const specs = actionInputs()
  let run: Omit<ActionProcessOptions, 'onOutput'> & { secrets: string[]; debug: boolean }
  try {
    const forgotten = forgottenSeparator(argv, env, specs)
    if (forgotten) throw new UsageError(forgotten)
    const options = parseOptions(argv, specs)
    if (options.help) {
      io.write(helpText(specs))
      return 0
    }
    run = prepare(options, specs, env)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    ;(io.writeError ?? io.write)(`${error.message}\n`)
    return 2
  }
  if (io.prepareDist && !io.prepareDist()) {
    ;(io.writeError ?? io.write)('The build of dist/ failed; fix the error above and run again.\n')
    return 1
  }
  if (!existsSync(DIST)) {
    const where = relative(process.cwd(), DIST)
    ;(io.writeError ?? io.write)(`The built action ${where} does not exist: run \`npm run build\` first.\n`)
    return 2
  }

  const shownEnv = { PULUMI_ACCESS_TOKEN: run.baseEnv.PULUMI_ACCESS_TOKEN ?? '' }
  io.write(stepHeader('./', run.inputs, run.secrets, shownEnv))
  const viewer = new LogViewer({ write: io.write, color: io.color, debug: run.debug })
  const onOutput = (chunk: string): void => viewer.push(chunk)
  let interrupts = 0
  let child: ReturnType<typeof startActionProcess>['child'] | undefined
  const unsubscribe = io.onInterrupt?.(() => {
    interrupts++
    // The first interrupt is the runner's cancel; a second is its kill when the step does not stop in time.
    child?.kill(interrupts === 1 ? 'SIGINT' : 'SIGKILL')
  })
  try {
    const main = startActionProcess({ ...run, onOutput })
    child = main.child
    const outcome = await main.ended
    viewer.end()
    if (interrupts > 0) {
      // A cancelled job runs the post step (`post-if: cancelled()`) with the state the main step saved.
      io.write('\nPost job cleanup.\n')
      const post = startActionProcess({ ...run, postState: outcome.state, onOutput })
      child = post.child
      await post.ended
      viewer.end()
    }
    report(run.files.summary, outcome, io)
    return outcome.code ?? 1
  } finally {
    unsubscribe?.()
  }
}

function prepare(options: LocalOptions, specs: readonly InputSpec[], env: NodeJS.ProcessEnv) {
  const token = env.PULUMI_ACCESS_TOKEN?.trim() ?? ''
  if (token === '') {
    throw new UsageError(
      'Set the PULUMI_ACCESS_TOKEN environment variable to a Pulumi access token (create one in the Pulumi Cloud ' +
        'console under Personal access tokens), then run again.'
    )
  }
  const githubToken = env.GITHUB_TOKEN?.trim() ?? ''
  if (options.inputs['comment-on-pr-number'] !== undefined) {
    if (githubToken === '')
      throw new UsageError(
        '--comment-on-pr-number needs a GitHub token in the GITHUB_TOKEN environment variable.'
      )
    if (options.repository === undefined)
      throw new UsageError(
        '--comment-on-pr-number needs --repository OWNER/REPO: the repository of the pull request.'
      )
  }
  const baseEnv: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(env)) {
    if (!RUNNER_PREFIXES.some(prefix => name.startsWith(prefix))) baseEnv[name] = value
  }
  const inputs: Record<string, string> = {}
  for (const spec of specs) {
    // The tokens come from the environment; `${{ github.token }}` means nothing outside a workflow.
    if (TOKEN_INPUTS[spec.name] !== undefined)
      inputs[spec.name] = spec.name === 'github-token' ? githubToken : ''
    else inputs[spec.name] = options.inputs[spec.name] ?? spec.default ?? ''
  }
  return {
    files: createRunnerFiles('pulumi-deployments-local-'),
    inputs,
    baseEnv,
    // What a manual run (workflow_dispatch) of a workflow in --repository at --sha would see.
    event: { name: 'workflow_dispatch', payload: {} },
    github: {
      repository: options.repository,
      sha: options.sha,
      apiUrl: env.GITHUB_API_URL?.trim() || 'https://api.github.com'
    },
    secrets: [token, githubToken].filter(Boolean),
    debug: options.debug
  }
}

function report(summaryPath: string, outcome: ActionOutcome, io: LocalRunIO): void {
  const { code } = outcome
  io.write(
    `\n${code === 0 ? 'The step succeeded.' : `The step failed (exit code ${code ?? 'none: it was killed'}).`}\n`
  )
  if (Object.keys(outcome.outputs).length > 0) {
    io.write('Step outputs:\n')
    for (const [name, value] of Object.entries(outcome.outputs)) io.write(`  ${name} = ${value}\n`)
  }
  if (outcome.summary === '') {
    io.write('No job summary was written.\n')
    return
  }
  const page = writePageBeside(
    summaryPath,
    outcome.summary,
    'Job summary of a local run, as GitHub would show it.'
  )
  io.write(`Job summary: ${summaryPath}\n         and ${page}\n`)
}
