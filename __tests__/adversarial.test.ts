// The adversarial corpus of issue 12 (test/adversarial/corpus.ts), run against the built action. `npm test` runs a
// sample (the first case of each class and every tenth case); `npm run test:adversarial` runs every case.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { CORPUS } from '../test/adversarial/corpus.js'
import { runCase } from '../test/adversarial/run-case.js'
import { startThief, type Thief } from '../test/adversarial/thief.js'

const FULL = process.env.ADVERSARIAL === 'full'
const firstOfClass = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9].map(cls => CORPUS.find(c => c.cls === cls)?.id))
const chosen = FULL ? CORPUS : CORPUS.filter((c, i) => firstOfClass.has(c.id) || i % 10 === 0)

let thief: Thief
beforeAll(async () => {
  thief = await startThief()
})
afterAll(async () => {
  await thief.close()
})

test('the corpus holds at least 80 cases, across all nine classes', () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(80)
  expect(new Set(CORPUS.map(c => c.cls))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]))
  expect(new Set(CORPUS.map(c => c.id)).size).toBe(CORPUS.length)
})

for (const cls of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
  const cases = chosen.filter(c => c.cls === cls)
  describe(`class ${cls}`, () => {
    test.each(cases.map(c => [`${c.id} ${c.title}`, c] as const))(
      '%s',
      async (_name, c) => {
        await runCase(c, thief)
      },
      120_000
    )
  })
}
