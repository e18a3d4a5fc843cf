/** The action keeps every base URL without a trailing slash, so that appending `/api/...` never doubles one. */
export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '')
}
