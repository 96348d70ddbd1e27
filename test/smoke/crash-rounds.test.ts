import { inspectDataDir } from '../../src/db/data-dir';
import { systemProcesses } from '../../src/db/processes';
import { freePort } from '../../src/common/free-port';
import { ADMIN, count, gql, kill9, postmasterOf, register } from '../setup/crash';
import { PUSH, entities, type PushResponse } from '../setup/data';
import { removeDataDir, spawnHub, tempDataDir } from '../setup/process';

/*
 * kill -9 of `npm start` (dist/resolvers/app/main.js) round after round: a
 * soak at small size, run by `npm run test:smoke`. test/e2e/crash.test.ts
 * holds the single crashes; every hub, PostgreSQL and folder of this file is
 * removed after it even when a test fails (test/setup/environment.js).
 */

describe('npm start after hard crashes, round after round', () => {
  it('comes back after kill -9 of the hub process alone, 10 rounds: the orphaned PostgreSQL is stopped, every committed record and key is kept', async () => {
    const dir = tempDataDir('hub-crash-node-');
    const env = { HUB_DATA_DIR: dir, HUB_PG_PORT: String(await freePort()), HUB_ADMIN_KEY: ADMIN };
    let hub = await spawnHub(env);
    const key = await register(hub.url, 'CRASH-NODE');
    let expected = 0;
    for (let round = 0; round < 10; round++) {
      const pushed = await gql<PushResponse>(hub.url, PUSH, { records: entities(25, 1000 + round * 25) }, key);
      expect(pushed.data?.pushMarketEntities.accepted).toBe(25);
      expected += 25;
      const postmaster = postmasterOf(dir);
      await kill9(hub);
      // What an out-of-memory kill leaves: PostgreSQL still running, its parent gone.
      expect(inspectDataDir(dir)).toMatchObject({ kind: 'orphan', postmasterPid: postmaster, ownerPid: hub.child.pid });

      hub = await spawnHub(env);
      expect(systemProcesses.info(postmaster)).toBeUndefined();
      expect(
        hub.logs.some((l) => l.msg === 'stopping the embedded PostgreSQL left running by a hub that is gone'),
      ).toBe(true);
      expect(await count(hub.url)).toBe(expected);
      // The system's key, registered before the first kill, still pushes.
      const again = await gql<PushResponse>(hub.url, PUSH, { records: entities(1, 1000 + round * 25) }, key);
      expect(again.data?.pushMarketEntities.unchanged).toBe(1);
    }
    expect(await hub.stop('SIGTERM')).toBe(0);
    await removeDataDir(dir);
  });
});
