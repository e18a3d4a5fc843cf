// The demo's and the local runner's log viewer: what a user reads in the terminal must be what the Actions log page
// would show for the same output, so commands are interpreted, never printed, and remote text stays text.
import { describe, expect, test } from '@jest/globals'
import { LogViewer, stepHeader } from '../demo/log-viewer.js'
import type { LogEntry } from '../src/pulumi/types.js'
import { LogRenderer } from '../src/deployment/log-renderer.js'
import { textSink } from '../test/harness/log-sink.js'

function view(
  output: string,
  options: { debug?: boolean; color?: boolean } = {}
): {
  shown: string
  viewer: LogViewer
} {
  let shown = ''
  const viewer = new LogViewer({ write: text => (shown += text), ...options })
  viewer.push(output)
  viewer.end()
  return { shown, viewer }
}

describe('groups', () => {
  test('a group is a header with its lines indented under it, and the log continues unindented after it', () => {
    const { shown } = view(
      'Creating the deployment.\n::group::Get source\nCloning...\nHEAD is now at 3f2c1ab\n::endgroup::\nDone.\n'
    )
    expect(shown).toBe(
      'Creating the deployment.\n▾ Get source\n    Cloning...\n    HEAD is now at 3f2c1ab\nDone.\n'
    )
  })

  test('a new group ends the one before it, as the runner does not nest them', () => {
    const { shown } = view('::group::Setup\na\n::group::pulumi preview\nb\n::endgroup::\nc\n')
    expect(shown).toBe('▾ Setup\n    a\n▾ pulumi preview\n    b\nc\n')
  })
})

describe('annotations', () => {
  test('errors, warnings and notices are labelled lines and listed with their titles', () => {
    const { shown, viewer } = view(
      '::notice title=Pulumi Deployment::Deployment 3 was created\n' +
        '::warning::Deployments are paused for this stack\n' +
        '::error title=Deployment step failed%3A pulumi up::Step "pulumi up" failed. Its last lines:%0Aerror: boom\n'
    )
    expect(shown).toBe(
      'Notice: Deployment 3 was created\n' +
        'Warning: Deployments are paused for this stack\n' +
        'Error: Step "pulumi up" failed. Its last lines:\nerror: boom\n'
    )
    expect(viewer.annotations).toEqual([
      { level: 'notice', title: 'Pulumi Deployment', message: 'Deployment 3 was created' },
      { level: 'warning', message: 'Deployments are paused for this stack' },
      {
        level: 'error',
        title: 'Deployment step failed: pulumi up',
        message: 'Step "pulumi up" failed. Its last lines:\nerror: boom'
      }
    ])
  })

  test('an annotation inside a group is indented with the group, every line of it', () => {
    const { shown } = view('::group::Setup\n::warning::first%0Asecond\n::endgroup::\n')
    expect(shown).toBe('▾ Setup\n    Warning: first\n    second\n')
  })

  test('debug lines are hidden unless debug logging is on', () => {
    expect(view('::debug::Retrying GET\nvisible\n').shown).toBe('visible\n')
    expect(view('::debug::Retrying GET\n', { debug: true }).shown).toBe('Debug: Retrying GET\n')
  })
})

describe('what the runner hides', () => {
  test('masked values show as *** everywhere after the mask, and the mask line itself is not shown', () => {
    const { shown, viewer } = view(
      'before pul-secret-1\n::add-mask::pul-secret-1\n::group::uses pul-secret-1\nline pul-secret-1 x\n' +
        '::endgroup::\n::error::bad token pul-secret-1\n'
    )
    expect(shown).toBe('before pul-secret-1\n▾ uses ***\n    line *** x\nError: bad token ***\n')
    expect(viewer.annotations[0]?.message).toBe('bad token ***')
  })

  test('a multi-line secret is masked whole and line by line', () => {
    const { shown } = view('::add-mask::line-one%0Aline-two\nsaw line-two alone\n')
    expect(shown).toBe('saw *** alone\n')
  })

  test('inside a stop-commands fence, commands are printed as text and the fence lines are not shown', () => {
    const { shown, viewer } = view(
      '::stop-commands::tok123\n::error::from the remote log\n::group::not a group\n::tok123::\n::warning::real\n'
    )
    expect(shown).toBe('::error::from the remote log\n::group::not a group\nWarning: real\n')
    expect(viewer.annotations).toEqual([{ level: 'warning', message: 'real' }])
  })

  test('outputs and state written the old way are not shown; an unknown command is', () => {
    const { shown } = view('::set-output name=a::1\n::save-state name=b::2\n::frobnicate::x\n')
    expect(shown).toBe('::frobnicate::x\n')
  })
})

describe('reading a stream', () => {
  test('output split anywhere, even inside a command, shows the same as output read whole', () => {
    const output =
      '::add-mask::s3cr3t\n::group::Setup\nuses s3cr3t\n::endgroup::\n::notice::done\ntail without newline'
    const whole = view(output).shown
    for (const size of [1, 2, 5, 13]) {
      let shown = ''
      const viewer = new LogViewer({ write: text => (shown += text) })
      for (let i = 0; i < output.length; i += size) viewer.push(output.slice(i, i + size))
      viewer.end()
      expect(shown).toBe(whole)
    }
    expect(whole).toBe('▾ Setup\n    uses ***\nNotice: done\ntail without newline\n')
  })

  test('colour codes from the log are kept only when colour is on; Windows line ends are read as line ends', () => {
    const output = '::group::pulumi up\r\n\x1b[32m+ bucket created\x1b[0m\r\n'
    expect(view(output).shown).toBe('▾ pulumi up\n    + bucket created\n')
    expect(view(output, { color: true }).shown).toContain('\x1b[32m+ bucket created\x1b[0m')
  })
})

test("the action's own rendering of a remote log reads back as its steps, with remote commands left as text", () => {
  const entries: LogEntry[] = [
    { header: 'Setup', timestamp: '0001-01-01T00:00:00Z' },
    { line: 'Environment ready\n', timestamp: '2026-11-01T10:00:00.000Z' },
    { header: 'pulumi preview', timestamp: '0001-01-01T00:00:00Z' },
    { line: '::error::injected by the program\n', timestamp: '2026-11-01T10:00:01.000Z' },
    { line: '::endgroup::\n', timestamp: '2026-11-01T10:00:01.000Z' },
    { line: 'Resources:\n', timestamp: '2026-11-01T10:00:02.000Z' }
  ]
  let printed = ''
  const renderer = new LogRenderer({
    sink: textSink(chunk => (printed += chunk)),
    redact: s => s,
    operation: 'preview'
  })
  renderer.push(entries)
  renderer.close()

  const { shown, viewer } = view(printed)
  expect(shown).toBe(
    '▾ Setup\n    Environment ready\n▾ pulumi preview\n    : :error::injected by the program\n    : :endgroup::\n    Resources:\n'
  )
  expect(viewer.annotations).toEqual([])
})

test('the step header lists the inputs with secrets masked and empty ones left out', () => {
  expect(
    stepHeader('./', { stack: 'acme/web/dev', 'pulumi-access-token': 'pul-1', timeout: '' }, ['pul-1'], {
      AWS_REGION: 'eu-west-1'
    })
  ).toBe(
    'Run ./\n  with:\n    stack: acme/web/dev\n    pulumi-access-token: ***\n  env:\n    AWS_REGION: eu-west-1\n'
  )
})
