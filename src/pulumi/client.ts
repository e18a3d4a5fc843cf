import { createWithoutDuplicates, type CreateResult } from './create.js'
import { apiError, PulumiApiError } from './errors.js'
import { deploymentConsoleUrl, orgDeploymentsPath, stackDeploymentsPath, stackPath } from './paths.js'
import { TOKEN_EXCHANGE_PATH, type TokenExchangeRequest, type TokenExchangeResponse } from './oidc.js'
import { parseEngineEventsPage, type EngineEventsPage } from './engine-events.js'
import {
  isUpdateId,
  parseBatchDecrypt,
  parseDeploymentUpdates,
  parseStackOutputs,
  type DeploymentUpdateInfo,
  type StackOutputsRead
} from './stack-results.js'
import { PulumiTransport, type CallSpec } from './transport.js'
import { parseDriftRuns, type DriftRun } from './drift.js'
import { CollectingSink, logPageReader, type LogPageSink } from './log-stream.js'
import type { LogPage } from './page-entries.js'
import {
  consoleUrlOrComputed,
  validCreateResponse,
  validDeployment,
  validDeploymentList
} from './validate.js'
import type { CallOptions } from './client-options.js'
import {
  isTerminal,
  type CreateDeploymentRequest,
  type Deployment,
  type DeploymentSettings,
  type ListDeploymentsQuery,
  type ListDeploymentsResponse,
  type StackDeploymentsMetadata,
  type StackRef,
  type UserInfo
} from './types.js'

export { DEFAULT_RETRY, systemClock, type Clock, type RetryPolicy } from './retry.js'
export { defaultUserAgent } from '../action/version.js'

export {
  DEFAULT_REQUEST_TIMEOUT_MS,
  type CallOptions,
  type ClientOptions,
  type RetryInfo
} from './client-options.js'

/** A typed client for the Pulumi Cloud Deployments REST API: the calls the action makes. */
export class PulumiCloudClient extends PulumiTransport {
  /**
   * The stack's stored deployment settings; `{}` when it has none. Pulumi Cloud answers 404 for a stack without
   * stored settings (its OpenAPI description; the CLI reads it as "none" since pulumi/pulumi#24526). A stack that
   * does not exist answers 404 too: the create then says so, in its own words.
   */
  async getSettings(stack: StackRef, o?: CallOptions): Promise<DeploymentSettings> {
    const path = stackDeploymentsPath(stack, 'settings')
    try {
      return await this.call<DeploymentSettings>(
        this.stackRead(stack, path, 'read the deployment settings'),
        o
      )
    } catch (error) {
      if (error instanceof PulumiApiError && error.status === 404) return {}
      throw error
    }
  }

  /**
   * Never starts two deployments for one call: after a failure the server may have acted on, the stack's recent
   * deployments are read first. `recovered` is set when the deployment was found that way.
   */
  async createDeployment(
    stack: StackRef,
    request: CreateDeploymentRequest,
    o?: CallOptions
  ): Promise<CreateResult> {
    const spec: CallSpec = {
      method: 'POST',
      path: stackDeploymentsPath(stack),
      body: request,
      // No X-Pulumi-Deployment-Initiator: the only value a Pulumi client is known to send is the CLI's
      // `automation-api`, and a value the service refused would fail every create.
      expectJson: true,
      retry: 'unprocessed',
      action: `create ${/^[aeiou]/.test(request.operation) ? 'an' : 'a'} ${request.operation} deployment`,
      subject: 'stack',
      stackRef: stack,
      validate: validCreateResponse
    }
    const created = await createWithoutDuplicates(
      {
        clock: this.clock,
        budget: this.budget(),
        sendCreate: signal => this.attempt(spec, signal),
        listRecent: (page, pageSize, signal) =>
          this.listStackDeployments(stack, { page, pageSize, asc: false }, { signal }),
        getDeployment: (id, signal) => this.getDeployment(stack, id, { signal }),
        whoAmI: async signal => (await this.getCurrentUser({ signal })).githubLogin || undefined,
        lookupWindowMs: this.policy.createLookupWindowMs,
        notice: text => this.onNotice(text),
        notifyRetry: (attempt, delayMs, reason) =>
          this.onRetry({ method: 'POST', path: spec.path, attempt, delayMs, reason }),
        fail: (failure, attempts) => apiError(failure, this.context(spec), attempts),
        consoleUrl: version => deploymentConsoleUrl(this.baseUrl, stack, version)
      },
      stack,
      request,
      o?.signal
    )
    const computed = deploymentConsoleUrl(this.baseUrl, stack, created.version)
    return { ...created, consoleUrl: consoleUrlOrComputed(created.consoleUrl, computed) }
  }

