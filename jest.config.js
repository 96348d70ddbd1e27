/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/test/setup/environment.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking is done once by `npm run typecheck`; jest only transpiles.
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', isolatedModules: true } }],
  },
  // Lazy imports carry the .js of the compiled output (module node16); under jest they load the TypeScript source.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/cleanup.ts'],
  testTimeout: 120000,
  maxWorkers: 2,
  // No test file leaves a handle open (checked after each file); workers exit some 10-60 ms after their
  // last file. Jest's default budget for that, 500 ms, was still exceeded now and then with another
  // CPU-heavy job on the machine ("a worker process has failed to exit gracefully").
  workerGracefulExitTimeout: 5000,
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
};
