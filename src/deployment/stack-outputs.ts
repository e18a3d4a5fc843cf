// The stack's outputs after an operation that wrote its state, read from its exported state. Secret outputs stay
// `[secret]` unless they are asked for; then Pulumi Cloud decrypts them (batch-decrypt) and every decrypted value
// is handed back as a secret the caller must mask before it sets any output. Nothing here prints a value.
import type { PulumiCloudClient } from '../pulumi/client.js'
import { secretCiphertext } from '../pulumi/stack-results.js'
import type { StackRef } from '../pulumi/types.js'
import type { ResultsLog } from './results.js'

export type OutputsApi = Pick<PulumiCloudClient, 'getStackOutputs' | 'batchDecrypt'>

export const SECRET_PLACEHOLDER = '[secret]'

export interface StackOutput {
  name: string
  /** The value to set: secrets `[secret]`, or decrypted when asked for and possible. */
  value: unknown
  /** Whether any part of it is secret. */
  secret: boolean
}

export interface StackOutputsResult {
  outputs: StackOutput[]
  /** Every decrypted value, as text (a string as is, anything else as JSON): to mask before anything is set. */
  revealed: string[]
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Each ciphertext in a value, at any depth. */
function ciphertextsIn(value: unknown, into: Set<string>): boolean {
  const ciphertext = secretCiphertext(value)
  if (ciphertext !== undefined) {
    if (ciphertext !== '') into.add(ciphertext)
    return true
  }
  let secret = false
  if (Array.isArray(value)) for (const item of value) secret = ciphertextsIn(item, into) || secret
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) secret = ciphertextsIn(item, into) || secret
  return secret
}

/** The value with each secret replaced by its plaintext from `plain`, or by `[secret]` when there is none. */
function substitute(value: unknown, plain: Map<string, unknown>, revealed: Set<string>): unknown {
  const ciphertext = secretCiphertext(value)
  if (ciphertext !== undefined) {
    if (!plain.has(ciphertext)) return SECRET_PLACEHOLDER
    const decrypted = plain.get(ciphertext)
    revealed.add(typeof decrypted === 'string' ? decrypted : JSON.stringify(decrypted))
    return decrypted
  }
  if (Array.isArray(value)) return value.map(item => substitute(item, plain, revealed))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substitute(item, plain, revealed)])
    )
  }
  return value
}

/** A plaintext is the JSON of the value. A parse error would quote the secret, so it is never passed on. */
function parsePlaintext(json: string): unknown {
  try {
    return JSON.parse(json) as unknown
  } catch {
    throw new Error('a decrypted value is not the JSON its secret should be')
  }
}

export async function readStackOutputs(
  api: OutputsApi,
  stack: StackRef,
  stackName: string,
  showSecrets: boolean,
  log: ResultsLog,
  signal?: AbortSignal
): Promise<StackOutputsResult | undefined> {
  let read
  try {
    read = await api.getStackOutputs(stack, { signal })
  } catch (error) {
    if (!signal?.aborted)
      log.warning(
        `The outputs of ${stackName} could not be read from its state in Pulumi Cloud (${reason(error)}); the ` +
          '`outputs` output is not set. The token needs permission to read (export) the stack.'
      )
    return undefined
  }
  const ciphertexts = new Set<string>()
  const secretNames = new Set<string>()
  for (const [name, value] of read.outputs) if (ciphertextsIn(value, ciphertexts)) secretNames.add(name)

  const plain = new Map<string, unknown>()
  if (showSecrets && ciphertexts.size > 0) {
    try {
      const answers = await api.batchDecrypt(stack, [...ciphertexts], { signal })
      for (const [ciphertext, json] of answers) plain.set(ciphertext, parsePlaintext(json))
      if (plain.size < ciphertexts.size) throw new Error('Pulumi Cloud did not decrypt every one of them')
    } catch (error) {
      if (!signal?.aborted)
        log.warning(
          `The secret outputs of ${stackName} (${[...secretNames].join(', ')}) could not be decrypted ` +
            `(${reason(error)}); they read "${SECRET_PLACEHOLDER}".`
        )
      plain.clear()
    }
  }
  const revealed = new Set<string>()
  const outputs = [...read.outputs].map(([name, value]) => ({
    name,
    value: substitute(value, plain, revealed),
    secret: secretNames.has(name)
  }))
  return { outputs, revealed: [...revealed] }
}
