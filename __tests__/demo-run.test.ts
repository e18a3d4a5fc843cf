// `npm run demo` on a short clock: every job runs the built action end to end, the log reads as the Actions page
// shows it, the comment and the summary are shown as their readers see them, and every markdown file has its page.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@jest/globals'
import { runDemo } from '../demo/demo.js'

test('the demo previews a pull request, comments on it, updates on push, fails a preview, and shows what each party sees', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'demo-test-')), '.demo')
  let shown = ''
  const jobs = await runDemo({ write: text => (shown += text), outDir, stepMs: 30, pollInterval: '50ms' })

  expect(jobs.map(job => [job.name, job.result.code])).toEqual([
    ['pr-preview', 0],
    ['push-update', 0],
    ['pr-preview-again', 0],
    ['pr-preview-failing', 1]
  ])
  // Interpreted, never printed: no workflow command reaches the reader, and the tokens stay masked.
  expect(shown.split('\n').filter(line => line.trim().startsWith('::'))).toEqual([])
  expect(shown).not.toContain('pul-fake-token')
  expect(shown).toContain('pulumi-access-token: ***')
  expect(shown).toMatch(/^▾ pulumi preview$/m)
  expect(shown).toMatch(/^▾ pulumi update$/m)
  expect(shown).toMatch(/^ {4}Resources:$/m)
  expect(shown).toMatch(/^Notice: Deployment 1 of acme\/website\/production \(preview\) was created/m)
  expect(shown).toContain('Created the pull-request comment')

  const [preview, update] = jobs
  expect(preview?.result.outputs).toMatchObject({ status: 'succeeded', 'has-changes': 'true' })
  expect(update?.result.outputs).toMatchObject({ status: 'succeeded', 'update-version': '1' })
  const written = jobs.flatMap(job => job.files).map(file => file.slice(outDir.length + 1))
  expect(written).toEqual([
    'pr-preview/job-summary.md',
    'pr-preview/job-summary.html',
    'pr-preview/pr-comment.md',
    'pr-preview/pr-comment.html',
    'push-update/job-summary.md',
    'push-update/job-summary.html',
    'pr-preview-again/job-summary.md',
    'pr-preview-again/job-summary.html',
    'pr-preview-again/pr-comment.md',
    'pr-preview-again/pr-comment.html',
    'pr-preview-failing/job-summary.md',
    'pr-preview-failing/job-summary.html',
    'pr-preview-failing/pr-comment.md',
    'pr-preview-failing/pr-comment.html'
  ])
  for (const file of written) expect(shown).toContain(file)

  const comment = readFileSync(join(outDir, 'pr-preview', 'pr-comment.md'), 'utf8')
  expect(comment.split('\n')[1]).toContain('⚠️ 2 to delete, ⚠️ 1 to replace, 2 to create, 1 to update')
  expect(update?.result.outputs).toMatchObject({ url: 'https://www.acme.example' })
  const again = readFileSync(join(outDir, 'pr-preview-again', 'pr-comment.md'), 'utf8')
  expect(again.split('\n')[1]).toBe('### ✅ Pulumi preview succeeded: acme/website/production — no changes')
  const page = readFileSync(join(outDir, 'pr-preview', 'pr-comment.html'), 'utf8')
  expect(page).toContain('<table>')
  expect(page).toContain('<details><summary>Output of <code>pulumi preview</code>')
  expect(page).not.toMatch(/<script/i)
  expect(existsSync(join(outDir, 'push-update', 'pr-comment.md'))).toBe(false)

  // Each party's view, in the terminal: the author's log (above), the reviewer's comment, the run page's summary.
  const views = shown.split(/^── /m).slice(1)
  const titles = views.map(view => view.split(' ──')[0] ?? '')
  expect(titles.filter(t => t.startsWith('What the author sees'))).toHaveLength(4)
  expect(titles.filter(t => t.startsWith("What the run's page shows: the job summary"))).toHaveLength(4)
  expect(titles.filter(t => t.startsWith('What a reviewer reads: the comment on pull request'))).toEqual([
    'What a reviewer reads: the comment on pull request #42',
    'What a reviewer reads: the comment on pull request #42',
    'What a reviewer reads: the comment on pull request #43'
  ])
  expect(shown).toContain(
    '│ ✅ Pulumi preview succeeded: acme/website/production — ⚠️ 2 to delete, ⚠️ 1 to replace, 2 to create, 1 to update'
  )
  expect(shown).toMatch(/^│ ⚠️ replace {2}/m)
  expect(shown).toMatch(/^│ ⚠️ delete {3}/m)
  expect(shown).toContain('│ ✅ Pulumi update succeeded: acme/website/production')
  expect(shown).toContain('│ ❌ Pulumi preview failed: acme/website/production')
  expect(shown).toMatch(/^│ Failed step: pulumi preview/m)
  // Read as a reader reads them: no markup, no entity, no HTML comment.
  const framed = shown.split('\n').filter(line => line.startsWith('│'))
  expect(framed.filter(line => /<\/?(code|details|summary|pre)>|&quot;|&#\d+;|<!--/.test(line))).toEqual([])
})
