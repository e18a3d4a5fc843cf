/** The action keeps every base URL without a trailing slash, so that appending `/api/...` never doubles one. */
export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

// `scheme://` then the authority up to its last `@`: the user name and password a URL may carry. Anchored, so it is
// tried once; the authority stops at the first `/`, `?` or `#`.
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i

/**
 * A URL as it may be printed: without the user name and password it may carry (`https://user:token@host/...`),
 * nor its query, which may carry a token too. Works on text that does not parse as a URL as well.
 */
export function withoutCredentials(url: string): string {
  const bare = url.replace(USERINFO, '$1')
  const query = bare.search(/[?#]/)
  return query === -1 ? bare : `${bare.slice(0, query)}?…`
}

/** Whether requests to `url` would cross a network in clear text: plain http:// to a host other than this machine. */
export function isPlainHttpOffLoopback(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'http:') return false
  const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return !(
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127\.\d+\.\d+\.\d+$/.test(host)
  )
}

/** The warning a plain-http Pulumi Cloud URL off this machine deserves, said before the token is first sent. */
export function cleartextWarning(cloudUrl: string): string | undefined {
  if (!isPlainHttpOffLoopback(cloudUrl)) return undefined
  return (
    `The Pulumi Cloud URL ${withoutCredentials(cloudUrl)} is plain http:// to another host, so the access token ` +
    'and the deployment settings cross the network unencrypted: use an https:// URL.'
  )
}
