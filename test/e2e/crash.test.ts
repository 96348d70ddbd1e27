import { createClient } from 'graphql-ws';
import { renameSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import WebSocket from 'ws';
import { ADMIN, count, gql, kill9, postmasterOf, register, until } from '../setup/crash';
import { CHANGES, PUSH, entities, type ChangeEventData, type PushResponse } from '../setup/data';
import { removeDataDir, spawnHub, tempDataDir } from '../setup/process';
import { freePort } from '../../src/common/free-port';

/*
 * Hard crashes of `npm start` (dist/resolvers/app/main.js) on embedded
 * PostgreSQL, with real kill -9 (the same crash round after round is
 * test/smoke/crash-rounds.test.ts). Every hub, PostgreSQL and folder of this
 * file is removed after it even when a test fails (test/setup/environment.js).
 */

describe('npm start after a hard crash', () => {
  it('comes back after kill -9 of the hub and its PostgreSQL together, restarted at once, 3 rounds', async () => {
    const dir = tempDataDir('hub-crash-both-');
    const env = { HUB_DATA_DIR: dir, HUB_PG_PORT: String(await freePort()), HUB_ADMIN_KEY: ADMIN };
    let hub = await spawnHub(env);
    const key = await register(hub.url, 'CRASH-BOTH');
    let expected = 0;
    for (let round = 0; round < 3; round++) {
      const pushed = await gql<PushResponse>(hub.url, PUSH, { records: entities(25, 3000 + round * 25) }, key);
      expect(pushed.data?.pushMarketEntities.accepted).toBe(25);
      expected += 25;
      const postmaster = postmasterOf(dir);
      process.kill(postmaster, 'SIGKILL');
      await kill9(hub);
      // Straight away: the dead server's pid may still be a zombie and its processes may still be exiting.
      hub = await spawnHub(env);
      expect(await count(hub.url)).toBe(expected);
      expect(
        (await gql<PushResponse>(hub.url, PUSH, { records: entities(1, 3000) }, key)).data?.pushMarketEntities
          .unchanged,
      ).toBe(1);
    }
    expect(await hub.stop('SIGTERM')).toBe(0);
    await removeDataDir(dir);
  });

  it('refuses a second hub on a folder a live hub holds: exit status 1 and a message naming the holder, the folder and its PostgreSQL', async () => {
    const dir = tempDataDir('hub-crash-held-');
    const pgPort = await freePort();
    const first = await spawnHub({ HUB_DATA_DIR: dir, HUB_PG_PORT: String(pgPort), HUB_ADMIN_KEY: ADMIN });
    const postmaster = postmasterOf(dir);
    for (const port of [pgPort, await freePort()]) {
      const second = spawnHub({ HUB_DATA_DIR: dir, HUB_PG_PORT: String(port), HUB_ADMIN_KEY: ADMIN });
      await expect(second).rejects.toThrow(
        `hub exited with 1 before listening: hub failed to start: HUB_DATA_DIR ${dir} is in use: the hub process ${first.child.pid} runs its embedded PostgreSQL (pid ${postmaster}, port ${pgPort}).`,
      );
    }
    // The first hub and its PostgreSQL were not disturbed.
    expect(postmasterOf(dir)).toBe(postmaster);
    expect(await count(first.url)).toBe(0);
    expect(await first.stop('SIGTERM')).toBe(0);
    await removeDataDir(dir);
  });

  it('says so when the PostgreSQL port is taken by another program', async () => {
    const dir = tempDataDir('hub-crash-port-');
    const taken: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)),
    );
    try {
      await expect(spawnHub({ HUB_DATA_DIR: dir, HUB_PG_PORT: String(port) })).rejects.toThrow(
        `hub exited with 1 before listening: hub failed to start: port ${port} on 127.0.0.1 is in use by another program, not by a PostgreSQL of ${dir}; set HUB_PG_PORT to a free port`,
      );
    } finally {
      taken.close();
    }
    await removeDataDir(dir);
  });
});

