// What a stack printed while another stack had the log: kept in order and written out when its turn comes. Up to
// a bound it stays in memory; past it, everything goes to a file, so fifty long logs cannot exhaust the runner.
import { appendFileSync, closeSync, openSync, readSync, rmSync } from 'node:fs'

export const DEFAULT_SPOOL_BYTES = 4 * 1024 * 1024
const READ_CHUNK = 256 * 1024

export class Spool {
  private chunks: string[] = []
  private bytes = 0
  private spilled = false

  /** `path` is where the spill file goes when the memory bound is passed; it is removed once drained. */
  constructor(
    private readonly path: string,
    private readonly maxBytes: number = DEFAULT_SPOOL_BYTES
  ) {}

  get hasSpilled(): boolean {
    return this.spilled
  }

  write(chunk: string): void {
    if (this.spilled) {
      appendFileSync(this.path, chunk, 'utf8')
      return
    }
    this.chunks.push(chunk)
    this.bytes += Buffer.byteLength(chunk, 'utf8')
    if (this.bytes > this.maxBytes) {
      // Kept in order: what was in memory goes to the file first, and all that follows after it.
      appendFileSync(this.path, this.chunks.join(''), 'utf8')
      this.chunks = []
      this.bytes = 0
      this.spilled = true
    }
  }

  /** Hands everything kept to `write`, in order, and empties the spool. */
  drainTo(write: (chunk: string) => void): void {
    if (this.spilled) {
      const fd = openSync(this.path, 'r')
      try {
        const buffer = Buffer.alloc(READ_CHUNK)
        let carry = Buffer.alloc(0)
        for (;;) {
          const n = readSync(fd, buffer, 0, READ_CHUNK, null)
          if (n === 0) break
          const data = Buffer.concat([carry, buffer.subarray(0, n)])
          // Cut at the last line break, so no character or line is split between two writes.
          const cut = data.lastIndexOf(0x0a) + 1
          if (cut > 0) write(data.subarray(0, cut).toString('utf8'))
          carry = data.subarray(cut)
        }
        if (carry.length > 0) write(carry.toString('utf8'))
      } finally {
        closeSync(fd)
      }
      rmSync(this.path, { force: true })
      this.spilled = false
    }
    if (this.chunks.length > 0) write(this.chunks.join(''))
    this.chunks = []
    this.bytes = 0
  }
}
