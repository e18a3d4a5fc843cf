// A stack's exported state (`GET …/export`) and `POST …/batch-decrypt` (spec/results-openapi.json): the outputs
// of the last deployment that succeeded in changing the stack, secrets encrypted with a key only this fake holds.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { declareSecret } from '../harness/secret-registry.js'
import { ApiError } from './errors.js'
import { isPlainObject } from './settings-merge.js'
import type { CloudState, StackRecord } from './state.js'

const SIG_KEY = '4dabf18193072939515e22adb298388d'
const SIG_VALUE = '1b47061264138c4ac30d75fd1eb44270'
// Operations that write the stack's state (a preview or drift detection writes nothing).
const WRITES_STATE = new Set(['update', 'refresh', 'remediate-drift', 'destroy'])

/** AES-256-GCM under a key made per fake: a ciphertext is `base64(iv | tag | data)`. */
export class StackKeys {
  private readonly key = randomBytes(32)

  encrypt(plaintext: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
    return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')
  }

  /** The plaintext bytes, or undefined when the ciphertext is not one of this key's. */
  decrypt(ciphertext: string): Buffer | undefined {
    const raw = Buffer.from(ciphertext, 'base64')
    if (raw.length < 28) return undefined
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()])
    } catch {
      return undefined
    }
  }
}

/** Whether a scenario output is written `{secret: value}`, i.e. a secret output. */
function isSecretOutput(value: unknown): value is { secret: unknown } {
  return isPlainObject(value) && Object.keys(value).length === 1 && 'secret' in value
}

/** The outputs the stack has now: those of its last deployment that succeeded in writing state, if any. */
function currentOutputs(state: CloudState, stack: StackRecord): Record<string, unknown> {
  const now = state.now()
  for (let i = stack.deployments.length - 1; i >= 0; i--) {
    const d = stack.deployments[i]
    if (!d || !WRITES_STATE.has(d.operation) || d.timeline.status(now) !== 'succeeded') continue
    if (d.operation === 'destroy') return {}
    if (d.scenario.outputs) return d.scenario.outputs
  }
  return stack.outputs
}

/** Every secret output's value, told to the harness's secret scan before anything can print it. */
export function declareSecretOutputs(outputs: Record<string, unknown> | undefined): void {
  for (const [name, value] of Object.entries(outputs ?? {})) {
    if (!isSecretOutput(value)) continue
    const secret = value.secret
    declareSecret(
      `the secret stack output ${name}`,
      typeof secret === 'string' ? secret : JSON.stringify(secret)
    )
  }
}

export function exportStack(state: CloudState, keys: StackKeys, stack: StackRecord): unknown {
  const current = currentOutputs(state, stack)
  declareSecretOutputs(current)
  const outputs: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(current)) {
    outputs[name] = isSecretOutput(value)
      ? { [SIG_KEY]: SIG_VALUE, ciphertext: keys.encrypt(JSON.stringify(value.secret)) }
      : value
  }
  const { org, project, stack: name } = stack
  const stackResource = {
    urn: `urn:pulumi:${name}::${project}::pulumi:pulumi:Stack::${project}-${name}`,
    custom: false,
    type: 'pulumi:pulumi:Stack',
    outputs
  }
  const provider = {
    urn: `urn:pulumi:${name}::${project}::pulumi:providers:aws::default_6_66_0`,
    custom: true,
    id: '1c9d7e4e-0000-4000-8000-000000000000',
    type: 'pulumi:providers:aws',
    inputs: { region: 'us-west-2' },
    outputs: { region: 'us-west-2' }
  }
  return {
    version: 3,
    deployment: {
      manifest: { time: new Date(state.now()).toISOString(), magic: 'fake', version: 'v3.140.0' },
      secrets_providers: {
        type: 'service',
        state: { url: 'https://api.pulumi.com', owner: org, project, stack: name }
      },
      resources:
        stack.deployments.some(d => WRITES_STATE.has(d.operation)) || Object.keys(outputs).length > 0
          ? [stackResource, provider]
          : []
    }
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

export function batchDecrypt(keys: StackKeys, body: unknown): unknown {
  if (!isPlainObject(body)) throw new ApiError(400, 'body must be a JSON object')
  if (Object.keys(body).some(key => key !== 'ciphertexts')) {
    throw new ApiError(400, 'only "ciphertexts" valid within request body')
  }
  const ciphertexts = body.ciphertexts
  if (!Array.isArray(ciphertexts)) throw new ApiError(400, 'ciphertexts was not an array')
  const plaintexts: Record<string, string> = {}
  for (const ciphertext of ciphertexts) {
    if (typeof ciphertext !== 'string' || !BASE64.test(ciphertext))
      throw new ApiError(400, 'invalid base64 encoding')
    const plain = keys.decrypt(ciphertext)
    if (!plain) throw new ApiError(400, 'Message authentication failed')
    plaintexts[ciphertext] = plain.toString('base64')
  }
  return { plaintexts }
}
