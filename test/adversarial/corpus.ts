// The adversarial corpus of issue 12: each case is one hostile or unlucky situation, by the class it belongs to, run
// against the built action (dist/) and the fakes. Every case is also checked by run-case.ts for what must hold in
// all of them: no runner command forged (runner-model.ts), no secret in the rendered log, the harness's leak scan.
import { expect } from '@jest/globals'
import type { FakeCloud } from '../fake-cloud/index.js'
import { previewScenario } from '../fake-cloud/index.js'
import type { Scenario, TamperedAnswer, EndpointName } from '../fake-cloud/types.js'
import type { DeploymentSettings } from '../../src/pulumi/types.js'
import type { FakeGitHub, FakeGitHubOptions } from '../fake-github/index.js'
import type { ActionResult, RunActionOptions } from '../harness/run-action.js'
import type { RunnerView } from './runner-model.js'
import type { Thief } from './thief.js'

export const CANARY = 'PWNED'
export const STACK = 'acme/web/dev'
export const MARKER = '<!-- pulumi-deployments:v1 acme/web/dev preview -->'
const SECRET = 's3cr3t-Value_42'

export interface CaseContext {
  cloud: FakeCloud
  github: FakeGitHub
  thief: Thief
}

export interface Arranged {
  /** The stack's own deployment settings, as edited in the Pulumi console. */
  stackSettings?: DeploymentSettings
  /** The harness's leak scan is the case's own business (a secret equal to a common word). */
  expectLeaks?: boolean
  inputs?: Record<string, string>
  env?: Record<string, string>
  secrets?: string[]
  post?: RunActionOptions['post']
  killAfterMs?: number
  /** Runs of the action before the one checked (a second run that must find its comment). */
  runsBefore?: number
}

export interface AdversarialCase {
  id: string
  /** The class of issue 12 (1 to 9). */
  cls: number
  title: string
  github?: FakeGitHubOptions
  arrange?: (ctx: CaseContext) => Arranged | void
  check?: (run: ActionResult, ctx: CaseContext, view: RunnerView) => void
}

// ---- helpers -------------------------------------------------------------------------------------------------

function scenario(edit?: (s: Scenario) => void, opts: Parameters<typeof previewScenario>[0] = {}): Scenario {
  const s = previewScenario({ creates: 1, stepMs: 5, queuedMs: 0, acceptedMs: 0, ...opts })
  edit?.(s)
  return s
}

/** A step with these lines just before the Pulumi step. */
function withStep(name: string, lines: string[], status?: 'failed'): Scenario {
  return scenario(s => {
    s.steps.splice(s.steps.length - 1, 0, { name, lines, durationMs: 5, ...(status ? { status } : {}) })
    if (status) {
      s.steps.splice(s.steps.length - 1, 1)
      s.result = 'failed'
    }
  })
}

function tamper(
  cloud: FakeCloud,
  endpoint: EndpointName,
  edit: (a: TamperedAnswer) => TamperedAnswer,
  times?: number
): void {
  cloud.faults.add({ endpoint, kind: 'tamper', edit, times })
}

function setScenario(cloud: FakeCloud, s: Scenario): void {
  cloud.setScenario(STACK, s)
}

/** Pulumi Cloud gives no change counts: the report has only the log's. */
function noCloudCounts(ctx: CaseContext): void {
  tamper(ctx.cloud, 'getUpdates', () => ({
    status: 404,
    headers: {},
    body: { code: 404, message: 'Not found' }
  }))
}

function record(body: unknown): Record<string, unknown> {
  return body as Record<string, unknown>
}

function comments(ctx: CaseContext): Array<{ body: string; user: { login: string } }> {
  return ctx.github.comments('acme', 'infra', 3)
}

function secretSettings(value: string): string {
  return JSON.stringify({ operationContext: { environmentVariables: { DB_PASSWORD: { secret: value } } } })
}

