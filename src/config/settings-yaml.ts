// Reads the `settings` text as YAML, refusing what a settings mapping never needs and what could make it mean more
// than it says: aliases and anchors (which also multiply a small text into a huge one), explicit tags, merge keys,
// keys that are not plain text, and keys that name an object's prototype. An error never quotes the parser's message,
// which repeats part of the text, and the text may hold a secret (a value starting with `*` or `|`).
import type * as Yaml from 'yaml'
import { InputError } from './input-error.js'

export type YamlLibrary = Pick<typeof Yaml, 'parseDocument' | 'visit' | 'isScalar'>

// Keys that reach an object's prototype when a value is copied or merged.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

// The parser's error codes, in words of our own: the parser's messages quote the text around the error.
const PROBLEMS: Record<string, string> = {
  BAD_INDENT: 'the indentation is wrong',
  TAB_AS_INDENT: 'a tab is used for indentation, which YAML does not allow',
  DUPLICATE_KEY: 'a key is given twice in one mapping',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  MULTILINE_IMPLICIT_KEY: 'a key runs over more than one line',
  BLOCK_AS_IMPLICIT_KEY: 'a key runs over more than one line',
  BAD_SCALAR_START:
    'a value starts with a character YAML reserves (such as `*`, `&`, `|`, `>`, `@` or a backquote); quote it',
  UNEXPECTED_TOKEN: 'a character is out of place; quote values that hold `:`, `#`, `|`, `*` or `&`'
}
Object.setPrototypeOf(PROBLEMS, null)

function settingsError(message: string): InputError {
  return new InputError('settings', message)
}

export function parseSettingsYaml(yaml: YamlLibrary, text: string): unknown {
  const doc = yaml.parseDocument(text, { uniqueKeys: true })
  const [error] = doc.errors
  if (error) {
    const where = error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : ''
    const what =
      error.code === 'MULTIPLE_DOCS'
        ? 'it holds more than one document (a `---` line), so give one mapping'
        : `${PROBLEMS[error.code] ?? 'it is not well-formed there'}; check the indentation and quoting there`
    throw settingsError(`The \`settings\` input is not valid YAML or JSON${where}: ${what}.`)
  }
  const refused = refusedStructure(yaml, doc)
  if (refused) throw settingsError(`The \`settings\` input ${refused}.`)
  try {
    return doc.toJS({ maxAliasCount: 0 })
  } catch {
    throw settingsError('The `settings` input could not be read as YAML: write it as a plain mapping.')
  }
}

/** Why the document's structure is refused, or undefined; found in one walk of its nodes. */
function refusedStructure(yaml: YamlLibrary, doc: Yaml.Document.Parsed): string | undefined {
  let refused: string | undefined
  const refuse = (why: string): symbol => {
    refused ??= why
    return yaml.visit.BREAK
  }
  yaml.visit(doc, {
    Alias: () =>
      refuse('uses a YAML alias (`*name`): write each value out, or quote a value that starts with `*`'),
    Node: (_key, node) => {
      if (node.anchor)
        return refuse(
          'uses a YAML anchor (`&name`): write each value out, or quote a value that starts with `&`'
        )
      if (node.tag)
        return refuse(
          'uses a YAML tag (`!name` or `!!type`): write plain values, quoting text that starts with `!`'
        )
      return undefined
    },
    Pair: (_key, pair) => {
      const key = pair.key
      if (!yaml.isScalar(key) || typeof key.value !== 'string')
        return refuse('has a key that is not plain text: every key is a name such as `sourceContext`')
      if (key.value === '<<') return refuse('uses a YAML merge key (`<<`): write the keys out')
      if (PROTOTYPE_KEYS.has(key.value))
        return refuse(`has a key named \`${key.value}\`, which no deployment setting is; remove it`)
      return undefined
    }
  })
  return refused
}
