// Fails when dist/ differs from a fresh build of src/: GitHub runs dist/, so it must be what src/ says.
import { execFileSync } from 'node:child_process'

execFileSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
const changed = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' })
if (changed.trim() !== '') {
  console.error('dist/ does not match a fresh build of src/. Run "npm run build" and commit dist/:')
  console.error(changed)
  process.exit(1)
}
console.log('dist/ matches a fresh build of src/.')
