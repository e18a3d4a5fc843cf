// Pulumi Cloud's timestamps: the one parser for all of them.

/**
 * Pulumi's `2022-10-17 22:12:34.834` (UTC), or RFC 3339, as milliseconds; undefined when neither, and for Go's zero
 * time (`0001-01-01…`), which Pulumi Cloud sends for a time not yet set (a step that has not started).
 */
export function parsePulumiTime(text: string | undefined): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text?.trim() ?? ''
  )
  if (!match) return undefined
  const [, date, time, fraction = '', zone = 'Z'] = match
  if (date === '0001-01-01') return undefined
  const ms = Date.parse(`${date}T${time}${fraction.slice(0, 4)}${zone}`)
  return Number.isNaN(ms) ? undefined : ms
}
