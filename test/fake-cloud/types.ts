import type {
  DeploymentSettings,
  DeploymentStatus,
  PulumiOperation,
  UserInfo
} from '../../src/pulumi/types.js'
import type { FakeClock } from './clock.js'
import type { FaultInjector } from './faults.js'

/** Every endpoint of the Deployments API the fake answers, named as `RecordedRequest.endpoint` reports them. */
import type { IssuedToken, OidcPolicy, TrustedIssuer } from './oidc.js'

export const ENDPOINTS = [
  'getSettings',
  'patchSettings',
  'replaceSettings',
  'deleteSettings',
  'createDeployment',
  'listStackDeployments',
  'getDeployment',
  'getDeploymentByVersion',
  'streamLogs',
  'stepLogs',
  'getUpdates',
  'getEngineEvents',
  'exportStack',
  'batchDecrypt',
  'getDriftStatus',
  'listDriftRuns',
  'cancelDeployment',
  'pauseStack',
  'resumeStack',
  'stackMetadata',
  'listOrgDeployments',
  'pauseOrg',
  'resumeOrg',
  'orgMetadata',
  'tokenExchange',
  // GET /api/user: who the access token belongs to (what `pulumi whoami` asks).
  'getCurrentUser',
  // A path the API does not have, or a known path with a method it does not take.
  'unknown'
] as const
export type EndpointName = (typeof ENDPOINTS)[number]

/**
 * Lines produced on demand: `line(i)` for `i` in `[0, count)`. Lets a scenario carry a million log lines without
 * holding a million strings; `line` must be pure (the same index always gives the same text).
 */
export interface LineBlock {
  count: number
  line(index: number): string
}

/**
 * One line of a step's output. A string without a trailing newline gets one. Lines without `atMs` are spread evenly
 * over the step's duration; `atMs` (from the step's start) pins a line's time.
 */
export type ScenarioLine = string | { text: string; atMs: number }

/** Lines generated on demand, spliced into a step's `lines` before index `at` (default: after all of them). */
export type GeneratedLines = LineBlock & { at?: number }

export interface ScenarioStep {
  name: string
  /** Default 1000. */
  durationMs?: number
  /**
   * May use placeholders filled in per deployment: `{{stack}}` (`org/stack`), `{{org}}`, `{{project}}`,
   * `{{stackName}}`, `{{updateUrl}}`, and `{{env.NAME}}`: the value of the deployment's environment variable NAME,
   * secret or not, as a program that echoes it would print it.
   */
  lines?: ScenarioLine[]
  /** Generated lines (a million cost nothing up front); their times are spread like unpinned lines. */
  generated?: GeneratedLines[]
  /** A failed step ends the job: later steps stay not-started and the deployment ends failed. */
  status?: 'succeeded' | 'failed'
  /**
   * Whether this step runs the Pulumi operation (its start makes the stack update of `updates[]`). By default the
   * step named `pulumi <operation>` or `Pulumi operation`, else the last step.
   */
  pulumiOperation?: boolean
}

/** A scripted deployment lifecycle; durations are milliseconds on the fake's clock. */
export interface Scenario {
  /** Time in `not-started` before `accepted` (default 0). A paused stack or organization stops this clock. */
  queuedMs?: number
  /** Time in `accepted` before `running` (default 0). */
  acceptedMs?: number
  steps: ScenarioStep[]
  /**
   * `skipped`: never runs (no jobs, no logs) and goes terminal once queued. `failed` with no failed step fails the
   * last step.
   */
  result: 'succeeded' | 'failed' | 'skipped'
  /**
   * The stack update the Pulumi operation step makes. `kind` defaults from the operation, `version` to the stack's
   * next (0 for previews, which make no stack version); `resourceChanges` is reported once the step has finished.
   */
  update?: { kind?: string; version?: number; resourceChanges?: Record<string, number> }
  /**
   * What the engine records while the Pulumi operation step runs, served as the update's engine events. Set by
   * pulumiScenario so that the events agree with the log; without it the update has no events.
   */
  engine?: EngineScript
  /**
   * The stack's outputs once this deployment has succeeded (an update, refresh or drift remediation): plain JSON
   * values, or `{secret: value}` for a secret output, which the stack's state holds encrypted.
   */
  outputs?: Record<string, unknown>
}

/** A policy violation the engine reports against one of the scenario's resources. */
export interface PolicyScript {
  /** `mandatory` or `warning` (Pulumi's name for advisory); default `warning`. */
  enforcementLevel?: 'mandatory' | 'warning'
  /** The resource it is about, by log line; default 0. */
  resourceIndex?: number
}

export interface EngineScript {
  /** `org/project/stack`. */
  stack: string
  counts: { create: number; update: number; replace: number; delete: number; same: number }
  /** How many changed resources the log lists (resourceAt numbers them). */
  resources: number
  planning: boolean
  policy?: PolicyScript
  /** The resource (by log line) whose operation fails, when the Pulumi step fails. */
  failingResource?: number
}

/** Builds the scenario of a deployment when it is created, from what was asked. */
export type ScenarioFactory = (context: {
  operation: PulumiOperation
  request: unknown
  stack: string
}) => Scenario

