// A markdown file as a standalone HTML page styled roughly like GitHub, so a job summary or pull-request comment can
// be looked at in a browser without pushing anything.
import { writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { marked } from 'marked'

// The markdown is the action's own output, which escapes the remote log text it quotes; the policy is a second
// line of defence: nothing in the page may run a script or load anything from elsewhere.
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

const STYLE = `
body { margin: 0; background: #f6f8fa; color: #1f2328;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
header { padding: 12px 24px; color: #59636e; border-bottom: 1px solid #d1d9e0; background: #fff; }
main { max-width: 980px; margin: 24px auto; padding: 16px 32px; background: #fff;
  border: 1px solid #d1d9e0; border-radius: 6px; }
h1, h2, h3 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
h2 { padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; font-size: 1.5em; }
h3 { font-size: 1.25em; }
a { color: #0969da; text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre { font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
code { padding: .2em .4em; background: #818b981f; border-radius: 6px; }
pre { padding: 16px; overflow: auto; background: #f6f8fa; border-radius: 6px; }
pre code { padding: 0; background: none; }
table { border-collapse: collapse; margin: 16px 0; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
th { font-weight: 600; background: #f6f8fa; }
blockquote { margin: 0; padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
details summary { cursor: pointer; }
`

export function renderPage(markdown: string, title: string, caption: string): string {
  const body = marked.parse(markdown, { async: false, gfm: true })
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>${escapeHtml(caption)}</header>
<main>
${body}
</main>
</body>
</html>
`
}

/** Writes `<name>.html` beside `<name>.md`; returns the HTML file's path. */
export function writePageBeside(markdownPath: string, markdown: string, caption: string): string {
  const htmlPath = markdownPath.replace(/\.md$/, '') + '.html'
  writeFileSync(htmlPath, renderPage(markdown, basename(markdownPath), caption))
  return htmlPath
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)
}
