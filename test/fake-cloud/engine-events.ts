// The engine events of a deployment's update (spec/results-openapi.json, `GetUpdateEventsResponse`), made from the
// scenario's EngineScript with the same resourceAt the log's lines come from, so the two always agree.
import { ApiError } from './errors.js'
import { resourceAt, type ChangeKind, type ScenarioResource } from './pulumi-output.js'
import type { DeploymentRecord } from './state.js'
import type { EngineScript } from './types.js'

type Event = Record<string, unknown>

/** Pulumi's marker of a secret value; engine events carry a secret's ciphertext, never its value. */
const SECRET = {
  '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270',
  ciphertext: 'ZmFrZQ=='
}

// Per type: the property whose change forces a replacement, and the values an update and a replace show.
const PROPERTIES: Record<string, { replaceKey: string; old: unknown; new: unknown }> = {
  'aws:s3:Bucket': { replaceKey: 'bucket', old: 'web-assets-a1f3', new: 'web-assets-b7c9' },
  'aws:s3:BucketObject': { replaceKey: 'key', old: 'index.html', new: 'site/index.html' },
  'aws:iam:Role': { replaceKey: 'name', old: 'web-role', new: 'web-role-v2' },
  'aws:lambda:Function': { replaceKey: 'runtime', old: 'nodejs18.x', new: 'nodejs20.x' },
  'aws:cloudwatch:LogGroup': { replaceKey: 'name', old: '/web/dev', new: '/web/dev-v2' },
  'aws:ec2:SecurityGroup': { replaceKey: 'vpcId', old: 'vpc-0a1b2c', new: 'vpc-9f8e7d' }
}

export function resourceUrn(stack: string, resource: { type: string; name: string }): string {
  const [, project = 'project', name = 'dev'] = stack.split('/')
  return `urn:pulumi:${name}::${project}::${resource.type}::${resource.name}`
}

function stackUrn(stack: string): string {
  const [, project = 'project', name = 'dev'] = stack.split('/')
  return resourceUrn(stack, { type: 'pulumi:pulumi:Stack', name: `${project}-${name}` })
}

function state(urn: string, type: string, inputs: Record<string, unknown>): Event {
  return { urn, type, id: '', parent: '', provider: '', inputs, outputs: {}, custom: true }
}

/** A step's metadata: what `pulumi preview --diff` would show for this resource and kind of change. */
function metadata(op: string, urn: string, r: ScenarioResource, kind: ChangeKind | 'same'): Event {
  const props = PROPERTIES[r.type] ?? { replaceKey: 'name', old: 'a', new: 'b' }
  const oldTags = { env: 'dev', team: 'web' }
  const newTags = { env: 'dev', team: 'platform' }
  let diffs: string[] = []
  let keys: string[] = []
  let detailedDiff: Record<string, unknown> = {}
  let oldInputs: Record<string, unknown> = { tags: oldTags }
  let newInputs: Record<string, unknown> = { tags: oldTags }
  if (kind === 'update') {
    diffs = r.type === 'aws:lambda:Function' ? ['environment', 'tags'] : ['tags']
    detailedDiff = { 'tags.team': { diffKind: 'update', inputDiff: true } }
    if (r.type === 'aws:lambda:Function') {
      detailedDiff.environment = { diffKind: 'update', inputDiff: true }
      oldInputs = { ...oldInputs, environment: SECRET }
      newInputs = { environment: SECRET }
    }
    newInputs = { ...newInputs, tags: newTags }
  } else if (kind === 'replace') {
    diffs = [props.replaceKey, 'tags']
    keys = [props.replaceKey]
    detailedDiff = {
      [props.replaceKey]: { diffKind: 'update-replace', inputDiff: true },
      'tags.team': { diffKind: 'update', inputDiff: true }
    }
    oldInputs = { [props.replaceKey]: props.old, tags: oldTags }
    newInputs = { [props.replaceKey]: props.new, tags: newTags }
  }
  return {
    op,
    urn,
    type: r.type,
    provider: 'urn:pulumi:dev::project::pulumi:providers:aws::default_6_66_0::1c9d7e4e',
    old: kind === 'create' ? null : state(urn, r.type, oldInputs),
    new: kind === 'delete' ? null : state(urn, r.type, newInputs),
    keys,
    diffs,
    detailedDiff,
    logical: true
  }
}

// A replace is three steps in the engine, create-replacement, replace and delete-replaced, for one resource.
const STEP_OPS: Record<ChangeKind, string[]> = {
  create: ['create'],
  update: ['update'],
  delete: ['delete'],
  replace: ['create-replacement', 'replace', 'delete-replaced']
}

function policyMessage(r: ScenarioResource): string {
  return `Prohibits setting the publicRead or publicReadWrite permission on AWS S3 buckets.\nS3 bucket '${r.name}' has acl 'public-read'.`
}

export function failureMessage(r: ScenarioResource): string {
  return `creating ${r.type} (${r.name}): operation error: AlreadyExists: a resource named '${r.name}' already exists in this account.`
}

