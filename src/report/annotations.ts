// What the engine found, as a few workflow annotations: a reader of the run's page sees them without opening the
// log. Policy violations here, the most severe first; a failure's own annotation starts with failureLead.
import stripAnsi from 'strip-ansi'
import type { DeploymentReport } from './model.js'

export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
}

// More would bury the failure's own annotation; the report lists them all.
const MAX_ANNOTATIONS = 3
const MAX_TEXT = 1_000

function clean(text: string): string {
  const plain = stripAnsi(text).trim()
  return plain.length > MAX_TEXT ? `${plain.slice(0, MAX_TEXT)}…` : plain
}

export function annotationsOf(report: DeploymentReport): Annotation[] {
  const violations = report.engine?.policyViolations ?? []
  return violations.slice(0, MAX_ANNOTATIONS).map(v => {
    const where = v.resource ? ` on ${v.resource.name} (${v.resource.type})` : ''
    return {
      level: v.enforcementLevel === 'mandatory' ? 'error' : 'warning',
      title: `Policy violation: ${clean(v.policyName)}`,
      message: clean(
        `[${v.enforcementLevel || 'advisory'}] ${v.policyPack}/${v.policyName}${where}: ${v.message}`
      )
    }
  })
}

/** `bucket-0001 (aws:s3:Bucket) failed to create: …`, for a failed operation whose failing resource is known. */
export function failureLead(report: DeploymentReport): string | undefined {
  const failed = report.engine?.failedResources[0]
  if (failed) {
    return clean(
      `${failed.name} (${failed.type}) failed to ${failed.op}${failed.message ? `: ${failed.message}` : '.'}`
    )
  }
  const error = report.engine?.errors[0]
  return error ? clean(error.message) : undefined
}
