// GitHub's deployments and deployment statuses, as api.github.com answers them: a deployment is made on a ref for an
// environment, and each status posted to it is kept in order. Writes can be refused with 403, as for a token
// without `deployments: write`.
const DOCS = 'https://docs.github.com/rest/deployments'
const STATES = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success']

export interface FakeDeploymentStatus {
  id: number
  state: string
  log_url?: string
  environment_url?: string
  description?: string
}

export interface FakeDeployment {
  id: number
  owner: string
  repo: string
  ref: string
  environment: string
  task: string
  description?: string
  required_contexts?: unknown
  auto_merge?: unknown
  payload?: unknown
  statuses: FakeDeploymentStatus[]
}

export interface DeploymentReply {
  status: number
  body?: unknown
}

function error(status: number, message: string, extra: object = {}): DeploymentReply {
  return { status, body: { message, ...extra, documentation_url: DOCS, status: String(status) } }
}

export class FakeDeployments {
  readonly all: FakeDeployment[] = []
  private nextId = 7_000_001
  private denied: string | undefined

  constructor(private readonly apiUrl: () => string) {}

  deny(message: string | undefined): void {
    this.denied = message
  }

  /** The answer for a deployments path, or undefined for any other path. */
  answer(method: string, path: string, body: unknown): DeploymentReply | undefined {
    const list = /^\/repos\/([^/]+)\/([^/]+)\/deployments$/.exec(path)
    const statuses = /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/.exec(path)
    if (!list && !statuses) return undefined
    if (method === 'POST' && this.denied !== undefined) return error(403, this.denied)
    const fields = (body ?? {}) as Record<string, unknown>
    if (list) {
      const [, owner = '', repo = ''] = list
      if (method === 'GET') return { status: 200, body: this.of(owner, repo).map(d => this.view(d)) }
      if (method !== 'POST') return error(404, 'Not Found')
      if (typeof fields.ref !== 'string' || fields.ref === '')
        return error(422, 'Invalid request.\n\n"ref" wasn\'t supplied.')
      const deployment: FakeDeployment = {
        id: this.nextId++,
        owner,
        repo,
        ref: fields.ref,
        environment: typeof fields.environment === 'string' ? fields.environment : 'production',
        task: typeof fields.task === 'string' ? fields.task : 'deploy',
        description: typeof fields.description === 'string' ? fields.description : undefined,
        required_contexts: fields.required_contexts,
        auto_merge: fields.auto_merge,
        payload: fields.payload,
        statuses: []
      }
      this.all.push(deployment)
      return { status: 201, body: this.view(deployment) }
    }
    const [, owner = '', repo = '', id = ''] = statuses ?? []
    const deployment = this.of(owner, repo).find(d => d.id === Number(id))
    if (!deployment) return error(404, 'Not Found')
    if (method === 'GET') return { status: 200, body: [...deployment.statuses].reverse() }
    if (method !== 'POST') return error(404, 'Not Found')
    if (typeof fields.state !== 'string' || !STATES.includes(fields.state))
      return error(422, 'Validation Failed', { errors: [{ field: 'state', code: 'invalid' }] })
    const status: FakeDeploymentStatus = {
      id: this.nextId++,
      state: fields.state,
      ...(typeof fields.log_url === 'string' ? { log_url: fields.log_url } : {}),
      ...(typeof fields.environment_url === 'string' ? { environment_url: fields.environment_url } : {}),
      ...(typeof fields.description === 'string' ? { description: fields.description } : {})
    }
    deployment.statuses.push(status)
    return { status: 201, body: { ...status, url: `${this.apiUrl()}${path}/${status.id}` } }
  }

  of(owner: string, repo: string): FakeDeployment[] {
    return this.all.filter(d => d.owner === owner && d.repo === repo)
  }

  private view(d: FakeDeployment): object {
    const { owner, repo, ...rest } = d
    return {
      ...rest,
      statuses: undefined,
      url: `${this.apiUrl()}/repos/${owner}/${repo}/deployments/${d.id}`,
      sha: d.ref
    }
  }
}