const reached =
  (text = CANARY) =>
  (run: ActionResult): void => {
    // The hostile text did reach the log, so the absence of a forged command means something.
    expect(run.stdout).toContain(text)
  }

// ---- class 2: runner commands from remote text ---------------------------------------------------------------

const LINE_PAYLOADS: Array<[string, string]> = [
  ['a new line starting ::warning::', `ok\n::warning::${CANARY}`],
  ['a carriage return then ::add-mask::', `ok\r::add-mask::${CANARY}`],
  ['blanks then ::set-output', `ok\n  \t::set-output name=x::${CANARY}`],
  ['Unicode blanks then ::error::', `ok\n\u2003\u00a0\u0085::error::${CANARY}`],
  ['a legacy ##[set-output] inside a line', `ok ##[set-output name=x]${CANARY}`],
  ['a stop-commands of its own', `ok\n::stop-commands::${CANARY}\n::warning::${CANARY}`]
]
const INLINE_PAYLOADS: Array<[string, string]> = [
  ['a legacy ##[error] inside a line', `ok ##[error]${CANARY}`],
  ['::warning:: at its start', `::warning::${CANARY}`]
]

type Place = {
  name: string
  multiline: boolean
  arrange: (payload: string) => (ctx: CaseContext) => Arranged | void
}

const PLACES: Place[] = [
  {
    name: "the stack settings' repository URL",
    multiline: true,
    arrange: payload => () => ({
      stackSettings: {
        sourceContext: { git: { repoUrl: `https://evil.example/x${payload}`, branch: 'main' } }
      }
    })
  },
  {
    name: 'a step name (the group title)',
    multiline: true,
    arrange: payload => ctx => setScenario(ctx.cloud, withStep(`Setup ${payload}`, ['fine']))
  },
  {
    name: 'a line of the deployment log',
    multiline: true,
    arrange: payload => ctx => setScenario(ctx.cloud, withStep('Pre-run command 1', payload.split('\n')))
  },
  {
    name: 'the name of a failed step (an annotation title)',
    multiline: true,
    arrange: payload => ctx => setScenario(ctx.cloud, withStep(`Pre-run ${payload}`, ['boom'], 'failed'))
  },
  {
    name: 'the last lines of a failed step (an annotation)',
    multiline: true,
    arrange: payload => ctx =>
      setScenario(ctx.cloud, withStep('Pre-run command 1', payload.split('\n'), 'failed'))
  },
  {
    name: 'an error message of Pulumi Cloud',
    multiline: true,
    arrange: payload => ctx =>
      tamper(ctx.cloud, 'getSettings', () => ({
        status: 400,
        headers: {},
        body: { code: 400, message: payload }
      }))
  },
  {
    name: "GitHub's html_url of the comment",
    multiline: true,
    // The fake GitHub's tamper option carries it (htmlUrlTamper below).
    arrange: () => () => undefined
  },
  {
    name: "the post step's state",
    multiline: true,
    arrange: payload => () => ({
      post: { state: { isPost: 'true', deploymentId: payload, stack: STACK, cancelOnAbort: 'false' } }
    })
  },
  {
    name: "the post step's state, when it would cancel",
    multiline: true,
    arrange: payload => () => ({
      post: { state: { isPost: 'true', deploymentId: payload, stack: STACK, cancelOnAbort: 'true' } }
    })
  },
  {
    name: 'an X-Pulumi-Warning header',
    multiline: false,
    arrange: payload => ctx => ctx.cloud.setWarning(payload)
  }
]

function htmlUrlTamper(payload: string): FakeGitHubOptions {
  return {
    tamper: (req, reply) =>
      (req.method === 'POST' || req.method === 'PATCH') && reply.status < 300
        ? {
            ...reply,
            body: { ...record(reply.body), html_url: `https://github.com/acme/infra/pull/3${payload}` }
          }
        : reply
  }
}

