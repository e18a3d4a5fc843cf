// Each failure the fake Pulumi Cloud answers becomes one PulumiApiError whose message says what went wrong, for
// which stack, and what to do, without ever showing the access token.
import { PulumiCloudClient } from '../src/pulumi/client.js'
import { PulumiApiError } from '../src/pulumi/errors.js'
import type { StackRef } from '../src/pulumi/types.js'
import type { FakeCloud, ManualClock } from '../test/fake-cloud/index.js'
import { cloudAndClient, RecordingClock, SOURCE_SETTINGS } from './client-support.js'

const stack: StackRef = { org: 'acme', project: 'web', stack: 'dev' }
let cloud: FakeCloud
let time: ManualClock
let client: PulumiCloudClient
let clock: RecordingClock

beforeEach(async () => {
  ;({ cloud, time, client, clock } = await cloudAndClient())
  cloud.addStack('acme/web/dev', {
    settings: SOURCE_SETTINGS,
    scenario: { steps: [{ name: 'run' }], result: 'succeeded' }
  })
})
afterEach(() => cloud.close())

async function apiError(promise: Promise<unknown>, token = cloud.token): Promise<PulumiApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof PulumiApiError)) throw new Error(`expected a PulumiApiError, got ${String(error)}`)
  expect(error.message).not.toContain(token)
  expect(JSON.stringify(error)).not.toContain(token)
  return error
}

it('400: says Pulumi Cloud rejected the request, with its reason', async () => {
  const error = await apiError(
    client.createDeployment(stack, { operation: 'update', inheritSettings: false })
  )
  expect(error).toMatchObject({
    status: 400,
    method: 'POST',
    path: '/api/stacks/acme/web/dev/deployments',
    retryable: false
  })
  expect(error.message).toMatch(
    /^Pulumi Cloud rejected the request to create an update deployment for stack acme\/web\/dev \(400 Bad Request\): The deployment has no source/
  )
  expect(cloud.requests).toHaveLength(1)
})

it('401: says the token is missing, invalid or expired and how to set it', async () => {
  const wrongToken = 'pul-wrong-0123456789'
  const stranger = new PulumiCloudClient({ baseUrl: cloud.url, token: wrongToken, clock })
  const error = await apiError(stranger.getSettings(stack), wrongToken)
  expect(error.status).toBe(401)
  expect(error.message).toMatch(/access token .*missing, invalid or expired/)
  expect(error.message).toMatch(/`pulumi-access-token` input or the PULUMI_ACCESS_TOKEN environment variable/)
  expect(error.message).toContain('acme/web/dev')
})

it('404 on a stack path: names the stack that does not exist or cannot be seen', async () => {
  const missing = { org: 'acme', project: 'web', stack: 'prod' }
  const error = await apiError(client.createDeployment(missing, { operation: 'update' }))
  expect(error.status).toBe(404)
  expect(error.stackRef).toEqual(missing)
  expect(error.message).toMatch(
    /^The stack acme\/web\/prod does not exist in Pulumi Cloud, or the access token cannot see it/
  )
})

it('404 on GET settings is a stack with no stored settings: read as none, not as a missing stack', async () => {
  cloud.addStack('acme/web/bare')
  expect(await client.getSettings({ org: 'acme', project: 'web', stack: 'bare' })).toEqual({})
  expect(cloud.requests.map(r => [r.endpoint, r.status])).toEqual([['getSettings', 404]])
})

it('404 on a deployment: names the deployment and its stack', async () => {
  const byId = await apiError(client.getDeployment(stack, '00000000-0000-4000-8000-00000000dead'))
  expect(byId.message).toMatch(
    /^Deployment 00000000-0000-4000-8000-00000000dead of stack acme\/web\/dev was not found \(404 Not Found\)/
  )
})

it('a cancel refused because the deployment had ended: read again, and answered "ended", not an error', async () => {
  const { id } = await client.createDeployment(stack, { operation: 'update' })
  time.advance(60_000)
  expect(await client.cancelDeployment(stack, id)).toBe('ended')
  const tail = cloud.requests.slice(-2).map(r => [r.endpoint, r.status])
  expect(tail).toEqual([
    ['cancelDeployment', 404],
    ['getDeployment', 200]
  ])
})

it('a cancel refused for a deployment that has not ended is still the error Pulumi Cloud gave', async () => {
  const { id } = await client.createDeployment(stack, { operation: 'update' })
  cloud.faults.add({ endpoint: 'cancelDeployment', kind: 'status', status: 403 })
  const error = await apiError(client.cancelDeployment(stack, id))
  expect(error.status).toBe(403)
  expect(cloud.requests.at(-1)?.endpoint).toBe('getDeployment')
})

it('5xx: after the retries, says Pulumi Cloud is unavailable for the named stack', async () => {
  cloud.faults.add({ endpoint: 'getDeployment', kind: 'status', status: 500 })
  const error = await apiError(client.getDeployment(stack, '00000000-0000-4000-8000-000000000abc'))
  expect(error).toMatchObject({ status: 500, retryable: true, attempts: 5 })
  expect(error.message).toBe(
    'Pulumi Cloud is unavailable: it answered HTTP 500 when asked to read the deployment for stack acme/web/dev ' +
      '(5 attempts). Try again in a few minutes. Pulumi Cloud said: Internal Server Error. If it keeps failing, give Pulumi support the ' +
      'request ID fake-request-000005.'
  )
})

it('a 401 or 404 that is not Pulumi Cloud JSON, from the console address, names the api. address instead', async () => {
  const { apiError: toError } = await import('../src/pulumi/errors.js')
  const ctx = {
    method: 'GET',
    path: '/api/stacks/acme/web/dev/deployments/settings',
    action: 'read the deployment settings',
    subject: 'stack' as const,
    stackRef: stack,
    baseUrl: 'https://app.pulumi.com'
  }
  for (const status of [401, 404]) {
    const error = toError({ kind: 'status', status, notPulumi: true }, ctx, 1)
    expect(error.message).toMatch(/this does not look like the Pulumi Cloud API/)
    expect(error.message).toContain('use the api. address (https://api.pulumi.com)')
    expect(error.message).not.toMatch(/token|does not exist/i)
  }
  // Pulumi Cloud's own refusal keeps its own sentence.
  expect(toError({ kind: 'status', status: 401 }, ctx, 1).message).toMatch(/did not accept the access token/)
})
