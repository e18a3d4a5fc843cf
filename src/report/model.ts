// The one model every report (job summary, pull-request comment, outputs) is built from, and the wording of each
// status, kept here so the summary and the comment can never describe the same deployment differently.
import type { ChangeSummary } from '../deployment/changes.js'
import type { DeploymentStatus, PulumiOperation, StepStatus } from '../pulumi/types.js'
import type { StepCapture } from '../deployment/log-renderer.js'
import type { EngineResults } from '../deployment/resource-changes.js'

/** A stack output as reports show it: secrets are never shown, whatever `show-secret-outputs` says. */
export interface OutputReport {
  name: string
  /** JSON text of the value, or `[secret]`. */
  shown: string
  secret: boolean
}

/**
 * Pulumi Cloud's statuses, plus this action's own: it stopped waiting, it cancelled, it did not wait, it stopped
 * following and left the deployment running or queued, so its result is not known here, or (one of several stacks)
 * it never created the deployment.
 */
export type ReportStatus =
  DeploymentStatus | 'timed-out' | 'cancelled' | 'created' | 'left-running' | 'left-queued' | 'not-run'

export interface StepReport {
  name: string
  status: StepStatus
  durationMs?: number
}

export interface DeploymentReport {
  stack: string
  operation: PulumiOperation
  status: ReportStatus
  deploymentId?: string
  version?: number
  consoleUrl?: string
  updateUrl?: string
  updateVersion?: number
  commit?: string
  commitUrl?: string
  changes?: ChangeSummary
  /** Where the counts came from: Pulumi Cloud's `resourceChanges`, or the log's `Resources:` block. */
  changesFrom?: 'pulumi-cloud' | 'log'
  /** What the engine events say: changed resources, policy violations, errors. Absent when unread. */
  engine?: EngineResults
  /** Whether the update link points at a preview (`/previews/{id}`), which is no stack update. */
  updateIsPreview?: boolean
  /** The stack's outputs after the operation, for the job summary. */
  outputs?: OutputReport[]
  queuedMs?: number
  runningMs?: number
  steps: StepReport[]
  failedStep?: { name: string; lastLines: string[] }
  /** The operation's output: head and tail of its log step, and how many lines between them were dropped. */
  output?: StepCapture
  /** The workflow run, whose log holds the whole deployment log. */
  runUrl?: string
  /** One sentence explaining the status, e.g. why the wait ended. */
  message?: string
  /** For a detect-drift or remediate-drift deployment that ended: whether it found drift (see buildReport). */
  drift?: DriftFinding
}

export interface DriftFinding {
  detected: boolean
  /** How many resources drifted, when known. */
  resources?: number
  /** Pulumi Cloud's drift run, when it listed one for the deployment. */
  runId?: string
}

/** "Drift detected" / "No drift" for a drift check that ran; undefined for one that broke, or for anything else. */
export function driftLabel(r: Pick<DeploymentReport, 'status' | 'drift'>): string | undefined {
  if (!r.drift) return undefined
  if (r.drift.detected) return 'Drift detected'
  return r.status === 'succeeded' ? 'No drift' : undefined
}

const STATUS_ICONS: Record<ReportStatus, string> = {
  'not-started': '🕒',
  accepted: '⏳',
  running: '🔄',
  succeeded: '✅',
  failed: '❌',
  skipped: '⏭️',
  'timed-out': '⌛',
  cancelled: '🚫',
  created: '🚀',
  unknown: '❔',
  'left-running': '⏩',
  'left-queued': '🔜',
  'not-run': '⏸️'
}

const STATUS_TEXTS: Record<ReportStatus, string> = {
  'not-started': 'Queued',
  accepted: 'Starting',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  skipped: 'Skipped (it never ran)',
  'timed-out': 'Timed out',
  cancelled: 'Cancelled',
  created: 'Created (not waited for)',
  unknown: 'Unknown',
  'left-running': 'Left running (not waited for to the end)',
  'left-queued': 'Left queued (not waited for to the end)',
  'not-run': 'Not run'
}