/** Every event the update records by its end, in order. */
export function allEvents(script: EngineScript): Event[] {
  const { stack, counts } = script
  const events: Event[] = [{ type: 'preludeEvent', preludeEvent: { config: { 'aws:region': 'us-west-2' } } }]
  const push = (type: string, payload: unknown): void => {
    events.push({ type, [type]: payload })
  }
  push('resourcePreEvent', {
    metadata: metadata('same', stackUrn(stack), { type: 'pulumi:pulumi:Stack', name: 'stack' }, 'same'),
    planning: script.planning
  })
  for (let i = 0; i < script.resources; i++) {
    const r = resourceAt(i, script.resources, counts)
    const urn = resourceUrn(stack, r)
    const kind = r.kind ?? 'same'
    const ops = r.kind ? STEP_OPS[r.kind] : ['same']
    for (const op of ops)
      push('resourcePreEvent', { metadata: metadata(op, urn, r, kind), planning: script.planning })
    if (script.failingResource === i) {
      push('diagnosticEvent', {
        urn,
        prefix: 'error: ',
        message: failureMessage(r),
        color: 'never',
        severity: 'error'
      })
      push('resOpFailedEvent', { metadata: metadata(ops[0] as string, urn, r, kind), status: 1, steps: 1 })
    } else if (!script.planning) {
      push('resOutputsEvent', { metadata: metadata(ops.at(-1) as string, urn, r, kind), planning: false })
    }
  }
  for (let i = 0; i < counts.same; i++) {
    const r = { type: 'random:index:RandomPet', name: `unchanged-${i + 1}` }
    push('resourcePreEvent', {
      metadata: metadata('same', resourceUrn(stack, r), r, 'same'),
      planning: script.planning
    })
  }
  if (script.policy) {
    const index = script.policy.resourceIndex ?? 0
    const r = resourceAt(index, Math.max(script.resources, index + 1), counts)
    push('policyEvent', {
      resourceUrn: resourceUrn(stack, r),
      message: policyMessage(r),
      color: 'never',
      policyName: 's3-no-public-read',
      policyPackName: 'aws-guard',
      policyPackVersion: '0.0.1',
      policyPackVersionTag: '0.0.1',
      enforcementLevel: script.policy.enforcementLevel ?? 'warning',
      severity: 'high'
    })
  }
  if (script.failingResource !== undefined) {
    push('diagnosticEvent', {
      urn: stackUrn(stack),
      prefix: 'error: ',
      message: `${script.planning ? 'preview' : 'update'} failed`,
      color: 'never',
      severity: 'error'
    })
  }
  const { create, update, replace, same } = counts
  const changes: Record<string, number> = { create, update, replace, delete: counts.delete, same }
  push('summaryEvent', {
    maybeCorrupt: false,
    durationSeconds: 1,
    resourceChanges: Object.fromEntries(Object.entries(changes).filter(([, n]) => n > 0)),
    PolicyPacks: script.policy ? { 'aws-guard': 'v0.0.1' } : {},
    isPreview: script.planning,
    result: script.failingResource === undefined ? 'succeeded' : 'failed'
  })
  return events
}

const cache = new WeakMap<DeploymentRecord, Event[]>()

function parseToken(token: string | undefined): number {
  if (token === undefined || token === '') return 0
  const match = /^ev-(\d+)$/.exec(token)
  if (!match) throw new ApiError(400, 'Invalid continuation token.')
  return Number(match[1])
}

/**
 * One page of the update's events after the token's position. While the operation runs, events appear in step
 * with its progress and a token is always given; once it has ended, the last page's token is null.
 */
export function engineEventsPage(
  deployment: DeploymentRecord,
  now: number,
  token: string | undefined,
  pageSize: number
): { events: Event[]; continuationToken: string | null } {
  const timeline = deployment.timeline
  const step = timeline.pulumiStep >= 0 ? timeline.step(timeline.pulumiStep, now) : undefined
  if (!step || step.startedAt === undefined) {
    throw new ApiError(404, `Update '${deployment.update.updateID}' not found`)
  }
  const script = deployment.scenario.engine
  let events = cache.get(deployment)
  if (!events) {
    events = script ? allEvents({ ...script, stack: deployment.stack.ref }) : []
    cache.set(deployment, events)
  }
  const duration = Math.max(1, timeline.steps[timeline.pulumiStep]?.durationMs ?? 1)
  const visible = step.finished
    ? events.length
    : Math.floor(events.length * Math.min(1, (now - step.startedAt) / duration))
  const offset = parseToken(token)
  if (offset > visible) throw new ApiError(400, 'Invalid continuation token.')
  const end = Math.min(visible, offset + pageSize)
  const page = events
    .slice(offset, end)
    .map((event, i) => ({ ...event, sequence: offset + i + 1, timestamp: Math.floor(now / 1000) }))
  const complete = step.finished && end >= events.length
  return { events: page, continuationToken: complete ? null : `ev-${end}` }
}
