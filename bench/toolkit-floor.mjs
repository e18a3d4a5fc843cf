// The start-up floor with the toolkit: what any action that sends its requests as issue 10 chose must load before its
// first one. @actions/core reads an input, @actions/http-client picks the dispatcher for the URL (proxy or not), and
// undici sends one GET. The benchmark bundles this file with ncc, as the action is bundled, and times it beside bare
// node and the action (bench/startup.ts).
import { getInput } from '@actions/core'
import { HttpClient } from '@actions/http-client'
import { request } from 'undici'

// The URL comes as the bare floor's does; the input is read as an action reads its own (and keeps @actions/core in
// the bundle, which would otherwise drop it as unused).
const url = getInput('url') || (process.argv[2] ?? '')
const dispatcher = new HttpClient('bench-floor').getAgentDispatcher(url)
const response = await request(url, dispatcher ? { dispatcher } : {})
await response.body.dump()
process.exit(0)
