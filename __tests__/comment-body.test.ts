import type { LogEntry } from '../src/pulumi/types.js'
import {
  buildCommentBody,
  COMMENT_MARKER_PREFIX,
  commentMarker,
  DEFAULT_MAX_COMMENT_CHARS,
  isOurComment
} from '../src/report/comment-body.js'
import { LogRenderer } from '../src/deployment/log-renderer.js'
import type { DeploymentReport } from '../src/report/model.js'
import { discardingSink } from '../test/harness/log-sink.js'

const GITHUB_LIMIT = 65_536

const base: DeploymentReport = {
  stack: 'acme/web/dev',
  operation: 'preview',
  status: 'succeeded',
  deploymentId: 'd-1',
  version: 12,
  consoleUrl: 'https://app.pulumi.com/acme/web/dev/deployments/12',
  commit: '0123456789abcdef0123456789abcdef01234567',
  commitUrl: 'https://github.com/acme/web/commit/0123456789abcdef0123456789abcdef01234567',
  runUrl: 'https://github.com/acme/web/actions/runs/99',
  changes: { create: 2, update: 1, same: 4 },
  queuedMs: 12_000,
  runningMs: 90_000,
  steps: [{ name: 'pulumi preview', status: 'succeeded', durationMs: 60_000 }],
  output: {
    name: 'pulumi preview',
    lineCount: 5,
    head: [' +  aws:s3:Bucket logs create', '', 'Resources:', '    + 2 to create', '    1 to update'],
    tail: [],
    omitted: 0
  }
}

/** Rendered through the real renderer, as the action does: a preview of `count` resources. */
function previewOf(count: number): DeploymentReport {
  const renderer = new LogRenderer({ sink: discardingSink, redact: s => s, operation: 'preview' })
  const entries: LogEntry[] = [{ header: 'pulumi preview', timestamp: '0001-01-01T00:00:00Z' }]
  const add = (line: string): number => entries.push({ line: `${line}\n`, timestamp: '2024-05-01T10:00:00Z' })
  add('Previewing update (acme/web/dev)')
  for (let i = 1; i <= count; i++) {
    add(`    + aws:s3/bucketV2:BucketV2: (create) <bucket-${i}>`)
    add(
      `        [urn=urn:pulumi:dev::web::aws:s3/bucketV2:BucketV2::bucket-${i}] tags: {"team": "<platform>"}`
    )
  }
  for (const line of ['Resources:', `    + ${count} to create`, '    1 unchanged']) add(line)
  renderer.push(entries)
  return { ...base, changes: renderer.changes(), output: renderer.operationOutput() }
}

describe('commentMarker and isOurComment', () => {
  it('make a one-line HTML comment naming stack and operation', () => {
    expect(commentMarker('acme/web/dev', 'preview')).toBe(
      '<!-- pulumi-deployments:v1 acme/web/dev preview -->'
    )
    expect(commentMarker('acme/web/dev', 'preview').startsWith(COMMENT_MARKER_PREFIX)).toBe(true)
  })

  it('keep a value from ending the comment early or spanning lines', () => {
    const marker = commentMarker('acme/x --> <b>boom</b>\n', 'up--!>')
    expect(marker).toBe('<!-- pulumi-deployments:v1 acme/x_--___b_boom_/b__ up--__ -->')
    expect(marker.indexOf('-->')).toBe(marker.length - 3)
    expect(commentMarker('', '')).toBe('<!-- pulumi-deployments:v1 _ _ -->')
  })

  it('recognise only a body that starts with the marker of this stack and operation', () => {
    const marker = commentMarker('acme/web/dev', 'preview')
    expect(isOurComment(`${marker}\n### result`, marker)).toBe(true)
    expect(isOurComment(`> ${marker}\n> quoted by a person`, marker)).toBe(false)
    expect(isOurComment(`Look at this: ${marker}`, marker)).toBe(false)
    expect(isOurComment(`${commentMarker('acme/web/dev2', 'preview')}\n`, marker)).toBe(false)
    expect(isOurComment(`${commentMarker('acme/web/dev', 'update')}\n`, marker)).toBe(false)
  })
})

