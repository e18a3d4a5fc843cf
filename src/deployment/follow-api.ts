import type { PulumiCloudClient } from '../pulumi/client.js'

/** The calls following a deployment needs; a subset of the client, so tests can count or script them. */
export type FollowApi = Pick<PulumiCloudClient, 'getDeployment' | 'streamLogs' | 'getStackMetadata'>

/** Where the follower says what it notices (the runner's log in production). */
export interface FollowLog {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}
