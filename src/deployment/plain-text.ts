// Remote text shown on one line (a step name, a table cell): the one pattern of control characters, so what counts
// as a line break or an invisible character is decided once.
import stripAnsi from 'strip-ansi'

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g

/** The text without colour codes, each run of control characters (line breaks included) made one space. */
export function oneLine(text: string): string {
  return stripAnsi(text).replace(CONTROL_CHARACTERS, ' ')
}

// How the runner reads its stdout: it splits lines at `\r` as well as `\n`, takes a line whose text after leading
// blanks (.NET's TrimStart: Unicode white space, U+0085 included) starts with `::` as a command, and takes the
// legacy `##[command]` anywhere in a line. The blanks are matched without `\r`/`\n`, so a run of them is scanned once.
const LINE_START_COMMAND = /(^|[\r\n])((?:[^\S\r\n]|\u0085)*):(?=:)/g
const LEGACY_COMMAND = /##\[/g

/**
 * Text the action did not write, made inert for the runner: `::` at a line's start becomes `: :` and every `##[`
 * becomes `# #[`, so no part of it is read as a workflow command or drawn as a fold. Everything else is kept.
 */
export function inert(text: string): string {
  return neutraliseLegacy(text).replace(LINE_START_COMMAND, '$1$2: ')
}

/** Only the legacy `##[`, which the runner reads anywhere in a line. */
export function neutraliseLegacy(text: string): string {
  return text.includes('##[') ? text.replace(LEGACY_COMMAND, '# #[') : text
}
