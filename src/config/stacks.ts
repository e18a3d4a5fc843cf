// The `stack` input: one stack, or several, one per line. A line is checked on its own and named in the error, so a
// mistake in a list of fifty points at its line; nothing is created for any stack until every line is good.
import type { StackRef } from '../pulumi/types.js'
import { formatStackRef, parseStackName, type StackNameProblem } from '../pulumi/stack-name.js'
import { InputError, quoteInput } from './input-error.js'

export interface StackTarget {
  ref: StackRef
  /** `org/project/stack`. */
  name: string
}

const EXAMPLE = 'such as acme/web/dev'

/**
 * Every stack named by the input, in its order. Blank lines and `#` comments (a whole line, or after a space) are
 * left out; a stack named twice is refused, because two deployments of one stack would only queue behind each other.
 */
export function parseStacks(value: string): StackTarget[] {
  const lines = value.split(/\r?\n/)
  const named = lines
    .map((text, index) => ({ text: withoutComment(text).trim(), line: index + 1 }))
    .filter(entry => entry.text !== '')
  if (named.length === 0) {
    throw new InputError(
      'stack',
      `The \`stack\` input is required: name the stack to deploy as org/project/stack, ${EXAMPLE}.`
    )
  }
  // One stack reads as it always did; several name the line, counted as the workflow file shows them.
  const several = named.length > 1 || lines.filter(l => l.trim() !== '').length > 1
  const seen = new Map<string, number>()
  return named.map(({ text, line }) => {
    const where = several ? `Line ${line} of the \`stack\` input, ` : 'The `stack` input '
    const ref = parseStack(text, where)
    const name = formatStackRef(ref)
    const first = seen.get(name)
    if (first !== undefined) {
      throw new InputError(
        'stack',
        `Line ${line} of the \`stack\` input names ${name} again (first on line ${first}): list each stack once.`
      )
    }
    seen.set(name, line)
    return { ref, name }
  })
}

function withoutComment(line: string): string {
  const hash = line.search(/(^|\s)#/)
  return hash < 0 ? line : line.slice(0, hash)
}

/** `where` begins the sentence: "The `stack` input " or "Line 3 of the `stack` input, ". */
function parseStack(value: string, where: string): StackRef {
  const parsed = parseStackName(value)
  if ('ref' in parsed) return parsed.ref
  const subject = `${where}${quoteInput(value)}${where.endsWith(', ') ? ',' : ''}`
  throw new InputError('stack', `${subject} ${problemText(parsed.problem)}`)
}

function problemText(problem: StackNameProblem): string {
  switch (problem.kind) {
    case 'parts':
      return (
        `has ${problem.count} part${problem.count === 1 ? '' : 's'}, but it must be ` +
        `org/project/stack (three parts separated by /), ${EXAMPLE}.`
      )
    case 'empty':
      return `has an empty ${problem.part} name: write org/project/stack, ${EXAMPLE}.`
    case 'character':
      return (
        `has ${JSON.stringify(problem.character)} in its ${problem.part} name, but each part ` +
        'may hold only letters, digits, -, _ and .'
      )
    case 'length':
      return (
        `has a ${problem.part} name of ${problem.length} characters, but Pulumi Cloud allows at most ` +
        `${problem.max}: check the name.`
      )
    case 'dots':
      return (
        `has ${quoteInput(problem.value)} as its ${problem.part} name, which is not a name: write the ` +
        `${problem.part}'s real name, as in org/project/stack, ${EXAMPLE}.`
      )
  }
}
