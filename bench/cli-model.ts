// A model of how Pulumi's CLI follows a deployment (`pulumi deployment run`), from spec/WIRE-NOTES.md: read the log
// with the continuation token; when the token advanced, read again at once; when it did not, sleep 500 ms; once a
// page comes without a token, one GET of the deployment for its status. GETs are retried on 5xx and 429: four
// attempts, 1 s → 2 s → 4 s apart, or Retry-After (at most 30 s). Before the deployment runs the service refuses
// the log (404 on the fake); the model takes that as a page that did not advance, as an empty page would be.
import { request as httpRequest } from 'node:http'
import { gunzipSync } from 'node:zlib'
import type { Clock } from '../src/pulumi/client.js'
import type { Deployment, LogEntry, StreamLogsResponse } from '../src/pulumi/types.js'

export interface CliTarget {
  baseUrl: string
  token: string
  /** `org/project/stack`. */
  stack: string
  deploymentId: string
}

export interface CliWire {
  clock: Clock
  /** Runs one real request; the simulation holds its clock still meanwhile. */
  onWire<T>(request: () => Promise<T>): Promise<T>
  /** The round trip added on the clock after each answer. */
  roundTripMs: number
}

const IDLE_SLEEP_MS = 500
const ATTEMPTS = 4
const MAX_RETRY_AFTER_MS = 30_000

interface Answer {
  status: number
  retryAfterMs?: number
  body: string
}

function get(url: string, token: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        headers: {
          Authorization: `token ${token}`,
          Accept: 'application/vnd.pulumi+8',
          'Accept-Encoding': 'gzip',
          'User-Agent': 'pulumi-cli-model'
        }
      },
      res => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const raw = Buffer.concat(chunks)
          const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw
          const retryAfter = Number(res.headers['retry-after'])
          resolve({
            status: res.statusCode ?? 0,
            retryAfterMs: Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined,
            body: body.toString('utf8')
          })
        })
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end()
  })
}

export class CliModel {
  constructor(
    private readonly target: CliTarget,
    private readonly wire: CliWire,
    private readonly onLogs: (entries: LogEntry[]) => void
  ) {}

  private async getWithRetries(url: string): Promise<Answer> {
    let answer: Answer | undefined
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      answer = await this.wire.onWire(() => get(url, this.target.token)).catch(() => undefined)
      await this.wire.clock.sleep(this.wire.roundTripMs)
      const retryable = !answer || answer.status === 429 || answer.status >= 500
      if (!retryable || attempt === ATTEMPTS) break
      const backoff = 1000 * 2 ** (attempt - 1)
      await this.wire.clock.sleep(
        answer?.retryAfterMs !== undefined ? Math.min(answer.retryAfterMs, MAX_RETRY_AFTER_MS) : backoff
      )
    }
    return answer ?? { status: 0, body: '' }
  }

  /** Follows to the end; resolves with the final deployment. */
  async follow(): Promise<Deployment> {
    const { baseUrl, stack, deploymentId } = this.target
    const base = `${baseUrl}/api/stacks/${stack}/deployments/${deploymentId}`
    let token = ''
    for (;;) {
      const query = token ? `?continuationToken=${encodeURIComponent(token)}` : ''
      const answer = await this.getWithRetries(`${base}/logs${query}`)
      let next = token
      if (answer.status === 200) {
        const page = JSON.parse(answer.body) as StreamLogsResponse
        if (page.lines && page.lines.length > 0) this.onLogs(page.lines)
        if (!page.nextToken) break
        next = page.nextToken
      }
      if (next === token) await this.wire.clock.sleep(IDLE_SLEEP_MS)
      token = next
    }
    const final = await this.getWithRetries(base)
    return JSON.parse(final.body) as Deployment
  }
}
