// While a deployment waits in the queue, says whether deployments are paused for its stack or organization, which
// is the usual reason a deployment never starts.
import type { Clock } from '../pulumi/client.js'
import type { StackRef } from '../pulumi/types.js'
import type { FollowApi, FollowLog } from './follow-api.js'
import type { Pacer } from './pacer.js'

const PAUSE_CHECK_EVERY_MS = 60_000

export class PauseNotice {
  private lastCheck = Number.NEGATIVE_INFINITY
  private reported = false

  constructor(
    private readonly api: FollowApi,
    private readonly clock: Clock,
    private readonly log: FollowLog,
    private readonly onChange: (where: string | undefined) => void = () => undefined
  ) {}

  async check(stack: StackRef, pacer: Pacer): Promise<void> {
    if (this.clock.now() - this.lastCheck < PAUSE_CHECK_EVERY_MS) return
    this.lastCheck = this.clock.now()
    const metadata = await pacer.tolerate(() => this.api.getStackMetadata(stack, pacer.callOptions))
    if (!metadata) return
    if (!metadata.paused) {
      this.resumed('the deployment can start now')
      return
    }
    const where = metadata.organizationPaused ? 'the organization' : 'this stack'
    // One annotation is enough (GitHub shows at most ten); later checks only keep the log current.
    if (this.reported) this.log.info(`Deployments are still paused for ${where}.`)
    else {
      this.log.warning(
        `Deployments are paused for ${where}, so the deployment waits in the queue until they are resumed ` +
          `(in the Pulumi Cloud console or with the resume API).`
      )
      this.onChange(where)
    }
    this.reported = true
  }

  /** The deployment left the queue: if it was said to wait for a pause, the reader learns the pause is over. */
  started(): void {
    this.resumed('the deployment has left the queue')
  }

  private resumed(now: string): void {
    if (!this.reported) return
    this.log.info(`Deployments were resumed; ${now}.`)
    this.reported = false
    this.onChange(undefined)
  }
}