const class2: AdversarialCase[] = PLACES.flatMap(place =>
  (place.multiline ? [...LINE_PAYLOADS, ...INLINE_PAYLOADS.slice(0, 1)] : INLINE_PAYLOADS)
    // Every place gets the legacy and new-line payloads; the rarer ones go to the places that print most.
    .filter(
      (_, i) =>
        place.multiline === false || i < 4 || place.name.includes('log') || place.name.includes('repository')
    )
    .map(([what, payload], i): AdversarialCase => ({
      id: `2.${PLACES.indexOf(place) + 1}.${i + 1}`,
      cls: 2,
      title: `${what}, in ${place.name}`,
      github: place.name.startsWith("GitHub's") ? htmlUrlTamper(payload) : undefined,
      arrange: place.arrange(payload),
      // A URL printed from the settings keeps no query or fragment: a payload after `#` never reaches the log.
      check: place.name.includes('repository') ? reached('evil.example') : reached()
    }))
)

// ---- class 3: secrets ----------------------------------------------------------------------------------------

const class3: AdversarialCase[] = [
  {
    id: '3.1',
    cls: 3,
    title: 'a secret split by colour codes in the log',
    arrange: ctx => {
      setScenario(ctx.cloud, withStep('Pre-run command 1', [`pw: s3cr3t-\x1b[31mValue\x1b[0m_42`]))
      return { inputs: { settings: secretSettings(SECRET) } }
    }
  },
  {
    id: '3.2',
    cls: 3,
    title: 'a secret in a step name, where the report escapes `_`',
    arrange: ctx => {
      setScenario(ctx.cloud, withStep(`Deploy ${SECRET}`, ['ok'], 'failed'))
      return { inputs: { settings: secretSettings(SECRET) } }
    },
    check: (run, ctx) => {
      const texts = [run.summary, ...comments(ctx).map(c => c.body)].join('\n')
      expect(texts).not.toContain('s3cr3t-Value&#95;42')
      expect(texts).toContain('Deploy &#42;&#42;&#42;')
    }
  },
  ...(['*', '|', '&', '!'] as const).map((first, i): AdversarialCase => ({
    id: `3.${3 + i}`,
    cls: 3,
    title: `a YAML error about a secret value starting with ${first}`,
    arrange: () => ({
      inputs: {
        settings: `operationContext:\n  environmentVariables:\n    DB_PASSWORD: ${first}hunter2-s3cr3t-yaml\n`
      },
      secrets: ['hunter2-s3cr3t-yaml']
    }),
    check: run => {
      expect(run.code).toBe(1)
      expect(run.stdout).not.toContain('hunter2')
    }
  })),
  {
    id: '3.7',
    cls: 3,
    title: "a credential in the stack settings' repository URL",
    arrange: () => ({
      stackSettings: {
        sourceContext: {
          git: { repoUrl: 'https://x-access-token:ghp_repoUrlToken12345@github.com/other/repo.git' }
        }
      },
      secrets: ['ghp_repoUrlToken12345']
    }),
    check: run => expect(run.stdout).toContain('https://github.com/other/repo.git')
  },
  {
    id: '3.8',
    cls: 3,
    title: 'a secret where a server message is cut to length',
    arrange: ctx => {
      tamper(ctx.cloud, 'getSettings', () => ({
        status: 400,
        headers: {},
        body: { code: 400, message: `${'x'.repeat(495)}${SECRET} trailing` }
      }))
      return { inputs: { settings: secretSettings(SECRET) } }
    },
    check: run => {
      const printed = run.stdout.replace(/^::add-mask::.*$/gm, '')
      expect(printed).toContain('*** t')
      expect(printed).not.toContain(SECRET.slice(0, 5))
    }
  },
  {
    id: '3.9',
    cls: 3,
    title: 'a secret in a warning header of Pulumi Cloud',
    arrange: ctx => {
      ctx.cloud.setWarning(`this token ${SECRET} is deprecated`)
      return { inputs: { settings: secretSettings(SECRET) } }
    },
    check: reached('is deprecated')
  },
  {
    id: '3.10',
    cls: 3,
    title: 'a secret in an annotation title (a failed step named after it)',
    arrange: ctx => {
      setScenario(ctx.cloud, withStep(`step ${SECRET}`, ['boom'], 'failed'))
      return { inputs: { settings: secretSettings(SECRET) } }
    },
    check: run => expect(run.stdout).toMatch(/::error title=Deployment step failed%3A step \*\*\*/)
  },
  ...(['pulumi', 'acme'] as const).map((secret, i): AdversarialCase => ({
    id: `3.${11 + i}`,
    cls: 3,
    title: `a secret equal to ${secret === 'pulumi' ? '`pulumi`' : "a part of the stack's name"} leaves the comment marker intact`,
    // The harness would call the word a leak wherever it appears (a file name, the stack's name): not the point here.
    arrange: () => ({ inputs: { settings: secretSettings(secret) }, runsBefore: 1, expectLeaks: true }),
    check: (_run, ctx) => {
      const all = comments(ctx)
      expect(all).toHaveLength(1)
      expect(all[0]?.body.startsWith(MARKER)).toBe(true)
    }
  })),
  {
    id: '3.13',
    cls: 3,
    title: 'a secret echoed by the program inside JSON and a URL',
    arrange: ctx => {
      setScenario(
        ctx.cloud,
        withStep('Pre-run command 1', [
          JSON.stringify({ pw: `a"${SECRET}` }),
          `https://h/?q=${encodeURIComponent(SECRET)}`
        ])
      )
      return { inputs: { settings: secretSettings(SECRET) } }
    }
  }
]

