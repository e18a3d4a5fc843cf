// The pull-request comment and job summary the README shows, made by the action's own builders from a fixed report
// (the demo's deployments, with their times and identifiers frozen), so the README cannot drift from what users get.
// `npx tsx demo/readme-example.ts` prints the README's blocks after a change to their wording.
import { pathToFileURL } from 'node:url'
import { buildCommentBody } from '../src/report/comment-body.js'
import type { EngineResults } from '../src/deployment/resource-changes.js'
import type { DeploymentReport } from '../src/report/model.js'
import { buildSummary } from '../src/report/summary.js'

const STACK = 'acme/website/production'
const RUN = 'https://github.com/acme/website/actions/runs/16180339887'
const CONSOLE = `https://app.pulumi.com/${STACK}`
const CHANGES = { create: 2, update: 1, replace: 1, same: 9 }

const resourceLines = (past: boolean): string[] => [
  `    pulumi:pulumi:Stack website-production${past ? ' running' : ''}`,
  `    + aws:cloudfront:Distribution cdn ${past ? 'created (212s)' : 'create'}`,
  `    + aws:acm:Certificate cdn-cert ${past ? 'created (31s)' : 'create'}`,
  `    ~ aws:s3:BucketPolicy site-policy ${past ? 'updated (1s)' : 'update'}`,
  `    +- aws:route53:Record www ${past ? 'replaced (44s)' : 'replace'}`,
  ''
]

const PREVIEW_OUTPUT = [
  'Previewing update (acme/production)',
  '',
  ...resourceLines(false),
  'Resources:',
  '    + 2 to create',
  '    ~ 1 to update',
  '    +-1 to replace',
  '    9 unchanged'
]

const UPDATE_OUTPUT = [
  'Updating (acme/production)',
  '',
  ...resourceLines(true),
  'Resources:',
  '    + 2 created',
  '    ~ 1 updated',
  '    +-1 replaced',
  '    9 unchanged',
  '',
  'Duration: 4m49s'
]

const urn = (type: string, name: string): string => `urn:pulumi:production::website::${type}::${name}`
// What the engine events of these deployments say: the same four resources the log lists.
const ENGINE: EngineResults = {
  resources: [
    {
      op: 'replace',
      type: 'aws:route53:Record',
      name: 'www',
      urn: urn('aws:route53:Record', 'www'),
      changes: [
        {
          path: 'name',
          kind: 'update-replace',
          replaces: true,
          hidden: false,
          old: 'www',
          new: 'www.acme.example'
        },
        { path: 'ttl', kind: 'update', replaces: false, hidden: false, old: 300, new: 60 }
      ]
    },
    {
      op: 'create',
      type: 'aws:cloudfront:Distribution',
      name: 'cdn',
      urn: urn('aws:cloudfront:Distribution', 'cdn'),
      changes: []
    },
    {
      op: 'create',
      type: 'aws:acm:Certificate',
      name: 'cdn-cert',
      urn: urn('aws:acm:Certificate', 'cdn-cert'),
      changes: []
    },
    {
      op: 'update',
      type: 'aws:s3:BucketPolicy',
      name: 'site-policy',
      urn: urn('aws:s3:BucketPolicy', 'site-policy'),
      changes: [
        {
          path: 'policy',
          kind: 'update',
          replaces: false,
          hidden: false,
          old: '{"Statement":[]}',
          new: '{"Statement":[{"Sid":"cdn"}]}'
        }
      ]
    }
  ],
  policyViolations: [],
  errors: [],
  failedResources: [],
  omitted: 0
}

const output = (name: string, lines: string[]) => ({
  name,
  lineCount: lines.length,
  head: lines,
  tail: [],
  omitted: 0
})

export const previewReport: DeploymentReport = {
  stack: STACK,
  operation: 'preview',
  status: 'succeeded',
  deploymentId: '2f1c4d7e-5b8a-4c3e-9f60-7a1d2e3b4c5d',
  version: 41,
  consoleUrl: `${CONSOLE}/deployments/41`,
  commit: '8f3e2d1c9b7a65432100fedcba9876543210abcd',
  commitUrl: 'https://github.com/acme/website/commit/8f3e2d1c9b7a65432100fedcba9876543210abcd',
  changes: CHANGES,
  changesFrom: 'pulumi-cloud',
  engine: ENGINE,
  updateUrl: `${CONSOLE}/previews/7d3e9a10-4b2c-4f8e-9a61-0c5b2d7e8f14`,
  updateIsPreview: true,
  queuedMs: 6_000,
  runningMs: 74_000,
  steps: [],
  output: output('pulumi preview', PREVIEW_OUTPUT),
  runUrl: RUN
}

const STEPS: Array<[string, number]> = [
  ['Setup', 2_000],
  ['Download deployment executor', 3_000],
  ['Get source', 2_000],
  ['Download dependencies', 9_000],
  ['Install dependencies', 14_000],
  ['pulumi update', 289_000]
]

export const updateReport: DeploymentReport = {
  stack: STACK,
  operation: 'update',
  status: 'succeeded',
  deploymentId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  version: 42,
  consoleUrl: `${CONSOLE}/deployments/42`,
  updateUrl: `${CONSOLE}/updates/118`,
  updateVersion: 118,
  commit: '5c1d0e7f3a2b4c6d8e9f0a1b2c3d4e5f60718293',
  commitUrl: 'https://github.com/acme/website/commit/5c1d0e7f3a2b4c6d8e9f0a1b2c3d4e5f60718293',
  changes: CHANGES,
  changesFrom: 'pulumi-cloud',
  engine: ENGINE,
  outputs: [
    { name: 'url', shown: '"https://www.acme.example"', secret: false },
    { name: 'distributionId', shown: '"E2QWRUHAPOMQZL"', secret: false },
    { name: 'originAccessKey', shown: '[secret]', secret: true }
  ],
  queuedMs: 4_000,
  runningMs: 319_000,
  steps: STEPS.map(([name, durationMs]) => ({ name, status: 'succeeded', durationMs })),
  output: output('pulumi update', UPDATE_OUTPUT),
  runUrl: RUN.replace('16180339887', '16180412345')
}

/** Markdown quoted line by line, as the README shows it: GitHub renders a quote's content like any other. */
export function quoted(markdown: string): string {
  return markdown
    .trimEnd()
    .split('\n')
    .map(line => (line === '' ? '>' : `> ${line}`))
    .join('\n')
}

export function exampleComment(): string {
  return quoted(buildCommentBody(previewReport))
}

export function exampleSummary(): string {
  return quoted(buildSummary(updateReport))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${exampleComment()}\n\n----\n\n${exampleSummary()}\n`)
}
