/**
 * Rewrites test/setup/durations.json (read by test/setup/sequencer.js) from the JSON report of a whole run:
 *
 *   npx jest --json --outputFile=/tmp/jest.json && node test/setup/durations.js /tmp/jest.json
 *
 * Seconds per file, rounded to a tenth; only their order matters.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const durations = Object.fromEntries(
  report.testResults
    .map((r) => [relative(ROOT, r.name).split('\\').join('/'), Math.round((r.endTime - r.startTime) / 100) / 10])
    .sort(([a], [b]) => (a < b ? -1 : 1)),
);
writeFileSync(join(__dirname, 'durations.json'), `${JSON.stringify(durations, null, 2)}\n`);
console.log(`durations.json: ${Object.keys(durations).length} files`);