export interface RecordedRequest {
  method: string
  /** Without the query string. */
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  /** Parsed JSON, the raw text when it is not JSON, or undefined when there was none. */
  body: unknown
  /** What was answered; 0 for a connection dropped without an answer (and while the answer is being made). */
  status: number
  /** The answer's Content-Encoding (`gzip` when the request asked for it), if any. */
  encoding?: string
  endpoint: EndpointName
  /** Arrival time on the fake's clock. */
  at: number
  /** The fault injected into this request, if any. */
  fault?: FaultKind
}

export interface FakeDeployment {
  id: string
  version: number
  /** `org/project/stack`. */
  stack: string
  operation: PulumiOperation
  /** The create request body as received. */
  request: unknown
  /** Effective settings after inheritance, secrets in plain text. */
  settings: DeploymentSettings
  status: DeploymentStatus
  cancelled: boolean
  createdAt: number
  scenario: Scenario
  /** The `X-Pulumi-Deployment-Initiator` header of the create request, if any. */
  initiator?: string
}

export type FaultKind = 'status' | 'reset' | 'slow' | 'truncate' | 'tamper' | 'stall'

/** An answer as a hostile or broken service could give it: any status, headers and JSON (or raw text) body. */
export interface TamperedAnswer {
  status: number
  headers: Record<string, string>
  /** JSON-encoded unless `raw` is set. */
  body: unknown
  raw?: string
}

interface FaultMatch {
  endpoint?: EndpointName | EndpointName[]
  method?: string
  pathIncludes?: string
  /** Apply to the next N matching requests only. */
  times?: number
  /** Chance (0–1) of applying to a matching request, drawn from the fake's seeded generator. */
  probability?: number
}

export type FaultRule = FaultMatch &
  (
    | {
        kind: 'status'
        status: 403 | 404 | 429 | 500 | 502 | 503
        /** Seconds, or an HTTP date, sent as `Retry-After`. */
        retryAfter?: number | string
        /** Process the request (e.g. create the deployment), then answer the error instead of the result. */
        afterProcessing?: boolean
      }
    | { kind: 'reset'; afterProcessing?: boolean }
    | {
        kind: 'slow'
        /** Real milliseconds (not the fake's clock): this is about the network, which test clocks do not drive. */
        delayMs: number
        /** Delay after processing instead of before. */
        afterProcessing?: boolean
      }
    /** Answer the real status and headers with a body cut in half, its Content-Length matching the cut body. */
    | { kind: 'truncate' }
    /** Rewrite the answer after processing: what a hostile or broken service would send instead. */
    | { kind: 'tamper'; edit: (answer: TamperedAnswer) => TamperedAnswer }
    /** Send the status and headers and the start of the body, then nothing more until the fake closes. */
    | { kind: 'stall' }
  )

export type StackTarget = { stack: string } | { org: string }

export interface FakeCloudOptions {
  /** The accepted access token; default `pul-fake-token-0000`. */
  token?: string
  /** Default `realClock`. With a ManualClock, deployments progress only when the test advances it. */
  clock?: FakeClock
  /** Base of console links; default: the server's URL with a leading `api.` host label turned into `app.`. */
  consoleUrl?: string
  /** Seeds fault probabilities and generated identifiers; default 1. */
  seed?: number
  host?: string
  port?: number
  /** Most entries one streaming log response carries; default 500. */
  logBatchSize?: number
  /** Most engine events one page carries; default 500. */
  eventsPageSize?: number
}

export interface FakeCloud {
  /** The API base, e.g. `http://127.0.0.1:43123`; paths start with `/api/`. */
  readonly url: string
  readonly token: string
  readonly clock: FakeClock
  readonly faults: FaultInjector
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[]
  close(): Promise<void>
  /** `outputs`: the stack's outputs before any deployment (see Scenario.outputs). */
  addStack(
    ref: string,
    opts?: {
      settings?: DeploymentSettings
      scenario?: Scenario | ScenarioFactory
      outputs?: Record<string, unknown>
    }
  ): void
  /**
   * Accepts another access token, belonging to `user`: its deployments are `requestedBy` that user, and
   * GET /api/user answers it (the fake's own token belongs to `Fake Cloud User`).
   */
  addToken(token: string, user: UserInfo): void
  /** The default for the stack's future deployments. */
  setScenario(ref: string, scenario: Scenario | ScenarioFactory): void
  /** Used by the stack's next deployment only (first in, first out), ahead of the default. */
  queueScenario(ref: string, scenario: Scenario | ScenarioFactory): void
  /** Sends `X-Pulumi-Warning: <text>` on every answer from now on (as the service does to announce a deprecation); undefined stops it. */
  setWarning(text: string | undefined): void
  /**
   * How many deployments of the organization may run at once (default 25); more wait `not-started`. One
   * deployment runs per stack at a time whatever the limit.
   */
  setConcurrency(org: string, limit: number): void
  pause(target: StackTarget): void
  resume(target: StackTarget): void
  /** The stack's deployment settings as stored, secrets in plain text. */
  settings(ref: string): DeploymentSettings
  /** Everything created (for one stack, or all), oldest first. */
  deployments(ref?: string): FakeDeployment[]
  /** Resolves with the first recorded, answered request the predicate accepts, already recorded or not. */
  waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>
  /**
   * The organization trusts `issuer`'s ID tokens for POST /api/oauth/token, for what `policies` allow (default: an
   * organization token, with any scope).
   */
  trustOidcIssuer(org: string, issuer: TrustedIssuer, policies?: OidcPolicy[]): void
  /** The access tokens the exchange has issued, and what each is good for. */
  readonly issuedTokens: ReadonlyMap<string, IssuedToken>
}