// ---- class 1 and 4: who owns the comment, where tokens go ----------------------------------------------------

const class1: AdversarialCase[] = [
  {
    id: '1.1',
    cls: 1,
    title: 'a stranger posts a comment starting with the marker',
    arrange: ctx =>
      void ctx.github.addComment('acme', 'infra', 3, `${MARKER}\nmine now`, { login: 'mallory' }),
    check: (_run, ctx) => {
      const all = comments(ctx)
      expect(all[0]?.body).toBe(`${MARKER}\nmine now`)
      expect(all[1]?.user.login).toBe('github-actions[bot]')
    }
  },
  {
    id: '1.2',
    cls: 1,
    title: 'another bot posts a comment starting with the marker',
    arrange: ctx =>
      void ctx.github.addComment('acme', 'infra', 3, `${MARKER}\nbot`, {
        login: 'renovate[bot]',
        type: 'Bot'
      }),
    check: (_run, ctx) => {
      expect(comments(ctx)[0]?.body).toBe(`${MARKER}\nbot`)
      expect(comments(ctx)).toHaveLength(2)
    }
  },
  {
    id: '1.3',
    cls: 1,
    title: "a personal token edits its owner's comment, not the bot's",
    github: { personalUser: 'release-robot' },
    arrange: ctx => {
      ctx.github.addComment('acme', 'infra', 3, `${MARKER}\nbot`, {
        login: 'github-actions[bot]',
        type: 'Bot'
      })
      ctx.github.addComment('acme', 'infra', 3, `${MARKER}\nold`, { login: 'release-robot' })
    },
    check: (_run, ctx) => {
      const all = comments(ctx)
      expect(all).toHaveLength(2)
      expect(all[0]?.body).toBe(`${MARKER}\nbot`)
      expect(all[1]?.body).not.toBe(`${MARKER}\nold`)
    }
  },
  {
    id: '1.4',
    cls: 1,
    title: 'a comment that a second run must find is found again among a stranger\u2019s copies',
    arrange: ctx => {
      ctx.github.addComment('acme', 'infra', 3, `${MARKER}\nfake`, { login: 'mallory' })
      return { runsBefore: 1 }
    },
    check: (_run, ctx) => {
      const all = comments(ctx)
      expect(all).toHaveLength(2)
      expect(all[0]?.body).toBe(`${MARKER}\nfake`)
    }
  }
]

