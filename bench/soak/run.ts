/**
 * `npm run soak -- --crash`: the crash soak (bench/soak/crash.ts). The hub is
 * killed with kill -9 at a random moment while two systems push, restarted on
 * the same data folder and checked, for N rounds.
 *
 *   npm run soak -- --crash                    50 rounds
 *   npm run soak -- --crash --rounds 10        fewer (or more)
 *   npm run soak -- --crash --entities 3000 --projects 1000   batch sizes (the defaults)
 *   npm run soak -- --crash --seed 7           another sequence of kill moments
 *   npm run soak -- --crash --dir D --keep     a data folder of your choice, kept afterwards
 *   npm run soak -- --crash --out FILE         the figures as JSON too
 *
 * Prints one line per round and a summary; exits 1 if any check failed.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { machine } from '../lib/env';
import { crashSoak, soakHubs } from './crash';

function whole(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new Error(`--${name} must be a whole number of at least ${min}; got "${value}"`);
  return Number(value);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      crash: { type: 'boolean' },
      rounds: { type: 'string' },
      entities: { type: 'string' },
      projects: { type: 'string' },
      'max-kill-ms': { type: 'string' },
      seed: { type: 'string' },
      dir: { type: 'string' },
      keep: { type: 'boolean' },
      out: { type: 'string' },
    },
    strict: true,
  });
  if (!values.crash) {
    console.error(
      'usage: npm run soak -- --crash [--rounds N] [--entities N] [--projects N] [--max-kill-ms MS] [--seed S] [--dir D] [--keep] [--out FILE]',
    );
    return 2;
  }
  const options = {
    rounds: whole('rounds', values.rounds, 50, 1),
    entityBatch: whole('entities', values.entities, 3000, 1),
    projectBatch: whole('projects', values.projects, 1000, 1),
    maxKillMs: whole('max-kill-ms', values['max-kill-ms'], 4000, 0),
    seed: whole('seed', values.seed, 42, 0),
    dataDir: values.dir,
    keep: values.keep ?? false,
    log: (line: string) => console.log(line),
  };
  const started = Date.now();
  const report = await crashSoak(options);
  const minutes = Math.round((Date.now() - started) / 6000) / 10;
  console.log(
    `\n${report.ok ? 'PASSED' : 'FAILED'}: ${report.totals.rounds} of ${options.rounds} rounds in ${minutes} min`,
  );
  console.log(JSON.stringify(report.totals));
  for (const f of report.failures) console.log(`  ${f}`);
  if (values.out) {
    mkdirSync(dirname(values.out), { recursive: true });
    const { log: _log, ...params } = options;
    writeFileSync(
      values.out,
      `${JSON.stringify({ scenario: 'soak-crash', at: new Date().toISOString(), ok: report.ok, minutes, params, machine: machine('18 (embedded)'), totals: report.totals, failures: report.failures, rounds: report.rounds }, null, 2)}\n`,
    );
  }
  return report.ok ? 0 : 1;
}

// Ctrl-C: no hub or PostgreSQL of the soak outlives it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${signal}: stopping the soak's hub and PostgreSQL`);
    void Promise.all([...soakHubs].map((h) => h.destroy())).finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`soak failed: ${(err instanceof Error ? (err.stack ?? err.message) : String(err)).slice(0, 2000)}`);
    process.exit(1);
  },
);
