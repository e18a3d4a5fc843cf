// Records each stack's Pulumi deployment as a GitHub deployment, so it shows in the repository's Deployments and
// Environments views: made on the pinned commit for the stack's environment, its status moved queued → in_progress
// → success / failure / error (inactive when skipped). It is a record only: nothing here may change the step's
// result, so every failure is one warning and then silence.
import type { OctokitFactory, OctokitLike } from './pr-comment.js'

export type GitHubDeploymentState = 'queued' | 'in_progress' | 'success' | 'failure' | 'error' | 'inactive'

export interface GitHubDeploymentsOptions {
  octokit: OctokitFactory
  owner: string
  repo: string
  /** The workflow run, each status's `log_url`. */
  runUrl?: string
  log: { warning(message: string): void; debug(message: string): void }
}

export interface DeploymentRecord {
  stack: string
  environment: string
  id?: number
  /** Set once the record could not be made: later statuses are not sent. */
  failed?: boolean
  last?: GitHubDeploymentState
}

export class GitHubDeployments {
  private disabled = false
  // One request at a time: statuses of one deployment must arrive in order, and a few stacks need no more.
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly o: GitHubDeploymentsOptions) {}

  /** Creates the deployment and its `queued` status. */
  start(input: { stack: string; environment: string; ref: string; description: string }): DeploymentRecord {
    const record: DeploymentRecord = { stack: input.stack, environment: input.environment }
    void this.enqueue(async octokit => {
      const { data } = await octokit.rest.repos.createDeployment({
        owner: this.o.owner,
        repo: this.o.repo,
        ref: input.ref,
        environment: input.environment,
        description: input.description.slice(0, 140),
        // The commit was already checked by the workflow that runs this; GitHub must not hold the record back.
        required_contexts: [],
        auto_merge: false,
        payload: { stack: input.stack }
      })
      if (!('id' in data) || typeof data.id !== 'number')
        throw new Error('GitHub answered the create without a deployment')
      record.id = data.id
    }, record)
    void this.status(record, 'queued')
    return record
  }

  /** Moves the record on; a state already sent, or sent after the end, is not sent again. */
  status(
    record: DeploymentRecord,
    state: GitHubDeploymentState,
    extra: { environmentUrl?: string; description?: string } = {}
  ): Promise<void> {
    if (record.last === state || isFinal(record.last)) return this.queue.then(() => undefined)
    record.last = state
    return this.enqueue(async octokit => {
      if (record.id === undefined) return
      await octokit.rest.repos.createDeploymentStatus({
        owner: this.o.owner,
        repo: this.o.repo,
        deployment_id: record.id,
        state,
        ...(this.o.runUrl ? { log_url: this.o.runUrl } : {}),
        ...(extra.environmentUrl ? { environment_url: extra.environmentUrl } : {}),
        ...(extra.description ? { description: extra.description.slice(0, 140) } : {}),
        // Each stack's environment holds its own latest deployment; GitHub must not retire the others'.
        auto_inactive: false
      })
    }, record)
  }

  /** Resolves once every record and status asked for so far has been sent (or given up on). */
  settled(): Promise<void> {
    return this.queue.then(() => undefined)
  }

  private enqueue(work: (octokit: OctokitLike) => Promise<void>, record: DeploymentRecord): Promise<void> {
    const next = this.queue.then(async () => {
      if (this.disabled || record.failed) return
      try {
        await work(await this.o.octokit())
      } catch (error) {
        record.failed = true
        this.fail(error, record)
      }
    })
    this.queue = next
    return next
  }

  private fail(error: unknown, record: DeploymentRecord): void {
    const status = (error as { status?: unknown } | null)?.status
    if (status === 403 || status === 404) {
      // The same answer would come for every stack: said once, and nothing more is asked.
      this.disabled = true
      this.o.log.warning(
        `Could not record the deployment of ${record.stack} in the GitHub environment "${record.environment}": ` +
          `GitHub answered ${status}. The github-token needs \`permissions: deployments: write\` in the job; ` +
          'no GitHub deployments are recorded for this step. The Pulumi deployments are unaffected.'
      )
      return
    }
    const reason = error instanceof Error ? error.message : String(error)
    this.o.log.warning(
      `Could not record the deployment of ${record.stack} in the GitHub environment "${record.environment}" ` +
        `(${reason}). The Pulumi deployment is unaffected.`
    )
  }
}

function isFinal(state: GitHubDeploymentState | undefined): boolean {
  return state === 'success' || state === 'failure' || state === 'error' || state === 'inactive'
}
