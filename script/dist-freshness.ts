// Whether dist/ is a build of the src/ in the working tree, so `npm run local` and `npm run fake-cloud` build only
// when it is not: a build takes a minute on a small machine, and a newcomer's first command should not wait for one.
//
// A stamp beside node_modules remembers the sources and dist/ of the last build made here. Without a stamp (a fresh
// clone), dist/ is current when git says neither src/ nor dist/ differs from the commit: the project's rule, checked
// by `npm run check-dist` in CI, is that a commit's dist/ is the build of its src/.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'

/** What a build reads (besides node_modules, which package-lock.json stands for). */
const SOURCES = ['src', 'package-lock.json', 'tsconfig.json']

export interface Freshness {
  current: boolean
  /** Why it is not current, for the line that says a build is starting. */
  reason?: string
}

export function stampPath(root: string): string {
  return join(root, 'node_modules', '.cache', 'pulumi-deployments-action', 'dist-stamp.json')
}

export function distFreshness(root: string): Freshness {
  if (!existsSync(join(root, 'dist', 'index.js')))
    return { current: false, reason: 'dist/ has not been built' }
  const now = fingerprint(root)
  const stamp = readStamp(root)
  if (stamp) {
    if (stamp.sources === now.sources && stamp.dist === now.dist) return { current: true }
    if (stamp.dist !== now.dist)
      return checkedOut(root, now) ?? { current: false, reason: 'dist/ has changed' }
    return checkedOut(root, now) ?? { current: false, reason: 'src/ has changed since dist/ was built' }
  }
  return checkedOut(root, now) ?? { current: false, reason: 'src/ or dist/ differs from the commit' }
}

/** After a build: remembers what it was built from. */
export function recordBuild(root: string): void {
  const path = stampPath(root)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(fingerprint(root))}\n`)
}

interface Fingerprint {
  sources: string
  dist: string
}

function checkedOut(root: string, now: Fingerprint): Freshness | undefined {
  let status: string
  try {
    status = execFileSync('git', ['status', '--porcelain', '--', ...SOURCES, 'dist'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    })
  } catch {
    return undefined
  }
  if (status.trim() !== '') return undefined
  const path = stampPath(root)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(now)}\n`)
  return { current: true }
}

function readStamp(root: string): Fingerprint | undefined {
  try {
    const parsed = JSON.parse(readFileSync(stampPath(root), 'utf8')) as Partial<Fingerprint>
    return typeof parsed.sources === 'string' && typeof parsed.dist === 'string'
      ? { sources: parsed.sources, dist: parsed.dist }
      : undefined
  } catch {
    return undefined
  }
}

function fingerprint(root: string): Fingerprint {
  return { sources: hashFiles(root, SOURCES), dist: hashFiles(root, ['dist']) }
}

function hashFiles(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256')
  for (const file of paths.flatMap(p => filesUnder(join(root, p))).sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return []
  try {
    return readdirSync(path, { withFileTypes: true }).flatMap(entry => filesUnder(join(path, entry.name)))
  } catch {
    return [path]
  }
}

/** Builds dist/ unless it is current, saying why first; returns false when the build failed. */
export function ensureBuilt(root: string, say: (text: string) => void): boolean {
  const { current, reason } = distFreshness(root)
  if (current) return true
  say(`Building dist/ first (${reason}); this takes about a minute.\n`)
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) return false
  recordBuild(root)
  return true
}
