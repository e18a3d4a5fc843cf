// What the action needs once a deployment exists: following it, printing its log and reporting it. run-deployment
// loads this with import() after the deployment is created, so none of it is evaluated before the first request.
export { buildReport } from '../report/build.js'
export { DeploymentFollower } from '../deployment/follow.js'
export { LogRenderer } from '../deployment/log-renderer.js'
export { reportOutcome } from './finish.js'
export { buildCommentBody, commentMarker } from '../report/comment-body.js'
