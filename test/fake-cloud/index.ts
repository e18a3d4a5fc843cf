// A fake Pulumi Cloud Deployments API: a real HTTP server with scripted deployments on a controllable clock,
// and faults on demand. See docs/ARCHITECTURE.md; the behaviour follows spec/.
import type { DeploymentSettings, UserInfo } from '../../src/pulumi/types.js'
import { REQUESTED_BY } from './views.js'
import { realClock } from './clock.js'
import { FaultInjector } from './faults.js'
import type { HandlerContext } from './handlers.js'
import { SeededRandom } from './random.js'
import { SecretStore } from './secret-store.js'
import { TokenExchange } from './oidc.js'
import { declareSecretOutputs, StackKeys } from './stack-state.js'
import { listen } from './server.js'
import { CloudState } from './state.js'
import type { JsonObject } from './settings-merge.js'
import type { FakeCloud, FakeCloudOptions, RecordedRequest } from './types.js'
import { canonicalizeKeys, settingsSchemaNode } from './validation.js'

export { callFake, type CallOptions, type CallResult } from './call.js'
export { ManualClock, realClock, type FakeClock } from './clock.js'
export { FaultInjector, type FaultHandle } from './faults.js'
export {
  expandLines,
  previewScenario,
  pulumiScenario,
  updateScenario,
  type ScenarioOptions
} from './scenarios.js'
export { ENDPOINTS } from './types.js'
export { issuedAccessTokens, type IssuedToken, type OidcPolicy, type TrustedIssuer } from './oidc.js'
export type {
  EndpointName,
  FakeCloud,
  FakeCloudOptions,
  FakeDeployment,
  FaultKind,
  FaultRule,
  GeneratedLines,
  LineBlock,
  RecordedRequest,
  Scenario,
  ScenarioFactory,
  ScenarioLine,
  ScenarioStep,
  StackTarget
} from './types.js'

export const DEFAULT_TOKEN = 'pul-fake-token-0000'

function defaultConsoleUrl(apiUrl: string): string {
  const url = new URL(apiUrl)
  if (url.hostname.startsWith('api.')) url.hostname = `app.${url.hostname.slice('api.'.length)}`
  return url.toString().replace(/\/$/, '')
}

export async function startFakeCloud(opts: FakeCloudOptions = {}): Promise<FakeCloud> {
  const token = opts.token ?? DEFAULT_TOKEN
  const clock = opts.clock ?? realClock
  const seed = opts.seed ?? 1
  const faults = new FaultInjector(new SeededRandom(seed))
  // Identifiers draw from their own generator, so adding a fault rule never changes them.
  const state = new CloudState(clock, new SeededRandom(seed ^ 0x5eed1d5))
  const secrets = new SecretStore()
  const requests: RecordedRequest[] = []
  const answered = new Set<RecordedRequest>()
  const waiters = new Set<{ pred(r: RecordedRequest): boolean; resolve(r: RecordedRequest): void }>()
  const contextRef: { current?: HandlerContext } = {}
  let warning: string | undefined
  const oidc = new TokenExchange(clock)
  const users = new Map<string, UserInfo>([[token, REQUESTED_BY]])

  const listening = await listen(
    {
      token,
      oidc,
      now: () => clock.now(),
      faults,
      handlerContext: () => contextRef.current as HandlerContext,
      record: request => requests.push(request),
      warning: () => warning,
      users,
      answered: request => {
        answered.add(request)
        for (const waiter of waiters) if (waiter.pred(request)) waiter.resolve(request)
      }
    },
    opts.host ?? '127.0.0.1',
    opts.port ?? 0
  )
  const url = listening.url
  contextRef.current = {
    state,
    secrets,
    apiUrl: url,
    consoleUrl: (opts.consoleUrl ?? defaultConsoleUrl(url)).replace(/\/$/, ''),
    logBatchSize: opts.logBatchSize ?? 500,
    eventsPageSize: opts.eventsPageSize ?? 500,
    keys: new StackKeys(),
    userOf: authorization => {
      const given = /^token (.+)$/.exec(String(authorization ?? ''))?.[1]
      return (given !== undefined ? users.get(given) : undefined) ?? REQUESTED_BY
    }
  }
  const pendingTimers = new Set<NodeJS.Timeout>()

  const toStoredSettings = (settings: DeploymentSettings): JsonObject =>
    canonicalizeKeys(settings, settingsSchemaNode()) as JsonObject

  return {
    url,
    token,
    clock,
    faults,
    requests,
    issuedTokens: oidc.issued,
    trustOidcIssuer: (org, issuer, policies = [{ tokenType: 'organization' }]) =>
      oidc.trustIssuer(org, issuer, policies),
    close: async () => {
      for (const timer of pendingTimers) clearTimeout(timer)
      waiters.clear()
      await listening.close()
    },
    addStack(ref, stackOpts = {}) {
      declareSecretOutputs(stackOpts.outputs)
      state.addStack(ref, toStoredSettings(stackOpts.settings ?? {}), stackOpts.scenario, stackOpts.outputs)
    },
    addToken(extra, user) {
      users.set(extra, structuredClone(user))
    },
    setScenario(ref, scenario) {
      state.knownStack(ref).scenario = scenario
    },
    queueScenario(ref, scenario) {
      state.knownStack(ref).queuedScenarios.push(scenario)
    },
    setWarning(text) {
      warning = text
    },
    setConcurrency: (org, limit) => state.setConcurrency(org, limit),
    pause: target => state.setPaused(target, true),
    resume: target => state.setPaused(target, false),
    settings: ref => structuredClone(state.knownStack(ref).settings),
    deployments(ref) {
      state.refresh()
      const chosen = ref === undefined ? state.deployments : state.knownStack(ref).deployments
      return chosen.map(d => state.describe(d))
    },
    waitForRequest(pred, timeoutMs = 5000) {
      const found = requests.find(r => answered.has(r) && pred(r))
      if (found) return Promise.resolve(found)
      return new Promise<RecordedRequest>((resolve, reject) => {
        const waiter = {
          pred,
          resolve: (r: RecordedRequest) => {
            waiters.delete(waiter)
            clearTimeout(timer)
            pendingTimers.delete(timer)
            resolve(r)
          }
        }
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          pendingTimers.delete(timer)
          const seen = requests.map(r => `${r.method} ${r.path} → ${r.status}`).join('; ') || 'none'
          reject(
            new Error(
              `No matching request reached the fake Pulumi Cloud within ${timeoutMs} ms (seen: ${seen}).`
            )
          )
        }, timeoutMs)
        pendingTimers.add(timer)
        waiters.add(waiter)
      })
    }
  }
}
