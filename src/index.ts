import { run } from './main.js'

// The whole action lives in run(); this file only starts it, so tests can import run() without side effects.
await run()
