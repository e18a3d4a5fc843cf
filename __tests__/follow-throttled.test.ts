// A follower that Pulumi Cloud answers with 429 and Retry-After slows down as told, also once the client has given
// up retrying a call: over real HTTP against the fake, on virtual time (a simulated ten minutes take milliseconds).
import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { PulumiCloudClient, type Clock } from '../src/pulumi/client.js'
import { parseStackRef } from '../src/pulumi/stack-name.js'
import type { StackRef } from '../src/pulumi/types.js'
import { DeploymentFollower } from '../src/deployment/follow.js'
import { startFakeCloud, ManualClock, type FakeCloud } from '../test/fake-cloud/index.js'

const STACK = 'acme/web/dev'
const ref = parseStackRef(STACK) as StackRef
const settings = { sourceContext: { git: { repoUrl: 'https://github.com/acme/infra.git', branch: 'main' } } }
const RETRY_AFTER_S = 10

let cloud: FakeCloud
let manual: ManualClock
let clock: Clock

beforeEach(async () => {
  manual = new ManualClock(Date.parse('2026-11-01T10:00:00Z'))
  clock = {
    now: () => manual.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new Error('aborted')
      manual.advance(ms)
      await new Promise(resolve => setImmediate(resolve))
    }
  }
  cloud = await startFakeCloud({ clock: manual })
})
afterEach(async () => cloud.close())

test('keeps to Retry-After between all its requests while throttled, then follows to the end', async () => {
  cloud.addStack(STACK, {
    settings,
    scenario: {
      steps: [{ name: 'pulumi update', durationMs: 10 * 60_000, lines: ['Updating (acme/dev):', 'done'] }],
      result: 'succeeded'
    }
  })
  const client = new PulumiCloudClient({ baseUrl: cloud.url, token: cloud.token, clock, random: () => 0.5 })
  const { id } = await client.createDeployment(ref, { operation: 'update' })
  // More 429s in a row than the client retries one call (5 attempts), so the follower meets the give-up too.
  cloud.faults.add({
    kind: 'status',
    status: 429,
    retryAfter: RETRY_AFTER_S,
    endpoint: ['getDeployment', 'streamLogs'],
    times: 12
  })
  const warnings: string[] = []
  const follower = new DeploymentFollower(
    client,
    clock,
    { info: () => undefined, warning: m => warnings.push(m), debug: () => undefined },
    () => undefined
  )

  const outcome = await follower.follow({ stack: ref, deploymentId: id, pollIntervalMs: 2000 })

  expect(outcome.kind).toBe('terminal')
  expect(outcome.deployment?.status).toBe('succeeded')
  expect(warnings.some(w => w.includes('429 Too Many Requests'))).toBe(true)
  const reads = cloud.requests.filter(r => r.endpoint === 'getDeployment' || r.endpoint === 'streamLogs')
  const throttled = reads.filter(r => r.fault === 'status')
  expect(throttled).toHaveLength(12)
  // Every request that met a 429 is followed by a rest of at least Retry-After, whoever made the next one.
  for (const request of throttled) {
    const next = reads[reads.indexOf(request) + 1]
    expect(next).toBeDefined()
    expect((next?.at ?? 0) - request.at).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000)
  }
})
