// Turns an update's engine events, one page at a time, into what a reviewer asks about: which resources change and
// how, which policies object, and what failed. Linear in the events; only the reduced result is kept.
import type { EngineEvent, PropertyChange, StepMetadata, StepOp } from '../pulumi/engine-events.js'

/** How a report names a resource's change: one word per resource, a replacement's three engine steps as `replace`. */
export type ResourceOp = 'delete' | 'replace' | 'create' | 'update' | 'import' | 'discard' | 'refresh'

export interface ChangedResource {
  op: ResourceOp
  urn: string
  type: string
  /** The last part of the URN: the resource's name in the program. */
  name: string
  changes: PropertyChange[]
}

export interface PolicyViolation {
  policyPack: string
  policyName: string
  /** `mandatory`, `warning` (advisory), `remediate`, … as Pulumi sends it. */
  enforcementLevel: string
  severity: string
  message: string
  resource?: { name: string; type: string }
}

export interface ErrorDiagnostic {
  message: string
  resource?: { name: string; type: string }
}

export interface FailedResource {
  name: string
  type: string
  op: ResourceOp
  /** The error the engine reported for it just before, when there was one. */
  message?: string
}

export interface EngineResults {
  /** Most dangerous first: delete, replace, create, update, then the rest; unchanged resources are not listed. */
  resources: ChangedResource[]
  policyViolations: PolicyViolation[]
  errors: ErrorDiagnostic[]
  failedResources: FailedResource[]
  /** Counts from the engine's own summary event, when it sent one. */
  summaryChanges?: Map<string, number>
  /** Items left out past the limits below. */
  omitted: number
}

const OP_OF_STEP: Partial<Record<StepOp, ResourceOp>> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  replace: 'replace',
  'create-replacement': 'replace',
  'delete-replaced': 'replace',
  'read-replacement': 'replace',
  'import-replacement': 'replace',
  'discard-replaced': 'replace',
  import: 'import',
  discard: 'discard',
  refresh: 'refresh'
}

export const DANGER_ORDER: readonly ResourceOp[] = [
  'delete',
  'replace',
  'create',
  'update',
  'import',
  'discard',
  'refresh'
]

// Bounds what one report can hold, whatever an update sends.
const MAX_RESOURCES = 20_000
const MAX_FINDINGS = 200

/** `urn:pulumi:dev::web::aws:s3:Bucket::assets` → `assets`; a name may itself hold `::`, the type never does. */
export function nameOfUrn(urn: string, type: string): string {
  const marker = `::${type}::`
  const at = urn.indexOf(marker)
  if (at >= 0) return urn.slice(at + marker.length)
  return urn.slice(urn.lastIndexOf('::') + 2) || urn
}

const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 }

export class EngineEventReducer {
  private readonly byUrn = new Map<string, ChangedResource>()
  private readonly types = new Map<string, string>()
  private readonly policies: PolicyViolation[] = []
  private readonly errors: ErrorDiagnostic[] = []
  private readonly failed: FailedResource[] = []
  private readonly lastErrorOf = new Map<string, string>()
  private summary: Map<string, number> | undefined
  private omitted = 0

  feed(events: readonly EngineEvent[]): void {
    for (const event of events) {
      switch (event.kind) {
        case 'resource-pre':
          this.step(event.step)
          break
        case 'resource-failed':
          this.failure(event.step)
          break
        case 'diagnostic':
          if (event.severity === 'error') this.error(event.message, event.urn)
          break
        case 'policy':
          if (this.policies.length >= MAX_FINDINGS) this.omitted++
          else {
            const { urn, ...rest } = event.policy
            this.policies.push({ ...rest, resource: this.resourceOf(urn) })
          }
          break
        case 'summary':
          this.summary = event.resourceChanges
          break
        default:
          break
      }
    }
  }

  result(): EngineResults {
    const rank = (op: ResourceOp): number => DANGER_ORDER.indexOf(op)
    // A stable sort: within one kind of change, resources keep the engine's order.
    const resources = [...this.byUrn.values()].sort((a, b) => rank(a.op) - rank(b.op))
    const mandatory = (p: PolicyViolation): number => (p.enforcementLevel === 'mandatory' ? 0 : 1)
    const policyViolations = [...this.policies].sort(
      (a, b) =>
        mandatory(a) - mandatory(b) || (SEVERITY_RANK[a.severity] ?? 4) - (SEVERITY_RANK[b.severity] ?? 4)
    )
    // Errors about a resource say more than the closing `update failed`: they come first.
    const errors = [...this.errors].sort((a, b) => Number(!a.resource) - Number(!b.resource))
    return {
      resources,
      policyViolations,
      errors,
      failedResources: [...this.failed],
      summaryChanges: this.summary,
      omitted: this.omitted
    }
  }

  private resourceOf(urn: string | undefined): { name: string; type: string } | undefined {
    if (!urn) return undefined
    const type = this.types.get(urn) ?? /::([^:]+:[^:]*:[^:]+)::/.exec(urn)?.[1] ?? ''
    return { name: nameOfUrn(urn, type), type }
  }

  private step(step: StepMetadata): void {
    this.types.set(step.urn, step.type)
    const op = OP_OF_STEP[step.op]
    // An unchanged resource, a read, or a refresh that found nothing different is not a change.
    if (!op || (op === 'refresh' && step.changes.length === 0)) return
    const known = this.byUrn.get(step.urn)
    if (known) {
      // A replacement's steps all land on one row; the step that carries the diff gives its properties.
      if (op === 'replace') known.op = 'replace'
      if (known.changes.length === 0) known.changes = step.changes
      return
    }
    if (this.byUrn.size >= MAX_RESOURCES) {
      this.omitted++
      return
    }
    this.byUrn.set(step.urn, {
      op,
      urn: step.urn,
      type: step.type,
      name: nameOfUrn(step.urn, step.type),
      changes: step.changes
    })
  }

  private failure(step: StepMetadata): void {
    if (this.failed.length >= MAX_FINDINGS) {
      this.omitted++
      return
    }
    this.failed.push({
      name: nameOfUrn(step.urn, step.type),
      type: step.type,
      op: OP_OF_STEP[step.op] ?? 'update',
      message: this.lastErrorOf.get(step.urn)
    })
  }

  private error(message: string, urn: string | undefined): void {
    if (urn) this.lastErrorOf.set(urn, message)
    if (this.errors.length >= MAX_FINDINGS) {
      this.omitted++
      return
    }
    const resource = this.resourceOf(urn)
    // The stack's own closing error (`update failed`) names no resource worth showing.
    this.errors.push({ message, resource: resource?.type === 'pulumi:pulumi:Stack' ? undefined : resource })
  }
}
