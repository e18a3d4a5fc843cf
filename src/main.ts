import { githubRunner } from './github/runner.js'
import { runMain } from './action/run.js'
import { runPost } from './action/post.js'

// GitHub runs dist/index.js twice: as the main step and, when the job is cancelled, as the post step. The state
// file tells them apart: the main step marks it before anything else.
const POST_MARK = 'isPost'

export async function run(): Promise<void> {
  if (githubRunner.getState(POST_MARK) === 'true') {
    await runPost()
    return
  }
  githubRunner.saveState(POST_MARK, 'true')
  const cancelled = await runMain()
  // A cancelled step must end within seconds, whatever sockets or timers are still open.
  if (cancelled) process.exit()
}
