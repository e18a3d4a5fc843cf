import { readFileSync } from 'node:fs'
import { isCandidate } from '../src/pulumi/create.js'
import { parsePulumiTime } from '../src/pulumi/time.js'
import { deploymentConsoleUrl, joinUrl } from '../src/pulumi/paths.js'
import { parseRetryAfter, RetryBudget, DEFAULT_RETRY } from '../src/pulumi/retry.js'
import { formatStackRef, parseStackRef } from '../src/pulumi/stack-name.js'
import type { CreateDeploymentRequest, DeploymentSnapshot } from '../src/pulumi/types.js'
import { ACTION_VERSION, defaultUserAgent } from '../src/action/version.js'
import { Counter, RecordingClock } from './client-support.js'

describe('stack references', () => {
  it('parses org/project/stack with dots, underscores and dashes', () => {
    expect(parseStackRef('my-org/web.app/dev_1')).toEqual({
      org: 'my-org',
      project: 'web.app',
      stack: 'dev_1'
    })
    expect(formatStackRef({ org: 'a', project: 'b', stack: 'c' })).toBe('a/b/c')
  })

  it.each([
    'acme/web',
    'acme/web/dev/extra',
    'acme//dev',
    'acme/web/dev stack',
    'acme/we%2Fb/dev',
    '',
    'acme/../dev'
  ])('rejects %j', text => expect(parseStackRef(text)).toBeUndefined())
})

describe('version', () => {
  it('matches package.json, so the User-Agent names the released version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    expect(ACTION_VERSION).toBe(pkg.version)
    expect(defaultUserAgent()).toBe(`pulumi-deployments-action/${pkg.version}`)
  })
})

describe('URLs', () => {
  it('joins a base URL with or without a trailing slash or path prefix, and builds the query', () => {
    expect(joinUrl('https://api.pulumi.com/', '/api/x', { a: 1, b: undefined, c: 'x y&z' })).toBe(
      'https://api.pulumi.com/api/x?a=1&c=x+y%26z'
    )
    expect(joinUrl('https://proxy.example/pulumi', '/api/x')).toBe('https://proxy.example/pulumi/api/x')
  })

  it('builds console links on the app. host, or the base origin for other hosts', () => {
    const stack = { org: 'acme', project: 'web', stack: 'dev' }
    expect(deploymentConsoleUrl('https://api.pulumi.com', stack, 7)).toBe(
      'https://app.pulumi.com/acme/web/dev/deployments/7'
    )
    expect(deploymentConsoleUrl('http://127.0.0.1:4000/', stack, 7)).toBe(
      'http://127.0.0.1:4000/acme/web/dev/deployments/7'
    )
  })
})

describe('Retry-After', () => {
  const now = Date.UTC(2025, 0, 15, 9, 30, 0)
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter(new Date(now + 12_000).toUTCString(), now)).toBe(12_000)
    expect(parseRetryAfter(new Date(now - 5_000).toUTCString(), now)).toBe(0)
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
  })
})

describe('RetryBudget', () => {
  it('grows the jitter ceiling exponentially up to the cap and stops after maxAttempts', () => {
    const budget = new RetryBudget(
      { ...DEFAULT_RETRY, maxAttempts: 7 },
      new RecordingClock(new Counter()),
      () => 0.999999
    )
    const delays: (number | undefined)[] = []
    for (let i = 0; i < 7; i++) {
      budget.countAttempt()
      delays.push(budget.nextDelay())
    }
    expect(delays).toEqual([999, 1999, 3999, 7999, 15999, 29999, undefined])
  })

  it('caps Retry-After and refuses a wait that would overrun the elapsed budget', () => {
    const time = new Counter()
    const budget = new RetryBudget(
      { ...DEFAULT_RETRY, maxElapsedMs: 90_000 },
      new RecordingClock(time),
      () => 0.5
    )
    budget.countAttempt()
    expect(budget.nextDelay(600_000)).toBe(DEFAULT_RETRY.maxRetryAfterMs)
    time.advance(40_000)
    expect(budget.nextDelay(50_000)).toBe(50_000)
    expect(budget.nextDelay(50_001)).toBeUndefined()
  })
})

describe('create look-up candidates', () => {
  const sentAt = Date.UTC(2025, 0, 15, 9, 30, 0)
  const request: CreateDeploymentRequest = {
    operation: 'update',
    sourceContext: { git: { commit: 'abc1234' } }
  }
  const listed = (over: Partial<DeploymentSnapshot>): DeploymentSnapshot =>
    ({
      id: 'd1',
      version: 3,
      created: '2025-01-15 09:30:01.250',
      pulumiOperation: 'update',
      configuration: { environmentVariables: [], source: { git: { repoURL: 'r', commit: 'ABC1234def' } } },
      ...over
    }) as DeploymentSnapshot

  it("parses Pulumi's created format as UTC", () => {
    expect(parsePulumiTime('2025-01-15 09:30:01.250')).toBe(sentAt + 1250)
    expect(parsePulumiTime('2025-01-15T09:30:01Z')).toBe(sentAt + 1000)
    expect(parsePulumiTime('yesterday')).toBeUndefined()
    // Go's zero time: a time Pulumi Cloud has not set yet.
    expect(parsePulumiTime('0001-01-01T00:00:00Z')).toBeUndefined()
  })

  it('keeps a same-operation deployment of the pinned commit created after the send time', () => {
    expect(isCandidate(listed({}), request, sentAt)).toBe(true)
  })

  it('drops another operation, another commit, or one created before the window', () => {
    expect(isCandidate(listed({ pulumiOperation: 'preview' }), request, sentAt)).toBe(false)
    expect(
      isCandidate(
        listed({
          configuration: { environmentVariables: [], source: { git: { repoURL: 'r', commit: 'fff0000' } } }
        }),
        request,
        sentAt
      )
    ).toBe(false)
    expect(isCandidate(listed({ created: '2025-01-15 09:29:59.999' }), request, sentAt)).toBe(false)
  })
})
