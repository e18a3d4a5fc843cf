// Whether a deployment is pinned to a commit, to which, and why. Without a pin, Pulumi Deployments checks out the
// branch named in the stack's settings, which may have moved on (or never held the pull request's change): pinning
// the event's commit makes the deployment run exactly the code that triggered the workflow.
import { withoutCredentials } from '../config/url.js'
import type { DeploymentSettings, SourceContextGit } from '../pulumi/types.js'
import type { EventContext } from './context.js'
import type { CommitMode } from '../config/inputs.js'

export interface CommitPin {
  /** The commit to send as `sourceContext.git.commit`; absent when the deployment is left alone. */
  commit?: string
  /** A sentence the action prints either way. */
  reason: string
}

type Source = { kind: 'url'; url: string } | { kind: 'repository'; repository: string }

/**
 * Whether resolveCommitPin needs the stack's deployment settings, so the orchestrator can skip fetching them when the
 * request's own settings decide, the mode is not auto, or the stack's settings are not inherited.
 */
export function needsStackSettings(
  mode: CommitMode,
  requestSettings: DeploymentSettings | undefined,
  inheritSettings: boolean
): boolean {
  if (mode.mode !== 'auto' || !inheritSettings) return false
  if (explicitGitChoice(requestSettings) !== undefined || hasNonGitSource(requestSettings)) return false
  return repoUrlOf(requestSettings?.sourceContext?.git) === undefined
}

export function resolveCommitPin(
  mode: CommitMode,
  ctx: EventContext,
  requestSettings: DeploymentSettings | undefined,
  stackSettings: DeploymentSettings | undefined,
  inheritSettings: boolean
): CommitPin {
  if (mode.mode === 'none') return { reason: 'Not pinning a commit: the `commit` input is `none`.' }
  if (mode.mode === 'sha') {
    return {
      commit: mode.sha,
      reason: `Pinning the deployment to commit ${short(mode.sha)}, from the \`commit\` input.`
    }
  }

  const explicit = explicitGitChoice(requestSettings)
  if (explicit !== undefined) {
    return {
      reason: `Not pinning a commit: the \`settings\` input chooses \`sourceContext.git.${explicit}\` itself.`
    }
  }
  if (hasNonGitSource(requestSettings)) {
    return {
      reason: 'Not pinning a commit: the `settings` input gives the deployment a source that is not git.'
    }
  }
  const source = effectiveSource(requestSettings, inheritSettings ? stackSettings : undefined)
  if (source === undefined) {
    const notInherited = inheritSettings
      ? ''
      : " (and `inherit-settings` is false, so the stack's own are not used)"
    return {
      reason:
        'Not pinning a commit: the deployment settings name no git repository (no `sourceContext.git.repoUrl` ' +
        `and no \`gitHub.repository\`)${notInherited}.`
    }
  }
  // The stack's settings are edited in the Pulumi console: a credential in the URL must not reach the log.
  const sourceName = source.kind === 'url' ? withoutCredentials(source.url) : source.repository
  if (ctx.repository === undefined) {
    return {
      reason: "Not pinning a commit: GITHUB_REPOSITORY is not set, so this workflow's repository is unknown."
    }
  }
  const same =
    source.kind === 'url'
      ? sameRepository(source.url, ctx.repository, ctx.serverUrl)
      : equalIgnoringCase(source.repository, ctx.repository)
  if (!same) {
    return {
      reason: `Not pinning a commit: the deployment's source repository ${sourceName} is not this workflow's repository ${ctx.repository}.`
    }
  }
  return pinEventCommit(ctx, ctx.repository)
}

function pinEventCommit(ctx: EventContext, repository: string): CommitPin {
  const pullRequest = ctx.pullRequest
  if (pullRequest !== undefined) {
    // A fork's head is code from outside the repository; on pull_request_target it would run with the base
    // repository's secrets and deployment credentials. Pinning it must be a deliberate `commit:` choice.
    if (pullRequest.headRepo === undefined || !equalIgnoringCase(pullRequest.headRepo, repository)) {
      const fork = pullRequest.headRepo ?? 'a fork that no longer exists'
      return {
        reason:
          `Not pinning a commit: pull request #${pullRequest.number} comes from ${fork}, and deploying its head would ` +
          'run code from outside this repository; set the `commit` input to its SHA if you trust it.'
      }
    }
    return {
      commit: pullRequest.headSha,
      reason: `Pinning the deployment to commit ${short(pullRequest.headSha)}, the head of pull request #${pullRequest.number}.`
    }
  }
  if (ctx.sha === undefined) {
    return {
      reason:
        'Not pinning a commit: GITHUB_SHA is not set, so the commit that triggered this workflow is unknown.'
    }
  }
  const event = ctx.eventName === undefined ? '' : ` (${ctx.eventName})`
  return {
    commit: ctx.sha,
    reason: `Pinning the deployment to commit ${short(ctx.sha)}, the commit that triggered this workflow${event}.`
  }
}

