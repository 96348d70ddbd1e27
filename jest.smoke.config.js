const { run, project } = require('./test/setup/jest-base');

/**
 * `npm run test:smoke`: the benchmark and the crash soak at smoke size
 * (test/smoke), so that they do not rot. Each starts the built hub and a
 * PostgreSQL of its own; CI runs them after `npm test`.
 *
 * @type {import('jest').Config}
 */
module.exports = { ...run, projects: [project('smoke')] };