const class4: AdversarialCase[] = [
  {
    id: '4.1',
    cls: 4,
    title: 'the create is answered with a redirect to another origin',
    arrange: ctx =>
      tamper(ctx.cloud, 'createDeployment', () => ({
        status: 307,
        headers: { location: `${ctx.thief.url}/steal` },
        body: {}
      })),
    check: (run, ctx) => {
      expect(run.code).toBe(1)
      expect(ctx.thief.requests).toEqual([])
    }
  },
  {
    id: '4.2',
    cls: 4,
    title: 'a read is answered with a redirect to another origin',
    arrange: ctx => {
      tamper(ctx.cloud, 'getDeployment', () => ({
        status: 302,
        headers: { location: `${ctx.thief.url}/steal` },
        body: {}
      }))
      return { inputs: { timeout: '3s' } }
    },
    check: (_run, ctx) => expect(ctx.thief.requests).toEqual([])
  },
  {
    id: '4.3',
    cls: 4,
    title: "GitHub's pagination link leads to another origin",
    github: {
      perPageMax: 1,
      tamper: (req, reply) =>
        req.method === 'GET' && req.path.endsWith('/comments')
          ? {
              ...reply,
              headers: {
                ...reply.headers,
                link: `<${thiefUrl()}/repos/acme/infra/issues/3/comments?page=2>; rel="next"`
              }
            }
          : reply
    },
    arrange: ctx => void ctx.github.addComment('acme', 'infra', 3, 'hello'),
    check: (run, ctx) => {
      expect(ctx.thief.requests).toEqual([])
      expect(run.stdout).toMatch(/leads away from the GitHub API/)
    }
  },
  {
    id: '4.4',
    cls: 4,
    title: 'GitHub answers a comment write with a redirect to another origin',
    github: {
      tamper: (req, reply) =>
        req.method === 'POST'
          ? { status: 307, headers: { location: `${thiefUrl()}/steal` }, body: {} }
          : reply
    },
    check: (run, ctx) => {
      expect(ctx.thief.requests).toEqual([])
      expect(run.code).toBe(0)
    }
  },
  {
    id: '4.5',
    cls: 4,
    title: 'a plain http:// cloud URL to another host is warned about before the token is sent',
    arrange: () => ({ inputs: { 'cloud-url': 'http://pulumi-cloud.invalid' } }),
    check: run => {
      const warning = run.stdout.indexOf('::warning title=Unencrypted Pulumi Cloud URL::')
      expect(warning).toBeGreaterThanOrEqual(0)
      expect(warning).toBeLessThan(run.stdout.indexOf('::error'))
    }
  }
]

// The thief's address, known once it listens (run-case.ts sets it before any case runs).
let thiefAddress = ''
export function setThiefUrl(url: string): void {
  thiefAddress = url
}
function thiefUrl(): string {
  return thiefAddress
}

// ---- class 5: never hang, never hammer -----------------------------------------------------------------------

