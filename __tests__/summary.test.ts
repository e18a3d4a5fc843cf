import type { DeploymentReport } from '../src/report/model.js'
import { buildSummary, DEFAULT_OUTPUT_BYTES } from '../src/report/summary.js'

const ONE_MIB = 1024 * 1024

const report: DeploymentReport = {
  stack: 'acme/web/prod',
  operation: 'update',
  status: 'succeeded',
  version: 7,
  consoleUrl: 'https://app.pulumi.com/acme/web/prod/deployments/7',
  updateVersion: 41,
  updateUrl: 'https://app.pulumi.com/acme/web/prod/updates/41',
  commit: 'fedcba9876543210fedcba9876543210fedcba98',
  commitUrl: 'https://github.com/acme/web/commit/fedcba9876543210fedcba9876543210fedcba98',
  runUrl: 'https://github.com/acme/web/actions/runs/5',
  changes: { create: 1, delete: 2, same: 10, 'remove-pending-replace': 1 },
  queuedMs: 4_000,
  runningMs: 125_000,
  steps: [
    { name: 'Get source', status: 'succeeded', durationMs: 2_000 },
    { name: 'pulumi up', status: 'succeeded', durationMs: 120_000 },
    { name: 'Cleanup', status: 'not-started' }
  ],
  output: {
    name: 'pulumi up',
    lineCount: 3,
    head: ['Updating (prod)', 'Resources:', '    + 1 created'],
    tail: [],
    omitted: 0
  }
}

