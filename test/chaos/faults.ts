// The faults of a chaos run: every kind the fake can inject, on every endpoint, sharing one overall rate equally.
import { ENDPOINTS, type EndpointName, type FakeCloud, type FaultRule } from '../fake-cloud/index.js'

/** A fault of the menu, and how many requests it was applied to. */
export interface AppliedFault {
  label: string
  applied: number
}

export interface InstalledFaults {
  /** Read after the run: what each rule did. */
  counts(): AppliedFault[]
}

// The create is the one request that must never be repeated blindly, so it gets each fault both before and after
// Pulumi Cloud carried it out (the deployment exists, but the answer is lost or wrong).
const CREATE: EndpointName = 'createDeployment'
// Chaos runs log in with a given token, so the OIDC token exchange would take a share of the rate and never use it.
const OTHERS = ENDPOINTS.filter(e => e !== CREATE && e !== 'tokenExchange')

interface MenuItem {
  label: string
  rule: FaultRule
}

function menu(slowMs: number): MenuItem[] {
  const basic: MenuItem[] = [
    { label: 'HTTP 500', rule: { kind: 'status', status: 500 } },
    { label: 'HTTP 502 (HTML)', rule: { kind: 'status', status: 502 } },
    { label: 'HTTP 503', rule: { kind: 'status', status: 503 } },
    { label: 'HTTP 429 + Retry-After: 1', rule: { kind: 'status', status: 429, retryAfter: 1 } },
    { label: 'connection reset', rule: { kind: 'reset' } },
    { label: 'slow answer (50–300 ms)', rule: { kind: 'slow', delayMs: slowMs } },
    { label: 'truncated body', rule: { kind: 'truncate' } }
  ]
  const onCreate = basic.flatMap(({ label, rule }): MenuItem[] =>
    rule.kind === 'truncate' || rule.kind === 'tamper' || rule.kind === 'stall'
      ? [{ label, rule }]
      : [
          { label, rule },
          { label: `${label}, after processing`, rule: { ...rule, afterProcessing: true } }
        ]
  )
  return [
    ...onCreate.map(f => ({ label: `create: ${f.label}`, rule: { ...f.rule, endpoint: CREATE } })),
    ...basic.map(f => ({ label: f.label, rule: { ...f.rule, endpoint: OTHERS } }))
  ]
}

/**
 * Adds the rules so that a request fails with probability `rate`, each kind of fault taking an equal share. The
 * fake tries rules in order and stops at the first that applies, so rule i of n is given the chance
 * share / (1 - i * share): what is left after the rules before it had their turn.
 */
export function installFaults(cloud: FakeCloud, rate: number, slowMs: number): InstalledFaults {
  const installed = (['create', 'other'] as const).flatMap(group => {
    const rules = menu(slowMs).filter(f => (f.rule.endpoint === CREATE) === (group === 'create'))
    const share = rate / rules.length
    return rules.map(({ label, rule }, i) => ({
      label,
      handle: cloud.faults.add({ ...rule, probability: share / (1 - i * share) })
    }))
  })
  return { counts: () => installed.map(({ label, handle }) => ({ label, applied: handle.applied })) }
}