const MB = 1 << 20
const class5: AdversarialCase[] = [
  {
    id: '5.1',
    cls: 5,
    title: 'a 1 MB line of spaces in the log',
    arrange: ctx => setScenario(ctx.cloud, withStep('Pre-run command 1', [' '.repeat(MB)])),
    check: run => expect(run.code).toBe(0)
  },
  {
    id: '5.2',
    cls: 5,
    title: 'a 1 MB line of spaces inside the Resources: summary',
    arrange: ctx =>
      setScenario(
        ctx.cloud,
        withStep('Pre-run command 1', ['Resources:', `    + 1 to create${' '.repeat(MB)}x`])
      ),
    check: run => expect(run.code).toBe(0)
  },
  {
    id: '5.3',
    cls: 5,
    title: 'a 1 MB step name of spaces',
    arrange: ctx => setScenario(ctx.cloud, withStep(`x${' '.repeat(MB)}y`, ['ok'])),
    check: run => expect(run.code).toBe(0)
  },
  {
    id: '5.4',
    cls: 5,
    title: 'a status Pulumi does not document, kept after the log ended',
    arrange: ctx =>
      tamper(ctx.cloud, 'getDeployment', a =>
        record(a.body).status === 'succeeded' || record(a.body).status === 'running'
          ? { ...a, body: { ...record(a.body), status: 'paused-forever' } }
          : a
      ),
    check: run => {
      expect(run.outputs.status).toBe('unknown')
      expect(run.code).toBe(1)
    }
  },
  {
    id: '5.5',
    cls: 5,
    title: 'an answer that stalls after its headers is bounded by `timeout`',
    arrange: ctx => {
      ctx.cloud.faults.add({ endpoint: 'getDeployment', kind: 'stall' })
      return { inputs: { timeout: '3s' }, killAfterMs: 30_000 }
    },
    check: run => {
      expect(run.signal).toBeNull()
      expect(run.code).toBe(1)
    }
  },
  {
    id: '5.6',
    cls: 5,
    title: 'a log token that never advances is not asked again in a tight loop',
    arrange: ctx => {
      const lines = Array.from({ length: 100 }, (_, i) => ({
        line: `line ${i}\n`,
        timestamp: '2024-01-01T00:00:00Z'
      }))
      tamper(ctx.cloud, 'streamLogs', a => ({ ...a, status: 200, body: { lines, nextToken: 'stuck' } }))
      return { inputs: { timeout: '2s', 'poll-interval': '250ms' } }
    },
    check: (_run, ctx) => {
      // 2 s at one read per 250 ms is 8 reads; a tight loop would make hundreds.
      expect(ctx.cloud.requests.filter(r => r.endpoint === 'streamLogs').length).toBeLessThanOrEqual(12)
    }
  }
]

// ---- class 6: fail closed ------------------------------------------------------------------------------------

const class6: AdversarialCase[] = [
  {
    id: '6.1',
    cls: 6,
    title: 'expect-no-changes when the changes could not be determined',
    arrange: ctx => {
      setScenario(ctx.cloud, {
        steps: [
          { name: 'pulumi preview', lines: ['the log was cut short'], durationMs: 5, pulumiOperation: true }
        ],
        result: 'succeeded'
      })
      noCloudCounts(ctx)
      return { inputs: { 'expect-no-changes': 'true' } }
    },
    check: run => {
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/changes could not be determined/)
    }
  },
  ...(['getDeployment', 'streamLogs'] as const).map((endpoint, i): AdversarialCase => ({
    id: `6.${2 + i}`,
    cls: 6,
    title: `a 401 from ${endpoint} once the deployment exists still ends in a report`,
    arrange: ctx =>
      tamper(ctx.cloud, endpoint, () => ({
        status: 401,
        headers: {},
        body: { code: 401, message: 'Unauthorized' }
      })),
    check: (run, ctx) => {
      expect(run.code).toBe(1)
      expect(run.summary).toMatch(/stopped following the deployment/)
      const body = comments(ctx)[0]?.body ?? ''
      expect(body).not.toMatch(/queued/i)
      expect(run.outputs.status).toBeDefined()
    }
  }))
]

// ---- class 7: every answer validated -------------------------------------------------------------------------

function createAnswer(edit: (body: Record<string, unknown>) => Record<string, unknown>) {
  return (ctx: CaseContext): void =>
    tamper(ctx.cloud, 'createDeployment', a => ({ ...a, body: edit(record(a.body)) }))
}

