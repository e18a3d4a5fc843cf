// Every workflow a user may copy, from examples/workflows/ or the README, and the repository's own workflows: each
// passes GitHub's own workflow parser (@actions/workflow-parser, the schema and expression checks behind the
// Actions editor), and each step using this action gives only inputs action.yml declares, the required ones included.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { parseAction } from '@actions/workflow-parser/actions/action-parser'
import { parse } from 'yaml'
import { actionInputs, ROOT } from '../demo/action-process.js'
import { ACTION_REF } from '../demo/demo.js'
import { MAJOR_TAG } from '../demo/action-ref.js'
import { parseSettings } from '../src/config/settings.js'

interface Step {
  uses?: string
  with?: Record<string, unknown>
}
interface Workflow {
  jobs: Record<string, { steps?: Step[] }>
}

const EXAMPLES = join(ROOT, 'examples', 'workflows')
const OWN_WORKFLOWS = join(ROOT, '.github', 'workflows')
const yamlFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter(f => /\.ya?ml$/.test(f))
    .sort()
const README = readFileSync(join(ROOT, 'README.md'), 'utf8')

/** The README's YAML blocks that are whole workflows. */
const readmeWorkflows = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map(m => m[1] ?? '')
  .filter(text => /^jobs:/m.test(text))

async function parserErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  const errors = parsed.context.errors.getErrors().map(e => e.message)
  if (errors.length > 0 || !parsed.value) return errors
  const template = await convertWorkflowTemplate(parsed.context, parsed.value)
  return (template.errors ?? []).map(e => e.Message)
}

/** Problems with the steps that use this action: its reference, unknown or missing inputs, invalid settings. */
function actionStepProblems(content: string, refs: readonly string[]): string[] {
  const specs = actionInputs()
  const known = specs.map(s => s.name)
  const required = specs.filter(s => s.required).map(s => s.name)
  const problems: string[] = []
  const workflow = parse(content) as Workflow
  for (const [jobName, job] of Object.entries(workflow.jobs)) {
    for (const step of job.steps ?? []) {
      if (!step.uses?.includes('pulumi-deployments-action') && step.uses !== './') continue
      const where = `job ${jobName}, step uses ${step.uses}`
      if (!refs.includes(step.uses)) problems.push(`${where}: refer to this action as ${refs.join(' or ')}`)
      const given = Object.keys(step.with ?? {})
      for (const key of given) if (!known.includes(key)) problems.push(`${where}: ${key} is not an input`)
      for (const key of required)
        if (!given.includes(key)) problems.push(`${where}: required input ${key} missing`)
      const settings = step.with?.settings
      if (typeof settings === 'string') {
        try {
          parseSettings(settings)
        } catch (error) {
          problems.push(`${where}: ${(error as Error).message}`)
        }
      }
    }
  }
  return problems
}

describe.each(yamlFiles(EXAMPLES))('examples/workflows/%s', file => {
  const content = readFileSync(join(EXAMPLES, file), 'utf8')

  test('is a valid GitHub workflow', async () => {
    expect(await parserErrors(file, content)).toEqual([])
  })

  test('uses the action with its declared inputs', () => {
    expect(actionStepProblems(content, [ACTION_REF])).toEqual([])
    expect(content).toContain(`uses: ${ACTION_REF}`)
  })

  // A deployment tool's workflow without them can run two updates of one stack at once, or hold a runner for six
  // hours when Pulumi Cloud stops answering.
  test('sets a concurrency group and a timeout for every job', () => {
    const workflow = parse(content) as Workflow & { concurrency?: unknown }
    expect(workflow.concurrency).toBeDefined()
    for (const [name, job] of Object.entries(workflow.jobs))
      expect({ job: name, timeout: (job as { 'timeout-minutes'?: number })['timeout-minutes'] }).toEqual({
        job: name,
        timeout: expect.any(Number)
      })
  })

  test('is linked from the README', () => {
    expect(README).toContain(`examples/workflows/${file}`)
  })
})

test("the README's workflows are valid and use the action with its declared inputs", async () => {
  expect(readmeWorkflows.length).toBeGreaterThanOrEqual(2)
  for (const [i, content] of readmeWorkflows.entries()) {
    expect({ block: i, errors: await parserErrors(`README block ${i}`, content) }).toEqual({
      block: i,
      errors: []
    })
    expect(actionStepProblems(content, [ACTION_REF])).toEqual([])
  }
})

describe.each(yamlFiles(OWN_WORKFLOWS))('.github/workflows/%s', file => {
  test('is a valid GitHub workflow, and any step running this action gives only its inputs', async () => {
    const content = readFileSync(join(OWN_WORKFLOWS, file), 'utf8')
    expect(await parserErrors(file, content)).toEqual([])
    expect(actionStepProblems(content, ['./'])).toEqual([])
  })
})

test("every reference to the action is package.json's repository at its major tag, as the release moves it", () => {
  const texts = [README, readFileSync(join(ROOT, 'SECURITY.md'), 'utf8')].concat(
    yamlFiles(EXAMPLES).map(file => readFileSync(join(EXAMPLES, file), 'utf8'))
  )
  const refs = texts.flatMap(text =>
    [...text.matchAll(/[\w.-]+\/pulumi-deployments-action@[\w.]+/g)].map(m => m[0])
  )
  expect(refs.length).toBeGreaterThan(yamlFiles(EXAMPLES).length)
  expect(new Set(refs)).toEqual(new Set([ACTION_REF]))
  expect(texts.join('\n')).not.toMatch(/OWNER\//)
  expect(ACTION_REF).toMatch(new RegExp(`^[\\w.-]+/[\\w.-]+@${MAJOR_TAG}$`))
})

test('action.yml is a valid action, as the Marketplace reads it', () => {
  const content = readFileSync(join(ROOT, 'action.yml'), 'utf8')
  const parsed = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter())
  expect(parsed.context.errors.getErrors().map(e => e.message)).toEqual([])
})

test('the checks catch what they are for', async () => {
  const broken = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${ACTION_REF}\n        with:\n          stak: acme/web/dev\n          operation: preview\n          settings: "operationContext: {enviromentVariables: {}}"\n      - run: echo \${{ secrets.X }\n`
  expect(await parserErrors('broken.yml', broken)).not.toEqual([])
  expect(actionStepProblems(broken, [ACTION_REF])).toEqual([
    `job a, step uses ${ACTION_REF}: stak is not an input`,
    `job a, step uses ${ACTION_REF}: required input stack missing`,
    `job a, step uses ${ACTION_REF}: The \`settings\` input has an unknown key \`settings.operationContext.enviromentVariables\`: did you mean \`environmentVariables\`?`
  ])
})