// Completes "Pulumi preview …" in titles.
const STATUS_PHRASES: Record<ReportStatus, string> = {
  'not-started': 'is queued',
  accepted: 'is starting',
  running: 'is running',
  succeeded: 'succeeded',
  failed: 'failed',
  skipped: 'was skipped',
  'timed-out': 'timed out',
  cancelled: 'was cancelled',
  created: 'was started',
  unknown: 'is in an unknown state',
  'left-running': 'was left running',
  'left-queued': 'was left queued',
  'not-run': 'was not run'
}

// What a reader of an unfinished report should know; the caller appends the link to the deployment.
const PROGRESS_SENTENCES: Partial<Record<ReportStatus, string>> = {
  'not-started': 'The deployment is queued in Pulumi Cloud; this report is updated when it finishes.',
  accepted:
    'The deployment was accepted and is waiting for a runner; this report is updated when it finishes.',
  running: 'The deployment is running; this report is updated when it finishes.',
  created:
    'The deployment was created; this workflow did not wait for it (`wait: false`), so its result is not shown here.',
  // The step stopped following, but the deployment goes on: a reader must not take it for cancelled.
  'left-running':
    'The deployment keeps running in Pulumi Cloud; this workflow stopped following it, so its result is not shown here.',
  'left-queued':
    'The deployment stays queued in Pulumi Cloud and will still run; this workflow stopped following it, so its result is not shown here.'
}

const STEP_ICONS: Record<StepStatus, string> = {
  'not-started': '⚪',
  running: '🔄',
  succeeded: '✅',
  failed: '❌'
}

const OPERATION_LABELS: Record<PulumiOperation, string> = {
  update: 'update',
  preview: 'preview',
  refresh: 'refresh',
  destroy: 'destroy',
  'detect-drift': 'drift detection',
  'remediate-drift': 'drift remediation'
}

export function statusIcon(status: ReportStatus): string {
  return STATUS_ICONS[status] ?? '❔'
}

export function statusText(status: ReportStatus): string {
  return STATUS_TEXTS[status] ?? status
}

/** `succeeded`, `is queued`, `was cancelled`: the end of a title that starts with the operation. */
export function statusPhrase(status: ReportStatus): string {
  return STATUS_PHRASES[status] ?? `ended as ${status}`
}

/** A sentence for a report written before the deployment ended, or undefined once it has. */
export function progressSentence(status: ReportStatus): string | undefined {
  return PROGRESS_SENTENCES[status]
}

/** `✅ Pulumi preview succeeded`: the start of every report's title; a drift check says what it found. */
export function titleOf(report: Pick<DeploymentReport, 'status' | 'operation' | 'drift'>): string {
  const drift = driftLabel(report)
  if (drift) return `${driftIcon(report)} Pulumi ${operationLabel(report.operation)}: ${drift}`
  return `${statusIcon(report.status)} Pulumi ${operationLabel(report.operation)} ${statusPhrase(report.status)}`
}

/** The icon beside "Drift detected" (a finding, not a breakage) or "No drift". */
export function driftIcon(report: Pick<DeploymentReport, 'drift'>): string {
  return report.drift?.detected ? '⚠️' : '✅'
}

export function stepStatusIcon(status: StepStatus): string {
  return STEP_ICONS[status] ?? '❔'
}

/** `preview`, `update`, `drift detection`: how a sentence names the operation. */
export function operationLabel(operation: PulumiOperation): string {
  return OPERATION_LABELS[operation] ?? operation
}

/** Whether the deployment may still change: reports then show progress rather than a result. */
export function isInProgress(status: ReportStatus): boolean {
  return (
    status === 'not-started' ||
    status === 'accepted' ||
    status === 'running' ||
    status === 'created' ||
    status === 'left-running' ||
    status === 'left-queued'
  )
}

/** Whether the deployment ended without doing what was asked. */
export function isFailure(status: ReportStatus): boolean {
  return status === 'failed' || status === 'timed-out' || status === 'cancelled'
}
