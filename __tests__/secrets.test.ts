import type { DeploymentSettings } from '../src/pulumi/types.js'
import {
  MIN_SECRET_LENGTH,
  collectSecrets,
  looksSecretName,
  plainSecretLookingVariables
} from '../src/config/secrets.js'
import { Redactor } from '../src/config/redactor.js'

describe('looksSecretName', () => {
  test.each([
    'PULUMI_ACCESS_TOKEN',
    'GITHUB_TOKEN',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'ARM_CLIENT_SECRET',
    'DB_PASSWORD',
    'DB_PASS',
    'MYSQL_PASSWD',
    'PULUMI_CONFIG_PASSPHRASE',
    'GOOGLE_CREDENTIALS',
    'DOCKER_CREDS',
    'API_KEY',
    'STRIPE_KEY',
    'SSH_PRIVATE_KEY',
    'NPM_AUTH',
    'GH_PAT',
    'AZURE_STORAGE_SAS',
    'AZURE_STORAGE_CONNECTION_STRING',
    'apiKey',
    'clientSecret',
    'x-api-key',
    'NPMTOKEN',
    'DBPASSWORD',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
  ])('%s looks secret', name => {
    expect(looksSecretName(name)).toBe(true)
  })

  test.each([
    'KEYBOARD_LAYOUT',
    'MONKEY',
    'PATH',
    'PWD',
    'HOME',
    'AWS_REGION',
    'AWS_ACCESS_KEY_ID',
    'ARM_CLIENT_ID',
    'TOKEN_URL',
    'SECRET_NAME',
    'GOOGLE_CREDENTIALS_FILE',
    'AZURE_KEY_VAULT_NAME',
    'SSH_AUTH_SOCK',
    'SSH_PUBLIC_KEY',
    'AUTH_TYPE',
    'PASSWORD_FILE',
    'BYPASS',
    'PATTERN',
    'TOKENIZER_MODEL',
    ''
  ])('%j does not look secret', name => {
    expect(looksSecretName(name)).toBe(false)
  })
})

describe('collectSecrets', () => {
  const settings: DeploymentSettings = {
    sourceContext: {
      git: {
        repoUrl: 'https://github.com/acme/app.git',
        gitAuth: {
          accessToken: { secret: 'git-access-token' },
          sshAuth: { sshPrivateKey: { secret: 'ssh-private-key' }, password: { secret: 'ssh-key-password' } },
          basicAuth: { userName: { secret: 'basic-user' }, password: { secret: 'basic-password' } }
        }
      }
    },
    operationContext: {
      environmentVariables: {
        AWS_REGION: 'us-west-2',
        DB_PASSWORD: 'plain-db-password',
        SERVICE_URL: { secret: 'secret-service-url' }
      }
    },
    executorContext: {
      executorImage: {
        reference: 'registry.example.com/executor',
        credentials: { username: 'robot', password: { secret: 'registry-password' } }
      }
    }
  }

  test('finds every secret value in the settings, the tokens, and secret-named variables', () => {
    const secrets = collectSecrets(
      settings,
      { AWS_SECRET_ACCESS_KEY: 'aws-secret-from-env', HOME: '/home/runner' },
      ['pul-token', 'ghs_github']
    )
    expect(new Set(secrets)).toEqual(
      new Set([
        'pul-token',
        'ghs_github',
        'git-access-token',
        'ssh-private-key',
        'ssh-key-password',
        'basic-user',
        'basic-password',
        'secret-service-url',
        'registry-password',
        'plain-db-password',
        'aws-secret-from-env'
      ])
    )
  })

  test('leaves the values of runner variables and non-secret names alone, but not a GITHUB_TOKEN the user set', () => {
    const env = {
      GITHUB_EVENT_PATH: '/home/runner/work/_temp/event.json',
      RUNNER_TEMP: '/home/runner/work/_temp',
      'INPUT_PULUMI-ACCESS-TOKEN': 'input-token-raw',
      INPUT_SECRET_THING: 'input-secret-raw',
      AWS_REGION: 'us-west-2',
      GITHUB_TOKEN: 'ghs_user_set_token'
    }
    expect(collectSecrets(undefined, env, [])).toEqual(['ghs_user_set_token'])
  })

  test('drops empty, short and obviously non-secret values, and duplicates', () => {
    const short = 'x'.repeat(MIN_SECRET_LENGTH - 1)
    const env = { A_TOKEN: short, B_TOKEN: 'true', C_TOKEN: 'same-value', D_SECRET: '' }
    expect(collectSecrets(undefined, env, ['same-value', ''])).toEqual(['same-value'])
  })

  test('adds each line of a multi-line secret, because logs arrive line by line', () => {
    const key = '-----BEGIN KEY-----\nAAAAB3NzaC1yc2E\r\nQ8dfk29sd0\n-----END KEY-----'
    const secrets = collectSecrets(undefined, { DEPLOY_PRIVATE_KEY: key }, [])
    expect(secrets).toEqual(
      expect.arrayContaining([key, 'AAAAB3NzaC1yc2E', 'Q8dfk29sd0', '-----BEGIN KEY-----'])
    )
  })

  test('lists plain environment variables whose names look secret, for a warning', () => {
    expect(plainSecretLookingVariables(settings)).toEqual(['DB_PASSWORD'])
    expect(plainSecretLookingVariables(undefined)).toEqual([])
  })
})

describe('Redactor', () => {
  test('replaces every occurrence of every secret', () => {
    const redactor = new Redactor(['hunter22', 'pul-abcdef'])
    expect(redactor.redact('token pul-abcdef and hunter22, again pul-abcdef')).toBe(
      'token *** and ***, again ***'
    )
  })

  test('masks a secret whole when another secret is part of it', () => {
    const redactor = new Redactor(['abcd', 'abcdefgh'])
    expect(redactor.redact('x abcdefgh y abcd')).toBe('x *** y ***')
  })

  test('treats characters special to regular expressions literally', () => {
    const redactor = new Redactor(['a.b*c+(d)?[e]$^|\\'])
    expect(redactor.redact('before a.b*c+(d)?[e]$^|\\ after')).toBe('before *** after')
    expect(redactor.redact('aXbbbc+d')).toBe('aXbbbc+d')
  })

  test('also masks a secret as it is written inside JSON and in a URL', () => {
    const redactor = new Redactor(['p@ss"word/1'])
    expect(redactor.redact('{"password":"p@ss\\"word/1"}')).toBe('{"password":"***"}')
    expect(redactor.redact('https://u:p%40ss%22word%2F1@host')).toBe('https://u:***@host')
  })

  test('with no secrets, returns the text unchanged', () => {
    const redactor = new Redactor(['', ''])
    expect(redactor.secrets).toEqual([])
    expect(redactor.redact('nothing to hide')).toBe('nothing to hide')
  })

  test('keeps the secrets it was given, deduplicated', () => {
    expect(new Redactor(['one-secret', 'one-secret', 'two-secret']).secrets).toEqual([
      'one-secret',
      'two-secret'
    ])
  })

  test('redacts consistently across many calls (the pattern keeps no state between lines)', () => {
    const redactor = new Redactor(['s3cr3t-value'])
    for (let i = 0; i < 3; i++) expect(redactor.redact('a s3cr3t-value b')).toBe('a *** b')
  })
})
