// Helpers for suites that start many runs of the action: a few at a time, and waiting for something the fakes record.

/** Runs `work` on every item, at most `limit` at once; results in the items' order. Never rejects: errors are kept. */
export async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>
): Promise<Array<{ ok: true; value: R } | { ok: false; error: unknown }>> {
  const results: Array<{ ok: true; value: R } | { ok: false; error: unknown }> = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      try {
        results[index] = { ok: true, value: await work(items[index] as T) }
      } catch (error) {
        results[index] = { ok: false, error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * Resolves once `condition` holds, checking every few milliseconds: for events a fake records but offers no promise
 * for, such as a request that has arrived and is being held by a `slow` fault.
 */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const giveUpAt = performance.now() + timeoutMs
  while (!condition()) {
    if (performance.now() > giveUpAt) throw new Error(`Gave up waiting for ${what} after ${timeoutMs} ms.`)
    await new Promise(resolve => setTimeout(resolve, 5))
  }
}
