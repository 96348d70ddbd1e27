/**
 * What jest.config.js (`npm test`) and jest.smoke.config.js (`npm run test:smoke`) share.
 */
const { join } = require('node:path');

const rootDir = join(__dirname, '..', '..');

/** Options of a whole run (jest reads them at the top level, not per project). */
const run = {
  rootDir,
  testTimeout: 120000,
  maxWorkers: 2,
  // No test file leaves a handle open (checked after each file); workers exit some 10-60 ms after their
  // last file. Jest's default budget for that, 500 ms, was still exceeded now and then with another
  // CPU-heavy job on the machine ("a worker process has failed to exit gracefully").
  workerGracefulExitTimeout: 5000,
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
  // Longest file first, on a first run too (see the file).
  testSequencer: '<rootDir>/test/setup/sequencer.js',
};

/** A project of the tests in `test/<folder>`: how TypeScript is loaded and how a test file is cleaned up after. */
function project(folder, options = {}) {
  return {
    displayName: folder,
    rootDir,
    roots: [`<rootDir>/test/${folder}`],
    testMatch: ['**/*.test.ts'],
    testEnvironment: '<rootDir>/test/setup/environment.js',
    transform: {
      // Type checking is done once, by the compile step of `npm test`; jest only transpiles.
      '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', isolatedModules: true } }],
    },
    // Lazy imports carry the .js of the compiled output (module node16); under jest they load the TypeScript source.
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    setupFiles: ['reflect-metadata'],
    setupFilesAfterEnv: ['<rootDir>/test/setup/cleanup.ts'],
    ...options,
  };
}

module.exports = { run, project };
