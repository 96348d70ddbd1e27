import type { Client } from 'pg';
import pino from 'pino';
import { Feed } from '../../src/feed/feed';
import type { MarketEntityInput } from '../gql/graphql';
import { until } from '../setup/crash';
import { CHANGES, PUSH, entities } from '../setup/data';
import { collect, startTestHub, type TestHub } from '../setup/hub';

describe('the change feed', () => {
  let t: TestHub;
  let key: string;
  /** seq of the last event before the tests' pushes (registering the system is logged too). */
  let start: number;

  beforeAll(async () => {
    t = await startTestHub();
    key = await t.system('FEED-TEST');
    start = Number(
      (await t.hub.services.orm.em.fork().execute<{ m: string }[]>('select max(seq) as m from change_event'))[0].m,
    );
  });
  afterAll(() => t.stop());

  async function push(records: MarketEntityInput[]) {
    const r = await t.gql(PUSH, { records }, key);
    expect(r.errors).toBeUndefined();
    return r.data!.pushMarketEntities;
  }

  it('replays the events after a cursor, then continues live with no gap or duplicate at the seam', async () => {
    const before = await push(entities(30, 0));
    expect(before.accepted).toBe(30);
    const client = t.ws();
    const received = collect(client, CHANGES, { after: String(start), topics: ['MARKET_ENTITY'] }, 60);
    // Push while the subscriber is replaying and after it has gone live.
    await push(entities(15, 30));
    await new Promise((r) => setTimeout(r, 200));
    await push(entities(15, 45));
    const events = await received;
    const seqs = events.map((e) => Number(e.changes.seq));
    expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => start + i + 1));
    expect(events[0].changes).toMatchObject({
      topic: 'MARKET_ENTITY',
      op: 'CREATE',
      version: 1,
      sourceSystem: 'FEED-TEST',
    });
    expect(events[0].changes.data).toMatchObject({ creditCode: events[0].changes.key, version: 1 });
  });

  it('resumes right after the cursor of the last event processed', async () => {
    const client = t.ws();
    const firstTen = await collect(client, CHANGES, { after: null }, 10);
    expect(firstTen.map((e) => Number(e.changes.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const resumed = await collect(client, CHANGES, { after: firstTen[9].changes.cursor }, 5);
    expect(resumed.map((e) => Number(e.changes.seq))).toEqual([11, 12, 13, 14, 15]);
  });

  it('delivers updates as new versions of the same key', async () => {
    const [one] = entities(1, 0);
    const head = t.hub.services.feed.head;
    await push([{ ...one, name: `${one.name}（更名）` }]);
    const [event] = await collect(t.ws(), CHANGES, { after: String(head) }, 1);
    expect(event.changes).toMatchObject({ op: 'UPDATE', key: one.creditCode, version: 2 });
    expect(event.changes.data.name).toBe(`${one.name}（更名）`);
  });

  it('rejects a cursor that it did not issue', async () => {
    const client = t.ws();
    await expect(collect(client, CHANGES, { after: 'not-a-cursor' }, 1)).rejects.toThrow(/BAD_USER_INPUT/);
  });
});

describe('the change feed under concurrent pushers', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ dbPool: 12 });
  });
  afterAll(() => t.stop());

  it('streams every event of concurrent pushers in seq order with no gap, even when commits race', async () => {
    const PUSHERS = 4;
    const BATCHES = 8;
    const SIZE = 40;
    const total = PUSHERS * BATCHES * SIZE;
    const keys = await Promise.all(Array.from({ length: PUSHERS }, (_, i) => t.system(`CONC-${i}`)));
    const start = PUSHERS; // the registrations are the first events
    const received = collect(t.ws(), CHANGES, { after: String(start) }, total, 60000);
    const pushed: string[] = [];
    await Promise.all(
      keys.map(async (key, p) => {
        for (let b = 0; b < BATCHES; b++) {
          const batch = entities(SIZE, (p * BATCHES + b) * SIZE, p + 1);
          const r = await t.gql(PUSH, { records: batch }, key);
          expect(r.data?.pushMarketEntities.accepted).toBe(SIZE);
          pushed.push(...batch.map((e) => e.creditCode!));
        }
      }),
    );
    const events = await received;
    expect(events.map((e) => Number(e.changes.seq))).toEqual(Array.from({ length: total }, (_, i) => start + i + 1));
    expect(new Set(events.map((e) => e.changes.key))).toEqual(new Set(pushed));
    // The log's hash chain links every event to the one before it.
    const rows = await t.hub.services.orm.em
      .fork()
      .execute<{ broken: string }[]>(
        'select count(*) as broken from change_event e join change_event p on p.seq = e.seq - 1 where e.prev_hash <> p.hash',
      );
    expect(Number(rows[0].broken)).toBe(0);
  });
});

