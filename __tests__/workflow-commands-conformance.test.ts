// src/workflow-commands.ts speaks the runner's protocol itself so start-up need not load @actions/core (whose OIDC
// client pulls in undici). This holds it to the toolkit's own behaviour: the same calls, made through both, must
// print the same lines and write the same file entries (the random delimiters aside).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, jest, test } from '@jest/globals'
import * as core from '@actions/core'
import * as ours from '../src/github/workflow-commands.js'

type Commands = Pick<
  typeof ours,
  'info' | 'debug' | 'notice' | 'warning' | 'error' | 'setSecret' | 'setOutput' | 'saveState' | 'setFailed'
>

let printed: string[]
let savedEnv: NodeJS.ProcessEnv
let savedExitCode: typeof process.exitCode

beforeEach(() => {
  savedEnv = { ...process.env }
  savedExitCode = process.exitCode
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    printed.push(String(chunk))
    return true
  })
})
afterEach(() => {
  jest.restoreAllMocks()
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name]
  Object.assign(process.env, savedEnv)
  process.exitCode = savedExitCode
})

const awkward = 'line one\nline two, with: 100% of "quotes" & \r carriage'

function exercise(commands: Commands): void {
  commands.info(awkward)
  commands.debug(awkward)
  commands.notice(awkward, { title: 'A title: with, commas %' })
  commands.warning('plain warning')
  commands.error(awkward, { title: 'Deployment step failed: pulumi preview' })
  commands.setSecret('pul-secret-value')
  commands.setOutput('changes', '{"create":2,"same":4}')
  commands.setOutput('multi', awkward)
  commands.saveState('deploymentId', 'abc-123')
  commands.setFailed(awkward)
}

function runWith(
  commands: Commands,
  withFiles: boolean
): { stdout: string; output: string; state: string; exitCode: unknown } {
  printed = []
  process.exitCode = undefined
  const dir = mkdtempSync(join(tmpdir(), 'conformance-'))
  const output = join(dir, 'output')
  const state = join(dir, 'state')
  writeFileSync(output, '')
  writeFileSync(state, '')
  if (withFiles) {
    process.env.GITHUB_OUTPUT = output
    process.env.GITHUB_STATE = state
  } else {
    delete process.env.GITHUB_OUTPUT
    delete process.env.GITHUB_STATE
  }
  exercise(commands)
  const delimiters = (text: string): string => text.replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIMITER')
  return {
    stdout: printed.join(''),
    output: delimiters(readFileSync(output, 'utf8')),
    state: delimiters(readFileSync(state, 'utf8')),
    exitCode: process.exitCode
  }
}

test.each([
  ['with the GITHUB_OUTPUT and GITHUB_STATE files', true],
  ['on an old runner without them', false]
])('prints and writes exactly what @actions/core does, %s', (_name, withFiles) => {
  const expected = runWith(core, withFiles)
  const actual = runWith(ours, withFiles)
  expect(actual).toEqual(expected)
  // Not vacuous: both did say something, and the awkward text was escaped on the way.
  expect(expected.stdout).toContain(
    '::error title=Deployment step failed%3A pulumi preview::line one%0Aline two'
  )
  if (withFiles) expect(expected.output).toContain('multi<<DELIMITER')
})

test('reads inputs and state as @actions/core does', () => {
  process.env['INPUT_CLOUD-URL'] = '  https://api.example.com  '
  process.env['INPUT_MY_INPUT'] = 'x'
  process.env.STATE_deploymentId = 'abc'
  for (const name of ['cloud-url', 'my input', 'absent'])
    expect(ours.getInput(name)).toBe(core.getInput(name))
  for (const name of ['deploymentId', 'absent']) expect(ours.getState(name)).toBe(core.getState(name))
})
