// The one redactor: every text the action writes passes through it before it is escaped, cut to length or
// formatted, so no cut can leave part of a secret showing and no escape can hide one from it.
import stripAnsi from 'strip-ansi'

const MASK = '***'

/**
 * Replaces every occurrence of every secret with `***`. Plain string search, never a regular expression: a secret
 * (or a decrypted stack output, which is server text) must not be read as a pattern.
 */
export class Redactor {
  readonly secrets: readonly string[]
  private readonly forms: readonly string[]

  constructor(secrets: readonly string[]) {
    this.secrets = [...new Set(secrets.filter(secret => secret !== ''))]
    const forms = new Set<string>()
    for (const secret of this.secrets) {
      forms.add(secret)
      // The same secret may reach a log inside a JSON string or a URL, where it is written differently.
      forms.add(JSON.stringify(secret).slice(1, -1))
      forms.add(encodeURIComponent(secret))
    }
    // Longest first, so a secret that contains another is masked whole rather than leaving its remainder.
    this.forms = [...forms].sort((a, b) => b.length - a.length)
  }

  /** A copy that also hides `more` (decrypted stack outputs, a token made during the run). */
  with(more: readonly string[]): Redactor {
    return more.length === 0 ? this : new Redactor([...this.secrets, ...more])
  }

  redact(text: string): string {
    if (this.forms.length === 0 || text === '') return text
    const masked = this.mask(text)
    // Colour codes inside a secret (`ab\x1b[31mcd`) hide it from a plain search but not from a reader of the
    // rendered log: such a text loses its colours rather than keep the secret.
    if (masked.includes('\x1b')) {
      const plain = stripAnsi(masked)
      const remasked = this.mask(plain)
      if (remasked !== plain) return remasked
    }
    return masked
  }

  private mask(text: string): string {
    let out = text
    for (const form of this.forms) if (out.includes(form)) out = out.split(form).join(MASK)
    return out
  }
}