describe('buildCommentBody', () => {
  it('puts the marker first, then the result at a glance, then the output folded away', () => {
    const body = buildCommentBody(base)
    const [first, title] = body.split('\n')
    expect(first).toBe(commentMarker('acme/web/dev', 'preview'))
    // The headline carries the counts: the impact at a glance.
    expect(title).toBe('### ✅ Pulumi preview succeeded: acme/web/dev — 2 to create, 1 to update')
    expect(body).toContain('**Commit:** [`0123456`](https://github.com/acme/web/commit/')
    expect(body).toContain('**Duration:** 1m 30s (queued 12s)')
    expect(body).toContain('[Deployment #12](https://app.pulumi.com/acme/web/dev/deployments/12)')
    expect(body).toContain('[Workflow run](https://github.com/acme/web/actions/runs/99)')
    expect(body).toContain(' · 4 unchanged')
    expect(body).toContain(
      '<details><summary>Output of <code>pulumi preview</code> (5 lines)</summary>\n\n<pre>\n'
    )
    expect(body.indexOf('4 unchanged')).toBeLessThan(body.indexOf('<details>'))
    expect(body).not.toContain('omitted')
  })

  it('links the stack update when it is known', () => {
    const body = buildCommentBody({
      ...base,
      updateVersion: 34,
      updateUrl: 'https://app.pulumi.com/acme/web/dev/updates/34'
    })
    expect(body).toContain('[Update #34](https://app.pulumi.com/acme/web/dev/updates/34)')
  })

  it('shows a progress line with the link while the deployment is queued or running, and no output yet', () => {
    for (const status of ['not-started', 'accepted', 'running'] as const) {
      const body = buildCommentBody({ ...base, status, changes: undefined, runningMs: undefined })
      expect(body).toContain('this report is updated when it finishes')
      expect(body).toContain(
        '[Follow it in Pulumi Cloud](https://app.pulumi.com/acme/web/dev/deployments/12).'
      )
      expect(body).not.toContain('<details>')
      expect(body).not.toContain('**Duration:**')
    }
    expect(buildCommentBody({ ...base, status: 'created' })).toContain('did not wait for it')
  })

  it("shows a failed step's last lines instead of the output", () => {
    const body = buildCommentBody({
      ...base,
      status: 'failed',
      failedStep: { name: 'pulumi preview', lastLines: ['error: boom', '    at <anonymous>'] }
    })
    expect(body).toContain('### ❌ Pulumi preview failed: acme/web/dev')
    expect(body).toContain(
      '**Failed step:** pulumi preview. Its last lines:\n\n<pre>\nerror: boom\n    at &lt;anonymous&gt;\n</pre>'
    )
    expect(body).not.toContain('<details>')
    const silent = buildCommentBody({
      ...base,
      status: 'failed',
      failedStep: { name: 'Get source', lastLines: [] }
    })
    expect(silent).toContain('**Failed step:** Get source. Its log has no lines.')
    expect(silent).not.toContain('<pre>')
  })

  it('says why the wait ended when the action stopped waiting', () => {
    const body = buildCommentBody({
      ...base,
      status: 'timed-out',
      message: 'Timed out after 30m; the deployment was cancelled.'
    })
    expect(body).toContain('### ⌛ Pulumi preview timed out: acme/web/dev')
    expect(body).toContain('> Timed out after 30m; the deployment was cancelled.')
  })

  it('escapes HTML in the output, so it can close neither the block nor the comment', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '</pre></details><img src=x onerror=alert(1)>',
      '--> "quoted" & \'single\''
    ]
    const body = buildCommentBody({
      ...base,
      output: { name: 'pulumi </code><b>preview</b>', lineCount: 3, head: hostile, tail: [], omitted: 0 }
    })
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(body).toContain('&lt;/pre&gt;&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;')
    expect(body).toContain('--&gt; &quot;quoted&quot; &amp; &#39;single&#39;')
    expect(body).toContain('<code>pulumi &lt;/code&gt;&lt;b&gt;preview&lt;/b&gt;</code>')
    expect(body).not.toMatch(/<script|<img|<b>/)
    expect(body.match(/<\/pre>/g)).toHaveLength(1)
    expect(body.match(/<\/details>/g)).toHaveLength(1)
  })

  it('escapes step names, stack names and messages that look like markup', () => {
    const body = buildCommentBody({
      ...base,
      stack: 'acme/<b>web</b>/*dev*',
      status: 'failed',
      message: 'see [here](javascript:alert(1)) | `code`',
      failedStep: { name: '</details><script>x</script>', lastLines: ['x'] }
    })
    expect(body).toContain('### ❌ Pulumi preview failed: acme/&lt;b&gt;web&lt;/b&gt;/&#42;dev&#42;')
    expect(body).toContain('> see &#91;here&#93;(javascript:alert(1)) &#124; &#96;code&#96;')
    expect(body).toContain('**Failed step:** &lt;/details&gt;&lt;script&gt;x&lt;/script&gt;.')
    expect(body).not.toMatch(/<script|<b>/)
  })

  it('links only http(s) addresses', () => {
    const body = buildCommentBody({
      ...base,
      consoleUrl: 'javascript:alert(1)',
      runUrl: 'https://example.com/a(b)'
    })
    expect(body).not.toContain('javascript:')
    expect(body).toContain('[Workflow run](https://example.com/a%28b%29)')
  })

  it('strips colour codes from the output', () => {
    const body = buildCommentBody({
      ...base,
      output: {
        name: 'pulumi preview',
        lineCount: 1,
        head: ['\x1b[32m+ create\x1b[0m'],
        tail: [],
        omitted: 0
      }
    })
    expect(body).toContain('<pre>\n+ create\n</pre>')
  })

  it('fits a 4,000-resource preview under the limit, keeping its start and its Resources: summary', () => {
    const report = previewOf(4_000)
    const body = buildCommentBody(report)
    expect(body.length).toBeLessThan(GITHUB_LIMIT)
    expect(body.length).toBeLessThanOrEqual(DEFAULT_MAX_COMMENT_CHARS)
    expect(body).toContain(
      'Previewing update (acme/web/dev)\n    + aws:s3/bucketV2:BucketV2: (create) &lt;bucket-1&gt;'
    )
    expect(body).toMatch(/Resources:\n {4}\+ 4000 to create\n {4}1 unchanged\n<\/pre>/)
    expect(body.split('\n')[1]).toContain('— 4,000 to create')
    const omitted = /… ([\d,]+) lines omitted …/.exec(body)?.[1]
    expect(omitted).toBeDefined()
    const left = Number(omitted?.replace(/,/g, ''))
    expect(body).toContain(
      `${left.toLocaleString('en-US')} lines were left out of the middle; the whole log is in the [workflow run](https://github.com/acme/web/actions/runs/99).`
    )
    // Every line is accounted for: shown, or counted as left out.
    const shown = /<pre>\n([\s\S]*)\n<\/pre>/.exec(body)?.[1]?.split('\n').length ?? 0
    expect(shown - 1 + left).toBe(report.output?.lineCount)
  })

  it('keeps to a smaller budget when asked', () => {
    const body = buildCommentBody(previewOf(500), { maxChars: 10_000 })
    expect(body.length).toBeLessThanOrEqual(10_000)
    expect(body).toContain('Resources:')
    expect(body).toContain('lines omitted')
  })

  it('redacts the finished body and still keeps under the limit when the masks are longer than the secrets', () => {
    const report = previewOf(4_000)
    const redact = (s: string): string => s.replace(/bucket/g, '[REDACTED-SECRET-VALUE]')
    const body = buildCommentBody(report, { redact })
    expect(body).not.toMatch(/bucket/)
    expect(body).toContain('[REDACTED-SECRET-VALUE]')
    expect(body.length).toBeLessThanOrEqual(DEFAULT_MAX_COMMENT_CHARS)
    expect(body.split('\n')[0]).toBe(commentMarker('acme/web/dev', 'preview'))
  })
})
