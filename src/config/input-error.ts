import { withoutCredentials } from './url.js'

/** A bad input: the step fails with `message`, a sentence naming the input, before any request is made. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string
  ) {
    super(message)
    this.name = 'InputError'
  }
}

const QUOTED_INPUT_MAX = 60

/**
 * An input's value as an error may quote it: without the credentials a URL may hold, cut to a few dozen characters
 * (a value pasted in the wrong input may be a long secret), in double quotes with control characters escaped.
 */
export function quoteInput(value: string): string {
  const bare = withoutCredentials(value)
  const chars = [...bare]
  const shown = chars.length > QUOTED_INPUT_MAX ? `${chars.slice(0, QUOTED_INPUT_MAX - 3).join('')}...` : bare
  return JSON.stringify(shown)
}
