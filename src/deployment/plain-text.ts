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
