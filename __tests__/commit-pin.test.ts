import type { DeploymentSettings } from '../src/pulumi/types.js'
import {
  applyCommitPin,
  needsStackSettings,
  resolveCommitPin,
  sameRepository
} from '../src/github/commit-pin.js'
import type { EventContext } from '../src/github/context.js'
import type { CommitMode } from '../src/config/inputs.js'

const PUSH_SHA = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
const HEAD_SHA = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'
const AUTO: CommitMode = { mode: 'auto' }

const push: EventContext = {
  repository: 'acme/app',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  eventName: 'push',
  sha: PUSH_SHA
}
const pullRequest: EventContext = {
  ...push,
  eventName: 'pull_request',
  sha: 'cccccccccccccccccccccccccccccccccccccccc',
  pullRequest: { number: 7, headSha: HEAD_SHA, headRepo: 'acme/app' }
}
const thisRepo: DeploymentSettings = {
  sourceContext: { git: { repoUrl: 'https://github.com/acme/app.git' } }
}
const otherRepo: DeploymentSettings = { sourceContext: { git: { repoUrl: 'https://github.com/other/repo' } } }
const stackOnBranch: DeploymentSettings = {
  sourceContext: {
    git: { repoUrl: 'git@github.com:acme/app.git', branch: 'refs/heads/main', repoDir: 'infra' }
  }
}

describe('sameRepository', () => {
  test.each([
    'https://github.com/acme/app',
    'https://github.com/acme/app.git',
    'https://github.com/acme/app/',
    'https://github.com/Acme/App.GIT',
    'http://github.com/acme/app',
    'https://x-access-token:ghs_abc@github.com/acme/app.git',
    'https://www.github.com/acme/app',
    'git@github.com:acme/app.git',
    'git@github.com:acme/app',
    'ssh://git@github.com/acme/app.git',
    'ssh://git@ssh.github.com:443/acme/app.git',
    'git://github.com/acme/app.git',
    'github.com/acme/app',
    '  https://github.com/acme/app  '
  ])('%s is acme/app on github.com', url => {
    expect(sameRepository(url, 'acme/app', 'https://github.com')).toBe(true)
  })

  test.each([
    'https://github.com/acme/app-infra',
    'https://github.com/acme/app/tree/main',
    'https://github.com/other/app',
    'https://gitlab.com/acme/app',
    'https://github.com.evil.example/acme/app',
    'git@gitlab.com:acme/app.git',
    'file:///srv/git/acme/app',
    'acme/app',
    'not a url',
    ''
  ])('%j is not acme/app on github.com', url => {
    expect(sameRepository(url, 'acme/app', 'https://github.com')).toBe(false)
  })

  test('matches a GitHub Enterprise Server host, over https and ssh on another port', () => {
    const server = 'https://ghes.example.com'
    expect(sameRepository('https://ghes.example.com/acme/app.git', 'acme/app', server)).toBe(true)
    expect(sameRepository('ssh://git@ghes.example.com:2222/acme/app.git', 'acme/app', server)).toBe(true)
    expect(sameRepository('https://github.com/acme/app.git', 'acme/app', server)).toBe(false)
  })
})

