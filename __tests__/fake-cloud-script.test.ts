// `npm run fake-cloud`: every named scenario serves what it says, and the `npm run local` command it prints runs the
// built action against it to the promised end, writing the pull-request comment.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { ROOT } from '../demo/action-process.js'
import { runLocal } from '../script/local/run.js'
import { PULL_REQUEST, REPOSITORY, SCENARIOS, type NamedScenario } from '../script/fake-cloud/scenarios.js'
import { commandLine, serveScenario } from '../script/fake-cloud/serve.js'

const [owner = '', repo = ''] = REPOSITORY.split('/')

async function play(named: NamedScenario): Promise<{ codes: number[]; shown: string; comments: string[] }> {
  const served = await serveScenario(named, { timing: { stepMs: 20, resumeAfterMs: 300 } })
  try {
    const codes: number[] = []
    let shown = ''
    for (const command of served.commands) {
      codes.push(
        await runLocal(
          [...command.args, '--poll-interval', '100ms'],
          { PATH: process.env.PATH, ...command.env },
          { write: text => (shown += text) }
        )
      )
    }
    return { codes, shown, comments: served.github.comments(owner, repo, PULL_REQUEST).map(c => c.body) }
  } finally {
    await served.close()
  }
}

describe('npm run fake-cloud', () => {
  test.concurrent.each(SCENARIOS.map(s => [s.name, s] as const))(
    '%s: the printed npm run local command runs to the promised end and comments',
    async (_name, named) => {
      const { codes, shown, comments } = await play(named)
      const stacks = named.stacks?.length ?? 1
      expect(codes).toEqual(Array.from({ length: stacks }, () => named.exitCode))
      // One comment per stack, each ending with the result, not "is queued".
      expect(comments).toHaveLength(stacks)
      for (const body of comments) expect(body.split('\n')[1]).not.toMatch(/is queued|is running/)
      if (named.name === 'paused-then-resumed') {
        expect(shown).toMatch(/Deployments are paused for this stack/)
        expect(shown).toContain('Deployments were resumed; the deployment has left the queue.')
      }
      if (named.name === 'fails-before-operation') expect(shown).toMatch(/failed in step "Get source"/)
      if (named.name === 'skipped') expect(shown).toMatch(/was skipped by Pulumi Cloud/)
    },
    90_000
  )

  test('the command line is what a shell runs: environment first, then npm run local -- and the options', async () => {
    const served = await serveScenario(SCENARIOS[0] as NamedScenario, {})
    try {
      const [command] = served.commands
      expect(commandLine(command as (typeof served.commands)[number])).toBe(
        `PULUMI_ACCESS_TOKEN=${served.cloud.token} GITHUB_TOKEN=${served.github.token} ` +
          `GITHUB_API_URL=${served.github.url} npm run local -- --stack acme/website/production ` +
          `--operation update --cloud-url ${served.cloud.url} --repository acme/website --comment-on-pr-number 42`
      )
    } finally {
      await served.close()
    }
  })

  test("the README's table lists every scenario, in order", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('<!-- fake-cloud-scenarios:start -->'))
    const listed = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map(m => m[1])
    expect(listed.slice(0, SCENARIOS.length)).toEqual(SCENARIOS.map(s => s.name))
  })
})
