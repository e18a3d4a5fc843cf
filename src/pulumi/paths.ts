// Where things live on Pulumi Cloud: request URLs built from a base URL, and the console page of a deployment.
import { withoutTrailingSlash } from '../config/url.js'
import type { StackRef } from './types.js'

/** `https://api.example.com/` + `/api/...`, keeping any path prefix of the base URL. */
export function joinUrl(
  baseUrl: string,
  path: string,
  query?: Record<string, string | number | boolean | undefined>
): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value))
  }
  const search = params.toString()
  return `${withoutTrailingSlash(baseUrl)}${path}${search ? `?${search}` : ''}`
}

/** `/api/stacks/{org}/{project}/{stack}/deployments` plus more segments, each one URL-encoded. */
export function stackDeploymentsPath(stack: StackRef, ...segments: (string | number)[]): string {
  return encodePath('api', 'stacks', stack.org, stack.project, stack.stack, 'deployments', ...segments)
}

/** `/api/orgs/{org}/deployments`. */
export function orgDeploymentsPath(org: string): string {
  return encodePath('api', 'orgs', org, 'deployments')
}

/** `/api/stacks/{org}/{project}/{stack}/...`: the stack endpoints beside Deployments (events, export, decrypt). */
export function stackPath(stack: StackRef, ...segments: string[]): string {
  return encodePath('api', 'stacks', stack.org, stack.project, stack.stack, ...segments)
}

function encodePath(...segments: (string | number)[]): string {
  return segments.map(s => `/${encodeURIComponent(String(s))}`).join('')
}

/** The console page of a deployment: the API host with `api.` replaced by `app.`, else the base URL's origin. */
export function deploymentConsoleUrl(baseUrl: string, stack: StackRef, version: number): string {
  const url = new URL(baseUrl)
  const origin = url.hostname.startsWith('api.')
    ? `${url.protocol}//app.${url.host.slice('api.'.length)}`
    : url.origin
  return `${origin}${encodePath(stack.org, stack.project, stack.stack, 'deployments', version)}`
}
