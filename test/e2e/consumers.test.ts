import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { CHANGES, PUSH, entities, type ChangeEventData, type PushResponse } from '../setup/data';
import { hubCommand, lastLine } from '../setup/cli';
import { ADMIN_KEY, collect, startTestHub, type TestHub } from '../setup/hub';
import { spawnHub, type HubProcess } from '../setup/process';

const REGISTER = `mutation Register($input: RegisterFeedConsumerInput!) {
  registerFeedConsumer(input: $input) { apiKey consumer { name topics acknowledgedCursor lagEvents connected } }
}`;
const ACK = `mutation Ack($cursor: String!) { acknowledgeChanges(cursor: $cursor) { acknowledgedSeq lastAcknowledgedAt } }`;
const CONSUMERS = `{ feedConsumers { name topics acknowledgedCursor acknowledgedSeq lagEvents lagSeconds lastAcknowledgedAt connected } }`;

interface ConsumerView {
  name: string;
  acknowledgedSeq: string;
  lagEvents: number;
  lagSeconds: number;
  lastAcknowledgedAt: string | null;
  connected: boolean;
}

/** Waits until `check` passes (polling an observable condition), or fails after `ms`. */
async function eventually<T>(check: () => Promise<T>, ms = 20000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function wsClient(url: string, key: string): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${key}` },
    retryAttempts: 0,
    lazy: true,
  });
}

/** Opens a subscription and resolves with its first event (or rejects with its error); the subscription stays open. */
function firstEvent(
  client: Client,
  variables: Record<string, unknown> = {},
): Promise<{ event: ChangeEventData; end: () => void; errors: unknown[] }> {
  return new Promise((resolve, reject) => {
    const errors: unknown[] = [];
    let got = false;
    const end = client.subscribe<ChangeEventData>(
      { query: String(CHANGES), variables },
      {
        next: (v) => {
          if (v.errors) {
            if (!got) reject(new Error(JSON.stringify(v.errors)));
            else errors.push(v.errors);
            return;
          }
          if (!got) {
            got = true;
            resolve({ event: v.data as ChangeEventData, end, errors });
          }
        },
        error: (e) => (got ? errors.push(e) : reject(new Error(JSON.stringify(e)))),
        complete: () => undefined,
      },
    );
  });
}

describe('named feed consumers', () => {
  let t: TestHub;
  let system: string;
  let key: string;

  beforeAll(async () => {
    t = await startTestHub({ consumerLeaseSeconds: 2 });
    system = await t.system('CONSUMER-SRC');
    const r = await t.gql<{ registerFeedConsumer: { apiKey: string; consumer: { name: string; lagEvents: number } } }>(
      REGISTER,
      { input: { name: 'nat-test', topics: ['MARKET_ENTITY'] } },
      ADMIN_KEY,
    );
    expect(r.errors).toBeUndefined();
    key = r.data!.registerFeedConsumer.apiKey;
    expect(r.data!.registerFeedConsumer.consumer).toMatchObject({ name: 'nat-test', lagEvents: 0 });
    const pushed = await t.gql<PushResponse>(String(PUSH), { records: entities(20, 0) }, system);
    expect(pushed.data?.pushMarketEntities.accepted).toBe(20);
  });
  afterAll(() => t.stop());

  const consumers = async () => {
    const r = await t.gql<{ feedConsumers: ConsumerView[] }>(CONSUMERS, {}, ADMIN_KEY);
    expect(r.errors).toBeUndefined();
    return r.data!.feedConsumers;
  };

  it('starts from the beginning, then after its acknowledged cursor; lag figures follow the checkpoint', async () => {
    const first = await collect<ChangeEventData>(t.ws(key), String(CHANGES), {}, 20);
    expect(first.every((e) => e.changes.topic === 'MARKET_ENTITY')).toBe(true);
    expect(first.map((e) => e.changes.key)).toEqual(entities(20, 0).map((e) => e.creditCode));
    let [c] = await consumers();
    expect(c).toMatchObject({ acknowledgedSeq: '0', lagEvents: 20, lastAcknowledgedAt: null });
    expect(c.lagSeconds).toBeGreaterThanOrEqual(0);

    const ack = await t.gql<{ acknowledgeChanges: { acknowledgedSeq: string } }>(
      ACK,
      { cursor: first[7].changes.cursor },
      key,
    );
    expect(ack.errors).toBeUndefined();
    expect(ack.data!.acknowledgeChanges.acknowledgedSeq).toBe(first[7].changes.seq);
    [c] = await consumers();
    expect(c).toMatchObject({ acknowledgedSeq: first[7].changes.seq, lagEvents: 12 });
    expect(c.lastAcknowledgedAt).not.toBeNull();

    const resumed = await collect<ChangeEventData>(t.ws(key), String(CHANGES), {}, 3);
    expect(resumed.map((e) => e.changes.seq)).toEqual(first.slice(8, 11).map((e) => e.changes.seq));
  });

  it('refuses a cursor beyond the head or behind the checkpoint, with rule codes; the same cursor again is harmless', async () => {
    const [c] = await consumers();
    const beyond = await t.gql(ACK, { cursor: String(Number(c.acknowledgedSeq) + 100000) }, key);
    expect(beyond.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ACK_BEYOND_HEAD' });
    const behind = await t.gql(ACK, { cursor: String(Number(c.acknowledgedSeq) - 1) }, key);
    expect(behind.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'ACK_BEHIND' });
    const same = await t.gql(ACK, { cursor: c.acknowledgedSeq }, key);
    expect(same.errors).toBeUndefined();
    // Only a named consumer has a checkpoint; only operators and dashboards list consumers.
    const notConsumer = await t.gql(ACK, { cursor: '1' }, ADMIN_KEY);
    expect(notConsumer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'NOT_A_CONSUMER' });
    const list = await t.gql(CONSUMERS, {}, key);
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('acknowledges and records the end of the next batch in one call, checked against the new checkpoint', async () => {
    const ACK_NEXT = `mutation AckNext($cursor: String!, $next: String) {
      acknowledgeChanges(cursor: $cursor, next: $next) { acknowledgedSeq deliveringCursor lagEvents }
    }`;
    const [c] = await consumers();
    const at = Number(c.acknowledgedSeq);
    const behind = await t.gql(ACK_NEXT, { cursor: String(at + 2), next: String(at + 1) }, key);
    expect(behind.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'next', rule: 'ACK_BEHIND' });
    const beyond = await t.gql(ACK_NEXT, { cursor: String(at + 2), next: String(at + 100000) }, key);
    expect(beyond.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'next',
      rule: 'ACK_BEYOND_HEAD',
    });
    // Refused as a whole: the checkpoint did not move.
    expect((await consumers())[0].acknowledgedSeq).toBe(c.acknowledgedSeq);
    const r = await t.gql<{
      acknowledgeChanges: { acknowledgedSeq: string; deliveringCursor: string | null; lagEvents: number };
    }>(ACK_NEXT, { cursor: String(at + 2), next: String(at + 5) }, key);
    expect(r.errors).toBeUndefined();
    const [after] = await consumers();
    expect(r.data!.acknowledgeChanges).toEqual({
      acknowledgedSeq: String(at + 2),
      deliveringCursor: Buffer.from(`seq:${at + 5}`).toString('base64url'),
      lagEvents: after.lagEvents,
    });
    expect(after.lagEvents).toBeLessThan(c.lagEvents);
  });

  it('leases the consumer to one connection: a second subscriber gets CONSUMER_LEASED until the first ends', async () => {
    const one = wsClient(t.hub.wsUrl, key);
    const two = wsClient(t.hub.wsUrl, key);
    try {
      const held = await firstEvent(one);
      expect(held.event.changes.topic).toBe('MARKET_ENTITY');
      expect((await consumers())[0].connected).toBe(true);
      await expect(firstEvent(two)).rejects.toThrow(/CONSUMER_LEASED/);
      // Acknowledgements over another connection are refused while the lease is held.
      const ackOnTwo = await two.iterate({ query: ACK, variables: { cursor: held.event.changes.cursor } }).next();
      expect(JSON.stringify(ackOnTwo.value)).toMatch(/CONSUMER_LEASED/);
      await one.dispose(); // the holder's connection goes: the lease is free at once
      const taken = await eventually(() => firstEvent(two));
      taken.end();
    } finally {
      await one.dispose();
      await two.dispose();
    }
    await eventually(async () => expect((await consumers())[0].connected).toBe(false));
  });

  it('ends the stream with LEASE_LOST when its lease is taken after expiring (never two active)', async () => {
    const one = wsClient(t.hub.wsUrl, key);
    const two = wsClient(t.hub.wsUrl, key);
    try {
      const held = await firstEvent(one);
      // The holder stalls past its lease (as a hung process would): the lease expires and another connection takes it.
      await t.hub.services.orm.em
        .fork()
        .execute(`update feed_consumer set lease_expires_at = now() - interval '1 second' where name = 'nat-test'`);
      const taken = await firstEvent(two);
      await eventually(async () => expect(JSON.stringify(held.errors)).toMatch(/LEASE_LOST/), 10000);
      taken.end();
    } finally {
      await one.dispose();
      await two.dispose();
    }
  });
});

describe('a named consumer across hub processes', () => {
  let a: TestHub;
  let b: HubProcess | undefined;

  beforeAll(async () => {
    a = await startTestHub({ consumerLeaseSeconds: 2 });
  });
  afterAll(async () => {
    await b?.stop('SIGKILL');
    await a.stop();
  });

  it('is held by one process at a time; another takes over once the holding process is killed', async () => {
    const system = await a.system('LEASE-SRC');
    await a.gql(PUSH, { records: entities(3, 0) }, system);
    const reg = await a.gql<{ registerFeedConsumer: { apiKey: string } }>(
      REGISTER,
      { input: { name: 'credit-test', topics: ['MARKET_ENTITY'] } },
      ADMIN_KEY,
    );
    const key = reg.data!.registerFeedConsumer.apiKey;
    b = await spawnHub({ DATABASE_URL: a.db.url, HUB_ADMIN_KEY: ADMIN_KEY, HUB_CONSUMER_LEASE_SECONDS: '2' });
    const onB = wsClient(b.wsUrl, key);
    const onA = wsClient(a.hub.wsUrl, key);
    try {
      await firstEvent(onB);
      await expect(firstEvent(onA)).rejects.toThrow(/CONSUMER_LEASED/);
      await b.stop('SIGKILL');
      b = undefined;
      // Nobody released the lease: it lapses (2 s here) and process A takes the consumer over.
      const taken = await eventually(() => firstEvent(onA), 20000);
      expect(taken.event.changes.topic).toBe('MARKET_ENTITY');
      taken.end();
    } finally {
      await onA.dispose();
      await onB.dispose();
    }
  });
});

describe('hub consumers add|list|reset', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  it('registers a consumer, lists it with its lag and moves its checkpoint', async () => {
    const system = await t.system('CLI-SRC');
    await t.gql(PUSH, { records: entities(4, 0) }, system);
    const add = await hubCommand(t.db.url, ['consumers', 'add', '--name', 'cli-relay', '--topics', 'MARKET_ENTITY']);
    expect(add.status).toBe(0);
    const key = lastLine(add.stdout);
    const events = await collect<ChangeEventData>(t.ws(key), String(CHANGES), {}, 4);
    let list = await hubCommand(t.db.url, ['consumers', 'list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^cli-relay\tMARKET_ENTITY\t-\t0\t4\t/m);
    const reset = await hubCommand(t.db.url, [
      'consumers',
      'reset',
      '--name',
      'cli-relay',
      '--to',
      events[1].changes.cursor,
    ]);
    expect(reset.status).toBe(0);
    list = await hubCommand(t.db.url, ['consumers', 'list']);
    expect(list.stdout).toMatch(
      new RegExp(`^cli-relay\\tMARKET_ENTITY\\t${events[1].changes.cursor}\\t${events[1].changes.seq}\\t2\\t`, 'm'),
    );
    const after = await collect<ChangeEventData>(t.ws(key), String(CHANGES), {}, 2);
    expect(after.map((e) => e.changes.seq)).toEqual([events[2].changes.seq, events[3].changes.seq]);
    const bad = await hubCommand(t.db.url, ['consumers', 'reset', '--name', 'cli-relay', '--to', '999999']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/BAD_USER_INPUT/);
  });
});
