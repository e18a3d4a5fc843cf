// Runs one case of the corpus: fresh fakes, the case's arrangement, the built action as a runner runs it, then what
// must hold in every case (no forged runner command, no secret in the rendered log) and the case's own checks.
import { expect } from '@jest/globals'
import { startFakeCloud, previewScenario } from '../fake-cloud/index.js'
import { startFakeGitHub } from '../fake-github/index.js'
import { runAction, type ActionResult } from '../harness/run-action.js'
import {
  CANARY,
  STACK,
  setThiefUrl,
  type AdversarialCase,
  type Arranged,
  type CaseContext
} from './corpus.js'
import { injections, readStdout, renderedLeaks } from './runner-model.js'
import type { Thief } from './thief.js'

const PULL_REQUEST_EVENT = {
  name: 'pull_request',
  payload: { pull_request: { number: 3, head: { sha: 'a'.repeat(40), repo: { full_name: 'acme/infra' } } } }
}

export async function runCase(c: AdversarialCase, thief: Thief): Promise<void> {
  setThiefUrl(thief.url)
  thief.requests.length = 0
  const cloud = await startFakeCloud()
  const github = await startFakeGitHub(c.github)
  const pending: Array<() => void> = []
  try {
    const ctx: CaseContext = { cloud, github, thief }
    const arranged: Arranged =
      c.arrange?.({
        ...ctx,
        // Scenarios and faults set in `arrange` apply to the stack made below, which must exist first.
        cloud: Object.assign(Object.create(cloud) as typeof cloud, {
          setScenario: (ref: string, s: Parameters<typeof cloud.setScenario>[1]) => {
            pending.push(() => cloud.setScenario(ref, s))
          }
        })
      }) ?? {}
    const stackSettings = arranged.stackSettings ?? {
      sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } }
    }
    cloud.addStack(STACK, {
      settings: stackSettings,
      scenario: previewScenario({ creates: 1, stepMs: 5, queuedMs: 0, acceptedMs: 0 })
    })
    for (const apply of pending) apply()
    const run = (): Promise<ActionResult> =>
      runAction({
        inputs: {
          stack: STACK,
          operation: 'preview',
          'cloud-url': cloud.url,
          'poll-interval': '20ms',
          timeout: '60s',
          ...arranged.inputs
        },
        env: { PULUMI_ACCESS_TOKEN: cloud.token, ...arranged.env },
        repository: 'acme/infra',
        githubApiUrl: github.url,
        githubToken: github.token,
        event: PULL_REQUEST_EVENT,
        secrets: arranged.secrets,
        post: arranged.post,
        expectLeaks: arranged.expectLeaks,
        killAfterMs: arranged.killAfterMs ?? 45_000
      })
    for (let i = 0; i < (arranged.runsBefore ?? 0); i++) await run()
    const result = await run()
    const view = readStdout(result.stdout)
    expect({ case: c.id, forged: injections(view, CANARY) }).toEqual({ case: c.id, forged: [] })
    expect({ case: c.id, drawn: view.drawn }).toEqual({ case: c.id, drawn: [] })
    const secrets = [cloud.token, github.token, ...(arranged.secrets ?? [])]
    expect({ case: c.id, leaked: renderedLeaks(view, secrets) }).toEqual({ case: c.id, leaked: [] })
    expect({ case: c.id, killed: result.signal }).toEqual({ case: c.id, killed: null })
    c.check?.(result, ctx, view)
  } finally {
    await cloud.close()
    await github.close()
  }
}
