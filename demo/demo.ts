// The whole product on an embedded default: a fake Pulumi Cloud and a fake GitHub API on 127.0.0.1, and the built
// action run as a runner runs it for a pull-request preview and then for the push that merges it.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import {
  previewScenario,
  startFakeCloud,
  updateScenario,
  type FakeCloud,
  type ScenarioFactory
} from '../test/fake-cloud/index.js'
import { startFakeGitHub, type FakeGitHub } from '../test/fake-github/index.js'
import {
  actionInputs,
  createRunnerFiles,
  DIST,
  ROOT,
  startActionProcess,
  type ActionOutcome
} from './action-process.js'
import { ACTION_REF } from './action-ref.js'
import { writePageBeside } from './html-page.js'
import { LogViewer, stepHeader } from './log-viewer.js'
import { renderMarkdown } from './markdown-terminal.js'

export { ACTION_REF }

const REPOSITORY = 'acme/website'
const STACK = 'acme/website/production'
const PR = {
  number: 42,
  title: 'Put a CDN in front of the website',
  head: '8f3e2d1c9b7a65432100fedcba9876543210abcd'
}
const MERGE_SHA = '5c1d0e7f3a2b4c6d8e9f0a1b2c3d4e5f60718293'
/** A second pull request, whose program fails in the preview. */
const BROKEN_PR = {
  number: 43,
  title: 'Tighten the bucket policy',
  head: '3b9a7c5e1d2f4a6b8c0d9e8f7a6b5c4d3e2f1a0b'
}

export interface DemoOptions {
  write: (text: string) => void
  /** Where the summaries and comments go, a folder per job, each replaced on every run. */
  outDir: string
  color?: boolean
  /** Each deployment step's duration on the fake. */
  stepMs?: number
  pollInterval?: string
}

export interface DemoJob {
  name: string
  result: ActionOutcome
  files: string[]
}

export async function runDemo(options: DemoOptions): Promise<DemoJob[]> {
  if (!existsSync(DIST)) {
    throw new Error(`The built action ${relative(ROOT, DIST)} does not exist: run \`npm run build\` first.`)
  }
  const stepMs = options.stepMs ?? 700
  // Links as a real run shows them; the fake serves the API only, so they lead to Pulumi Cloud's own pages.
  const cloud = await startFakeCloud({ consoleUrl: 'https://app.pulumi.com' })
  const github = await startFakeGitHub()
  try {
    cloud.addStack(STACK, {
      settings: {
        sourceContext: {
          git: {
            repoUrl: `https://github.com/${REPOSITORY}.git`,
            branch: 'refs/heads/main',
            repoDir: 'infra'
          }
        },
        operationContext: { environmentVariables: { AWS_REGION: 'eu-west-1' } }
      },
      scenario: websiteChanges(stepMs)
    })
    const [owner = '', repo = ''] = REPOSITORY.split('/')
    github.addPullRequest(owner, repo, PR.number, { headSha: PR.head, headRef: 'cdn' })
    github.addPullRequest(owner, repo, BROKEN_PR.number, { headSha: BROKEN_PR.head, headRef: 'policy' })

    const previewEvent = pullRequestEvent(PR)
    const preview = {
      event: previewEvent,
      job: await runJob(options, cloud, github, {
        name: 'pr-preview',
        title: `Pull request #${PR.number} "${PR.title}" → workflow "Preview" → job "preview"`,
        operation: 'preview',
        event: previewEvent,
        sha: PR.head,
        pr: PR.number
      })
    }
    const update = await runJob(options, cloud, github, {
      name: 'push-update',
      title: `Push of the merged pull request to main → workflow "Deploy" → job "update"`,
      operation: 'update',
      event: { name: 'push', payload: { ref: 'refs/heads/main', after: MERGE_SHA } },
      sha: MERGE_SHA
    })
    // The pull request is previewed again once main carries its change: its comment is edited to say so.
    cloud.queueScenario(STACK, previewScenario({ sames: 16, stepMs, stack: STACK }))
    const again = await runJob(options, cloud, github, {
      name: 'pr-preview-again',
      title: `Pull request #${PR.number} previewed again after the update → workflow "Preview" → job "preview"`,
      operation: 'preview',
      event: preview.event,
      sha: PR.head,
      pr: PR.number
    })
    // Another pull request breaks the program: the preview fails, and its comment and summary say where and why.
    cloud.queueScenario(
      STACK,
      previewScenario({ updates: 1, sames: 15, stepMs, stack: STACK, result: 'failed' })
    )
    const failing = await runJob(options, cloud, github, {
      name: 'pr-preview-failing',
      title: `Pull request #${BROKEN_PR.number} "${BROKEN_PR.title}" → workflow "Preview" → job "preview"`,
      operation: 'preview',
      event: pullRequestEvent(BROKEN_PR),
      sha: BROKEN_PR.head,
      pr: BROKEN_PR.number
    })
    return [preview.job, update, again, failing]
  } finally {
    await github.close()
    await cloud.close()
  }
}

