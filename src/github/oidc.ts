// The job's GitHub OIDC token, which the runner issues to steps of a job with `permissions: id-token: write`
// (config/oidc.ts checks that before any request).

import { githubRunner } from './runner.js'

/** Asks the runner for an ID token with this audience. */
export type IdTokenSource = (audience: string) => Promise<string>

/** Through the runner seam (@actions/core), which masks the token as soon as it has it. */
export const runnerIdToken: IdTokenSource = audience => githubRunner.getIDToken(audience)

/** The audience Pulumi Cloud expects for an organization (spec/WIRE-NOTES.md, Turn 2). */
export function pulumiAudience(org: string): string {
  return `urn:pulumi:org:${org}`
}

/** The ID token, or an Error whose message is one sentence saying what the runner answered. */
export async function requestIdToken(source: IdTokenSource, audience: string): Promise<string> {
  let token: string
  try {
    token = await source(audience)
  } catch (error) {
    // @actions/core's messages span lines ("Error message: Failed to get ID Token. \n Error Code : 403 ...").
    const said = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim()
    throw new IdTokenError(
      `The runner did not give this job a GitHub OIDC token for the audience ${audience} (${said}): check that ` +
        'the job has `permissions: id-token: write`, then run it again.'
    )
  }
  if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
    throw new IdTokenError(
      `The runner answered the request for this job's GitHub OIDC token (audience ${audience}) with something ` +
        'that is not a token; run the job again.'
    )
  }
  return token
}

export class IdTokenError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'IdTokenError'
  }
}
