const { run, project } = require('./test/setup/jest-base');

/**
 * The tests `npm test` runs, as two projects:
 *
 * - unit (test/unit): code without a database; no PostgreSQL is started for them;
 * - readme (test/readme): the README's marked commands against a demo hub of its own, compared with their outputs;
 * - e2e (test/e2e): real hubs on one embedded PostgreSQL cluster for the whole
 *   run (test/setup/global-setup.ts); each file clones a migrated template
 *   database of its own (test/setup/db.ts).
 *
 * The benchmark and soak at smoke size run apart: `npm run test:smoke` (jest.smoke.config.js).
 *
 * @type {import('jest').Config}
 */
module.exports = {
  ...run,
  projects: [
    project('unit'),
    // The README's marked samples, run against a fresh demo hub of their own (test/readme/readme.ts).
    project('readme'),
    project('e2e', {
      // A project's global setup runs only when one of its files is selected: `npx jest test/unit` starts no cluster.
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    }),
  ],
};
