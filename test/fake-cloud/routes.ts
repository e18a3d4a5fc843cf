import type { EndpointName } from './types.js'

export interface RouteMatch {
  endpoint: EndpointName
  /** For `unknown`: 404 for a path the API does not have, 405 for a method its path does not take. */
  status?: 404 | 405
  org?: string
  stackRef?: string
  deploymentId?: string
  version?: string
}

type MethodTable = Partial<Record<string, EndpointName>>

// Under /api/stacks/{org}/{project}/{stack}/deployments: the rest of the path, `:id` standing for a deployment.
const STACK_ROUTES: [string, MethodTable][] = [
  ['', { GET: 'listStackDeployments', POST: 'createDeployment' }],
  [
    'settings',
    { GET: 'getSettings', POST: 'patchSettings', PUT: 'replaceSettings', DELETE: 'deleteSettings' }
  ],
  ['metadata', { GET: 'stackMetadata' }],
  ['pause', { POST: 'pauseStack' }],
  ['resume', { POST: 'resumeStack' }],
  ['version/:version', { GET: 'getDeploymentByVersion' }],
  [':id', { GET: 'getDeployment' }],
  [':id/logs', { GET: 'streamLogs' }],
  [':id/updates', { GET: 'getUpdates' }],
  [':id/cancel', { POST: 'cancelDeployment' }]
]

const STATE_ROUTES: [string, MethodTable][] = [
  ['update/:id/events', { GET: 'getEngineEvents' }],
  ['preview/:id/events', { GET: 'getEngineEvents' }],
  ['refresh/:id/events', { GET: 'getEngineEvents' }],
  ['destroy/:id/events', { GET: 'getEngineEvents' }],
  ['export', { GET: 'exportStack' }],
  ['batch-decrypt', { POST: 'batchDecrypt' }],
  ['drift/status', { GET: 'getDriftStatus' }],
  ['drift/runs', { GET: 'listDriftRuns' }]
]

const ORG_ROUTES: [string, MethodTable][] = [
  ['', { GET: 'listOrgDeployments' }],
  ['metadata', { GET: 'orgMetadata' }],
  ['pause', { POST: 'pauseOrg' }],
  ['resume', { POST: 'resumeOrg' }]
]

function matchRest(
  rest: string[],
  table: [string, MethodTable][]
): { methods: MethodTable; id?: string; version?: string } | undefined {
  for (const [pattern, methods] of table) {
    const parts = pattern === '' ? [] : pattern.split('/')
    if (parts.length !== rest.length) continue
    const captured: { id?: string; version?: string } = {}
    const ok = parts.every((part, i) => {
      const segment = rest[i] as string
      if (part === ':id') captured.id = segment
      else if (part === ':version') captured.version = segment
      else return part === segment
      return true
    })
    if (ok) return { methods, ...captured }
  }
  return undefined
}

/** Which endpoint a request is for. Streaming and step logs share a path: the `step` or `job` query picks step mode. */
export function route(method: string, path: string, query: Record<string, string>): RouteMatch {
  const segments = path
    .replace(/\/+$/, '')
    .split('/')
    .slice(1)
    .map(segment => {
      try {
        return decodeURIComponent(segment)
      } catch {
        return segment
      }
    })
  let found: { methods: MethodTable; id?: string; version?: string } | undefined
  let base: Pick<RouteMatch, 'org' | 'stackRef'> = {}
  if (
    segments[0] === 'api' &&
    segments[1] === 'stacks' &&
    segments[5] === 'deployments' &&
    segments.length >= 6
  ) {
    base = { org: segments[2], stackRef: segments.slice(2, 5).join('/') }
    found = matchRest(segments.slice(6), STACK_ROUTES)
  } else if (
    segments[0] === 'api' &&
    segments[1] === 'orgs' &&
    segments[3] === 'deployments' &&
    segments.length >= 4
  ) {
    base = { org: segments[2] }
    found = matchRest(segments.slice(4), ORG_ROUTES)
  } else if (segments[0] === 'api' && segments[1] === 'stacks' && segments.length >= 6) {
    // The stack endpoints beside Deployments: engine events under any kind of update, export, batch-decrypt.
    base = { org: segments[2], stackRef: segments.slice(2, 5).join('/') }
    found = matchRest(segments.slice(5), STATE_ROUTES)
  }
  if (segments.join('/') === 'api/user') {
    return method.toUpperCase() === 'GET'
      ? { endpoint: 'getCurrentUser' }
      : { endpoint: 'unknown', status: 405 }
  }
  if (segments.join('/') === 'api/oauth/token') {
    return method.toUpperCase() === 'POST'
      ? { endpoint: 'tokenExchange' }
      : { endpoint: 'unknown', status: 405 }
  }
  if (!found) return { endpoint: 'unknown', status: 404 }
  let endpoint = found.methods[method.toUpperCase()]
  if (!endpoint) return { endpoint: 'unknown', status: 405, ...base }
  if (endpoint === 'streamLogs' && (query.step !== undefined || query.job !== undefined))
    endpoint = 'stepLogs'
  return { endpoint, ...base, deploymentId: found.id, version: found.version }
}
