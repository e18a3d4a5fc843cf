// The `stack` input with one stack per line: what a workflow author writes in a YAML block, and the one error a bad
// line gets.
import { describe, expect, test } from '@jest/globals'
import { InputError } from '../src/config/inputs.js'
import { parseStacks } from '../src/config/stacks.js'

function errorOf(value: string): InputError {
  try {
    parseStacks(value)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`)
}

describe('several stacks', () => {
  test('one per line, in order, with blank lines and comments left out', () => {
    const value = '# the web tier\nacme/web/dev\n\n  acme/web/prod   # production\nacme/api/prod\n'
    expect(parseStacks(value).map(s => s.name)).toEqual(['acme/web/dev', 'acme/web/prod', 'acme/api/prod'])
    expect(parseStacks(value)[2]?.ref).toEqual({ org: 'acme', project: 'api', stack: 'prod' })
  })

  test('a stack named twice is refused, naming both lines', () => {
    const error = errorOf('acme/web/dev\nacme/web/prod\nacme/web/dev')
    expect(error.input).toBe('stack')
    expect(error.message).toBe(
      'Line 3 of the `stack` input names acme/web/dev again (first on line 1): list each stack once.'
    )
  })

  test('a bad line is named by its number, counted as the workflow shows them', () => {
    const error = errorOf('acme/web/dev\n\n# prod\nacme/web prod\n')
    expect(error.message).toBe(
      'Line 4 of the `stack` input, "acme/web prod", has 2 parts, but it must be org/project/stack (three parts ' +
        'separated by /), such as acme/web/dev.'
    )
    expect(errorOf('acme/web/dev\nacme/../x').message).toMatch(
      /^Line 2 of the `stack` input, "acme\/..\/x", has/
    )
  })

  test('only comments and blank lines are no stack at all', () => {
    expect(errorOf('# none yet\n\n').message).toMatch(/^The `stack` input is required/)
  })
})

describe('one stack', () => {
  test('reads as it always did, and its errors do not mention lines', () => {
    expect(parseStacks(' acme/web/dev \n').map(s => s.name)).toEqual(['acme/web/dev'])
    expect(errorOf('dev').message).toBe(
      'The `stack` input "dev" has 1 part, but it must be org/project/stack (three parts separated by /), such as ' +
        'acme/web/dev.'
    )
  })
})
