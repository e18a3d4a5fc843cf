// Start-up: from spawning the action to its first request reaching the fake Pulumi Cloud, against the floor of a
// bare `node` process that makes one HTTP request to the same server, and against a second floor that loads the
// toolkit first (bench/toolkit-floor.mjs, bundled by ncc as the action is). Runs alternate so all see the same machine.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FakeCloud } from '../test/fake-cloud/index.js'
import { discardFiles, preciseNow, watchAction } from './action.js'
import { benchCloud, defaultInputs, freshStack, requestsFor } from './fixtures.js'
import { spread, type Spread } from './stats.js'

export interface StartupResult {
  floorMs: Spread
  /** The toolkit loaded and one request sent through it: what the action cannot start faster than. */
  toolkitMs: Spread
  actionMs: Spread
  /** Median action ÷ median floor. */
  ratio: number
  /** Median toolkit floor ÷ median floor. */
  toolkitRatio: number
  dist: { indexBytes: number; totalJsBytes: number; files: Record<string, number> }
}

// The floor does no more than any action must: Node starts an ES module file, as the runner starts an action, and
// that module sends one request.
const FLOOR_MODULE = `import { get } from 'node:http'
get(process.argv[2], response => {
  response.resume()
  response.on('end', () => process.exit(0))
})
`

interface Floors {
  bare: string
  toolkit: string
}

function writeFloorModules(): Floors {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'))
  const bare = join(dir, 'floor.mjs')
  writeFileSync(bare, FLOOR_MODULE)
  const ncc = fileURLToPath(import.meta.resolve('@vercel/ncc/dist/ncc/cli.js'))
  const source = fileURLToPath(new URL('toolkit-floor.mjs', import.meta.url))
  const out = join(dir, 'toolkit')
  const build = spawnSync(process.execPath, [ncc, 'build', source, '-o', out, '-q'], { encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`ncc could not bundle the toolkit floor:\n${build.stderr}`)
  return { bare, toolkit: join(out, 'index.mjs') }
}

async function floorOnce(cloud: FakeCloud, floorModule: string, run: string): Promise<number> {
  const path = `/api/bench-floor/${run}`
  // The harness gives the action only the runner's variables; the floor gets the same bare environment (a
  // variable such as NODE_EXTRA_CA_CERTS alone costs Node tens of milliseconds at start).
  const child = spawn(process.execPath, [floorModule, `${cloud.url}${path}`], {
    stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '' }
  })
  const spawnedAt = preciseNow()
  const request = await cloud.waitForRequest(r => r.path === path, 10_000)
  await new Promise(resolve => child.once('exit', resolve))
  return request.at - spawnedAt
}

async function actionOnce(cloud: FakeCloud): Promise<number> {
  const stack = freshStack(cloud)
  const run = watchAction({ inputs: defaultInputs(cloud, stack), killAfterMs: 30_000 })
  const prefix = `/api/stacks/${stack}/`
  await cloud.waitForRequest(r => r.path.startsWith(prefix), 10_000)
  run.kill()
  discardFiles((await run.done).result)
  const first = requestsFor(cloud, stack)[0]
  if (!first) throw new Error(`The action made no request for ${stack}.`)
  return first.at - run.spawnedAt
}

function distSizes(distIndex: string): StartupResult['dist'] {
  const dir = dirname(distIndex)
  const files: Record<string, number> = {}
  for (const name of readdirSync(dir)) if (name.endsWith('.js')) files[name] = statSync(join(dir, name)).size
  return {
    indexBytes: statSync(distIndex).size,
    totalJsBytes: Object.values(files).reduce((a, b) => a + b, 0),
    files
  }
}

export async function measureStartup(distIndex: string, runs: number): Promise<StartupResult> {
  const cloud = await benchCloud()
  const floors = writeFloorModules()
  try {
    // One of each first, unmeasured: the first start reads files from disk that later ones find in the page cache.
    await floorOnce(cloud, floors.bare, 'bare-0')
    await floorOnce(cloud, floors.toolkit, 'toolkit-0')
    await actionOnce(cloud)
    const floor: number[] = []
    const toolkit: number[] = []
    const action: number[] = []
    for (let i = 1; i <= runs; i++) {
      floor.push(await floorOnce(cloud, floors.bare, `bare-${i}`))
      toolkit.push(await floorOnce(cloud, floors.toolkit, `toolkit-${i}`))
      action.push(await actionOnce(cloud))
    }
    const floorMs = spread(floor)
    const toolkitMs = spread(toolkit)
    const actionMs = spread(action)
    return {
      floorMs,
      toolkitMs,
      actionMs,
      ratio: actionMs.median / floorMs.median,
      toolkitRatio: toolkitMs.median / floorMs.median,
      dist: distSizes(distIndex)
    }
  } finally {
    await cloud.close()
    rmSync(dirname(floors.bare), { recursive: true, force: true })
  }
}