describe('kill -9 of the embedded PostgreSQL while the hub runs', () => {
  it('restarts it: requests work again, the feed resumes without a gap, and nothing committed is lost', async () => {
    const dir = tempDataDir('hub-crash-pg-');
    const hub = await spawnHub({
      HUB_DATA_DIR: dir,
      HUB_PG_PORT: String(await freePort()),
      HUB_ADMIN_KEY: ADMIN,
      HUB_FEED_POLL_MS: '500',
    });
    const key = await register(hub.url, 'CRASH-PG');
    const ws = createClient({
      url: hub.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${ADMIN}` },
    });
    const seqs: number[] = [];
    const keys: string[] = [];
    let subscriptionError: unknown;
    try {
      // A subscriber from the start of the log, on a connection that stays open through the outage.
      ws.subscribe<ChangeEventData>(
        { query: String(CHANGES), variables: { after: null, topics: ['MARKET_ENTITY'] } },
        {
          next: (v) => {
            seqs.push(Number(v.data!.changes.seq));
            keys.push(v.data!.changes.key);
          },
          error: (e) => (subscriptionError = e),
          complete: () => undefined,
        },
      );
      const before = entities(20, 5000);
      expect((await gql<PushResponse>(hub.url, PUSH, { records: before }, key)).data?.pushMarketEntities.accepted).toBe(
        20,
      );
      await until('the first events', () => keys.length === 20);

      const postmaster = postmasterOf(dir);
      process.kill(postmaster, 'SIGKILL');
      await until('the restart', () => hub.logs.some((l) => l.msg === 'embedded PostgreSQL restarted'));
      expect(
        hub.logs.some((l) => l.msg === 'embedded PostgreSQL stopped unexpectedly (signal SIGKILL); restarting it'),
      ).toBe(true);
      expect(postmasterOf(dir)).not.toBe(postmaster);

      // Requests work again (the pool drops its dead connections; a few may fail while it does).
      const after = entities(20, 5020);
      let pushed: PushResponse['pushMarketEntities'] | undefined;
      await until('a push to succeed', async () => {
        pushed = (await gql<PushResponse>(hub.url, PUSH, { records: after }, key)).data?.pushMarketEntities;
        return pushed !== undefined;
      });
      expect(pushed!.accepted + pushed!.unchanged).toBe(20);
      expect(await count(hub.url)).toBe(40);
      // The live subscriber gets the new events: the LISTEN connection and the tail reader are back.
      await until('the events after the restart', () => keys.length >= 40);
      expect(subscriptionError).toBeUndefined();
      expect(keys).toEqual([...before, ...after].map((e) => e.creditCode));
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
      expect((await fetch(hub.url.replace('/graphql', '/healthz'))).status).toBe(200);
      expect((await fetch(hub.url.replace('/graphql', '/readyz'))).status).toBe(200);
      // One log line per outage, not one per poll.
      expect(hub.logs.filter((l) => String(l.msg).startsWith('feed tail read failed')).length).toBeLessThanOrEqual(1);
    } finally {
      await ws.dispose();
    }
    expect(await hub.stop('SIGTERM')).toBe(0);
    await removeDataDir(dir);
  });

  it('exits with status 1 and says why when PostgreSQL cannot be restarted; /healthz is 503 meanwhile', async () => {
    const dir = tempDataDir('hub-crash-gone-');
    const hub = await spawnHub({ HUB_DATA_DIR: dir, HUB_PG_PORT: String(await freePort()), HUB_ADMIN_KEY: ADMIN });
    const healthz = hub.url.replace('/graphql', '/healthz');
    expect((await fetch(healthz)).status).toBe(200);
    // The running server never reads PG_VERSION again; every new start refuses the folder without it.
    renameSync(join(dir, 'PG_VERSION'), join(dir, 'PG_VERSION.moved'));
    process.kill(postmasterOf(dir), 'SIGKILL');
    await until('the crash to be noticed', () =>
      hub.logs.some((l) => String(l.msg).startsWith('embedded PostgreSQL stopped unexpectedly')),
    );
    const answers = new Set<number>();
    while (hub.child.exitCode === null) {
      const status = await fetch(healthz).then(
        (r) => r.status,
        () => 0, // the hub has closed its port on the way out
      );
      if (status) answers.add(status);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await hub.exited).toBe(1);
    expect([...answers]).toEqual([503]);
    expect(hub.stderr()).toMatch(
      /hub stopped: embedded PostgreSQL stopped unexpectedly \(signal SIGKILL\) and could not be restarted in 5 attempts: .*PG_VERSION/,
    );
    expect(hub.logs.filter((l) => l.msg === 'embedded PostgreSQL restart attempt failed')).toHaveLength(5);
    await removeDataDir(dir);
  });
});