describe('resolveCommitPin', () => {
  test('none never pins', () => {
    const pin = resolveCommitPin({ mode: 'none' }, push, thisRepo, undefined, true)
    expect(pin).toEqual({ reason: 'Not pinning a commit: the `commit` input is `none`.' })
  })

  test('a SHA pins that commit whatever the repository', () => {
    const pin = resolveCommitPin({ mode: 'sha', sha: 'abcdef1234' }, push, otherRepo, undefined, true)
    expect(pin).toEqual({
      commit: 'abcdef1234',
      reason: 'Pinning the deployment to commit abcdef1, from the `commit` input.'
    })
  })

  test('auto pins the pushed commit when the request names this repository', () => {
    expect(resolveCommitPin(AUTO, push, thisRepo, undefined, true)).toEqual({
      commit: PUSH_SHA,
      reason: 'Pinning the deployment to commit aaaaaaa, the commit that triggered this workflow (push).'
    })
  })

  test("auto pins a pull request's head, not the merge commit GITHUB_SHA names", () => {
    expect(resolveCommitPin(AUTO, pullRequest, thisRepo, undefined, true)).toEqual({
      commit: HEAD_SHA,
      reason: 'Pinning the deployment to commit bbbbbbb, the head of pull request #7.'
    })
  })

  test('auto reads the repository from the stack settings when the request names none', () => {
    expect(resolveCommitPin(AUTO, push, undefined, stackOnBranch, true).commit).toBe(PUSH_SHA)
  })

  test("auto ignores the stack's repository when settings are not inherited", () => {
    const pin = resolveCommitPin(AUTO, push, undefined, stackOnBranch, false)
    expect(pin.commit).toBeUndefined()
    expect(pin.reason).toMatch(/name no git repository.*`inherit-settings` is false/)
  })

  test("the request's repository wins over the stack's", () => {
    const pin = resolveCommitPin(AUTO, push, otherRepo, stackOnBranch, true)
    expect(pin).toEqual({
      reason:
        "Not pinning a commit: the deployment's source repository https://github.com/other/repo is not this " +
        "workflow's repository acme/app."
    })
  })

  test('auto uses gitHub.repository when no repoUrl is set', () => {
    expect(resolveCommitPin(AUTO, push, { gitHub: { repository: 'Acme/App' } }, undefined, true).commit).toBe(
      PUSH_SHA
    )
    const other = resolveCommitPin(AUTO, push, undefined, { gitHub: { repository: 'other/repo' } }, true)
    expect(other.commit).toBeUndefined()
    expect(other.reason).toContain('other/repo is not this workflow')
  })

  test('a repoUrl (what is cloned) wins over gitHub.repository', () => {
    const settings: DeploymentSettings = { ...otherRepo, gitHub: { repository: 'acme/app' } }
    expect(resolveCommitPin(AUTO, push, settings, undefined, true).commit).toBeUndefined()
  })

  test('auto reads repoURL as older stack settings spell it', () => {
    const stack = { sourceContext: { git: { repoURL: 'https://github.com/acme/app' } } } as DeploymentSettings
    expect(resolveCommitPin(AUTO, push, undefined, stack, true).commit).toBe(PUSH_SHA)
  })

  test.each([
    ['commit', { sourceContext: { git: { commit: 'deadbeef' } } }],
    [
      'branch',
      { sourceContext: { git: { repoUrl: 'https://github.com/acme/app', branch: 'refs/heads/release' } } }
    ],
    ['tag', { sourceContext: { git: { tag: 'v1.2.3' } } }]
  ])("auto respects the user's own %s in settings", (key, settings: DeploymentSettings) => {
    const pin = resolveCommitPin(AUTO, push, settings, stackOnBranch, true)
    expect(pin).toEqual({
      reason: `Not pinning a commit: the \`settings\` input chooses \`sourceContext.git.${key}\` itself.`
    })
  })

  test('auto does not pin a source that is not git', () => {
    const pin = resolveCommitPin(
      AUTO,
      push,
      { sourceContext: { template: { sourceUrl: 'x' } } },
      stackOnBranch,
      true
    )
    expect(pin.commit).toBeUndefined()
    expect(pin.reason).toMatch(/not git/)
  })

  test('auto does not pin when no settings name a repository', () => {
    const pin = resolveCommitPin(AUTO, push, undefined, undefined, true)
    expect(pin.commit).toBeUndefined()
    expect(pin.reason).toMatch(/name no git repository/)
  })

  test("auto does not pin a fork's head, and says how to do it deliberately", () => {
    const fromFork: EventContext = {
      ...pullRequest,
      eventName: 'pull_request_target',
      pullRequest: { number: 9, headSha: HEAD_SHA, headRepo: 'mallory/app' }
    }
    const pin = resolveCommitPin(AUTO, fromFork, thisRepo, undefined, true)
    expect(pin.commit).toBeUndefined()
    expect(pin.reason).toMatch(/pull request #9 comes from mallory\/app.*set the `commit` input/)
  })

  test('auto treats a pull request whose fork was deleted as a fork', () => {
    const orphan: EventContext = { ...pullRequest, pullRequest: { number: 9, headSha: HEAD_SHA } }
    expect(resolveCommitPin(AUTO, orphan, thisRepo, undefined, true).commit).toBeUndefined()
  })

  test('auto does not pin without an event commit or a workflow repository', () => {
    const noSha = resolveCommitPin(AUTO, { ...push, sha: undefined }, thisRepo, undefined, true)
    expect(noSha).toEqual({
      reason:
        'Not pinning a commit: GITHUB_SHA is not set, so the commit that triggered this workflow is unknown.'
    })
    const noRepository = resolveCommitPin(AUTO, { ...push, repository: undefined }, thisRepo, undefined, true)
    expect(noRepository.commit).toBeUndefined()
    expect(noRepository.reason).toMatch(/GITHUB_REPOSITORY is not set/)
  })
})

describe('needsStackSettings', () => {
  test.each([
    ['auto, inheriting, nothing in the request', AUTO, undefined, true, true],
    [
      'auto, inheriting, only gitHub.repository in the request',
      AUTO,
      { gitHub: { repository: 'acme/app' } },
      true,
      true
    ],
    ['auto, the request names the repository', AUTO, thisRepo, true, false],
    ['auto, the request picks a branch', AUTO, { sourceContext: { git: { branch: 'main' } } }, true, false],
    ['auto, the request uses a template', AUTO, { sourceContext: { template: {} } }, true, false],
    ['auto, not inheriting', AUTO, undefined, false, false],
    ['none', { mode: 'none' }, undefined, true, false],
    ['a SHA', { mode: 'sha', sha: 'abcdef1' }, undefined, true, false]
  ] as [string, CommitMode, DeploymentSettings | undefined, boolean, boolean][])(
    '%s',
    (_case, mode, settings, inherit, expected) => {
      expect(needsStackSettings(mode, settings, inherit)).toBe(expected)
    }
  )

  test('agrees with resolveCommitPin: when not needed, the stack settings do not change the decision', () => {
    const stacks: (DeploymentSettings | undefined)[] = [undefined, stackOnBranch, otherRepo]
    const requests: (DeploymentSettings | undefined)[] = [
      thisRepo,
      otherRepo,
      { sourceContext: { git: { tag: 'v1' } } }
    ]
    for (const request of requests) {
      expect(needsStackSettings(AUTO, request, true)).toBe(false)
      const pins = stacks.map(stack => resolveCommitPin(AUTO, push, request, stack, true))
      expect(new Set(pins.map(pin => JSON.stringify(pin))).size).toBe(1)
    }
  })
})

describe('applyCommitPin', () => {
  test('sets the commit beside branch "" as the CLI does, drops tag, keeps the rest, leaves the input untouched', () => {
    const settings: DeploymentSettings = {
      sourceContext: { git: { repoUrl: 'https://github.com/acme/app', branch: 'main', repoDir: 'infra' } },
      operationContext: { environmentVariables: { A: 'b' } }
    }
    const before = structuredClone(settings)
    const pinned = applyCommitPin(settings, { commit: PUSH_SHA, reason: 'r' })
    expect(pinned).toEqual({
      sourceContext: {
        git: { repoUrl: 'https://github.com/acme/app', repoDir: 'infra', branch: '', commit: PUSH_SHA }
      },
      operationContext: { environmentVariables: { A: 'b' } }
    })
    expect(settings).toEqual(before)
    expect(pinned.operationContext).not.toBe(settings.operationContext)
  })

  test('pins a request that had no settings of its own', () => {
    expect(applyCommitPin(undefined, { commit: PUSH_SHA, reason: 'r' })).toEqual({
      sourceContext: { git: { branch: '', commit: PUSH_SHA } }
    })
  })

  test('without a pin, returns the settings as they were (empty when there were none)', () => {
    expect(applyCommitPin(thisRepo, { reason: 'r' })).toEqual(thisRepo)
    expect(applyCommitPin(undefined, { reason: 'r' })).toEqual({})
  })
})
