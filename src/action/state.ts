/** Names of the values the main step leaves for the post step in the runner's state file. */
export const STATE = {
  deploymentId: 'deploymentId',
  stack: 'stack',
  cancelOnAbort: 'cancelOnAbort',
  /** Several stacks: every deployment created so far, as JSON `[{"stack": "org/project/stack", "id": "..."}]`. */
  deployments: 'deployments',
  /** Set once the main step has dealt with the deployment's end itself; the post step then has nothing to do. */
  handled: 'handled'
} as const
