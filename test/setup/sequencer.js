const { readFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const ROOT = join(__dirname, '..', '..');
const DURATIONS = join(__dirname, 'durations.json');

/**
 * Jest's order, longest file first, also on a first run. Jest runs the files it has timed before longest first (its
 * cache of the last run), and files it has not timed by file size. A fresh clone or a new cache folder has timed
 * none, and size is a poor guess here: a short file that starts hub processes (lifecycle, startup-logs, cli) takes
 * longer than a long file of in-process pushes, and started last it leaves one of the two workers idle while the
 * other finishes it. Files without a time of the last run take the one in durations.json (seconds, from a whole
 * run; `node test/setup/durations.js <jest --json output>` rewrites it); files in neither (new ones) go first, by
 * size, as in jest.
 */
class LongestFirst extends Sequencer {
  sort(tests) {
    const known = readDurations();
    const size = (test) => test.context.hasteFS.getSize(test.path) ?? 0;
    for (const test of tests) {
      const seconds = known[relative(ROOT, test.path).split('\\').join('/')];
      test.duration = this.time(test) ?? (seconds === undefined ? undefined : seconds * 1000);
    }
    return tests.sort((a, b) => {
      // As jest does: a file that failed last time first, for quick feedback.
      const failed = Number(this.hasFailed(b)) - Number(this.hasFailed(a));
      if (failed) return failed;
      // As jest does: a file timed nowhere (a new one) before the timed ones, since it may be long.
      if ((a.duration == null) !== (b.duration == null)) return a.duration == null ? -1 : 1;
      if (a.duration != null && b.duration != null) return b.duration - a.duration;
      return size(b) - size(a);
    });
  }
}

function readDurations() {
  try {
    return JSON.parse(readFileSync(DURATIONS, 'utf8'));
  } catch {
    return {};
  }
}

module.exports = LongestFirst;
