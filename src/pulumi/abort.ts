// One signal for "stop when any of these does, or after this long". Not AbortSignal.any, nor AbortSignal.timeout
// combined with it: Node 20 may collect such a combined signal while a request still waits on it, and its abort then
// never comes (seen: a cancel's follow-up read of a stalled answer outlived its budget until the runner killed the
// step). Here the timer and the linked signals' listeners hold the combined one, and `done()` lets both go.

export interface LinkedAbort {
  readonly signal: AbortSignal
  /** Whether it aborted because its time ran out, not because a linked signal did. */
  readonly timedOut: boolean
  /** Drops the timer and the listeners on the linked signals (which may live long, as the runner's cancel does). */
  done(): void
}

/**
 * Aborts when any of `linked` aborts, with its reason, or after `afterMs` with a TimeoutError. The timer does not keep
 * the process alive: whatever waits on the signal (a socket, another timer) does that.
 */
export function abortWhen(linked: readonly (AbortSignal | undefined)[], afterMs?: number): LinkedAbort {
  const controller = new AbortController()
  const sources = linked.filter(signal => signal !== undefined)
  let timedOut = false
  let timer: NodeJS.Timeout | undefined
  const forward = (event: Event): void => controller.abort((event.target as AbortSignal).reason)
  const done = (): void => {
    clearTimeout(timer)
    for (const source of sources) source.removeEventListener('abort', forward)
  }
  controller.signal.addEventListener('abort', done, { once: true })
  const aborted = sources.find(source => source.aborted)
  if (aborted) controller.abort(aborted.reason)
  else {
    for (const source of sources) source.addEventListener('abort', forward, { once: true })
    if (afterMs !== undefined && Number.isFinite(afterMs)) {
      timer = setTimeout(() => {
        timedOut = true
        controller.abort(new DOMException(`No answer within ${afterMs} ms.`, 'TimeoutError'))
      }, afterMs)
      timer.unref()
    }
  }
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut
    },
    done
  }
}
