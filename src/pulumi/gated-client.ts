// A client whose every request, each retry included, first passes a gate: following many deployments shares one
// request budget, so the gate decides when a request may go, and hears each answer's status so that a 429 from
// Pulumi Cloud slows every follower at once rather than only the one that met it.
import type { AttemptResult } from './create.js'
import { PulumiCloudClient } from './client.js'
import type { ClientOptions } from './client-options.js'
import type { CallSpec } from './transport.js'

/** What the gate is told about a request, to rank it. */
export interface GatedRequest {
  method: string
  path: string
}

export interface RequestGate {
  /** Resolves when the request may be sent; rejects when `signal` aborts first. */
  admit(request: GatedRequest, signal?: AbortSignal): Promise<void>
  /** The answer's HTTP status (0 for no answer), and the Retry-After it asked for. */
  answered(status: number, retryAfterMs: number | undefined): void
}

export class GatedClient extends PulumiCloudClient {
  constructor(
    opts: ClientOptions,
    private readonly gate: RequestGate
  ) {
    super(opts)
  }

  protected override async attempt<T>(spec: CallSpec, signal?: AbortSignal): Promise<AttemptResult<T>> {
    await this.gate.admit({ method: spec.method, path: spec.path }, signal)
    const result = await super.attempt<T>(spec, signal)
    if (result.ok) this.gate.answered(200, undefined)
    else {
      const { failure } = result
      this.gate.answered(
        failure.kind === 'status' ? failure.status : 0,
        failure.kind === 'status' ? failure.retryAfterMs : undefined
      )
    }
    return result
  }
}
