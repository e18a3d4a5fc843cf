// Wire types of the Pulumi Cloud Deployments API, written from spec/deployments-openapi.json (the authority on
// names and shapes). Only what this action and its fake use is typed; unknown fields pass through untouched.

export const PULUMI_OPERATIONS = [
  'update',
  'preview',
  'refresh',
  'destroy',
  'detect-drift',
  'remediate-drift'
] as const
export type PulumiOperation = (typeof PULUMI_OPERATIONS)[number]

export const DEPLOYMENT_STATUSES = [
  'not-started',
  'accepted',
  'running',
  'succeeded',
  'failed',
  'skipped'
] as const
/** One of the six documented statuses, or `unknown` for anything else Pulumi Cloud answered (see validate.ts). */
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number] | 'unknown'

// There is no "cancelled": a cancelled or timed-out deployment ends "failed" (WIRE-NOTES.md).
export const TERMINAL_STATUSES: readonly DeploymentStatus[] = ['succeeded', 'failed', 'skipped']
export function isTerminal(status: DeploymentStatus): boolean {
  return TERMINAL_STATUSES.includes(status)
}

export type StepStatus = 'not-started' | 'running' | 'succeeded' | 'failed'

/** `{"secret": "..."}` on the way in; read back as `{"secret": "[secret]", "ciphertext": ...}`. */
export interface SecretValue {
  secret: string
  ciphertext?: string | string[]
}
/** A plain string or a secret, as environment variables and credentials accept. */
export type MaybeSecret = string | SecretValue

export interface GitAuthConfig {
  accessToken?: SecretValue
  sshAuth?: { sshPrivateKey?: SecretValue; password?: SecretValue }
  basicAuth?: { userName?: SecretValue; password?: SecretValue }
}

export interface SourceContextGit {
  repoUrl?: string
  branch?: string
  commit?: string
  tag?: string
  repoDir?: string
  gitAuth?: GitAuthConfig
}

export interface SourceContext {
  git?: SourceContextGit
  hg?: Record<string, unknown>
  template?: Record<string, unknown>
}

export interface OidcConfig {
  aws?: { roleArn?: string; sessionName?: string; duration?: string; policyArns?: string[] }
  azure?: { clientId?: string; tenantId?: string; subscriptionId?: string }
  gcp?: {
    projectId?: string
    region?: string
    workloadPoolId?: string
    providerId?: string
    serviceAccount?: string
    tokenLifetime?: string
  }
}

export interface OperationContext {
  preRunCommands?: string[]
  environmentVariables?: Record<string, MaybeSecret>
  options?: {
    skipInstallDependencies?: boolean
    skipIntermediateDeployments?: boolean
    deleteAfterDestroy?: boolean
    remediateIfDriftDetected?: boolean
    shell?: string
  }
  oidc?: OidcConfig
  role?: { id?: string; name?: string; defaultIdentifier?: string }
}

export interface DockerImage {
  reference: string
  credentials?: { username: string; password: SecretValue }
}

export interface ExecutorContext {
  executorImage?: string | DockerImage
  executorRootPath?: string
}

export interface GitHubSettings {
  repository?: string
  deployCommits?: boolean
  previewPullRequests?: boolean
  pullRequestTemplate?: boolean
  deployPullRequest?: number
  paths?: string[]
  [key: string]: unknown
}

export interface CacheOptions {
  enable?: boolean
}

/** The settings a stack keeps, and that a create request may carry for one deployment. */
export interface DeploymentSettings {
  sourceContext?: SourceContext
  operationContext?: OperationContext
  executorContext?: ExecutorContext
  gitHub?: GitHubSettings
  cacheOptions?: CacheOptions
  /** `null`: the shared pool (as Pulumi's CLI sends it). */
  agentPoolID?: string | null
  tag?: string
  version?: number
  source?: string
  [key: string]: unknown
}

export interface CreateDeploymentRequest extends DeploymentSettings {
  operation: PulumiOperation
  inheritSettings?: boolean
}

export interface CreateDeploymentResponse {
  id: string
  consoleUrl: string
  version: number
}

export interface StepRun {
  name: string
  status: StepStatus
  started?: string
  lastUpdated?: string
}

export interface DeploymentJob {
  status: DeploymentStatus
  started?: string
  lastUpdated?: string
  steps: StepRun[]
}

export interface UserInfo {
  name: string
  githubLogin: string
  avatarUrl: string
  email?: string
}

export interface DeploymentNestedUpdate {
  id: string
  updateID: string
  version: number
  startTime: number
  endTime: number
  result: 'not-started' | 'in-progress' | 'succeeded' | 'failed'
  kind: string
  message: string
  environment: Record<string, string>
}

export interface Deployment {
  id: string
  /** Pulumi's own format, e.g. `2022-10-17 22:12:34.834` (UTC, not RFC 3339). */
  created: string
  modified: string
  status: DeploymentStatus
  version: number
  latestVersion: number
  requestedBy: UserInfo
  /** Absent until the deployment has started. */
  jobs?: DeploymentJob[]
  pulumiOperation?: PulumiOperation
  initiator?: string
  updates?: DeploymentNestedUpdate[]
  configuration?: {
    environmentVariables: { name: string; value?: string; secret: boolean }[]
    source?: { git?: { repoURL: string; branch?: string; commit?: string; repoDir?: string } }
  }
}

export interface DeploymentSnapshot extends Deployment {
  projectName?: string
  stackName?: string
  paused?: boolean
  jobs: DeploymentJob[]
  updates: DeploymentNestedUpdate[]
  pulumiOperation: PulumiOperation
}

export interface ListDeploymentsResponse {
  deployments: DeploymentSnapshot[]
  itemsPerPage: number
  total: number
}

export interface ListDeploymentsQuery {
  page?: number
  pageSize?: number
  asc?: boolean
  status?: DeploymentStatus
}

/** A streamed log entry: a step header (timestamp `0001-01-01T00:00:00Z`) or a line that already ends in `\n`. */
export type LogEntry =
  | { header: string; timestamp: string; line?: undefined }
  | { line: string; timestamp: string; header?: undefined }

export interface StreamLogsResponse {
  __type?: 'DeploymentLogs'
  lines: LogEntry[]
  /** Absent once the log is complete. */
  nextToken?: string
}

export interface StepLogsQuery {
  job: number
  step: number
  offset?: number
  count?: number
}

export interface StepLogsResponse {
  __type?: 'DeploymentLogsStep'
  lines: { line: string; timestamp: string }[]
  /** Absent once the step has no more lines. */
  nextOffset?: number
}

export interface StackDeploymentsMetadata {
  paused: boolean
  stackPaused: boolean
  organizationPaused: boolean
  hasSchedules: boolean
  drift?: { driftDetected: boolean; latestDriftRun: string; runInProgress: boolean }
}

export interface OrgDeploymentsMetadata {
  paused: boolean
  pausedStacks?: string[]
  concurrency: number
  deploymentCounts: {
    notStarted: number
    accepted: number
    running: number
    failed: number
    succeeded: number
    skipped: number
    total: number
  }
}

/** `org/project/stack`, parsed. */
export interface StackRef {
  org: string
  project: string
  stack: string
}
