// `npm run demo`: the action's whole story in under a minute, with no Pulumi account and no network.
import { join, relative } from 'node:path'
import { ROOT } from './action-process.js'
import { runDemo } from './demo.js'

const color = process.stdout.isTTY === true && !process.env.NO_COLOR
const write = (text: string): void => {
  process.stdout.write(text)
}
const outDir = join(ROOT, '.demo')

write(
  'This demo starts a fake Pulumi Cloud and a fake GitHub API on 127.0.0.1 and runs the built action as a GitHub\n' +
    'runner does: first a preview for a pull request, then an update for the push that merges it. Below is the\n' +
    'workflow log as the Actions page shows it (groups unfolded).\n'
)
try {
  const started = Date.now()
  const jobs = await runDemo({ write, outDir, color })
  const failed = jobs.filter(job => job.result.code !== 0)
  write(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. `)
  write(
    `Open the .html files in ${relative(process.cwd(), outDir) || outDir}/ in a browser to see the summaries `
  )
  write('and the comment rendered.\n')
  if (failed.length > 0) {
    write(`The demo's ${failed.map(job => job.name).join(' and ')} step failed; the log above says why.\n`)
    process.exitCode = 1
  }
} catch (error) {
  process.stderr.write(`The demo could not run: ${(error as Error).message}\n`)
  process.exitCode = 1
}
