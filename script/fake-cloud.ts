// `npm run fake-cloud -- [SCENARIO]`: the fake Pulumi Cloud and the fake GitHub API, standalone, playing one named
// scenario, with the exact `npm run local` command line to run against them. `--list` shows the scenarios.
import { parseArgs } from 'node:util'
import { SCENARIOS, scenarioNamed, PULL_REQUEST, REPOSITORY } from './fake-cloud/scenarios.js'
import { commandLine, serveScenario } from './fake-cloud/serve.js'
import { renderMarkdown } from '../demo/markdown-terminal.js'

const usage = [
  'Usage: npm run fake-cloud -- [SCENARIO] [--port N] [--github-port N] [--host 127.0.0.1]',
  '       npm run fake-cloud -- --list',
  '',
  `Scenarios: ${SCENARIOS.map(s => s.name).join(', ')} (default: succeeds).`
].join('\n')

function listing(): string {
  const width = Math.max(...SCENARIOS.map(s => s.name.length))
  return SCENARIOS.map(s => `  ${s.name.padEnd(width)}  ${s.operation.padEnd(12)}  ${s.shows}`).join('\n')
}

function port(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`--${name} must be a port (0–65535), got "${value}".`)
  return n
}

let values: { list?: boolean; help?: boolean; port?: string; 'github-port'?: string; host?: string }
let positionals: string[]
try {
  ;({ values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      port: { type: 'string' },
      'github-port': { type: 'string' },
      host: { type: 'string' }
    }
  }))
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}\n`)
  process.exit(2)
}
if (values.help) {
  process.stdout.write(`${usage}\n\n${listing()}\n`)
  process.exit(0)
}
if (values.list) {
  process.stdout.write(`${listing()}\n`)
  process.exit(0)
}
const name = positionals[0] ?? 'succeeds'
const named = scenarioNamed(name)
if (!named || positionals.length > 1) {
  process.stderr.write(`There is no scenario "${positionals.join(' ')}". The scenarios:\n${listing()}\n`)
  process.exit(2)
}

const say = (text: string): void => void process.stdout.write(text)
let served: Awaited<ReturnType<typeof serveScenario>>
try {
  served = await serveScenario(named, {
    host: values.host,
    cloudPort: port('port', values.port),
    githubPort: port('github-port', values['github-port']),
    say
  })
} catch (error) {
  process.stderr.write(`The fakes could not start: ${(error as Error).message}\n`)
  process.exit(1)
}
const { cloud, github, commands } = served
say(`Scenario "${named.name}": ${named.shows}.\n`)
if (named.note) say(`${named.note}\n`)
say(`\nFake Pulumi Cloud: ${cloud.url} (token ${cloud.token})\n`)
say(
  `Fake GitHub API:   ${github.url} (token ${github.token}; pull request #${PULL_REQUEST} of ${REPOSITORY})\n`
)
say(`\nIn another terminal, in this folder, run${commands.length > 1 ? ' each of' : ''}:\n\n`)
for (const command of commands) say(`${commandLine(command)}\n\n`)
say(
  `It ${named.exitCode === 0 ? 'succeeds' : 'fails'} (exit code ${named.exitCode}). ` +
    `The pull-request comment it writes is printed here. Ctrl+C stops the fakes.\n`
)

// What a reviewer of the pull request sees, each time the action writes its comment: the heading while the
// deployment runs, the whole comment once it has ended.
let seen = 0
const [owner = '', repo = ''] = REPOSITORY.split('/')
const watch = setInterval(() => {
  const writes = github.requests.filter(r => (r.method === 'POST' || r.method === 'PATCH') && r.status < 300)
  for (const write of writes.slice(seen)) {
    const comments = github.comments(owner, repo, PULL_REQUEST)
    const body =
      comments.find(c => write.path.endsWith(`/comments/${c.id}`))?.body ?? comments.at(-1)?.body ?? ''
    const heading = (body.split('\n').find(line => line.startsWith('### ')) ?? '').slice(4)
    const verb = write.method === 'POST' ? 'written' : 'edited'
    if (/ (is queued|is starting|is running)/.test(heading))
      say(`\nComment ${verb} on #${PULL_REQUEST}: ${heading}\n`)
    else
      say(
        `\nComment ${verb} on #${PULL_REQUEST}, as a reviewer reads it:\n${renderMarkdown(body, { margin: '│ ' })}`
      )
  }
  seen = writes.length
}, 250)

const stop = (): void => {
  clearInterval(watch)
  void served.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
