// The runner seam (githubRunner, over @actions/core), read back as the runner reads it: outputs, state and the job
// summary from their files, annotations from stdout with the runner's escapes undone.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { githubRunner as commands } from '../src/github/runner.js'
import { getInputs } from '../src/config/inputs.js'
import { readCommandFile } from '../test/harness/run-action.js'

let printed: string[]
let savedEnv: NodeJS.ProcessEnv
let savedExitCode: typeof process.exitCode

beforeEach(() => {
  printed = []
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

function runnerFile(name: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'runner-')), name)
  writeFileSync(file, '')
  return file
}

// What the runner shows for a command's message and properties, its escapes undone.
function unescape(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}

describe('inputs and state', () => {
  test('reads an input from INPUT_<NAME>, trimmed, and empty when unset', () => {
    process.env['INPUT_POLL-INTERVAL'] = '  5s \n'
    process.env.INPUT_MY_INPUT = 'spaced name'
    expect(commands.getInput('poll-interval')).toBe('5s')
    expect(commands.getInput('my input')).toBe('spaced name')
    expect(commands.getInput('missing')).toBe('')
  })

  test('reads state from STATE_<name>', () => {
    process.env.STATE_deploymentId = 'abc-123'
    expect(commands.getState('deploymentId')).toBe('abc-123')
    expect(commands.getState('other')).toBe('')
  })

  test('the action reads its inputs through the seam', () => {
    process.env.INPUT_STACK = 'acme/web/prod'
    process.env.INPUT_OPERATION = 'preview'
    process.env['INPUT_PULUMI-ACCESS-TOKEN'] = 'pul-from-runner'
    process.env['INPUT_POLL-INTERVAL'] = '5s'
    const config = getInputs(name => commands.getInput(name), {})
    expect(config.stackName).toBe('acme/web/prod')
    expect(config.operation).toBe('preview')
    expect(config.token).toBe('pul-from-runner')
    expect(config.pollIntervalMs).toBe(5000)
  })
})

describe('outputs and state go to the runner files', () => {
  test('values, multi-line ones included, read back as they were set', () => {
    process.env.GITHUB_OUTPUT = runnerFile('output')
    process.env.GITHUB_STATE = runnerFile('state')
    commands.setOutput('status', 'succeeded')
    commands.setOutput('changes', '{"create":2}\nsecond line\n')
    commands.saveState('isPost', 'true')
    expect(readCommandFile(process.env.GITHUB_OUTPUT)).toEqual({
      status: 'succeeded',
      changes: '{"create":2}\nsecond line\n'
    })
    expect(readCommandFile(process.env.GITHUB_STATE)).toEqual({ isPost: 'true' })
    expect(printed).toEqual([])
  })

  test('each entry has a delimiter of its own', () => {
    process.env.GITHUB_OUTPUT = runnerFile('output')
    commands.setOutput('a', '1')
    commands.setOutput('b', '2')
    const delimiters = readFileSync(process.env.GITHUB_OUTPUT, 'utf8')
      .split('\n')
      .filter(line => line.includes('<<'))
      .map(line => line.split('<<')[1])
    expect(new Set(delimiters).size).toBe(2)
  })

  test('without the files (an old runner), they are printed as commands', () => {
    delete process.env.GITHUB_OUTPUT
    delete process.env.GITHUB_STATE
    commands.setOutput('status', 'a%b\nc')
    commands.saveState('isPost', 'true')
    expect(printed.join('')).toBe('\n::set-output name=status::a%25b%0Ac\n::save-state name=isPost::true\n')
  })
})

describe('log lines and annotations', () => {
  test('info is printed as it is; debug, mask and annotations as commands', () => {
    commands.info('Deployment 3 is running.')
    commands.debug('Retrying GET /api/x')
    commands.setSecret('pul-123')
    commands.notice('Deployment 3 was created', 'Pulumi Deployment')
    commands.warning('Paused')
    expect(printed).toEqual([
      'Deployment 3 is running.\n',
      '::debug::Retrying GET /api/x\n',
      '::add-mask::pul-123\n',
      '::notice title=Pulumi Deployment::Deployment 3 was created\n',
      '::warning::Paused\n'
    ])
  })

  test('a message or title with line breaks, percent signs, colons or commas stays one command', () => {
    const message = 'line one\r\nline two: 100% done, ::error::not a command'
    const title = 'a: b, c%'
    commands.error(message, title)
    const [line, ...rest] = printed.join('').split('\n')
    expect(rest).toEqual([''])
    const match = /^::error title=([^:]*)::(.*)$/.exec(line ?? '')
    expect(match).not.toBeNull()
    expect(unescape(match?.[1] ?? '')).toBe(title)
    expect(unescape(match?.[2] ?? '')).toBe(message)
  })

  test('setFailed makes the step fail and says why', () => {
    commands.setFailed('No Pulumi access token was given.')
    expect(process.exitCode).toBe(1)
    expect(printed).toEqual(['::error::No Pulumi access token was given.\n'])
  })
})

describe('the job summary', () => {
  test('is appended to the runner file, one entry after another, each ending its line', async () => {
    process.env.GITHUB_STEP_SUMMARY = runnerFile('summary')
    expect(await commands.appendSummary('## First')).toBe(true)
    expect(await commands.appendSummary('second\n')).toBe(true)
    expect(readFileSync(process.env.GITHUB_STEP_SUMMARY, 'utf8')).toBe('## First\nsecond\n')
  })

  test('is skipped, and says so, when the runner gave no summary file', async () => {
    delete process.env.GITHUB_STEP_SUMMARY
    expect(await commands.appendSummary('## Lost')).toBe(false)
    expect(printed).toEqual([])
  })
})
