// The file a runner loads on every start of the action: all of it is parsed before the first request. Since the
// action speaks to the runner through @actions/core and to Pulumi Cloud through @actions/http-client (issue 10),
// their undici is part of every start, by choice; what only some runs need (parsing settings, Octokit, following
// and reporting a deployment) must stay in chunks loaded on demand.
import { readFileSync, statSync } from 'node:fs'
import { expect, test } from '@jest/globals'
import { DIST } from '../test/harness/run-action.js'

// A name each library defines, found in its code wherever the bundler puts it.
const LOADED_ON_DEMAND = {
  yaml: 'class YAMLParseError',
  ajv: 'strictSchema',
  octokit: 'paginateRest',
  'the log renderer': 'class LogRenderer'
}

// The toolkit with undici is about 1.2 MB; the rest of the start-up code is small and should stay so.
const INDEX_LIMIT_BYTES = 1.5 * 1024 * 1024

test('dist/index.js stays under 1.5 MB', () => {
  expect(statSync(DIST).size).toBeLessThan(INDEX_LIMIT_BYTES)
})

test('the toolkit is loaded at start-up: the runner seam uses @actions/core', () => {
  expect(readFileSync(DIST, 'utf8')).toContain('Unable to access summary file')
})

test.each(Object.entries(LOADED_ON_DEMAND))('%s is not in dist/index.js', (_library, marker) => {
  expect(readFileSync(DIST, 'utf8')).not.toContain(marker)
})
