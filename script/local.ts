// `npm run local -- --stack org/project/stack --operation preview`: the action from a terminal, against a real
// Pulumi Cloud, printing what the workflow log would show. `--help` lists every option.
import { ROOT } from '../demo/action-process.js'
import { ensureBuilt } from './dist-freshness.js'
import { runLocal } from './local/run.js'

const code = await runLocal(process.argv.slice(2), process.env, {
  write: text => {
    process.stdout.write(text)
  },
  writeError: text => {
    process.stderr.write(text)
  },
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  // Only now, after the options were checked: --help and a mistake are answered at once, without a build.
  prepareDist: () => ensureBuilt(ROOT, text => process.stderr.write(text)),
  onInterrupt: handler => {
    process.on('SIGINT', handler)
    process.on('SIGTERM', handler)
    return () => {
      process.off('SIGINT', handler)
      process.off('SIGTERM', handler)
    }
  }
})
process.exitCode = code
