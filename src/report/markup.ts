// Everything a report shows came from Pulumi Cloud or the deployment's own log, so none of it may be read as
// markup: these helpers turn such text into inert HTML/markdown.
import { oneLine } from '../deployment/plain-text.js'

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

// Control characters other than tab and line feed, and the bidirectional overrides that can make text read
// differently from what it is: none of them has a place in a comment or a summary.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

export function escapeHtml(text: string): string {
  return text.replace(UNPRINTABLE, '').replace(/[&<>"']/g, char => HTML_ENTITIES[char] ?? char)
}

// `@name` and `@org/team` outside code notify people: a zero-width space after the `@` keeps the text as it reads
// while GitHub no longer sees a mention.
const MENTION = /@(?=[A-Za-z0-9])/g

/** Remote text may not notify anyone. */
export function withoutMentions(text: string): string {
  return text.replace(MENTION, '@\u200b')
}

// CommonMark reads a character reference as a literal character, never as syntax, so these cannot start
// emphasis, links, code spans or table cells.
const MARKDOWN_ENTITIES: Record<string, string> = {
  '\\': '&#92;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '|': '&#124;',
  '~': '&#126;'
}

/** Text for one line of markdown (a heading, a table cell): escaped, and without line breaks or colour codes. */
export function escapeInline(text: string): string {
  const flat = oneLine(text).trim()
  return withoutMentions(escapeHtml(flat).replace(/[\\`*_[\]|~]/g, char => MARKDOWN_ENTITIES[char] ?? char))
}

/** An http(s) address fit for a markdown link, or undefined for anything else (`javascript:`, garbage). */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
  return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29')
}

/** `[text](url)` when the address is safe, else the text alone; `text` must already be escaped. */
export function link(text: string, url: string | undefined): string {
  const href = safeUrl(url)
  return href ? `[${text}](${href})` : text
}

/** `1,234`: counts shown to people. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}