describe('buildSummary', () => {
  it('starts with a title naming status, operation and stack, then the facts and links', () => {
    const summary = buildSummary(report)
    expect(
      summary.startsWith(
        '## ✅ Pulumi update succeeded: acme/web/prod — ⚠️ 2 deleted, 1 created, 1 remove pending replace\n\n'
      )
    ).toBe(true)
    expect(summary).toContain('- **Status:** ✅ Succeeded\n')
    expect(summary).toContain('- **Commit:** [`fedcba9`](https://github.com/acme/web/commit/fedcba9876543210')
    expect(summary).toContain(
      '- **Links:** [Deployment #7](https://app.pulumi.com/acme/web/prod/deployments/7) · ' +
        '[Update #41](https://app.pulumi.com/acme/web/prod/updates/41) · ' +
        '[Workflow run](https://github.com/acme/web/actions/runs/5)\n'
    )
    expect(summary).toContain('- **Queued:** 4s\n- **Running:** 2m 05s\n')
  })

  it('tabulates the changes, the main kinds always and others when present', () => {
    expect(buildSummary(report)).toContain(
      '### Change counts\n\n| Create | Update | Replace | Delete | Remove pending replace | Unchanged |\n' +
        '|---:|---:|---:|---:|---:|---:|\n| 1 | 0 | 0 | 2 | 1 | 10 |'
    )
    expect(buildSummary({ ...report, changes: undefined })).not.toContain('### Change counts')
  })

  it('lists the steps with status and duration', () => {
    expect(buildSummary(report)).toContain(
      '| Step | Status | Duration |\n|---|---|---:|\n' +
        '| Get source | ✅ succeeded | 2s |\n| pulumi up | ✅ succeeded | 2m 00s |\n| Cleanup | ⚪ not-started |  |'
    )
  })

  it("shows a failed step's last lines in a code block", () => {
    const summary = buildSummary({
      ...report,
      status: 'failed',
      steps: [{ name: 'pulumi up', status: 'failed', durationMs: 3_000 }],
      failedStep: {
        name: 'pulumi up',
        lastLines: ['\x1b[31merror:\x1b[0m creating bucket: AccessDenied', '<done>']
      }
    })
    expect(summary.startsWith('## ❌ Pulumi update failed: acme/web/prod')).toBe(true)
    expect(summary).toContain(
      '### Failed step: pulumi up\n\nThe last lines of its log:\n\n<pre>\nerror: creating bucket: AccessDenied\n&lt;done&gt;\n</pre>'
    )
  })

  it("folds the operation's output away, escaped and without colour codes", () => {
    const summary = buildSummary({
      ...report,
      output: {
        name: 'pulumi up',
        lineCount: 2,
        head: ['\x1b[1m<script>alert(1)</script>\x1b[0m', '</pre></details> & more'],
        tail: [],
        omitted: 0
      }
    })
    expect(summary).toContain(
      '<details><summary>Output of <code>pulumi up</code> (2 lines)</summary>\n\n<pre>\n' +
        '&lt;script&gt;alert(1)&lt;/script&gt;\n&lt;/pre&gt;&lt;/details&gt; &amp; more\n</pre>\n\n</details>\n'
    )
  })

  it('marks where the renderer left lines out, and says where the whole log is', () => {
    const summary = buildSummary({
      ...report,
      output: { name: 'pulumi up', lineCount: 1_502, head: ['first'], tail: ['last'], omitted: 1_500 }
    })
    expect(summary).toContain('<pre>\nfirst\n… 1,500 lines omitted …\nlast\n</pre>')
    expect(summary).toContain(
      '1,500 lines were left out of the middle; the whole log is in the [workflow run](https://github.com/acme/web/actions/runs/5).'
    )
  })

  it('escapes every name that came from the API', () => {
    const summary = buildSummary({
      ...report,
      stack: 'acme/web/<img src=x>',
      steps: [{ name: 'a | b\n</details><script>', status: 'failed' }],
      failedStep: { name: '_x_ `y`', lastLines: [] },
      output: { name: '</code><script>', lineCount: 1, head: ['x'], tail: [], omitted: 0 }
    })
    expect(summary).toContain('## ✅ Pulumi update succeeded: acme/web/&lt;img src=x&gt;')
    expect(summary).toContain('| a &#124; b &lt;/details&gt;&lt;script&gt; | ❌ failed |  |')
    expect(summary).toContain('### Failed step: &#95;x&#95; &#96;y&#96;\n\nIts log has no lines.')
    expect(summary).toContain('<summary>Output of <code>&lt;/code&gt;&lt;script&gt;</code>')
    expect(summary).not.toMatch(/<script|<img/)
  })

  it('words each status of its own, with the explanation given', () => {
    const timedOut = buildSummary({
      ...report,
      status: 'timed-out',
      message: 'Timed out after 30m; the deployment was cancelled.'
    })
    expect(timedOut).toContain('## ⌛ Pulumi update timed out: acme/web/prod')
    expect(timedOut).toContain('> Timed out after 30m; the deployment was cancelled.')
    expect(buildSummary({ ...report, status: 'cancelled' })).toContain('## 🚫 Pulumi update was cancelled')
    expect(buildSummary({ ...report, status: 'skipped' })).toContain(
      '- **Status:** ⏭️ Skipped (it never ran)'
    )
    const created = buildSummary({
      ...report,
      status: 'created',
      steps: [],
      output: undefined,
      changes: undefined
    })
    expect(created).toContain('## 🚀 Pulumi update was started: acme/web/prod')
    expect(created).toContain('did not wait for it (`wait: false`)')
    expect(created).not.toContain('### Steps')
  })

  it('stays under the 1 MiB limit for a huge output, counting bytes rather than characters', () => {
    // Three UTF-8 bytes per character, and escaping on top: characters alone would overshoot.
    const wide = '漢字<>'.repeat(100)
    const lines = Array.from({ length: 2_000 }, (_, i) => `${i} ${wide}`)
    const summary = buildSummary({
      ...report,
      output: { name: 'pulumi up', lineCount: 100_000, head: lines, tail: lines, omitted: 96_000 }
    })
    const bytes = Buffer.byteLength(summary, 'utf8')
    expect(bytes).toBeLessThan(ONE_MIB)
    expect(bytes).toBeLessThanOrEqual(DEFAULT_OUTPUT_BYTES + 10_000)
    expect(summary).toMatch(/<pre>\n0 漢字/)
    expect(summary).toMatch(/1999 漢字[^\n]*\n<\/pre>/)
    expect(summary).toMatch(/… [\d,]+ lines omitted …/)
  })

  it('applies the redaction it is given to the whole summary', () => {
    const summary = buildSummary(report, { redact: s => s.replaceAll('acme', '***') })
    expect(summary).not.toContain('acme')
    expect(summary).toContain('## ✅ Pulumi update succeeded: ***/web/prod')
  })
})