const class7: AdversarialCase[] = [
  {
    id: '7.1',
    cls: 7,
    title: 'a deployment id of `..`',
    arrange: createAnswer(b => ({ ...b, id: '..' })),
    check: (run, ctx) => {
      // The answer is unreadable: the create is recovered from the stack's list, never by going to `..`.
      expect(ctx.cloud.requests.filter(r => r.endpoint === 'unknown' || r.path.includes('..'))).toEqual([])
      expect(run.outputs['deployment-id']).toBe(ctx.cloud.deployments()[0]?.id)
    }
  },
  {
    id: '7.2',
    cls: 7,
    title: 'a version that is not a whole number',
    arrange: createAnswer(b => ({ ...b, version: 1.5 })),
    check: run => expect(run.outputs['deployment-version']).toBe('1')
  },
  {
    id: '7.3',
    cls: 7,
    title: 'a version given as text',
    arrange: createAnswer(b => ({ ...b, version: '7; rm -rf /' })),
    check: run => expect(run.outputs['deployment-version']).toBe('1')
  },
  ...[
    'javascript:alert(1)',
    'https://evil.example/acme/web/dev/deployments/1',
    'http://app.pulumi.com.evil/x'
  ].map((url, i): AdversarialCase => ({
    id: `7.${4 + i}`,
    cls: 7,
    title: `a console URL of ${url}`,
    arrange: createAnswer(b => ({ ...b, consoleUrl: url })),
    check: (run, ctx) => {
      expect(run.outputs['console-url']?.startsWith(ctx.cloud.url)).toBe(true)
      expect(comments(ctx)[0]?.body).not.toContain('evil')
    }
  })),
  {
    id: '7.7',
    cls: 7,
    title: 'a status outside the six documented ones',
    arrange: ctx =>
      tamper(ctx.cloud, 'getDeployment', a => ({
        ...a,
        body: { ...record(a.body), status: `::warning::${CANARY}` }
      })),
    check: run => expect(run.outputs.status).toBe('unknown')
  },
  {
    id: '7.8',
    cls: 7,
    title: 'log entries of the wrong type',
    arrange: ctx =>
      tamper(ctx.cloud, 'streamLogs', a => ({
        ...a,
        body: {
          ...record(a.body),
          lines: [
            null,
            5,
            'text',
            { line: 7 },
            { header: {} },
            ...((record(a.body).lines as unknown[]) ?? [])
          ]
        }
      })),
    check: run => expect(run.code).toBe(0)
  },
  {
    id: '7.9',
    cls: 7,
    title: '`to constructor` and `to __proto__` in a Resources: summary',
    arrange: ctx => {
      setScenario(ctx.cloud, {
        steps: [
          {
            name: 'pulumi preview',
            lines: [
              'Resources:',
              '    + 1 to create',
              '    ~ 2 to constructor',
              '    - 3 to __proto__',
              '    4 unchanged'
            ],
            durationMs: 5,
            pulumiOperation: true
          }
        ],
        result: 'succeeded'
      })
      noCloudCounts(ctx)
    },
    check: run => {
      const changes = JSON.parse(run.outputs.changes ?? '{}') as Record<string, unknown>
      expect(changes).toEqual({ create: 1 })
    }
  }
]

// ---- class 8: inputs -----------------------------------------------------------------------------------------

const SETTINGS_REFUSED: Array<[string, string, RegExp]> = [
  ['an alias', 'a: &x {repoUrl: y}\nsourceContext:\n  git: *x', /anchor/],
  ['a tag', 'sourceContext:\n  git:\n    repoUrl: !!binary eA==', /tag/],
  ['a merge key', 'sourceContext:\n  git:\n    <<: {repoUrl: x}', /merge key/],
  [
    'a nested __proto__',
    '{"operationContext": {"__proto__": {"environmentVariables": {"A": "b"}}}}',
    /__proto__/
  ],
  ['a nested constructor', 'sourceContext:\n  git:\n    constructor: {prototype: 1}', /constructor/],
  ['a billion laughs', 'a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]', /anchor/]
]

