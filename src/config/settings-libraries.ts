// The libraries that parse and check the `settings` input, in a module of their own so that the bundle puts them
// in a chunk that is loaded only when a workflow gives settings (see loadSettingsParser in settings.ts).
export { parseDocument, visit, isScalar } from 'yaml'
export { Ajv } from 'ajv'
