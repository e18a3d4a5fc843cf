// A log page read as it streams, over real HTTP against the fake Pulumi Cloud (gzip included): a large page reaches
// its reader in parts, a page cut short is read again from where it stopped, and what is not a page is refused the
// same way whatever its size.
import { describe, expect, it } from '@jest/globals'
import type { PulumiCloudClient } from '../src/pulumi/client.js'
import type { LogPageSink } from '../src/pulumi/log-stream.js'
import type { LogEntry, StackRef } from '../src/pulumi/types.js'
import type { FakeCloud, ManualClock } from '../test/fake-cloud/index.js'
import { cloudAndClient, SOURCE_SETTINGS } from './client-support.js'

const stack: StackRef = { org: 'acme', project: 'web', stack: 'dev' }

// Lines that do not compress (as base64 blobs do not), so that even gzipped a page is larger than what is read
// whole (256 kB) and has to stream.
function noisyLine(i: number, chars: number): string {
  let seed = i + 1
  let text = `${i}:`
  while (text.length < chars) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    text += String.fromCharCode(48 + (seed % 75))
  }
  return `${text}\n`
}

const SIZES = {
  'a small page (read whole)': { count: 20, chars: 80 },
  'a large page (read as it streams)': { count: 60, chars: 10_000 }
}

interface Recorded extends LogPageSink {
  batches: LogEntry[][]
  all(): string[]
}

function recordingSink(): Recorded {
  return {
    handedOn: 0,
    batches: [],
    handOn(entries, through) {
      this.batches.push(entries)
      this.handedOn = through
    },
    all() {
      return this.batches.flat().map(e => e.header ?? e.line ?? '')
    }
  }
}

async function deploymentWithLines(
  count: number,
  chars: number
): Promise<{
  cloud: FakeCloud
  client: PulumiCloudClient
  time: ManualClock
  id: string
  expected: string[]
}> {
  const { cloud, client, time } = await cloudAndClient()
  const lines = Array.from({ length: count }, (_, i) => noisyLine(i, chars))
  cloud.addStack('acme/web/dev', {
    settings: SOURCE_SETTINGS,
    scenario: { steps: [{ name: 'pulumi update', durationMs: 1000, lines }], result: 'succeeded' }
  })
  const { id } = await client.createDeployment(stack, { operation: 'update' })
  time.advance(60_000)
  return { cloud, client, time, id, expected: ['pulumi update', ...lines] }
}

describe.each(Object.entries(SIZES))('%s', (_name, { count, chars }) => {
  it('hands every entry on once, in order, and says how many the page held', async () => {
    const { cloud, client, id, expected } = await deploymentWithLines(count, chars)
    try {
      const sink = recordingSink()
      const page = await client.streamLogs(stack, id, undefined, undefined, sink)
      expect(sink.all()).toEqual(expected)
      expect(page.size).toBe(expected.length)
      expect(page.lines).toEqual([])
      expect(page.nextToken).toBeUndefined()
      expect(cloud.requests.find(r => r.endpoint === 'streamLogs')?.encoding).toBe('gzip')
      // A large page reaches the reader in parts, as it arrives; a small one at once.
      if (chars > 1_000) expect(sink.batches.length).toBeGreaterThan(2)
      else expect(sink.batches).toHaveLength(1)
    } finally {
      await cloud.close()
    }
  })

  it('reads a page cut short again, handing on only what the first read did not', async () => {
    const { cloud, client, id, expected } = await deploymentWithLines(count, chars)
    try {
      cloud.faults.add({ kind: 'truncate', endpoint: 'streamLogs', times: 1 })
      const sink = recordingSink()
      await client.streamLogs(stack, id, undefined, undefined, sink)
      expect(sink.all()).toEqual(expected)
      expect(cloud.requests.filter(r => r.endpoint === 'streamLogs')).toHaveLength(2)
      // Streamed, the part before the cut was handed on before the cut was known; read whole, nothing was.
      const firstRead = sink.batches[0]?.length ?? 0
      if (chars > 1_000) expect(firstRead).toBeLessThan(expected.length)
      else expect(firstRead).toBe(expected.length)
    } finally {
      await cloud.close()
    }
  })

  it('keeps what a sink already took when the same token is read again', async () => {
    const { cloud, client, id, expected } = await deploymentWithLines(count, chars)
    try {
      const sink = recordingSink()
      sink.handedOn = 5
      const page = await client.streamLogs(stack, id, undefined, undefined, sink)
      expect(sink.all()).toEqual(expected.slice(5))
      expect(page.size).toBe(expected.length)
    } finally {
      await cloud.close()
    }
  })

  const large = chars > 1_000
  const padding = 'x'.repeat(large ? 400_000 : 10)
  it.each([
    ['a list at the top', `[{"lines":[],"pad":"${padding}"}]`, []],
    ['lines that are an object', `{"pad":"${padding}","lines":{"a":{"line":"x\\n"}}}`, []],
    ['lines that are a string', `{"pad":"${padding}","lines":"x"}`, []],
    ['a second document after the page', `{"pad":"${padding}","lines":[]} {"lines":[]}`, []],
    // Streamed, the line before the cut is handed on as it comes, and only once however often the page is asked for.
    ['a page cut off', `{"pad":"${padding}","lines":[{"line":"x\\n"},`, large ? ['x\n'] : []]
  ])('refuses %s as an unreadable answer', async (_what, raw, handedOn) => {
    const { cloud, client, id } = await deploymentWithLines(count, chars)
    try {
      cloud.faults.add({ kind: 'tamper', endpoint: 'streamLogs', edit: a => ({ ...a, status: 200, raw }) })
      const sink = recordingSink()
      await expect(client.streamLogs(stack, id, undefined, undefined, sink)).rejects.toThrow(
        /incomplete or unreadable answer \(HTTP 200\) when asked to read the deployment log/
      )
      expect(cloud.requests.filter(r => r.endpoint === 'streamLogs').length).toBeGreaterThan(1)
      expect(sink.all()).toEqual(handedOn)
    } finally {
      await cloud.close()
    }
  })

  it('skips entries of the wrong type and takes a token that is not a string for the end', async () => {
    const { cloud, client, id } = await deploymentWithLines(count, chars)
    try {
      const lines = [{ line: 1 }, 'text', { header: 'step', timestamp: 't' }, { line: `${padding}\n` }, null]
      cloud.faults.add({
        kind: 'tamper',
        endpoint: 'streamLogs',
        edit: a => ({ ...a, status: 200, body: { lines, nextToken: 7 } })
      })
      const sink = recordingSink()
      const page = await client.streamLogs(stack, id, undefined, undefined, sink)
      expect(sink.all()).toEqual(['step', `${padding}\n`])
      expect(page).toEqual({ lines: [], size: 5 })
    } finally {
      await cloud.close()
    }
  })
})
