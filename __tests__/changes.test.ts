import {
  changeLabel,
  describeChanges,
  hasChanges,
  parseResourcesSummary,
  ResourcesSummaryParser
} from '../src/deployment/changes.js'

const lines = (text: string): string[] => text.split('\n')
const BOLD = '\x1b[1m'
const RESET = '\x1b[0m'

describe('parseResourcesSummary', () => {
  it('reads a preview summary, colour codes and all, without counting the totals line again', () => {
    const log = lines(
      [
        '     Type                 Name        Plan',
        ' +   pulumi:pulumi:Stack  web-dev     create',
        '',
        `${BOLD}\x1b[38;5;13mResources:${RESET}`,
        `    \x1b[32m+ 2 to create${RESET}`,
        `    \x1b[33m~ 1 to update${RESET}`,
        `    \x1b[35m+-1 to replace${RESET}`,
        `    ${BOLD}4 changes${RESET}. 4 unchanged`
      ].join('\n')
    )
    expect(parseResourcesSummary(log)).toEqual({ create: 2, update: 1, replace: 1, same: 4 })
  })

  it('reads an update summary in the past tense and stops at the Duration line', () => {
    const log = lines(
      'Resources:\n    + 2 created\n    ~ 1 updated\n    - 1 deleted\n    +-1 replaced\n    5 changes. 4 unchanged\n\nDuration: 12s'
    )
    expect(parseResourcesSummary(log)).toEqual({ create: 2, update: 1, delete: 1, replace: 1, same: 4 })
  })

  it('reads a destroy, its preview, a refresh and a stack with nothing to do', () => {
    expect(parseResourcesSummary(lines('Resources:\n    - 5 deleted\n\nDuration: 3s'))).toEqual({ delete: 5 })
    expect(parseResourcesSummary(lines('Resources:\n    - 5 to delete'))).toEqual({ delete: 5 })
    expect(parseResourcesSummary(lines('Resources:\n    ~ 2 updated\n    3 changes. 7 unchanged'))).toEqual({
      update: 2,
      same: 7
    })
    expect(parseResourcesSummary(lines('Resources:\n    5 unchanged'))).toEqual({ same: 5 })
  })

  it('keeps the two halves of a replacement apart, by prefix and by name', () => {
    const preview =
      'Resources:\n    ++1 to create-replacement\n    --1 to delete-replaced\n    +-1 to replace'
    expect(parseResourcesSummary(lines(preview))).toEqual({
      'create-replacement': 1,
      'delete-replaced': 1,
      replace: 1
    })
    // Pulumi's past tenses: create-replacement gets a bare "d", and delete-replaced reads "deleted".
    const update = 'Resources:\n    ++2 create-replacementd\n    --2 deleted\n    - 1 deleted'
    expect(parseResourcesSummary(lines(update))).toEqual({
      'create-replacement': 2,
      'delete-replaced': 2,
      delete: 1
    })
    expect(parseResourcesSummary(lines('Resources:\n    ++1 to create replacement'))).toEqual({
      'create-replacement': 1
    })
  })

  it('reads reads and imports, and names any other kind after its verb in kebab case', () => {
    const log = lines(
      'Resources:\n    > 1 to read\n    = 2 imported\n    =>1 imported\n    ~ 1 to remove-pending-replace\n    ~ 3 to frobnicate things'
    )
    expect(parseResourcesSummary(log)).toEqual({
      read: 1,
      import: 2,
      'import-replacement': 1,
      'remove-pending-replace': 1,
      'frobnicate-things': 3
    })
  })

  it('accepts any indentation', () => {
    expect(parseResourcesSummary(['  Resources:', '\t+ 1 to create', '  2 unchanged'])).toEqual({
      create: 1,
      same: 2
    })
  })

  it('takes the last complete block when a log has several', () => {
    const log = lines(
      'Resources:\n    + 3 to create\n\nResources:\n    + 3 created\n    2 changes. 1 unchanged'
    )
    expect(parseResourcesSummary(log)).toEqual({ create: 3, same: 1 })
  })

  it('ignores a "Resources:" line that is not followed by a summary', () => {
    const log = lines('Resources:\n    + 1 created\n\nResources:\nsome program output\n')
    expect(parseResourcesSummary(log)).toEqual({ create: 1 })
    const adjacent = lines('Resources:\n    + 1 created\nResources:\nsome program output\n')
    expect(parseResourcesSummary(adjacent)).toEqual({ create: 1 })
  })

  it('reads a bare heading followed by a blank line as a stack without resources', () => {
    expect(parseResourcesSummary(lines('Resources:\n\nDuration: 1s'))).toEqual({})
  })

  it('finds nothing in a log without a summary', () => {
    expect(parseResourcesSummary(lines('Updating (dev)\nerror: boom\n'))).toBeUndefined()
    expect(parseResourcesSummary(['Resources: 3 buckets'])).toBeUndefined()
  })
})

describe('ResourcesSummaryParser', () => {
  it('tells its caller when every line matters, and keeps nothing but counts', () => {
    const parser = new ResourcesSummaryParser()
    parser.feed('unrelated')
    expect(parser.collecting).toBe(false)
    parser.feed('Resources:')
    expect(parser.collecting).toBe(true)
    parser.feed('    + 1 to create')
    parser.feed('')
    expect(parser.collecting).toBe(false)
    expect(parser.result()).toEqual({ create: 1 })
  })

  it('hands out copies, so a caller cannot change what it found', () => {
    const parser = new ResourcesSummaryParser()
    for (const line of ['Resources:', '    + 1 to create', '']) parser.feed(line)
    const first = parser.result()
    if (first) first.create = 99
    expect(parser.result()).toEqual({ create: 1 })
  })
})

describe('hasChanges', () => {
  it('counts every kind but unchanged', () => {
    expect(hasChanges({ same: 5 })).toBe(false)
    expect(hasChanges({ same: 5, create: 0 })).toBe(false)
    expect(hasChanges({})).toBe(false)
    expect(hasChanges({ same: 5, delete: 1 })).toBe(true)
    expect(hasChanges({ 'frobnicate-things': 1 })).toBe(true)
  })
})

describe('describeChanges', () => {
  it('lists planned changes in Pulumi order with unchanged last', () => {
    expect(describeChanges({ same: 4, update: 1, create: 2 })).toBe('2 to create, 1 to update, 4 unchanged')
  })

  it('speaks in the past tense for what happened, and names unknown kinds in words', () => {
    expect(describeChanges({ delete: 5, 'frobnicate-things': 1 }, true)).toBe(
      '5 deleted, 1 frobnicate things'
    )
  })

  it('says so when there is nothing', () => {
    expect(describeChanges({})).toBe('no changes')
    expect(describeChanges({ create: 0 })).toBe('no changes')
  })
})

describe('changeLabel', () => {
  it('gives column headings for known and unknown kinds', () => {
    expect(changeLabel('same')).toBe('Unchanged')
    expect(changeLabel('delete-replaced')).toBe('Delete replaced')
    expect(changeLabel('remove-pending-replace')).toBe('Remove pending replace')
  })
})

describe('errored resources', () => {
  it('are no kind of change: `1 errored` is read past, and never makes has-changes true', () => {
    const summary = parseResourcesSummary(lines('Resources:\n    1 errored\n    3 unchanged\n\nDuration: 2s'))
    expect(summary).toEqual({ same: 3 })
    expect(hasChanges({ errored: 2, same: 1 })).toBe(false)
    expect(hasChanges({ errored: 2, create: 1 })).toBe(true)
  })
})
