// The layout docs/ARCHITECTURE.md promises a newcomer: one folder per concern, every folder named there, files that
// read in one sitting, and no import cycle, so that data flows one way through src/.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { expect, test } from '@jest/globals'
import { ROOT } from '../test/harness/run-action.js'

const SRC = join(ROOT, 'src')
// A file that reads in one sitting (issue 10: no file in src/ over about 300 lines).
const MAX_LINES = 300
// Generated from the OpenAPI document (npm run generate), not read by people.
const GENERATED = join(SRC, 'config', 'generated')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

/** The relative modules a file imports, `import type` and re-exports included, as absolute .ts paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+'(\.[^']+)'/g)].map(
    m => m[1] ?? ''
  )
  const dynamic = [...text.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g)].map(m => m[1] ?? '')
  return [...specifiers, ...dynamic].map(s => resolve(dirname(file), s.replace(/\.js$/, '.ts')))
}

function findCycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const visit = (file: string, path: string[]): void => {
    if (state.get(file) === 'done') return
    if (state.get(file) === 'open') {
      found.push([...path.slice(path.indexOf(file)), file])
      return
    }
    state.set(file, 'open')
    for (const next of graph.get(file) ?? []) visit(next, [...path, file])
    state.set(file, 'done')
  }
  for (const file of graph.keys()) visit(file, [])
  return found
}

const files = sourceFiles(SRC)

test('no import cycle in src/', () => {
  const graph = new Map(files.map(f => [f, importsOf(f).filter(i => files.includes(i))]))
  expect(findCycles(graph).map(cycle => cycle.map(f => relative(SRC, f)))).toEqual([])
})

test('the check reads imports and finds a cycle where there is one', () => {
  expect(importsOf(join(SRC, 'action', 'run.ts'))).toContain(join(SRC, 'action', 'create-phase.ts'))
  const graph = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
    ['d', ['a']]
  ])
  expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']])
})

test('no file in src/ is much over 300 lines', () => {
  const long = files
    .filter(f => !f.startsWith(GENERATED))
    .map(f => ({ file: relative(SRC, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
    .filter(f => f.lines > MAX_LINES)
  expect(long).toEqual([])
})

test('docs/ARCHITECTURE.md names every folder of src/, and no other', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8')
  const named = [...doc.matchAll(/^\| `src\/([a-z-]+)\/` \|/gm)].map(m => m[1]).sort()
  const folders = readdirSync(SRC)
    .filter(name => statSync(join(SRC, name)).isDirectory())
    .sort()
  expect(named).toEqual(folders)
})