const class8: AdversarialCase[] = [
  ...[
    ['an organization name longer than 40 characters', `${'o'.repeat(41)}/web/dev`],
    ['a project name longer than 100 characters', `acme/${'p'.repeat(101)}/dev`],
    ['a stack name longer than 100 characters', `acme/web/${'s'.repeat(101)}`]
  ].map(([what, stack], i): AdversarialCase => ({
    id: `8.${1 + i}`,
    cls: 8,
    title: what ?? '',
    arrange: () => ({ inputs: { stack: stack ?? '' } }),
    check: (run, ctx) => {
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/Pulumi Cloud allows at most/)
      expect(ctx.cloud.requests).toEqual([])
    }
  })),
  {
    id: '8.4',
    cls: 8,
    title: 'a long wrong input is quoted shortened',
    arrange: () => ({ inputs: { operation: `upp${'x'.repeat(5000)}` } }),
    check: run => {
      expect(run.code).toBe(1)
      expect(run.stdout).not.toContain('x'.repeat(100))
    }
  },
  {
    id: '8.5',
    cls: 8,
    title: 'a cloud-url that is not a URL but holds a credential',
    arrange: () => ({
      inputs: { 'cloud-url': 'https://user:pa55w0rd-in-url@ bad host' },
      secrets: ['pa55w0rd-in-url']
    }),
    check: run => expect(run.code).toBe(1)
  },
  ...SETTINGS_REFUSED.map(([what, text, expected], i): AdversarialCase => ({
    id: `8.${6 + i}`,
    cls: 8,
    title: `settings with ${what}`,
    arrange: () => ({ inputs: { settings: text } }),
    check: (run, ctx) => {
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(expected)
      expect(ctx.cloud.requests).toEqual([])
    }
  }))
]

// ---- class 9: what the comment and summary show --------------------------------------------------------------

const class9: AdversarialCase[] = [
  ...[
    ['@octocat in a step name', '@octocat please look', '@octocat'],
    ['@acme/admins in a failed step name', 'ping @acme/admins', '@acme/admins']
  ].map(([what, name, mention], i): AdversarialCase => ({
    id: `9.${1 + i}`,
    cls: 9,
    title: what ?? '',
    arrange: ctx => setScenario(ctx.cloud, withStep(name ?? '', ['boom'], 'failed')),
    check: (run, ctx) => {
      for (const text of [run.summary, comments(ctx)[0]?.body ?? '']) {
        expect(text).toContain((name ?? '').slice(1, 5))
        expect(text).not.toContain(mention)
      }
    }
  })),
  ...[
    ['a bell and an OSC link in a step name', 'step \x07\x1b]8;;https://evil\x07link\x1b]8;;\x07'],
    ['a right-to-left override in a step name', 'step \u202etxt.exe'],
    ['a NUL and a backspace in a step name', 'step \x00\x08\x0b\x0c']
  ].map(([what, name], i): AdversarialCase => ({
    id: `9.${3 + i}`,
    cls: 9,
    title: what ?? '',
    arrange: ctx => setScenario(ctx.cloud, withStep(name ?? '', ['boom'], 'failed')),
    check: (run, ctx) => {
      for (const text of [run.summary, comments(ctx)[0]?.body ?? '']) {
        // eslint-disable-next-line no-control-regex
        expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
      }
    }
  })),
  {
    id: '9.6',
    cls: 9,
    title: 'control characters in the log lines the comment shows',
    arrange: ctx =>
      setScenario(ctx.cloud, withStep('Pre-run command 1', ['a\x07b\u202ec @everyone'], 'failed')),
    check: (_run, ctx) => {
      const body = comments(ctx)[0]?.body ?? ''
      expect(body).toContain('abc')
      // eslint-disable-next-line no-control-regex
      expect(body).not.toMatch(/[\u0007\u202e]/)
    }
  }
]

export const CORPUS: AdversarialCase[] = [
  ...class1,
  ...class2,
  ...class3,
  ...class4,
  ...class5,
  ...class6,
  ...class7,
  ...class8,
  ...class9
]
