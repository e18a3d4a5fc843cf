// How users refer to this action, derived from the one place that names it: package.json's `repository` and the
// major of its `version`, the tag the release workflow moves. The README and every example must say the same.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

interface PackageJson {
  version: string
  repository: { url: string }
}

const pkg = JSON.parse(
  readFileSync(join(fileURLToPath(new URL('..', import.meta.url)), 'package.json'), 'utf8')
) as PackageJson

/** `owner/name` from `git+https://github.com/owner/name.git`. */
export const REPOSITORY_NAME = new URL(pkg.repository.url.replace(/^git\+/, '')).pathname
  .replace(/^\//, '')
  .replace(/\.git$/, '')

export const MAJOR_TAG = `v${pkg.version.split('.')[0] ?? '0'}`

export const ACTION_REF = `${REPOSITORY_NAME}@${MAJOR_TAG}`
