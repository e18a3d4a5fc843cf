// The Node 24 that action.yml's `runs.using: node24` names, for a machine whose own node is older.
//   node script/node24.mjs install   installs it from the npm registry (test/node24's lockfile); root postinstall
//   node script/node24.mjs e2e [...] runs the end-to-end suites with the built action under it (test:e2e:node24)
// It lives in its own package because its `node` bin, installed at the root, would take the place of the
// developer's node in every npm script, and `npm test` must keep exercising that one too.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const PROJECT = join(ROOT, 'test', 'node24')
const PACKAGE = `node-${process.platform}-${process.arch}`
const INSTALLED = join(PROJECT, 'node_modules', PACKAGE)
const BINARY = join(INSTALLED, 'bin', 'node')
// The files that run dist/ as a runner does (test/harness/run-action.ts); the rest test code in-process.
const E2E_FILES = '__tests__/action-'

function lockedVersion() {
  const lock = JSON.parse(readFileSync(join(PROJECT, 'package-lock.json'), 'utf8'))
  return lock.packages[`node_modules/${PACKAGE}`]?.version
}

function installedVersion() {
  const file = join(INSTALLED, 'package.json')
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined
}

function install() {
  const wanted = lockedVersion()
  if (wanted === undefined) {
    console.log(`No ${PACKAGE} in test/node24; set ACTION_NODE to a Node 24 to run npm run test:e2e:node24.`)
    return
  }
  if (installedVersion() === wanted) return
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: PROJECT,
    stdio: 'inherit'
  })
}

function e2e(jestArgs) {
  const node = process.env.ACTION_NODE || BINARY
  if (!existsSync(node)) {
    console.error(
      `No Node 24 at ${node}. Run "node script/node24.mjs install" (npm ci does it, unless scripts are off), ` +
        'or set ACTION_NODE to the path of a Node 24 binary.'
    )
    process.exit(1)
  }
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
  if (!version.startsWith('v24.')) {
    console.error(
      `${node} is Node ${version}; the action runs on node24, so the end-to-end suites need a Node 24.`
    )
    process.exit(1)
  }
  console.log(`End-to-end suites with the built action under Node ${version} (${node}).`)
  const jest = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js')
  const run = spawnSync(process.execPath, [jest, E2E_FILES, ...jestArgs], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ACTION_NODE: node, NODE_OPTIONS: '--experimental-vm-modules' }
  })
  process.exit(run.status ?? 1)
}

const [command, ...rest] = process.argv.slice(2)
if (command === 'install') install()
else if (command === 'e2e') e2e(rest)
else {
  console.error('usage: node script/node24.mjs install | e2e [jest arguments]')
  process.exit(2)
}
