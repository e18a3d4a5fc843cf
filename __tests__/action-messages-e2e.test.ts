// Messages that never mislead, end to end: the built action against the fakes, stopped or held where a careless
// word would mislead — a deployment left running must not read as cancelled, one cancelled before it started must
// say it changed nothing, a pause must be said to end, and a console address must not pass for a bad token.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, test } from '@jest/globals'
import { ManualClock, pulumiScenario, startFakeCloud, type FakeCloud } from '../test/fake-cloud/index.js'
import { startFakeGitHub, type FakeGitHub } from '../test/fake-github/index.js'
import { until } from '../test/harness/concurrency.js'
import {
  commands,
  runAction,
  startAction,
  type ActionResult,
  type RunActionOptions
} from '../test/harness/run-action.js'

const STACK = 'acme/web/dev'
const PR = 7
const HOUR = 3_600_000
const settings = { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } }

const closers: (() => Promise<void>)[] = []
afterAll(async () => {
  await Promise.all(closers.splice(0).map(close => close()))
})

interface Fakes {
  cloud: FakeCloud
  github: FakeGitHub
  clock: ManualClock
}

async function fakes(o: {
  queuedMs?: number
  stepMs?: number
  operation?: 'update' | 'preview'
}): Promise<Fakes> {
  const clock = new ManualClock()
  const cloud = await startFakeCloud({ clock })
  const github = await startFakeGitHub()
  closers.push(
    () => cloud.close(),
    () => github.close()
  )
  const scenario = pulumiScenario(o.operation ?? 'update', {
    stack: STACK,
    queuedMs: o.queuedMs ?? 0,
    acceptedMs: 0,
    stepMs: o.stepMs ?? 1000
  })
  cloud.addStack(STACK, { settings, scenario })
  return { cloud, github, clock }
}

function options({ cloud, github }: Fakes, inputs: Record<string, string>): RunActionOptions {
  return {
    inputs: {
      stack: STACK,
      operation: 'update',
      'pulumi-access-token': cloud.token,
      'cloud-url': cloud.url,
      'poll-interval': '50ms',
      'comment-on-pr-number': String(PR),
      ...inputs
    },
    repository: 'acme/infra',
    githubApiUrl: github.url,
    githubToken: github.token
  }
}

