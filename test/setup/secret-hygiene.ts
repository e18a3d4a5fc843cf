// Registered for every test file (jest.config.js): after each test, every run of the action that has ended must have
// kept every secret out of what it wrote. A test cannot forget this check, because it never has to ask for it.
import { afterAll, afterEach } from '@jest/globals'
import { checkEndedRuns, tearDownHarness } from '../harness/run-registry.js'

afterEach(checkEndedRuns)
afterAll(tearDownHarness)
