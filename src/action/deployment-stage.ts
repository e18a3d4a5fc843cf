// What the action needs once a deployment exists: following it, printing its log and reporting it. run.ts loads
// this with import() after the deployment is created, so none of it is evaluated before the first request.
export { buildReport } from '../report/build.js'
export { followPhase } from './follow-phase.js'
export { finish, finishAfterError, openReport, showProgress } from './finish.js'
export { readResults } from './results-stage.js'
export { openGitHubRecords, recordCreated } from './github-records.js'
