// When to read a deployment again: a pure policy, so it can be tested decision by decision and shared by anything
// that follows deployments (one follower, or a fleet of them under one budget).
//
// A fixed cadence is wrong both ways: too slow while lines flow or the end is close, too fast while the deployment
// waits in a queue or a resource takes minutes to create. The policy reads again soon after a read that brought
// something, sooner still once the operation has printed its summary, and backs off the longer nothing happens,
// with jitter so that many runners started together do not poll in step. No answer is ever faster than the minimum
// gap, and a server's Retry-After is honoured by the caller on top of it (see Pacer).

/** The few facts the policy decides from, all of them known to the follower after each read. */
export interface CadenceState {
  /** `queued`: waiting to run (status only); `streaming`: reading the log; `ending`: the end is known or near. */
  phase: 'queued' | 'streaming' | 'ending'
  /** Log entries the last read brought. */
  brought: number
  /** Milliseconds since a read last brought something (or since the phase began). */
  quietMs: number
  /**
   * How close the end looks: `summary` once the last step printed the operation's `Resources:` summary or its
   * `Duration:`, and `last-step` while the deployment's last step (normally the operation) is running.
   */
  endNear: 'no' | 'last-step' | 'summary'
  /** The user's poll interval: the steady cadence of a quiet deployment. */
  pollIntervalMs: number
  /** A uniform random number in [0, 1), for jitter; tests pass a fixed one. */
  random: number
}

/** Never read again sooner than this after a read, whatever the policy would like. */
export const MIN_GAP_MS = 200
/** Once the end is near: a little more often than Pulumi's CLI, which rests 500 ms between empty reads. */
export const END_NEAR_GAP_MS = 300
// A read that brought this many entries means lines are flowing: the next is read after the minimum gap. Fewer
// is a trickle, which a read per poll interval keeps up with for a fraction of the requests.
const FLOWING = 5
// Quiet spells and queues are read at most this many poll intervals apart (5 s at the default 2 s); while the
// last step runs, at most one poll interval apart, since its end can come at any moment.
const QUIET_CEILING = 2.5
// ±20 %: enough to spread runners that started together over a second within a few polls.
const JITTER = 0.2

/** Milliseconds to wait before the next read. */
export function nextReadDelay(s: CadenceState): number {
  const floor = Math.min(MIN_GAP_MS, s.pollIntervalMs)
  const ceiling = s.pollIntervalMs * (s.phase === 'streaming' && s.endNear !== 'no' ? 1 : QUIET_CEILING)
  let gap: number
  if (s.phase === 'queued') gap = ceiling
  else if (s.phase === 'ending' || s.endNear === 'summary') gap = END_NEAR_GAP_MS
  else if (s.brought >= FLOWING) gap = floor
  else if (s.brought > 0) gap = s.pollIntervalMs
  // Quiet: the longer it has been, the longer the next wait, from half a poll interval up to the ceiling.
  else gap = Math.min(ceiling, Math.max(s.pollIntervalMs / 2, s.quietMs))
  // Short gaps answer something just seen and stay exact; long ones are those runners would otherwise share.
  if (gap >= s.pollIntervalMs / 2) gap *= 1 - JITTER + 2 * JITTER * s.random
  return Math.max(floor, Math.round(gap))
}

/** A line that says the Pulumi operation is finishing: its closing summary or its duration. */
export function announcesEnd(line: string): boolean {
  // Only the start of a line: the words inside a resource's long output say nothing, and cost a scan.
  const start = line.slice(0, 40)
  return start.includes('Resources:') || start.includes('Duration:')
}