/**
 * The request's settings with `sourceContext.git.commit` set to the pin, beside `branch: ""`, exactly as Pulumi's
 * CLI sends a pinned `pulumi deployment run` (its Go struct has no omitempty): the service reads the empty branch as
 * "not set" and lets the commit replace an inherited one. `tag` is dropped, and an empty `repoUrl` is never sent
 * (it would read as "no repository"). Returns a copy; the input is never changed. Without a pin, a copy of the
 * settings as they were (an empty mapping for none).
 */
export function applyCommitPin(settings: DeploymentSettings | undefined, pin: CommitPin): DeploymentSettings {
  const copy = structuredClone(settings ?? {})
  if (pin.commit === undefined) return copy
  const git: SourceContextGit = { ...copy.sourceContext?.git, branch: '', commit: pin.commit }
  delete git.tag
  if (repoUrlOf(git) === undefined) {
    for (const key of Object.keys(git))
      if (key.toLowerCase() === 'repourl') delete (git as Record<string, unknown>)[key]
  }
  copy.sourceContext = { ...copy.sourceContext, git }
  return copy
}

// The stack's settings are merged under the request's, key by key, so the request's repoUrl wins over the stack's,
// and a repoUrl (what is cloned) wins over gitHub.repository (the app integration's repository).
function effectiveSource(
  request: DeploymentSettings | undefined,
  stack: DeploymentSettings | undefined
): Source | undefined {
  const url = repoUrlOf(request?.sourceContext?.git) ?? repoUrlOf(stack?.sourceContext?.git)
  if (url !== undefined) return { kind: 'url', url }
  const repository = nonEmptyString(request?.gitHub?.repository) ?? nonEmptyString(stack?.gitHub?.repository)
  return repository === undefined ? undefined : { kind: 'repository', repository }
}

// Older API pages and some responses spell it `repoURL`; the service reads the key case-insensitively.
function repoUrlOf(git: SourceContextGit | undefined): string | undefined {
  if (git === undefined) return undefined
  const key = Object.keys(git).find(k => k.toLowerCase() === 'repourl')
  return key === undefined ? undefined : nonEmptyString((git as Record<string, unknown>)[key])
}

function explicitGitChoice(
  settings: DeploymentSettings | undefined
): 'commit' | 'branch' | 'tag' | undefined {
  const git = settings?.sourceContext?.git
  return (['commit', 'branch', 'tag'] as const).find(key => git?.[key] !== undefined)
}

function hasNonGitSource(settings: DeploymentSettings | undefined): boolean {
  const source = settings?.sourceContext
  return source?.hg !== undefined || source?.template !== undefined
}

/**
 * Whether a git URL points at `owner/repo` on the workflow's GitHub host. Accepts https and http (with or without
 * credentials), `git@host:owner/repo.git`, `ssh://git@host[:port]/owner/repo.git`, `git://` and a bare
 * `host/owner/repo`; compares case-insensitively, ignoring a `.git` suffix, trailing slashes and ports.
 */
export function sameRepository(repoUrl: string, repository: string, serverUrl: string): boolean {
  const parsed = parseGitUrl(repoUrl.trim())
  if (parsed === undefined) return false
  let serverHost: string
  try {
    serverHost = new URL(serverUrl).hostname.toLowerCase()
  } catch {
    return false
  }
  const hostMatches = [serverHost, `www.${serverHost}`, `ssh.${serverHost}`].includes(parsed.host)
  const path = parsed.path.replace(/^\/+|\/+$/g, '').replace(/\.git$/i, '')
  return hostMatches && equalIgnoringCase(path, repository)
}

const GIT_SCHEMES = new Set(['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'])

function parseGitUrl(url: string): { host: string; path: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    try {
      const parsed = new URL(url)
      if (!GIT_SCHEMES.has(parsed.protocol)) return undefined
      return { host: parsed.hostname.toLowerCase(), path: decodeURIComponent(parsed.pathname) }
    } catch {
      return undefined
    }
  }
  const scpLike = /^(?:[^@/\s]+@)?([^:/\s]+):(.+)$/.exec(url)
  if (scpLike) return { host: (scpLike[1] ?? '').toLowerCase(), path: scpLike[2] ?? '' }
  const slash = url.indexOf('/')
  if (slash <= 0) return undefined
  return { host: url.slice(0, slash).toLowerCase(), path: url.slice(slash) }
}

function equalIgnoringCase(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

function short(sha: string): string {
  return sha.slice(0, 7)
}
