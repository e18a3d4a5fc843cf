// Parses a log page as it streams (see log-stream.ts): the JSON is tokenized by @streamparser/json; what is checked
// here is the page's shape.
import { Tokenizer, TokenParser, TokenType, type ParsedTokenInfo } from '@streamparser/json'
import { PageEntries, type LogPage } from './page-entries.js'
import { validLogToken } from './validate.js'

// The page's top level, watched token by token: the root must be an object whose `lines` is a list (or null).
// Everything else is left to the token parser, which keeps only the entries, each until it is taken.
export class PageParser {
  readonly entries: PageEntries
  private readonly tokenizer = new Tokenizer()
  private readonly parser = new TokenParser({ paths: ['$.lines.*', '$.nextToken'], keepStack: false })
  private nextToken: unknown
  private valid = true
  private depth = 0
  private rootSeen = false
  private expectKey = false
  private key: unknown
  private linesValueNext = false

  constructor(skip: number) {
    this.entries = new PageEntries(skip)
    this.tokenizer.onToken = token => {
      this.watch(token)
      this.parser.write(token)
    }
    this.parser.onValue = ({ value, key, parent, stack }) => {
      if (key === 'nextToken' && stack.length === 1) this.nextToken = value
      else if (Array.isArray(parent) && stack.length === 2) this.entries.add(value)
    }
  }

  write(chunk: Uint8Array): boolean {
    if (!this.valid) return false
    try {
      this.tokenizer.write(chunk)
    } catch {
      this.valid = false
    }
    return this.valid
  }

  end(): LogPage | undefined {
    if (!this.valid || !this.parser.isEnded) return undefined
    return { lines: [], nextToken: validLogToken(this.nextToken), size: this.entries.size }
  }

  private watch({ token, value }: ParsedTokenInfo): void {
    if (this.depth === 0) {
      // One object, and nothing after it.
      if (this.rootSeen || token !== TokenType.LEFT_BRACE) this.valid = false
      this.rootSeen = true
    } else if (this.depth === 1) {
      if (this.linesValueNext) {
        if (token !== TokenType.LEFT_BRACKET && token !== TokenType.NULL) this.valid = false
        this.linesValueNext = false
      } else if (this.expectKey) {
        this.key = value
        this.expectKey = false
      } else if (token === TokenType.COLON) this.linesValueNext = this.key === 'lines'
      else if (token === TokenType.COMMA) this.expectKey = true
    }
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      this.depth++
      if (this.depth === 1) this.expectKey = true
    } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) this.depth--
  }
}
