import type { SeededRandom } from './random.js'
import type { EndpointName, FaultRule } from './types.js'

export interface FaultHandle {
  remove(): void
  /** How many requests this rule has been applied to. */
  readonly applied: number
}

interface ActiveRule {
  rule: FaultRule
  remaining: number
  applied: number
}

// 403 and 404 stand for an endpoint this token may not use, or one the service does not have.
const STATUSES = [403, 404, 429, 500, 502, 503]

function checkRule(rule: FaultRule): void {
  const problems: string[] = []
  if (!['status', 'reset', 'slow', 'truncate', 'tamper', 'stall'].includes(rule.kind)) {
    problems.push(`kind must be status, reset, slow, truncate, tamper or stall (got ${String(rule.kind)})`)
  }
  if (rule.kind === 'status' && !STATUSES.includes(rule.status)) {
    problems.push(`status must be one of ${STATUSES.join(', ')} (got ${String(rule.status)})`)
  }
  if (rule.kind === 'slow' && !(rule.delayMs >= 0)) problems.push(`delayMs must be a non-negative number`)
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
    problems.push(`probability must be between 0 and 1 (got ${rule.probability})`)
  }
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) {
    problems.push(`times must be a positive integer (got ${rule.times})`)
  }
  if (problems.length > 0)
    throw new Error(`The fault rule ${JSON.stringify(rule)} is not valid: ${problems.join('; ')}.`)
}

/**
 * Faults injected into matching requests, as a flaky network or an overloaded service would. Rules are tried in
 * the order added; the first that matches (and wins its probability draw) applies. Draws come from the fake's
 * seeded generator, so the same seed and the same requests give the same faults.
 */
export class FaultInjector {
  private rules: ActiveRule[] = []

  constructor(private readonly random: SeededRandom) {}

  add(rule: FaultRule): FaultHandle {
    checkRule(rule)
    const active: ActiveRule = { rule, remaining: rule.times ?? Infinity, applied: 0 }
    this.rules.push(active)
    return {
      remove: () => {
        this.rules = this.rules.filter(r => r !== active)
      },
      get applied() {
        return active.applied
      }
    }
  }

  clear(): void {
    this.rules = []
  }

  /** The fault for this request, if any; counts it against the rule's `times`. */
  pick(request: { method: string; path: string; endpoint: EndpointName }): FaultRule | undefined {
    for (const active of this.rules) {
      const { rule } = active
      const endpoints = rule.endpoint === undefined ? undefined : ([] as EndpointName[]).concat(rule.endpoint)
      if (endpoints && !endpoints.includes(request.endpoint)) continue
      if (rule.method && rule.method.toUpperCase() !== request.method.toUpperCase()) continue
      if (rule.pathIncludes && !request.path.includes(rule.pathIncludes)) continue
      if (rule.probability !== undefined && this.random.next() >= rule.probability) continue
      active.applied++
      active.remaining--
      if (active.remaining <= 0) this.rules = this.rules.filter(r => r !== active)
      return rule
    }
    return undefined
  }
}
