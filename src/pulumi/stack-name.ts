// Stack names, `org/project/stack`: the one parser, for the `stack` input and for the name the post step reads back
// from the runner's state. Each part is a path segment of the API's URLs, so only safe characters pass.
import type { StackRef } from './types.js'

export const STACK_PART_NAMES = ['organization', 'project', 'stack'] as const
export type StackPartName = (typeof STACK_PART_NAMES)[number]

const STACK_PART_CHARACTER = /^[A-Za-z0-9._-]$/
// Pulumi Cloud's own limits: organization names as GitHub's (at most 40 characters), project and stack names at
// most 100. A longer name cannot exist, so it is refused before it goes into a URL or a report.
export const STACK_PART_MAX: Record<StackPartName, number> = { organization: 40, project: 100, stack: 100 }

/** Why a text is not a stack name; the first problem found, checking part by part. */
export type StackNameProblem =
  | { kind: 'parts'; count: number }
  | { kind: 'empty'; part: StackPartName }
  | { kind: 'character'; part: StackPartName; character: string }
  /** `.` and `..` would be read as path steps in the API URL and address another resource. */
  | { kind: 'dots'; part: StackPartName; value: string }
  | { kind: 'length'; part: StackPartName; length: number; max: number }

export function parseStackName(text: string): { ref: StackRef } | { problem: StackNameProblem } {
  const parts = text.split('/')
  if (parts.length !== 3) return { problem: { kind: 'parts', count: parts.length } }
  for (const [i, value] of parts.entries()) {
    const part = STACK_PART_NAMES[i] ?? 'stack'
    if (value === '') return { problem: { kind: 'empty', part } }
    const max = STACK_PART_MAX[part]
    if (value.length > max) return { problem: { kind: 'length', part, length: value.length, max } }
    const character = [...value].find(c => !STACK_PART_CHARACTER.test(c))
    if (character !== undefined) return { problem: { kind: 'character', part, character } }
    if (/^\.+$/.test(value)) return { problem: { kind: 'dots', part, value } }
  }
  const [org = '', project = '', stack = ''] = parts
  return { ref: { org, project, stack } }
}

/** `org/project/stack` as a reference; undefined when it is not a valid stack name. */
export function parseStackRef(text: string): StackRef | undefined {
  const parsed = parseStackName(text.trim())
  return 'ref' in parsed ? parsed.ref : undefined
}

export function formatStackRef(s: StackRef): string {
  return `${s.org}/${s.project}/${s.stack}`
}
