// The `operation` input: one of the operations Pulumi Deployments runs, with a "did you mean" for the names people
// bring from the CLI and other tools.
import { PULUMI_OPERATIONS, type PulumiOperation } from '../pulumi/types.js'
import { InputError, quoteInput } from './input-error.js'
import { suggestKey } from './settings.js'

// What users coming from the Pulumi CLI or other tools type; suggested, never accepted silently.
const OPERATION_ALIASES: Record<string, PulumiOperation> = {
  up: 'update',
  deploy: 'update',
  apply: 'update',
  plan: 'preview',
  drift: 'detect-drift',
  remediate: 'remediate-drift'
}

export function parseOperation(value: string): PulumiOperation {
  const accepted = `${PULUMI_OPERATIONS.slice(0, -1).join(', ')} or ${PULUMI_OPERATIONS.at(-1)}`
  if (value === '') {
    throw new InputError('operation', `The \`operation\` input is required: set it to ${accepted}.`)
  }
  const lower = value.toLowerCase()
  const operation = PULUMI_OPERATIONS.find(candidate => candidate === lower)
  if (operation !== undefined) return operation
  const suggestion = OPERATION_ALIASES[lower] ?? suggestKey(lower, PULUMI_OPERATIONS)
  const hint = suggestion === undefined ? '.' : `; did you mean \`${suggestion}\`?`
  throw new InputError(
    'operation',
    `The \`operation\` input ${quoteInput(value)} is not an operation this action runs: use ${accepted}${hint}`
  )
}