function pullRequestEvent(pr: { number: number; title: string; head: string }): {
  name: string
  payload: object
} {
  return {
    name: 'pull_request',
    payload: {
      number: pr.number,
      pull_request: {
        number: pr.number,
        title: pr.title,
        head: { sha: pr.head, repo: { full_name: REPOSITORY } }
      }
    }
  }
}

/** A pull request that adds a CDN: two resources to create, one to update, one to replace, two to delete. */
function websiteChanges(stepMs: number): ScenarioFactory {
  const outputs = { url: 'https://www.acme.example', cdnDomain: 'd111111abcdef8.cloudfront.net' }
  const changes = { creates: 2, updates: 1, replaces: 1, deletes: 2, sames: 9, stepMs, stack: STACK, outputs }
  return ({ operation }) => (operation === 'preview' ? previewScenario(changes) : updateScenario(changes))
}

interface JobSpec {
  name: string
  title: string
  operation: 'preview' | 'update'
  event: { name: string; payload: object }
  sha: string
  /** The pull request the job comments on, for a pull-request event. */
  pr?: number
}

async function runJob(
  options: DemoOptions,
  cloud: FakeCloud,
  github: FakeGitHub,
  job: JobSpec
): Promise<DemoJob> {
  const { write } = options
  const given: Record<string, string> = {
    stack: STACK,
    operation: job.operation,
    'pulumi-access-token': cloud.token,
    'cloud-url': cloud.url,
    'poll-interval': options.pollInterval ?? '500ms'
  }
  write(`\n${rule(job.title, options.color)}\n\n`)
  write(`${subRule('What the author sees: the workflow log, as the Actions page shows it', options.color)}\n`)
  write(stepHeader(ACTION_REF, withDefaults(given, github.token), [cloud.token, github.token]))

  const viewer = new LogViewer({ write, color: options.color })
  const run = startActionProcess({
    files: createRunnerFiles('pulumi-deployments-demo-'),
    inputs: withDefaults(given, github.token),
    // Nothing of the terminal's environment: the demo runs the same everywhere.
    baseEnv: { PATH: process.env.PATH ?? '' },
    event: job.event,
    github: { repository: REPOSITORY, sha: job.sha, apiUrl: github.url, runId: '16180339887' },
    onOutput: chunk => viewer.push(chunk)
  })
  const result = await run.ended
  viewer.end()

  const dir = join(options.outDir, job.name)
  // Only this job's folder is replaced: the directory may hold other things.
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const files: string[] = []
  const save = (file: string, markdown: string, caption: string): void => {
    const path = join(dir, file)
    writeFileSync(path, markdown)
    files.push(path, writePageBeside(path, markdown, caption))
  }
  save(
    'job-summary.md',
    result.summary,
    `Job summary of "${job.title}", as GitHub shows it on the run's page.`
  )
  const [owner = '', repo = ''] = REPOSITORY.split('/')
  const comment = job.pr === undefined ? undefined : github.comments(owner, repo, job.pr).at(-1)
  if (comment) {
    save('pr-comment.md', comment.body, `The comment on pull request #${job.pr}, as reviewers see it.`)
  }

  write(`\n${result.code === 0 ? 'The step succeeded.' : `The step failed (exit code ${result.code}).`}\n`)
  if (viewer.annotations.length > 0) {
    write('Annotations on the run page:\n')
    for (const a of viewer.annotations) write(`  ${a.level}${a.title ? ` (${a.title})` : ''}: ${a.message}\n`)
  }
  write('Step outputs:\n')
  for (const [name, value] of Object.entries(result.outputs)) write(`  ${name} = ${value}\n`)
  if (comment) {
    write(`\n${subRule(`What a reviewer reads: the comment on pull request #${job.pr}`, options.color)}\n`)
    write(renderMarkdown(comment.body, { color: options.color, margin: '│ ' }))
  }
  write(`\n${subRule("What the run's page shows: the job summary", options.color)}\n`)
  write(renderMarkdown(result.summary, { color: options.color, margin: '│ ' }))
  write('\nRendered as GitHub does, in a browser:\n')
  for (const file of files) write(`  ${relative(process.cwd(), file) || file}\n`)
  return { name: job.name, result, files }
}

/** What the runner passes: each input given, else its default. */
function withDefaults(given: Record<string, string>, githubToken: string): Record<string, string> {
  const all: Record<string, string> = {}
  for (const spec of actionInputs()) {
    all[spec.name] =
      given[spec.name] ?? (spec.default ?? '').replace(/\$\{\{\s*github\.token\s*\}\}/, githubToken)
  }
  return all
}

function subRule(title: string, color = false): string {
  const line = `── ${title} ──`
  return color ? `\x1b[2m${line}\x1b[0m` : line
}

function rule(title: string, color = false): string {
  const line = `━━ ${title} ━━`
  return color ? `\x1b[1m${line}\x1b[0m` : line
}
