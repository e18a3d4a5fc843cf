// `npm run local`: the action run from a terminal against a Pulumi Cloud named by --cloud-url (here the fake), with
// the token from the environment, printing what the workflow log would show.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { previewScenario, startFakeCloud, type FakeCloud } from '../test/fake-cloud/index.js'
import { startFakeGitHub } from '../test/fake-github/index.js'
import { actionInputs, ROOT } from '../demo/action-process.js'
import { runLocal } from '../script/local/run.js'
import { distFreshness, recordBuild } from '../script/dist-freshness.js'

const STACK = 'acme/web/dev'
const SHA = '0123456789abcdef0123456789abcdef01234567'

let cloud: FakeCloud
beforeEach(async () => {
  cloud = await startFakeCloud()
  cloud.addStack(STACK, {
    settings: { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } },
    scenario: previewScenario({ creates: 1, sames: 2, stepMs: 20 })
  })
})
afterEach(() => cloud.close())

async function local(
  args: string[],
  env: NodeJS.ProcessEnv = { PULUMI_ACCESS_TOKEN: cloud.token }
): Promise<{ code: number; shown: string }> {
  let shown = ''
  const code = await runLocal(
    [
      '--stack',
      STACK,
      '--operation',
      'preview',
      '--cloud-url',
      cloud.url,
      '--poll-interval',
      '50ms',
      ...args
    ],
    { PATH: process.env.PATH, ...env },
    { write: text => (shown += text) }
  )
  return { code, shown }
}

const creates = () => cloud.requests.filter(r => r.endpoint === 'createDeployment')

describe('a run against Pulumi Cloud', () => {
  test('follows the deployment, shows the log as the workflow would, and ends with the outputs and summary', async () => {
    // A variable left over from a workflow must not stand in for an option.
    const { code, shown } = await local([], {
      PULUMI_ACCESS_TOKEN: cloud.token,
      INPUT_STACK: 'other/stack/name'
    })

    expect(code).toBe(0)
    expect(creates()[0]?.path).toBe(`/api/stacks/${STACK}/deployments`)
    expect(shown).toMatch(/^Run \.\/\n {2}with:\n {4}stack: acme\/web\/dev\n/)
    expect(shown).toContain('  env:\n    PULUMI_ACCESS_TOKEN: ***\n')
    expect(shown).not.toContain(cloud.token)
    expect(shown).toMatch(/^▾ pulumi preview$/m)
    expect(shown).toMatch(/^Notice: Deployment 1 of acme\/web\/dev \(preview\) was created/m)
    expect(shown.split('\n').filter(line => line.trim().startsWith('::'))).toEqual([])
    expect(shown).toContain('The step succeeded.')
    expect(shown).toMatch(/^ {2}status = succeeded$/m)
    expect(shown).toMatch(/^ {2}changes = \{"create":1,"same":2\}$/m)
    const summary = /^Job summary: (.+)$/m.exec(shown)?.[1] ?? ''
    expect(readFileSync(summary, 'utf8')).toContain('Pulumi preview succeeded')
    expect(existsSync(summary.replace(/\.md$/, '.html'))).toBe(true)
  })

  test('--settings reads a file, and --repository with --sha pins the commit as a push would', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'local-settings-')), 'settings.yml')
    writeFileSync(file, 'operationContext:\n  environmentVariables:\n    LOG_LEVEL: debug\n')
    const { code, shown } = await local([
      '--settings',
      `@${file}`,
      '--repository',
      'acme/infra',
      '--sha',
      SHA
    ])

    expect(code).toBe(0)
    expect(creates()[0]?.body).toMatchObject({
      operation: 'preview',
      operationContext: { environmentVariables: { LOG_LEVEL: 'debug' } },
      sourceContext: { git: { commit: SHA } }
    })
    expect(shown).toContain(
      'Pinning the deployment to commit 0123456, the commit that triggered this workflow'
    )
  })

  test('a failing deployment ends with the exit code and the error annotation the workflow would show', async () => {
    cloud.setScenario(STACK, previewScenario({ result: 'failed', stepMs: 20 }))
    const { code, shown } = await local([])
    expect(code).toBe(1)
    // The failing resource and its error lead the annotation; the step's last lines follow.
    expect(shown).toMatch(/^Error: bucket-0001 \(aws:s3:Bucket\) failed to create: creating aws:s3:Bucket/m)
    expect(shown).toMatch(/^Step "pulumi preview" failed\. Its last lines:$/m)
    expect(shown).toContain('The step failed (exit code 1).')
  })

  test('--comment-on-pr-number comments through GITHUB_TOKEN on the named pull request', async () => {
    const github = await startFakeGitHub()
    try {
      const { code } = await local(['--comment-on-pr-number', '7', '--repository', 'acme/infra'], {
        PULUMI_ACCESS_TOKEN: cloud.token,
        GITHUB_TOKEN: github.token,
        GITHUB_API_URL: github.url
      })
      expect(code).toBe(0)
      const comments = github.comments('acme', 'infra', 7)
      expect(comments).toHaveLength(1)
      expect(comments[0]?.body).toContain('Pulumi preview succeeded')
    } finally {
      await github.close()
    }
  })

  test('Ctrl+C cancels the step as the Cancel button does: the preview is cancelled and the post step runs', async () => {
    cloud.setScenario(STACK, previewScenario({ stepMs: 60_000 }))
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'script/local.ts',
        ...['--stack', STACK, '--operation', 'preview', '--cloud-url', cloud.url, '--poll-interval', '50ms']
      ],
      {
        cwd: ROOT,
        env: { ...process.env, PULUMI_ACCESS_TOKEN: cloud.token },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let shown = ''
    const running = new Promise<void>(resolve => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        shown += chunk
        if (shown.includes('is running.')) resolve()
      })
    })
    const exited = new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
    try {
      await running
      child.kill('SIGINT')
      expect(await exited).toBe(1)
    } finally {
      child.kill('SIGKILL')
    }
    expect(cloud.deployments(STACK)[0]?.cancelled).toBe(true)
    expect(shown).toContain('The step was cancelled; the deployment was cancelled.')
    expect(shown).toContain('Post job cleanup.')
  })
})