describe('a slow subscriber', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ feedBuffer: 10 });
  });
  afterAll(() => t.stop());

  it('falls back to reading the table when it lags, without losing or repeating an event and without holding memory', async () => {
    const key = await t.system('SLOW');
    await t.gql(PUSH, { records: entities(5, 0) }, key);
    const feed = t.hub.services.feed;
    const stream = feed.subscribe({ after: 1 }); // seq 1 is the system's registration
    // Read the replay to the end so the stream goes live.
    for (let i = 2; i <= 6; i++) expect((await stream.next()).value?.seq).toBe(i);
    const idle = stream.next(); // waits live
    expect(feed.liveCount).toBe(1);
    // While the consumer is idle, far more events arrive than its buffer holds.
    for (let b = 0; b < 5; b++) {
      const r = await t.gql(PUSH, { records: entities(20, 5 + b * 20) }, key);
      expect(r.data?.pushMarketEntities.accepted).toBe(20);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect((await idle).value?.seq).toBe(7);
    const seqs: number[] = [];
    for (let i = 0; i < 99; i++) seqs.push((await stream.next()).value!.seq);
    expect(seqs).toEqual(Array.from({ length: 99 }, (_, i) => i + 8));
    expect(stream.fallbacks).toBeGreaterThan(0);
    await stream.return();
    expect(feed.liveCount).toBe(0);
  });

  it('ends a waiting subscriber at once when it is closed', async () => {
    const stream = t.hub.services.feed.subscribe({ after: Number.MAX_SAFE_INTEGER - 1 });
    const pending = stream.next();
    await new Promise((r) => setTimeout(r, 100));
    await stream.return();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
  });
});

describe('the LISTEN connection of a stopping hub', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  /** A feed of its own on the test hub's database, with its log lines kept. */
  async function ownFeed() {
    const lines: { level: number; msg: string }[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const feed = new Feed(t.hub.services.orm, t.db.url, log, { pollMs: 60_000, bufferLimit: 100 });
    await feed.start();
    const listener = (feed as unknown as { listener: Client }).listener;
    const pid = (listener as unknown as { processID: number }).processID;
    return { feed, lines, listener, pid };
  }

  async function terminate(pid: number) {
    await t.hub.services.orm.em.fork().execute('select pg_terminate_backend(?)', [pid]);
  }

  it('is not reported lost when the hub says it stops in the same turn as PostgreSQL ends it (Ctrl-C at a terminal)', async () => {
    const { feed, lines, listener, pid } = await ownFeed();
    try {
      // PostgreSQL's farewell (57P01) read first, the hub's SIGINT handler run right after it in the same turn.
      const lost = new Promise<void>((resolve) =>
        listener.once('error', () => {
          feed.stop();
          resolve();
        }),
      );
      await terminate(pid);
      await lost;
      await new Promise((r) => setImmediate(r));
      expect(lines.filter((l) => l.level >= 40)).toEqual([]);
      expect(lines.map((l) => l.msg)).toContain('feed LISTEN connection closed while the hub stops');
    } finally {
      await feed.close();
    }
  });

  it('is reported lost and connected again when nobody stops the hub', async () => {
    const { feed, lines, listener, pid } = await ownFeed();
    try {
      const lost = new Promise<void>((resolve) => listener.once('error', () => resolve()));
      await terminate(pid);
      await lost;
      await new Promise((r) => setImmediate(r));
      expect(lines.filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
        'feed LISTEN connection lost; reconnecting',
      ]);
      const reconnected = () => (feed as unknown as { listener?: Client }).listener;
      await until('the LISTEN connection to come back', () => reconnected() !== undefined);
      expect(reconnected()).not.toBe(listener);
    } finally {
      await feed.close();
    }
  });
});
