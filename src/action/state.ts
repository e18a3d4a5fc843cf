/** Names of the values the main step leaves for the post step in the runner's state file. */
export const STATE = {
  deploymentId: 'deploymentId',
  stack: 'stack',
  cancelOnAbort: 'cancelOnAbort',
  /** Several stacks: every deployment created so far, as JSON `[{"stack": "org/project/stack", "id": "..."}]`. */
  deployments: 'deployments',
  /** Whether a deployment that has not started is cancelled (true unless `cancel-on-abort` is false). */
  cancelQueuedOnAbort: 'cancelQueuedOnAbort',
  /** Set once the main step has dealt with the deployment's end itself; the post step then has nothing to do. */
  handled: 'handled'
} as const
