// Starts the fake Pulumi Cloud and the fake GitHub API with one named scenario, and says the exact `npm run local`
// command lines to run against them, pull-request comment included.
import { startFakeCloud, type FakeCloud } from '../../test/fake-cloud/index.js'
import { startFakeGitHub, type FakeGitHub } from '../../test/fake-github/index.js'
import { PULL_REQUEST, REPOSITORY, STACK, type NamedScenario, type Timing } from './scenarios.js'

export interface ServeOptions {
  host?: string
  cloudPort?: number
  githubPort?: number
  timing?: Partial<Timing>
  say?: (text: string) => void
}

/** One `npm run local` run: its environment and its arguments after `--`. */
export interface LocalCommand {
  env: Record<string, string>
  args: string[]
}

export interface Served {
  cloud: FakeCloud
  github: FakeGitHub
  commands: LocalCommand[]
  close(): Promise<void>
}

export const DEFAULT_TIMING: Timing = { stepMs: 1_500, resumeAfterMs: 15_000 }

const SETTINGS = {
  sourceContext: {
    git: { repoUrl: `https://github.com/${REPOSITORY}.git`, branch: 'refs/heads/main', repoDir: 'infra' }
  },
  operationContext: { environmentVariables: { AWS_REGION: 'eu-west-1' } }
}

export async function serveScenario(named: NamedScenario, o: ServeOptions = {}): Promise<Served> {
  const timing = { ...DEFAULT_TIMING, ...o.timing }
  const host = o.host ?? '127.0.0.1'
  // Links as a real run shows them: the fake serves the API only.
  const cloud = await startFakeCloud({ host, port: o.cloudPort ?? 0, consoleUrl: 'https://app.pulumi.com' })
  const github = await startFakeGitHub({ port: o.githubPort, host })
  const [owner = '', repo = ''] = REPOSITORY.split('/')
  github.addPullRequest(owner, repo, PULL_REQUEST, { headSha: 'f'.repeat(40), headRef: 'cdn' })
  const stacks = named.stacks ?? [STACK]
  for (const stack of stacks)
    cloud.addStack(stack, { settings: SETTINGS, scenario: named.scenario(stack, timing) })
  const stopDriving = named.drive?.(cloud, timing, o.say ?? (() => undefined))
  const commands = stacks.map(stack => ({
    env: { PULUMI_ACCESS_TOKEN: cloud.token, GITHUB_TOKEN: github.token, GITHUB_API_URL: github.url },
    args: [
      '--stack',
      stack,
      '--operation',
      named.operation,
      '--cloud-url',
      cloud.url,
      '--repository',
      REPOSITORY,
      '--comment-on-pr-number',
      String(PULL_REQUEST),
      ...(named.args ?? [])
    ]
  }))
  return {
    cloud,
    github,
    commands,
    close: async () => {
      stopDriving?.()
      await Promise.all([cloud.close(), github.close()])
    }
  }
}

/** The command as a shell takes it: `VAR=value ... npm run local -- --name value ...`. */
export function commandLine(command: LocalCommand): string {
  const env = Object.entries(command.env).map(([name, value]) => `${name}=${shellWord(value)}`)
  return [...env, 'npm', 'run', 'local', '--', ...command.args.map(shellWord)].join(' ')
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}
