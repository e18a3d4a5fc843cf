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
