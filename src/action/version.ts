// A constant rather than a read of package.json: the action runs as a single ncc bundle, where package.json is not
// beside it. A test keeps the two in step.
export const ACTION_VERSION = '1.0.0'

export const ACTION_NAME = 'pulumi-deployments-action'

/** `pulumi-deployments-action/<version>`, the User-Agent this action sends to Pulumi Cloud. */
export function defaultUserAgent(): string {
  return `${ACTION_NAME}/${ACTION_VERSION}`
}