  /** Who the access token belongs to, as `pulumi whoami` asks it. */
  getCurrentUser(o?: CallOptions): Promise<UserInfo> {
    const action = 'read who the access token belongs to'
    return this.call(
      { method: 'GET', path: '/api/user', expectJson: true, retry: 'read', action, subject: 'org' },
      o
    )
  }

  getDeployment(stack: StackRef, id: string, o?: CallOptions): Promise<Deployment> {
    const spec = this.deploymentRead(stack, id, [id], 'read the deployment')
    // An answer about another deployment is no answer about this one.
    return this.call({ ...spec, validate: body => checked(validDeployment(body), d => d.id === id) }, o)
  }

  listStackDeployments(
    stack: StackRef,
    q?: ListDeploymentsQuery,
    o?: CallOptions
  ): Promise<ListDeploymentsResponse> {
    return this.call(
      {
        ...this.stackRead(stack, stackDeploymentsPath(stack), 'list the deployments'),
        query: listQuery(q),
        validate: validDeploymentList
      },
      o
    )
  }

  /** The organization's deployments, newest first by default: one request tells the status of many stacks. */
  listOrgDeployments(
    org: string,
    q?: ListDeploymentsQuery,
    o?: CallOptions
  ): Promise<ListDeploymentsResponse> {
    return this.call(
      {
        method: 'GET',
        path: orgDeploymentsPath(org),
        query: listQuery(q),
        expectJson: true,
        retry: 'read',
        action: "list the organization's deployments",
        subject: 'org',
        org
      },
      o
    )
  }

  /**
   * Streaming mode: pass the previous response's `nextToken`; the log is complete when one has none. The entries go
   * to `sink` as the page arrives (and `lines` comes back empty); without one they come back in `lines`.
   */
  async streamLogs(
    stack: StackRef,
    id: string,
    continuationToken?: string,
    o?: CallOptions,
    sink?: LogPageSink
  ): Promise<LogPage> {
    if (!sink) {
      const collected = new CollectingSink()
      const page = await this.streamLogs(stack, id, continuationToken, o, collected)
      return { ...page, lines: collected.entries }
    }
    const spec = this.deploymentRead(stack, id, [id, 'logs'], 'read the deployment log')
    return this.call<LogPage>({ ...spec, query: { continuationToken }, read: logPageReader(sink) }, o)
  }

  /** The stack update(s) a deployment made, with exact change counts once each is known. */
  async getDeploymentUpdates(stack: StackRef, id: string, o?: CallOptions): Promise<DeploymentUpdateInfo[]> {
    const spec = this.deploymentRead(stack, id, [id, 'updates'], 'list the updates of the deployment')
    return parseDeploymentUpdates(await this.call<unknown>(spec, o))
  }

  /**
   * One page of an update's engine events. The path's kind segment is `update` for every kind of update, as the
   * CLI sends it (WIRE-NOTES, Turn 2); pass the previous page's `continuationToken` for the next.
   */
  async getEngineEvents(
    stack: StackRef,
    updateID: string,
    continuationToken?: string,
    o?: CallOptions
  ): Promise<EngineEventsPage> {
    if (!isUpdateId(updateID))
      throw new Error('Pulumi Cloud named an update whose ID is not one; its events were not read.')
    const path = stackPath(stack, 'update', updateID, 'events')
    const spec = {
      ...this.stackRead(stack, path, 'read the engine events of the update'),
      query: { continuationToken }
    }
    return parseEngineEventsPage(await this.call<unknown>(spec, o))
  }

