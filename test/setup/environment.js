const { TestEnvironment } = require('jest-environment-node');

/**
 * jest's node environment, plus a last step when a test file is done (after
 * its own afterAll hooks, whether they passed or not): whatever the file
 * registered on `__hubCleanUp` (test/setup/cleanup.ts) runs, so no hub
 * process, embedded PostgreSQL or data folder outlives a failed test.
 */
class HubTestEnvironment extends TestEnvironment {
  async teardown() {
    const cleanUp = this.global.__hubCleanUp;
    if (typeof cleanUp === 'function') await cleanUp();
    await super.teardown();
  }
}

module.exports = HubTestEnvironment;
