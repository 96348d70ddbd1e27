import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/common/free-port';
import { spawnHub, tempDataDir, type HubProcess } from '../setup/process';
import { normalise, outputBlocks, runBlocks, runReadmeBlocks, withOutputs } from './readme';

/*
 * The README's sample outputs are what its commands print (test/readme/readme.ts):
 * one fresh demo hub (`npm start` on an empty folder, embedded PostgreSQL,
 * demo data), every marked block run against it in order. With
 * README_WRITE=1 (`npm run readme`) the output blocks are rewritten instead.
 */

const REPO = join(__dirname, '..', '..');
const README = join(REPO, 'README.md');
/** The operators' key of the README's GraphQL registration sample. */
const ADMIN_KEY = 'change-me-0123456789abcdef';

describe('README.md', () => {
  let hub: HubProcess;
  let work: string;
  let dataDir: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hub-readme-'));
    dataDir = tempDataDir('hub-readme-data-');
    hub = await spawnHub({
      HUB_DATA_DIR: dataDir,
      HUB_PG_PORT: String(await freePort()),
      HUB_SEED: 'true',
      HUB_ADMIN_KEY: ADMIN_KEY,
    });
  }, 180_000);
  afterAll(async () => {
    await hub?.stop('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  });

  it('names a run block for every output block', () => {
    const readme = readFileSync(README, 'utf8');
    const runs = new Set(runBlocks(readme).map((b) => b.name));
    expect([...outputBlocks(readme).keys()].filter((name) => !runs.has(name))).toEqual([]);
    expect(outputBlocks(readme).size).toBeGreaterThanOrEqual(6);
  });

  it('shows in every output block what its commands print against a fresh demo hub', async () => {
    const readme = readFileSync(README, 'utf8');
    const outputs = await runReadmeBlocks(runBlocks(readme), {
      repo: REPO,
      port: Number(new URL(hub.url).port),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        HUB_DATA_DIR: dataDir,
        CURSOR_FILE: join(work, '.cursor'),
      },
    });
    const generated = withOutputs(readme, outputs);
    if (process.env.README_WRITE) {
      // Only blocks that really changed: a new time or key alone is no reason to rewrite one.
      const shown = outputBlocks(readme);
      const changed = new Map(
        [...outputs].filter(([name, out]) => normalise(out) !== normalise(shown.get(name) ?? '')),
      );
      writeFileSync(README, withOutputs(readme, changed));
      return;
    }
    // One block at a time, so that a failure names it.
    const now = outputBlocks(generated);
    for (const [name, shown] of outputBlocks(readme))
      expect({ block: name, output: normalise(shown) }).toEqual({ block: name, output: normalise(now.get(name)!) });
  }, 900_000);
});
