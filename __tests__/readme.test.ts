// The README is where a user decides how to wire the action in: its tables must say what action.yml says, its
// rendered examples must be what the action writes, and every command it gives must exist.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@jest/globals'
import { parse } from 'yaml'
import { actionInputs, ROOT } from '../demo/action-process.js'
import { exampleComment, exampleSummary } from '../demo/readme-example.js'

const README = readFileSync(join(ROOT, 'README.md'), 'utf8')
const actionYml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  outputs: Record<string, unknown>
}

/** The rows of the first table under `## heading`, each as its cells with surrounding backticks removed. */
function tableUnder(heading: string): string[][] {
  const section = README.split(/^## /m).find(part => part.startsWith(`${heading}\n`))
  if (section === undefined) throw new Error(`The README has no "## ${heading}" section.`)
  const rows = section
    .split('\n')
    .filter(line => line.startsWith('|'))
    .map(line =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map(cell => cell.trim().replace(/^`(.*)`$/, '$1'))
    )
  return rows.slice(2) // the header and the alignment row
}

function between(start: string, end: string): string {
  const from = README.indexOf(start)
  const to = README.indexOf(end)
  if (from < 0 || to < from) throw new Error(`The README has no block between ${start} and ${end}.`)
  return README.slice(from + start.length, to).trim()
}

test('the Inputs table lists every input of action.yml, in order, with its default and whether it is required', () => {
  const rows = tableUnder('Inputs').map(([name, required, defaultValue]) => ({
    name,
    required: required === 'yes',
    default: defaultValue
  }))
  expect(rows).toEqual(
    actionInputs().map(spec => ({ name: spec.name, required: spec.required, default: spec.default ?? '' }))
  )
})

test('the Outputs table lists every output of action.yml, in order', () => {
  expect(tableUnder('Outputs').map(([name]) => name)).toEqual(Object.keys(actionYml.outputs))
})

test('the rendered comment and job summary are what the action writes', () => {
  expect(between('<!-- example-comment:start -->', '<!-- example-comment:end -->')).toBe(exampleComment())
  expect(between('<!-- example-summary:start -->', '<!-- example-summary:end -->')).toBe(exampleSummary())
})

test('every npm command the README gives is a script of package.json', () => {
  const scripts = Object.keys(
    (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
      .scripts
  )
  const mentioned = [...README.matchAll(/npm run ([a-z0-9:-]+)/g)].map(m => m[1])
  expect(mentioned.filter(name => !scripts.includes(name ?? ''))).toEqual([])
  // The Development section's two commands, exactly.
  expect(README).toContain('```sh\nnpm ci && npm run demo\n```')
  expect(README).toContain('```sh\nnpm ci && npm test\n```')
})

test('every link to a file of this repository leads to one', () => {
  const targets = [...README.matchAll(/\]\(((?!https?:|#)[^)#]+)\)/g)].map(m => m[1] ?? '')
  expect(targets.length).toBeGreaterThan(0)
  const missing = targets.filter(target => {
    try {
      readFileSync(join(ROOT, target))
      return false
    } catch (error) {
      return (error as NodeJS.ErrnoException).code !== 'EISDIR'
    }
  })
  expect(missing).toEqual([])
})

test('every link to a section of the README leads to a heading', () => {
  // GitHub's anchors: the heading in lower case, punctuation dropped, spaces turned into hyphens.
  const anchors = [...README.matchAll(/^#{2,4} (.+)$/gm)].map(m =>
    (m[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-')
  )
  const links = [...README.matchAll(/\]\(#([^)]+)\)/g)].map(m => m[1])
  expect(links.length).toBeGreaterThan(0)
  expect(links.filter(link => !anchors.includes(link ?? ''))).toEqual([])
})

test('the quick start shows the example workflows exactly as they are in examples/workflows/', () => {
  for (const file of ['pr-preview.yml', 'push-update.yml']) {
    const workflow = readFileSync(join(ROOT, 'examples', 'workflows', file), 'utf8')
    expect(README).toContain(`(examples/workflows/${file}):\n\n\`\`\`yaml\n${workflow}\`\`\``)
  }
})
