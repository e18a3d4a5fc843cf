// Fails when dist/ differs from a fresh build of src/: GitHub runs dist/, so it must be what src/ says.
import { execFileSync } from 'node:child_process'

const git = args => execFileSync('git', args, { encoding: 'utf8' }).trim()

execFileSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
// Compared with the index, so a rebuilt and staged dist/ counts as matching before it is committed.
const changed = [
  git(['diff', '--name-only', '--', 'dist']),
  git(['ls-files', '--others', '--exclude-standard', '--', 'dist'])
]
  .filter(Boolean)
  .join('\n')
if (changed !== '') {
  console.error(
    'dist/ does not match a fresh build of src/. Run "npm run build" and commit dist/. Differences:'
  )
  console.error(changed)
  process.exit(1)
}
console.log('dist/ matches a fresh build of src/.')
