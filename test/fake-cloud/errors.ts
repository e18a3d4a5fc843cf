/** An answer other than success, with Pulumi's `{code, message}` error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const UNAUTHORIZED_MESSAGE = 'Unauthorized: No credentials provided or are invalid.'
