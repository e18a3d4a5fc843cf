import { isPlainObject, type JsonObject } from './settings-merge.js'

export const REDACTED = '[secret]'

/**
 * Stands in for the service's encryption: secrets read back as `{"secret": "[secret]", "ciphertext": ...}`, and a
 * ciphertext this fake issued decrypts again when a client writes the settings it read back.
 */
export class SecretStore {
  private readonly byCiphertext = new Map<string, string>()
  private readonly byPlaintext = new Map<string, string>()

  encrypt(plaintext: string): string {
    let ciphertext = this.byPlaintext.get(plaintext)
    if (ciphertext === undefined) {
      ciphertext = Buffer.from(`fake-ciphertext:v1:${this.byPlaintext.size + 1}`).toString('base64')
      this.byPlaintext.set(plaintext, ciphertext)
      this.byCiphertext.set(ciphertext, plaintext)
    }
    return ciphertext
  }

  /** Every secret as it reads back from the API. */
  redact(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(item => this.redact(item))
    if (!isPlainObject(value)) return value
    if (typeof value.secret === 'string') return { secret: REDACTED, ciphertext: this.encrypt(value.secret) }
    const out: JsonObject = {}
    for (const [key, inner] of Object.entries(value)) out[key] = this.redact(inner)
    return out
  }

  /**
   * Turns secrets read back earlier into plain `{secret}` values again. Throws with a sentence when a ciphertext is
   * not one this fake issued, as the service cannot decrypt what it did not encrypt.
   */
  reveal(value: unknown, path = ''): unknown {
    if (Array.isArray(value)) return value.map((item, i) => this.reveal(item, `${path}[${i}]`))
    if (!isPlainObject(value)) return value
    if ('ciphertext' in value && 'secret' in value) {
      if (value.secret !== REDACTED) return { secret: value.secret }
      const plaintext =
        typeof value.ciphertext === 'string' ? this.byCiphertext.get(value.ciphertext) : undefined
      if (plaintext === undefined) {
        throw new Error(
          `The secret at '${path}' has a ciphertext this service did not issue; send the value as {"secret": "..."} instead.`
        )
      }
      return { secret: plaintext }
    }
    const out: JsonObject = {}
    for (const [key, inner] of Object.entries(value))
      out[key] = this.reveal(inner, path ? `${path}.${key}` : key)
    return out
  }
}
