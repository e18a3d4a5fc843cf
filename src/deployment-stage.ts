// What the action needs once a deployment exists: following it, printing its log and reporting it. run-deployment
// loads this with import() after the deployment is created, so none of it is evaluated before the first request.
export { buildReport } from './deployment-report.js'
export { DeploymentFollower } from './follow.js'
export { LogRenderer } from './log-renderer.js'
export { reportOutcome } from './outcome.js'
export { buildCommentBody, commentMarker } from './comment-body.js'
