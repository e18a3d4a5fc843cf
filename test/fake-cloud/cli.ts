// Starts the fake Pulumi Cloud on its own, with a demo stack, for trying the action offline:
//   npx tsx test/fake-cloud/cli.ts --port 8080 [--host 127.0.0.1] [--token T] [--stack org/project/stack]
import { parseArgs } from 'node:util'
import { startFakeCloud } from './index.js'

const usage =
  'Usage: npx tsx test/fake-cloud/cli.ts [--port 8080] [--host 127.0.0.1] [--token TOKEN] [--stack org/project/stack]'

function options(): { port: number; host: string; token?: string; stack: string } {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        token: { type: 'string' },
        stack: { type: 'string', default: 'demo-org/demo-project/dev' },
        help: { type: 'boolean', default: false }
      }
    })
    if (values.help) {
      console.log(usage)
      process.exit(0)
    }
    const port = Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port must be 0–65535, got '${values.port}'`)
    return { port, host: values.host, token: values.token, stack: values.stack }
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`)
    process.exit(2)
  }
}

const { port, host, token, stack } = options()
const cloud = await startFakeCloud({ port, host, token })
cloud.addStack(stack, {
  settings: {
    sourceContext: {
      git: {
        repoUrl: 'https://github.com/pulumi/examples.git',
        branch: 'refs/heads/master',
        repoDir: 'aws-ts-s3-folder'
      }
    },
    operationContext: { environmentVariables: { AWS_REGION: 'us-west-2' } }
  }
})
console.log(`Fake Pulumi Cloud listening on ${cloud.url}`)
console.log(`  token: ${cloud.token}`)
console.log(
  `  stack: ${stack} (deployment settings configured; each operation gets a realistic scripted run)`
)
console.log('Press Ctrl+C to stop.')

const stop = (): void => {
  void cloud.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
