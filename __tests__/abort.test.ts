// The one way the action stops a wait "when any of these does, or after this long" (src/pulumi/abort.ts): it must
// abort for the right reason, and let go of the long-lived signals it listens to, such as the runner's cancel.
import { getEventListeners } from 'node:events'
import { afterEach, beforeEach, expect, jest, test } from '@jest/globals'
import { abortWhen } from '../src/pulumi/abort.js'

beforeEach(() => {
  jest.useFakeTimers()
})
afterEach(() => {
  jest.useRealTimers()
})

test('aborts with the reason of the linked signal that aborts first, and is not a timeout', () => {
  const cancel = new AbortController()
  const other = new AbortController()
  const linked = abortWhen([undefined, other.signal, cancel.signal], 1_000)
  cancel.abort(new Error('cancelled by the runner'))
  other.abort(new Error('later'))
  expect(linked.signal.aborted).toBe(true)
  expect((linked.signal.reason as Error).message).toBe('cancelled by the runner')
  expect(linked.timedOut).toBe(false)
})

test('aborts at once when a linked signal has already aborted', () => {
  const cancel = new AbortController()
  cancel.abort(new Error('already cancelled'))
  const linked = abortWhen([cancel.signal], 1_000)
  expect((linked.signal.reason as Error).message).toBe('already cancelled')
})

test('times out after the time given, with a TimeoutError that names it', () => {
  const linked = abortWhen([new AbortController().signal], 2_500)
  jest.advanceTimersByTime(2_499)
  expect(linked.signal.aborted).toBe(false)
  jest.advanceTimersByTime(1)
  expect(linked.timedOut).toBe(true)
  expect(linked.signal.reason).toMatchObject({ name: 'TimeoutError', message: 'No answer within 2500 ms.' })
})

test('without a time, it waits for the linked signals only', () => {
  const linked = abortWhen([new AbortController().signal])
  jest.advanceTimersByTime(24 * 60 * 60 * 1000)
  expect(linked.signal.aborted).toBe(false)
})

test('done() lets go: no timeout comes and the linked signals keep no listener of it', () => {
  const cancel = new AbortController()
  const linked = abortWhen([cancel.signal], 1_000)
  expect(getEventListeners(cancel.signal, 'abort')).toHaveLength(1)
  linked.done()
  expect(getEventListeners(cancel.signal, 'abort')).toHaveLength(0)
  jest.advanceTimersByTime(5_000)
  cancel.abort()
  expect(linked.signal.aborted).toBe(false)
})

test('once it aborts, it stops listening to the others', () => {
  const cancel = new AbortController()
  const linked = abortWhen([cancel.signal], 1_000)
  jest.advanceTimersByTime(1_000)
  expect(linked.timedOut).toBe(true)
  expect(getEventListeners(cancel.signal, 'abort')).toHaveLength(0)
})