describe('the command line', () => {
  test('without PULUMI_ACCESS_TOKEN it stops before any request and says what to set', async () => {
    const { code, shown } = await local([], {})
    expect(code).toBe(2)
    expect(shown).toMatch(/^Set the PULUMI_ACCESS_TOKEN environment variable to a Pulumi access token/)
    expect(cloud.requests).toEqual([])
  })

  test('tokens are refused as options, and mistakes are named with the option meant', async () => {
    const token = await local(['--pulumi-access-token', 'pul-abc'])
    expect(token.code).toBe(2)
    expect(token.shown).toContain('set the PULUMI_ACCESS_TOKEN environment variable instead')
    expect(token.shown).not.toContain('pul-abc')

    const typo = await local(['--poll-intervall', '1s'])
    expect(typo.shown).toBe(
      'Unknown option --poll-intervall: did you mean --poll-interval? Run with --help to see every option.\n'
    )
    const missing = await runLocal(
      ['--operation', 'preview'],
      { PULUMI_ACCESS_TOKEN: 'x' },
      { write: () => {} }
    )
    expect(missing).toBe(2)
    expect(cloud.requests).toEqual([])
  })

  test('--help lists every input of action.yml as an option, except the tokens, which come from the environment', async () => {
    let shown = ''
    expect(await runLocal(['--help'], {}, { write: text => (shown += text) })).toBe(0)
    const listed = [...shown.matchAll(/^ {2}--([a-z-]+) VALUE/gm)].map(m => m[1])
    const inputs = actionInputs()
      .map(spec => spec.name)
      .filter(name => !name.endsWith('-token'))
    expect(listed).toEqual(inputs)
    expect(shown).toContain('PULUMI_ACCESS_TOKEN')
  })

  test('--help and mistakes are answered before any build; a good command line builds first', async () => {
    const builds: string[] = []
    const io = (shown: string[]) => ({
      write: (text: string) => void shown.push(text),
      prepareDist: () => {
        builds.push('build')
        return true
      }
    })
    expect(await runLocal(['--help'], {}, io([]))).toBe(0)
    expect(await runLocal(['--stack', STACK], { PULUMI_ACCESS_TOKEN: 'x' }, io([]))).toBe(2)
    expect(builds).toEqual([])
    const shown: string[] = []
    const failed = await runLocal(
      ['--stack', STACK, '--operation', 'preview', '--cloud-url', cloud.url],
      { PULUMI_ACCESS_TOKEN: cloud.token },
      { ...io(shown), prepareDist: () => (builds.push('build'), false) }
    )
    expect(builds).toEqual(['build'])
    expect(failed).toBe(1)
    expect(shown.join('')).toContain('The build of dist/ failed')
    expect(cloud.requests).toEqual([])
  })

  test('a forgotten -- (npm kept the options as its own config) gets the fix, not a confusing error', async () => {
    let shown = ''
    // What `npm run local --stack acme/web/dev --operation preview` hands the script.
    const code = await runLocal(
      [STACK, 'preview'],
      {
        PULUMI_ACCESS_TOKEN: 'x',
        npm_config_stack: 'true',
        npm_config_operation: 'true',
        npm_lifecycle_event: 'local'
      },
      { write: text => (shown += text) }
    )
    expect(code).toBe(2)
    expect(shown).toContain('npm took --stack, --operation as its own options')
    expect(shown).toContain("Put -- before the action's options: npm run local -- --stack")
    expect(cloud.requests).toEqual([])
  })
})

describe('whether dist/ needs a build', () => {
  test('is answered from a stamp of the sources and dist/ of the last build, and any change to either needs one', () => {
    const root = mkdtempSync(join(tmpdir(), 'dist-freshness-'))
    const write = (path: string, text: string) => {
      mkdirSync(join(root, dirname(path)), { recursive: true })
      writeFileSync(join(root, path), text)
    }
    write('src/index.ts', 'export {}')
    write('package-lock.json', '{}')
    expect(distFreshness(root)).toEqual({ current: false, reason: 'dist/ has not been built' })
    write('dist/index.js', '// built')
    // Outside a git checkout nothing vouches for dist/ until a build here is recorded.
    expect(distFreshness(root).current).toBe(false)
    recordBuild(root)
    expect(distFreshness(root)).toEqual({ current: true })
    write('src/index.ts', 'export const changed = 1')
    expect(distFreshness(root)).toEqual({ current: false, reason: 'src/ has changed since dist/ was built' })
    recordBuild(root)
    write('dist/index.js', '// edited by hand')
    expect(distFreshness(root)).toEqual({ current: false, reason: 'dist/ has changed' })
  })
})
