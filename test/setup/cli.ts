import { execFile } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'hub.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/hub.js <args>` (what `npx hub` starts) in a process of its
 * own against the database at `databaseUrl`; nothing else leaks in from the
 * test run's environment. Needs `npm run build` (bin/hub.js loads dist/).
 */
export function hubCommand(databaseUrl: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const status = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

/** The last non-empty line of a command's output (where the `hub` command prints a new key). */
export function lastLine(text: string): string {
  const lines = text.trimEnd().split('\n');
  return lines[lines.length - 1];
}
