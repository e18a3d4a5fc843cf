// Shows the markdown the action writes (the pull-request comment, the job summary) in a terminal roughly as GitHub
// renders it for a reader: headings, tables in columns, quotes, lists, links as their text, `<details>` folded to
// their one summary line (as a reviewer first sees them), `<pre>` blocks indented, HTML entities decoded.
import stripAnsi from 'strip-ansi'

export interface TerminalMarkdownOptions {
  color?: boolean
  /** Prefix of every line, e.g. a frame's `│ `. */
  margin?: string
}

export function renderMarkdown(markdown: string, o: TerminalMarkdownOptions = {}): string {
  const style = (code: string, text: string): string => (o.color ? `\x1b[${code}m${text}\x1b[0m` : text)
  const out: string[] = []
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n')
  let folded = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const details = /^<details><summary>(.*)<\/summary>/.exec(line)
    if (details) {
      if (folded === 0) out.push(style('2', `▸ ${inline(details[1] ?? '', style)}  (folded; click to open)`))
      folded++
      continue
    }
    if (line.startsWith('</details>')) {
      folded = Math.max(0, folded - 1)
      continue
    }
    if (folded > 0) continue
    if (line.startsWith('<pre>')) {
      const block: string[] = []
      while (++i < lines.length && !(lines[i] ?? '').startsWith('</pre>')) block.push(lines[i] ?? '')
      out.push(...block.map(l => `    ${decode(l)}`))
      continue
    }
    if (line.startsWith('|')) {
      const rows: string[][] = []
      for (; i < lines.length && (lines[i] ?? '').startsWith('|'); i++) {
        const cells = (lines[i] ?? '').slice(1, -1).split('|')
        if (cells.every(c => /^\s*:?-+:?\s*$/.test(c))) continue
        rows.push(cells.map(c => inline(c.trim(), style)))
      }
      i--
      out.push(...table(rows))
      continue
    }
    const heading = /^(#{1,6}) (.*)$/.exec(line)
    if (heading) {
      const text = inline(heading[2] ?? '', style)
      out.push(style('1', text))
      if ((heading[1] ?? '').length <= 2) out.push('═'.repeat(Math.min(80, width(text))))
      continue
    }
    if (line.startsWith('> ') || line === '>') {
      out.push(`┃ ${inline(line.slice(2), style)}`)
      continue
    }
    const item = /^(\s*)- (.*)$/.exec(line)
    if (item) {
      out.push(`${item[1] ?? ''}• ${inline(item[2] ?? '', style)}`)
      continue
    }
    if (line.trim() === '' && (out.at(-1) ?? '') === '') continue
    out.push(inline(line, style))
  }
  while (out.at(-1) === '') out.pop()
  const margin = o.margin ?? ''
  return `${out.map(l => `${margin}${l}`.trimEnd()).join('\n')}\n`
}

function inline(text: string, style: (code: string, text: string) => string): string {
  return decode(
    text
      .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, (_m, label: string) => style('4', label))
      .replace(/\*\*([^*]+)\*\*/g, (_m, bold: string) => style('1', bold))
      .replace(/`([^`]+)`/g, (_m, code: string) => code)
      .replace(/<\/?code>/g, '')
      .replace(/<br\s*\/?>/g, ' ')
  )
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** Columns as wide as their widest cell: GitHub draws the lines, here the gaps do. */
function table(rows: string[][]): string[] {
  const columns = Math.max(...rows.map(r => r.length))
  const widths = Array.from({ length: columns }, (_, c) => Math.max(...rows.map(r => width(r[c] ?? ''))))
  const lines = rows.map(row =>
    row.map((cell, c) => cell + ' '.repeat((widths[c] ?? 0) - width(cell))).join('  ')
  )
  lines.splice(1, 0, widths.map(w => '─'.repeat(w)).join('  '))
  return lines
}

/** Terminal columns: emoji take two, variation selectors none, colour codes none. */
export function width(text: string): number {
  let columns = 0
  for (const ch of stripAnsi(text)) {
    if (ch === '\uFE0F' || ch === '\u200D') continue
    columns += /\p{Extended_Pictographic}/u.test(ch) && ch.codePointAt(0)! > 0x2400 ? 2 : 1
  }
  return columns
}