  /** The stack's current state, reduced to the outputs of its `pulumi:pulumi:Stack` resource. */
  async getStackOutputs(stack: StackRef, o?: CallOptions): Promise<StackOutputsRead> {
    const spec = this.stackRead(stack, stackPath(stack, 'export'), "export the stack's state")
    return parseStackOutputs(await this.call<unknown>(spec, o))
  }

  /** The plaintext (UTF-8, the JSON encoding of the value) of each ciphertext that Pulumi Cloud decrypted. */
  async batchDecrypt(stack: StackRef, ciphertexts: string[], o?: CallOptions): Promise<Map<string, string>> {
    // Decrypting twice does no harm, so it is retried as a read.
    const spec: CallSpec = {
      ...this.stackRead(stack, stackPath(stack, 'batch-decrypt'), "decrypt the stack's secret outputs"),
      method: 'POST',
      body: { ciphertexts }
    }
    return parseBatchDecrypt(await this.call<unknown>(spec, o), ciphertexts)
  }

  /** The stack's latest drift runs, newest first: whether each found drift, and for which deployment. */
  async listDriftRuns(stack: StackRef, o?: CallOptions): Promise<DriftRun[]> {
    const spec = {
      ...this.stackRead(stack, stackPath(stack, 'drift', 'runs'), 'list the drift runs of the stack'),
      query: { page: 1, pageSize: 20 }
    }
    return parseDriftRuns(await this.call<unknown>(spec, o))
  }

  getStackMetadata(stack: StackRef, o?: CallOptions): Promise<StackDeploymentsMetadata> {
    return this.call(
      this.stackRead(stack, stackDeploymentsPath(stack, 'metadata'), 'read the deployments metadata'),
      o
    )
  }

  /**
   * Exchanges a GitHub OIDC token for a Pulumi access token. Retried only when Pulumi Cloud provably did not act:
   * the ID token is the credential, and it is not sent around more than needed.
   */
  exchangeToken(request: TokenExchangeRequest, o?: CallOptions): Promise<TokenExchangeResponse> {
    const org = request.audience.replace(/^urn:pulumi:org:/, '')
    return this.call(
      {
        method: 'POST',
        path: TOKEN_EXCHANGE_PATH,
        body: request,
        expectJson: true,
        retry: 'unprocessed',
        action: "exchange this job's GitHub OIDC token for a Pulumi access token",
        subject: 'org',
        org,
        anonymous: true
      },
      o
    )
  }

  /**
   * Cancels a queued or running deployment. `ended` when Pulumi Cloud refused because there was nothing left to
   * cancel: its OpenAPI documents only 200 and 404 ("Deployment or Queued Deployment") for this call, so after any
   * refusal the deployment is read again, and one that has ended is no failed cancel.
   */
  async cancelDeployment(stack: StackRef, id: string, o?: CallOptions): Promise<'cancelled' | 'ended'> {
    try {
      await this.call(
        {
          ...this.deploymentRead(stack, id, [id, 'cancel'], 'cancel the deployment'),
          method: 'POST',
          expectJson: false,
          retry: 'unprocessed'
        },
        o
      )
      return 'cancelled'
    } catch (error) {
      if (!(error instanceof PulumiApiError) || error.status === 0) throw error
      const now = await this.getDeployment(stack, id, o).catch(() => undefined)
      if (now && isTerminal(now.status)) return 'ended'
      throw error
    }
  }
}

function listQuery(q: ListDeploymentsQuery | undefined): CallSpec['query'] {
  return { page: q?.page, pageSize: q?.pageSize, asc: q?.asc, status: q?.status }
}

function checked<T>(value: T | undefined, holds: (value: T) => boolean): T | undefined {
  return value !== undefined && holds(value) ? value : undefined
}
