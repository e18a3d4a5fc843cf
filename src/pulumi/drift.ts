// Drift runs (spec/results-openapi.json, `ListDriftRuns`): Pulumi Cloud's own record of whether a detect-drift or
// remediate-drift deployment found drift. A drift check that found drift ends `failed`, exactly like one that
// broke ("refresh and fail if any changes are detected"); the run is what tells them apart.
import { isCount, isRecord, own, resourceChangesOf, text } from './engine-events.js'

/** One drift run, reduced to what a report needs. */
export interface DriftRun {
  id: string
  driftDetected: boolean
  deploymentId?: string
  /** The refresh's change counts (`detectUpdate.resourceChanges`), when given. */
  detectChanges?: Map<string, number>
}

/** The runs of `GET …/drift/runs` that can be read; an entry of another shape is left out. */
export function parseDriftRuns(body: unknown): DriftRun[] {
  const runs = isRecord(body) ? own(body, 'driftRuns') : undefined
  if (!Array.isArray(runs)) throw new Error("Pulumi Cloud's list of drift runs has no `driftRuns` array.")
  const parsed: DriftRun[] = []
  for (const entry of runs) {
    if (!isRecord(entry)) continue
    const id = text(own(entry, 'id'), 200)
    const detected = own(entry, 'driftDetected')
    if (id === undefined || typeof detected !== 'boolean') continue
    const detect = own(entry, 'detectUpdate')
    parsed.push({
      id,
      driftDetected: detected,
      deploymentId: text(own(entry, 'deploymentId'), 200),
      detectChanges: isRecord(detect) ? resourceChangesOf(own(detect, 'resourceChanges')) : undefined
    })
  }
  return parsed
}

/** How many resources drifted: every count but `same` (a refresh's changes are the drift). */
export function driftedResources(changes: Map<string, number> | Record<string, number> | undefined): number {
  if (!changes) return 0
  const entries = changes instanceof Map ? [...changes] : Object.entries(changes)
  return entries.reduce(
    (sum, [op, n]) => (op === 'same' || op === 'errored' || !isCount(n) ? sum : sum + n),
    0
  )
}
