// Redaction happens on the raw report, before any of it is escaped, cut to length or laid out: an escaped secret
// (`_` written `&#95;`) or one cut in half no longer matches, so redacting only the finished markdown is not enough.
import type { DeploymentReport } from './model.js'

// Fields that hold one of the action's own words (a status, an operation, a change kind), which the report looks up
// by value; none of them carries remote free text.
const STRUCTURAL_KEYS = new Set(['status', 'operation', 'op', 'kind', 'changesFrom', 'enforcementLevel'])

/** A copy of the report with every free-text string redacted. */
export function redactReport(report: DeploymentReport, redact: (text: string) => string): DeploymentReport {
  return redactValue(report, redact) as DeploymentReport
}

function redactValue(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value)
  if (Array.isArray(value)) return value.map(item => redactValue(item, redact))
  // Maps hold change kinds and counts; everything else the report holds is plain data.
  if (value === null || typeof value !== 'object' || value instanceof Map) return value
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    copy[key] = STRUCTURAL_KEYS.has(key) ? item : redactValue(item, redact)
  }
  return copy
}
