// ts-jest in ESM mode: the package is "type": "module" and its dependencies (@actions/*) ship only ESM.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Sources import each other with the ".js" extension NodeNext requires; map it back to the .ts file.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  // Fails any test whose run of the action leaked a secret (see test/harness/run-registry.ts).
  setupFilesAfterEnv: ['<rootDir>/test/setup/secret-hygiene.ts'],
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.cjs'],
  testTimeout: 30000,
  clearMocks: true
}
