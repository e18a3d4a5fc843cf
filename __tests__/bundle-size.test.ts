// The file a runner loads on every start of the action: all of it is parsed before the first request, so what only
// some runs need (parsing settings, Octokit, the proxy client with undici) must stay in chunks loaded on demand.
import { readFileSync, statSync } from 'node:fs'
import { expect, test } from '@jest/globals'
import { DIST } from '../test/harness/run-action.js'

// A name each library defines, found in its code wherever the bundler puts it.
const LOADED_ON_DEMAND = {
  yaml: 'class YAMLParseError',
  ajv: 'strictSchema',
  undici: 'class EnvHttpProxyAgent',
  octokit: 'paginateRest'
}

test('dist/index.js stays under 1 MB', () => {
  expect(statSync(DIST).size).toBeLessThan(1024 * 1024)
})

test.each(Object.entries(LOADED_ON_DEMAND))('%s is not in dist/index.js', (_library, marker) => {
  expect(readFileSync(DIST, 'utf8')).not.toContain(marker)
})
