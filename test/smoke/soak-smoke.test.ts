import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * `npm run soak -- --crash` for 2 small rounds, so that the crash soak
 * (bench/soak/crash.ts) does not rot: a real hub is killed with kill -9 while
 * two systems push, restarted on the same folder, and every check of the soak
 * passes (all-or-nothing batches, retries, keys, the feed, the hash chain).
 * The full soak (50 rounds) is run by hand; see the README.
 */
describe('the crash soak at smoke size', () => {
  const out = mkdtempSync(join(tmpdir(), 'hub-soak-smoke-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    // The soak kills its own hub on SIGTERM; the folder goes whatever happened.
    if (child && child.exitCode === null) child.kill('SIGTERM');
    rmSync(out, { recursive: true, force: true });
  });

  it('kills and restarts the hub twice and finds every check holding', async () => {
    if (!existsSync(join(ROOT, 'dist', 'bench', 'soak', 'run.js')))
      throw new Error('dist/bench/soak is missing: run `npm run build` before jest');
    let output = '';
    const args = [
      '--crash',
      '--rounds',
      '2',
      '--entities',
      '400',
      '--projects',
      '100',
      '--max-kill-ms',
      '1500',
      '--seed',
      '3',
      '--out',
      join(out, 'soak.json'),
    ];
    const code = await new Promise<number | null>((resolve) => {
      child = spawn(process.execPath, [join(ROOT, 'dist', 'bench', 'soak', 'run.js'), ...args], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      child.on('exit', resolve);
    });
    expect({ code, output }).toMatchObject({ code: 0 });
    const report = JSON.parse(readFileSync(join(out, 'soak.json'), 'utf8')) as {
      ok: boolean;
      failures: string[];
      totals: Record<string, number>;
      rounds: { registered?: { firstUseAfterRestart: string } }[];
    };
    expect(report.ok).toBe(true);
    expect(report.failures).toEqual([]);
    expect(report.totals.rounds).toBe(2);
    // Round 1 registers a system right before the kill and uses its key first after the restart.
    expect(report.rounds[0].registered).toEqual({ via: 'api', firstUseAfterRestart: 'ok' });
    expect(output).toMatch(/hub verify-log: the whole chain of \d+ events verifies/);
  });
});
