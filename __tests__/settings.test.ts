import { InputError } from '../src/config/inputs.js'
import { parseSettings, suggestKey } from '../src/config/settings.js'

function settingsError(text: string): InputError {
  try {
    parseSettings(text)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error(`expected the settings to be rejected:\n${text}`)
}

describe('parseSettings accepts', () => {
  test('nothing, as no settings', () => {
    expect(parseSettings('')).toBeUndefined()
    expect(parseSettings('  \n  ')).toBeUndefined()
    expect(parseSettings('# sourceContext: {}\n')).toBeUndefined()
  })

  test('a full YAML mapping of every top-level key', () => {
    const yaml = `
sourceContext:
  git:
    repoUrl: https://github.com/acme/app.git
    branch: refs/heads/main
    repoDir: infra
    gitAuth:
      accessToken:
        secret: ghp_token
operationContext:
  preRunCommands:
    - npm ci
  environmentVariables:
    AWS_REGION: us-west-2
    PULUMI_CONFIG_PASSPHRASE:
      secret: correct horse
  options:
    skipInstallDependencies: true
    shell: /bin/bash
  oidc:
    aws:
      roleArn: arn:aws:iam::123456789012:role/deploy
      sessionName: gha
executorContext:
  executorImage: pulumi/pulumi:latest
gitHub:
  repository: acme/app
  deployCommits: false
  paths: [infra/**]
cacheOptions:
  enable: true
agentPoolID: pool-1
`
    expect(parseSettings(yaml)).toEqual({
      sourceContext: {
        git: {
          repoUrl: 'https://github.com/acme/app.git',
          branch: 'refs/heads/main',
          repoDir: 'infra',
          gitAuth: { accessToken: { secret: 'ghp_token' } }
        }
      },
      operationContext: {
        preRunCommands: ['npm ci'],
        environmentVariables: {
          AWS_REGION: 'us-west-2',
          PULUMI_CONFIG_PASSPHRASE: { secret: 'correct horse' }
        },
        options: { skipInstallDependencies: true, shell: '/bin/bash' },
        oidc: { aws: { roleArn: 'arn:aws:iam::123456789012:role/deploy', sessionName: 'gha' } }
      },
      executorContext: { executorImage: 'pulumi/pulumi:latest' },
      gitHub: { repository: 'acme/app', deployCommits: false, paths: ['infra/**'] },
      cacheOptions: { enable: true },
      agentPoolID: 'pool-1'
    })
  })

  test('JSON, including an executor image with registry credentials', () => {
    const json = JSON.stringify({
      executorContext: {
        executorImage: {
          reference: 'registry.example.com/executor:1',
          credentials: { username: 'robot', password: { secret: 'pw' } }
        }
      }
    })
    expect(parseSettings(json)).toEqual(JSON.parse(json))
  })

  test('YAML 1.2 scalars: `on` and `no` are text, not booleans', () => {
    expect(
      parseSettings('operationContext:\n  environmentVariables:\n    FEATURE: on\n    COUNTRY: no')
    ).toEqual({
      operationContext: { environmentVariables: { FEATURE: 'on', COUNTRY: 'no' } }
    })
  })
})

describe('parseSettings rejects, naming where and what is expected', () => {
  test.each([
    ['a list', '- sourceContext: {}', /must be a mapping of deployment settings.*but it is a list/],
    ['a scalar', 'just text', /must be a mapping of deployment settings.*but it is a string/],
    ['a number', '42', /must be a mapping.*the number 42/],
    [
      'broken indentation',
      'gitHub:\n  repository: acme/app\n   paths: []',
      /not valid YAML or JSON at line 2, column 15: .*check the indentation/
    ],
    ['an unclosed JSON object', '{"gitHub": {"repository": "acme/app"}', /not valid YAML or JSON at line 1/],
    [
      'an unclosed quote',
      'agentPoolID: "pool',
      /not valid YAML or JSON at line 1, column \d+: a closing quote or bracket is missing/
    ],
    [
      'a duplicate key',
      'agentPoolID: a\nagentPoolID: b',
      /at line 2, column 1: a key is given twice in one mapping/
    ],
    [
      'two documents',
      'agentPoolID: a\n---\nagentPoolID: b',
      /at line 2, column 1: it holds more than one document/
    ],
    ['an alias to no anchor', 'agentPoolID: *nothing', /uses a YAML alias/],
    [
      'a misspelt top-level key',
      'sourceContex: {}',
      /unknown key `settings.sourceContex`: did you mean `sourceContext`\?/
    ],
    [
      'a spelling of repoUrl that no Pulumi page uses',
      'sourceContext:\n  git:\n    RepoUrl: x',
      /`settings.sourceContext.git.RepoUrl`: did you mean `repoUrl`\?/
    ],
    ['a snake_case key', 'agent_pool_id: x', /did you mean `agentPoolID`\?/],
    [
      'a singular environmentVariable',
      'operationContext:\n  environmentVariable: {}',
      /`settings.operationContext.environmentVariable`: did you mean `environmentVariables`\?/
    ],
    ['swapped letters', 'sourceContext:\n  gti: {}', /`settings.sourceContext.gti`: did you mean `git`\?/],
    [
      'an unknown key with no near match',
      'colour: red',
      /unknown key `settings.colour`: the keys allowed at the top level are `sourceContext`, `operationContext`/
    ],
    [
      'a nested unknown key',
      'operationContext:\n  options:\n    verbose: true',
      /`settings.operationContext.options.verbose`: the keys allowed in `settings.operationContext.options` are/
    ],
    ['tag, which is not a per-deployment setting', 'tag: v1', /unknown key `settings.tag`/],
    [
      'the operation inside operationContext',
      'operationContext:\n  operation: update',
      /cannot set `settings.operationContext.operation`: the operation is the action's `operation` input/
    ],
    [
      'the operation at the top level',
      'operation: preview',
      /cannot set `settings.operation`: the operation is the action's `operation` input/
    ],
    [
      'inheritSettings',
      'inheritSettings: false',
      /cannot set `settings.inheritSettings`: use the action's `inherit-settings` input/
    ],
    [
      'a number as an environment variable',
      'operationContext:\n  environmentVariables:\n    PORT: 8080',
      /`settings.operationContext.environmentVariables.PORT` must be a string or a secret written as `\{secret: ...\}`, but it is the number 8080; quote it/
    ],
    [
      'an empty environment variable',
      'operationContext:\n  environmentVariables:\n    FOO:',
      /`settings.operationContext.environmentVariables.FOO` must be a string or a secret.*but it is empty/
    ],
    [
      'a misspelt secret',
      'operationContext:\n  environmentVariables:\n    TOKEN: {secrt: x}',
      /unknown key `settings.operationContext.environmentVariables.TOKEN.secrt`: did you mean `secret`\?/
    ],
    [
      'an odd variable name in the path',
      'operationContext:\n  environmentVariables:\n    MY-VAR: [x]',
      /`settings.operationContext.environmentVariables\["MY-VAR"\]` must be a string or a secret/
    ],
    [
      'environmentVariables left empty',
      'operationContext:\n  environmentVariables:',
      /`settings.operationContext.environmentVariables` must be a mapping, but it is empty/
    ],
    [
      'environmentVariables as a list',
      'operationContext:\n  environmentVariables:\n    - A=b',
      /`settings.operationContext.environmentVariables` must be a mapping, but it is a list/
    ],
    [
      'a plain git token',
      'sourceContext:\n  git:\n    gitAuth:\n      accessToken: ghp_plain',
      /`settings.sourceContext.git.gitAuth.accessToken` must be a secret written as `\{secret: ...\}`, but it is a string/
    ],
    [
      'a plain registry password',
      'executorContext:\n  executorImage:\n    reference: r\n    credentials: {username: u, password: p}',
      /`settings.executorContext.executorImage.credentials.password` must be a secret/
    ],
    [
      'an image mapping without reference',
      'executorContext:\n  executorImage: {credentials: {username: u}}',
      /`settings.executorContext.executorImage` is missing its required key `reference`/
    ],
    [
      'an empty image name',
      'executorContext:\n  executorImage: ""',
      /`settings.executorContext.executorImage` must not be empty/
    ],
    [
      'an image as a number',
      'executorContext:\n  executorImage: 3',
      /must be a non-empty string or a mapping with `reference` and optional `credentials`/
    ],
    [
      'yes for a boolean',
      'operationContext:\n  options:\n    skipInstallDependencies: yes',
      /`settings.operationContext.options.skipInstallDependencies` must be true or false, but it is a string; YAML 1.2 reads yes/
    ],
    [
      'a quoted boolean',
      'cacheOptions:\n  enable: "true"',
      /`settings.cacheOptions.enable` must be true or false, but it is a string\./
    ],
    [
      'a command that is not text',
      'operationContext:\n  preRunCommands: [npm ci, 3]',
      /`settings.operationContext.preRunCommands\[1\]` must be a string, but it is the number 3/
    ],
    [
      'preRunCommands as one string',
      'operationContext:\n  preRunCommands: npm ci',
      /`settings.operationContext.preRunCommands` must be a list, but it is a string/
    ],
    [
      'a fractional pull request number',
      'gitHub:\n  deployPullRequest: 1.5',
      /`settings.gitHub.deployPullRequest` must be a whole number/
    ],
    [
      'a number as agentPoolID',
      'agentPoolID: 12',
      /`settings.agentPoolID` must be a string, but it is the number 12; quote it/
    ],
    [
      'both branch and commit',
      'sourceContext:\n  git: {branch: main, commit: abc1234}',
      /sets both `settings.sourceContext.git.branch` and `settings.sourceContext.git.commit`, which are mutually exclusive/
    ],
    [
      'a variable Pulumi Deployments reserves',
      'operationContext:\n  environmentVariables:\n    PULUMI_ACCESS_TOKEN: {secret: x}',
      /sets `settings.operationContext.environmentVariables.PULUMI_ACCESS_TOKEN`, which Pulumi Deployments sets itself/
    ],
    [
      'two sources',
      'sourceContext:\n  git: {repoUrl: x}\n  template: {sourceUrl: y}',
      /more than one source.*`git` and `template`/
    ],
    ['an anchor and its alias', 'a: &v {repoUrl: x}\nsourceContext:\n  git: *v', /uses a YAML anchor/],
    ['an explicit tag', 'sourceContext:\n  git:\n    repoUrl: !!str x', /uses a YAML tag/],
    ['a merge key', 'sourceContext:\n  git:\n    <<: {repoUrl: x}', /uses a YAML merge key/],
    ['a nested __proto__ key', 'operationContext:\n  __proto__: {x: 1}', /key named `__proto__`/],
    ['a nested constructor key', '{"sourceContext": {"git": {"constructor": 1}}}', /key named `constructor`/],
    ['a key that is a list', 'sourceContext:\n  ? [a]\n  : x', /key that is not plain text/]
  ])('%s', (_case, text, expected) => {
    const error = settingsError(text)
    expect(error.input).toBe('settings')
    expect(error.message).toMatch(/^The `settings` input /)
    expect(error.message).toMatch(expected)
    expect(error.message).toMatch(/[.?]$/)
    expect(error.message).not.toContain('\n')
  })

  test.each([
    ['an alias', 'operationContext:\n  environmentVariables:\n    DB: *hunter2-secret-value'],
    ['a block scalar header', 'operationContext:\n  environmentVariables:\n    DB: |hunter2-secret-value'],
    [
      'a reserved first character',
      'operationContext:\n  environmentVariables:\n    DB: @hunter2-secret-value'
    ]
  ])('never quotes the parser about the text: %s', (_case, text) => {
    const error = settingsError(text)
    expect(error.message).not.toContain('hunter2')
  })

  test('never repeats a string value, which may be a secret put in the wrong place', () => {
    const error = settingsError(
      'sourceContext:\n  git:\n    gitAuth:\n      accessToken: ghp_SuperSecretValue'
    )
    expect(error.message).not.toContain('ghp_SuperSecretValue')
  })
})

describe('suggestKey', () => {
  const keys = ['sourceContext', 'operationContext', 'agentPoolID']
  test.each([
    ['SOURCECONTEXT', 'sourceContext'],
    ['source_context', 'sourceContext'],
    ['sorceContext', 'sourceContext'],
    ['operationContxt', 'operationContext'],
    ['agentPoolId', 'agentPoolID'],
    ['unrelated', undefined],
    ['x', undefined]
  ])('%s → %s', (key, expected) => {
    expect(suggestKey(key, keys)).toBe(expected)
  })
})

describe('what the service accepts besides the schema’s spelling', () => {
  test('`repoURL`, as Pulumi’s REST examples write it, is read as `repoUrl`', () => {
    expect(
      parseSettings(
        'sourceContext:\n  git:\n    repoURL: https://github.com/acme/app.git\n    repoDir: infra'
      )
    ).toEqual({
      sourceContext: { git: { repoUrl: 'https://github.com/acme/app.git', repoDir: 'infra' } }
    })
    expect(
      settingsError(
        'sourceContext:\n  git:\n    repoURL: https://a.example/x.git\n    repoUrl: https://a.example/x.git'
      ).message
    ).toMatch(/sets both `settings.sourceContext.git.repoURL` and `settings.sourceContext.git.repoUrl`/)
  })

  test('`agentPoolID: null` is the shared pool, and is sent as given', () => {
    expect(parseSettings('{"agentPoolID": null, "operationContext": {"preRunCommands": ["make"]}}')).toEqual({
      agentPoolID: null,
      operationContext: { preRunCommands: ['make'] }
    })
    expect(settingsError('agentPoolID: 7').message).toMatch(/`settings.agentPoolID` must be a string/)
  })

  test('typos still get "did you mean"', () => {
    expect(settingsError('sourceContext:\n  git:\n    repoUlr: https://a.example/x.git').message).toMatch(
      /unknown key `settings.sourceContext.git.repoUlr`: did you mean `repoUrl`\?/
    )
    expect(settingsError('agentPoolId: null').message).toMatch(/did you mean `agentPoolID`\?/)
  })
})