const commentOf = ({ github }: Fakes): string => github.comments('acme', 'infra', PR)[0]?.body ?? ''
const headline = (markdown: string): string => markdown.split('\n').find(l => /^#{2,3} /.test(l)) ?? ''

function expectLeftRunning(run: ActionResult, f: Fakes): void {
  const consoleUrl = run.outputs['console-url'] ?? ''
  expect(consoleUrl).not.toBe('')
  expect(run.outputs.status).toBe('left-running')
  const results = JSON.parse(run.outputs.results ?? '[]') as { status: string }[]
  expect(results[0]).toMatchObject({ status: 'left-running' })
  for (const text of [run.summary, commentOf(f)]) {
    expect(headline(text)).toMatch(/⏩ Pulumi update was left running/)
    expect(headline(text)).not.toMatch(/cancel/i)
    expect(text).toMatch(/keeps running in Pulumi Cloud/)
    expect(text).toContain(consoleUrl)
    expect(text).not.toMatch(/deployment was cancelled|so was the deployment/)
  }
  const warnings = commands(run.stdout, 'warning').join('\n')
  expect(warnings).toMatch(/keeps running in Pulumi Cloud, because cancelling .* inconsistent/)
  expect(warnings).toContain(consoleUrl)
  expect(commands(run.stdout, 'error')[0]).toMatch(/the deployment was left running\./)
  expect(f.cloud.deployments()[0]).toMatchObject({ status: 'running', cancelled: false })
}

describe('a deployment the step stopped following', () => {
  test.concurrent(
    'an update left running after a cancel says "left running", never "cancelled"',
    async () => {
      const f = await fakes({ stepMs: HOUR })
      const started = startAction(options(f, {}))
      await started.waitForOutput('is running')
      started.child.kill('SIGINT')
      const run = await started.result
      expect(run.code).toBe(1)
      expectLeftRunning(run, f)
    }
  )

  test.concurrent(
    'an update left running after a timeout says "left running", never "cancelled"',
    async () => {
      const f = await fakes({ stepMs: HOUR })
      const run = await runAction(options(f, { timeout: '1s' }))
      expect(run.code).toBe(1)
      expectLeftRunning(run, f)
      expect(commands(run.stdout, 'error')[0]).toMatch(
        /The wait timed out after 1s; the deployment was left running/
      )
    }
  )

  test.concurrent(
    'an update that had not started is cancelled on a cancel by default, and says it changed nothing',
    async () => {
      const f = await fakes({ queuedMs: HOUR })
      const started = startAction(options(f, {}))
      await started.waitForOutput('is queued')
      started.child.kill('SIGINT')
      const run = await started.result
      expect(run.code).toBe(1)
      expect(f.cloud.deployments()[0]).toMatchObject({ cancelled: true })
      const said = [run.stdout, run.summary, commentOf(f)]
      for (const text of said)
        expect(text).toMatch(/had not started and was cancelled, so nothing was changed/)
      for (const text of said) expect(text).not.toMatch(/inconsistent/)
      expect(headline(run.summary)).toMatch(/🚫 Pulumi update was cancelled/)
    }
  )

  test.concurrent(
    'an update that had not started stays queued when cancel-on-abort is false, and says so without the half-done reason',
    async () => {
      const f = await fakes({ queuedMs: HOUR })
      const run = await runAction(options(f, { timeout: '1s', 'cancel-on-abort': 'false' }))
      expect(run.code).toBe(1)
      expect(f.cloud.deployments()[0]).toMatchObject({ status: 'not-started', cancelled: false })
      const warnings = commands(run.stdout, 'warning').join('\n')
      expect(warnings).toMatch(/had not started, and stays queued .* because `cancel-on-abort` is false/)
      expect(warnings).not.toMatch(/inconsistent/)
      expect(run.outputs.status).toBe('not-started')
      for (const text of [run.summary, commentOf(f)]) {
        expect(headline(text)).toMatch(/Pulumi update was left queued/)
        expect(text).toMatch(/stays queued in Pulumi Cloud and will still run/)
      }
    }
  )
})

describe('a paused stack', () => {
  test.concurrent('says when deployments resume, and keeps the comment heading current', async () => {
    const f = await fakes({ stepMs: 1000 })
    f.cloud.pause({ stack: STACK })
    const started = startAction(options(f, {}))
    await started.waitForOutput('Deployments are paused for this stack')
    await until(() => /paused for this stack/.test(commentOf(f)), 'the comment saying the stack is paused')
    expect(headline(commentOf(f))).toMatch(/Pulumi update is queued/)

    f.cloud.resume({ stack: STACK })
    // The fake's queue moves only with its clock.
    f.clock.advance(1)
    await started.waitForOutput('Deployments were resumed; the deployment has left the queue.')
    await until(() => !/paused/.test(commentOf(f)), 'the comment no longer saying the stack is paused')
    expect(headline(commentOf(f))).toMatch(/Pulumi update is (starting|running)/)
    f.clock.advance(HOUR)
    const run = await started.result
    expect(run.code).toBe(0)
    expect(headline(commentOf(f))).toMatch(/✅ Pulumi update succeeded/)
  })
})

describe('a cloud-url that is not the Pulumi Cloud API', () => {
  test.concurrent.each([401, 404])(
    'a web server answering %i gets "use the api. address", not a token or stack error',
    async status => {
      const web = await webServer(status)
      const f = await fakes({})
      const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}`
      const run = await runAction(options(f, { 'cloud-url': url }))
      expect(run.code).toBe(1)
      const errors = commands(run.stdout, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/this does not look like the Pulumi Cloud API/)
      expect(errors[0]).toMatch(/use the api\. address/)
      expect(errors[0]).not.toMatch(/token|does not exist/i)
    }
  )

  async function webServer(status: number): Promise<Server> {
    // Whatever the path, a web page: what a console or any other web site answers to the API's paths.
    const server = createServer((req, res) => {
      req.resume()
      res.writeHead(status, { 'content-type': 'text/html' })
      res.end('<!doctype html><html><body>Not the API</body></html>')
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    closers.push(() => new Promise(resolve => server.close(() => resolve())))
    return server
  }
})
