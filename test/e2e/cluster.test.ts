import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { CHANGES, PUSH, entities, type PushResponse } from '../setup/data';
import { ADMIN_KEY, collect, startTestHub, type TestHub } from '../setup/hub';
import { spawnHub, type HubProcess } from '../setup/process';

describe('two hub processes on one database', () => {
  let a: TestHub;
  let b: HubProcess;

  beforeAll(async () => {
    a = await startTestHub();
    b = await spawnHub({ DATABASE_URL: a.db.url, HUB_FEED_POLL_MS: '60000', HUB_ADMIN_KEY: ADMIN_KEY });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('delivers a change pushed to one process to the subscribers of the other, in both directions', async () => {
    const key = await a.system('CLUSTER');
    const onB = createClient({
      url: b.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    try {
      // A subscriber on process B, live from the current end of the log.
      const fromA = collect(onB, CHANGES, { after: null, topics: ['MARKET_ENTITY'] }, 3, 20000);
      await new Promise((r) => setTimeout(r, 300));
      const pushedToA = await a.gql(PUSH, { records: entities(3, 0) }, key);
      expect(pushedToA.data?.pushMarketEntities.accepted).toBe(3);
      const seen = await fromA;
      expect(seen.map((e) => e.changes.key)).toEqual(entities(3, 0).map((e) => e.creditCode));

      // And the other way: pushed over HTTP to B, seen live by a subscriber of A.
      const fromB = collect(a.ws(), CHANGES, { after: seen[2].changes.cursor, topics: ['MARKET_ENTITY'] }, 2, 20000);
      await new Promise((r) => setTimeout(r, 300));
      const res = await fetch(b.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: PUSH, variables: { records: entities(2, 3) } }),
      });
      expect(((await res.json()) as { data: PushResponse }).data.pushMarketEntities.accepted).toBe(2);
      expect((await fromB).map((e) => Number(e.changes.seq))).toEqual([5, 6]); // seq 1 registered the system
    } finally {
      await onB.dispose();
    }
  });
});
