// `npm run demo`: the action's whole story in under a minute, with no Pulumi account and no network.
import { join, relative } from 'node:path'
import { ensureBuilt } from '../script/dist-freshness.js'
import { ROOT } from './action-process.js'
import { runDemo } from './demo.js'

const color = process.stdout.isTTY === true && !process.env.NO_COLOR
const write = (text: string): void => {
  process.stdout.write(text)
}
const outDir = join(ROOT, '.demo')

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
// The one run expected to fail: it shows what a failure looks like.
const FAILING_ON_PURPOSE = 'pr-preview-failing'

try {
  const building = Date.now()
  if (!ensureBuilt(ROOT, write)) throw new Error('the build of dist/ failed (see above)')
  const buildMs = Date.now() - building
  write(
    'This demo starts a fake Pulumi Cloud and a fake GitHub API on 127.0.0.1 and runs the built action as a GitHub\n' +
      'runner does, four times: a preview for a pull request (with a replace and deletes), the update of the push\n' +
      'that merges it, the same pull request previewed again (no changes), and a second pull request whose program\n' +
      'fails. For each it shows what each party sees: the workflow log (as the Actions page shows it, groups\n' +
      "unfolded), the pull-request comment as a reviewer reads it, and the job summary on the run's page.\n"
  )
  const started = Date.now()
  const jobs = await runDemo({ write, outDir, color })
  const unexpected = jobs.filter(job => (job.result.code !== 0) !== (job.name === FAILING_ON_PURPOSE))
  const built = buildMs >= 1000 ? `, after building dist/ in ${seconds(buildMs)}` : ''
  write(`\nDone: ${jobs.length} runs in ${seconds(Date.now() - started)}${built}. `)
  write(
    `Open the .html files in ${relative(process.cwd(), outDir) || outDir}/ in a browser to see the summaries `
  )
  write('and the comments as GitHub renders them.\n')
  if (unexpected.length > 0) {
    write(
      `The demo's ${unexpected.map(job => job.name).join(' and ')} step did not end as it should; see above.\n`
    )
    process.exitCode = 1
  }
} catch (error) {
  process.stderr.write(`The demo could not run: ${(error as Error).message}\n`)
  process.exitCode = 1
}
