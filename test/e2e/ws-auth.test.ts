import WebSocket from 'ws';
import { messageText } from '../../src/server/ws-socket';
import { JumpClock } from '../setup/clock';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';

/*
 * Authentication over graphql-ws holds for the life of a connection: a key
 * revoked or expired while its connection is open ends the connection, and
 * changed grants make the client reconnect under them. Spoken in the
 * graphql-transport-ws protocol by hand, to see the close codes.
 */

interface Raw {
  socket: WebSocket;
  messages: Record<string, unknown>[];
  closed: Promise<{ code: number; reason: string }>;
  next(type: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  send(message: Record<string, unknown>): void;
}

async function connect(t: TestHub, key: string | null): Promise<Raw> {
  const socket = new WebSocket(t.hub.wsUrl, 'graphql-transport-ws');
  const messages: Record<string, unknown>[] = [];
  const waiting: { type: string; resolve: (m: Record<string, unknown>) => void }[] = [];
  socket.on('message', (data) => {
    const m = JSON.parse(messageText(data)) as Record<string, unknown>;
    messages.push(m);
    const i = waiting.findIndex((w) => w.type === m.type);
    if (i >= 0) waiting.splice(i, 1)[0].resolve(m);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const raw: Raw = {
    socket,
    messages,
    closed,
    send: (m) => socket.send(JSON.stringify(m)),
    next: (type, timeoutMs = 10_000) => {
      const seen = messages.findIndex((m) => m.type === type);
      if (seen >= 0) return Promise.resolve(messages.splice(seen, 1)[0]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${type} within ${timeoutMs} ms; got ${JSON.stringify(messages)}`)),
          timeoutMs,
        );
        waiting.push({
          type,
          resolve: (m) => (clearTimeout(timer), messages.splice(messages.indexOf(m), 1), resolve(m)),
        });
      });
    },
  };
  raw.send({ type: 'connection_init', payload: key ? { authorization: `Bearer ${key}` } : {} });
  return raw;
}

/** `p`, or a failure after `ms`; the timer goes with the answer (a pending one would keep jest's worker alive). */
const within = <T>(p: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms)),
  );
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
};

describe('graphql-ws authentication for the life of a connection', () => {
  let t: TestHub;
  // A key-cache lifetime of a minute: the periodic re-check cannot act within these tests, only admin actions can.
  let quick: TestHub;
  // Key expiry on `quick` is judged by this clock: tests move it past a deadline instead of sleeping until it.
  const quickClock = new JumpClock();

  beforeAll(async () => {
    t = await startTestHub({ keyCacheSeconds: 60, bodyLimit: '64kb' });
    quick = await startTestHub({ keyCacheSeconds: 1 }, t.db, { clock: quickClock });
  });
  afterAll(async () => {
    await quick.stop();
    await t.stop();
  });

  async function consumer(name: string, topics = 'MARKET_ENTITY'): Promise<{ apiKey: string; keyId: number }> {
    const r = await t.gql<{ createClient: { apiKey: string; key: { id: number } } }>(
      `mutation { createClient(input: { name: "${name}", roles: [FEED_CONSUMER], readTopics: [${topics}] }) { apiKey key { id } } }`,
      undefined,
      ADMIN_KEY,
    );
    expect(r.errors).toBeUndefined();
    return { apiKey: r.data!.createClient.apiKey, keyId: r.data!.createClient.key.id };
  }

  const FOLLOW = {
    id: '1',
    type: 'subscribe',
    payload: { query: 'subscription { changes(topics: [MARKET_ENTITY]) { cursor key } }' },
  };

  it('ends an open subscription with 4401 when its key is revoked, and refuses the key from then on', async () => {
    const c = await consumer('ws-revoked');
    const raw = await connect(t, c.apiKey);
    await raw.next('connection_ack');
    raw.send(FOLLOW);
    // An idle live subscription: no error, no completion.
    await new Promise((r) => setTimeout(r, 200));
    expect(raw.messages.filter((m) => m.type === 'error' || m.type === 'complete')).toEqual([]);

    const revoked = await t.gql(`mutation { revokeApiKey(keyId: ${c.keyId}) { id } }`, undefined, ADMIN_KEY);
    expect(revoked.errors).toBeUndefined();
    expect(await within(raw.closed, 5000)).toEqual({
      code: 4401,
      reason: 'Unauthorized: the API key is unknown, revoked or expired',
    });

    // A bad key is refused at once with 4401, which graphql-ws clients do not retry.
    const again = await connect(t, c.apiKey);
    expect(await within(again.closed, 5000)).toEqual({
      code: 4401,
      reason: 'Unauthorized: the API key is unknown, revoked or expired',
    });
  });

  it('ends the connection of a key whose rotation grace has run out', async () => {
    const c = await consumer('ws-rotated');
    const raw = await connect(quick, c.apiKey);
    await raw.next('connection_ack');
    raw.send(FOLLOW);
    // A grace of a minute, which no slow machine runs out by itself: the test moves the hub's clock past it.
    const rotated = await t.gql<{ rotateApiKey: { apiKey: string } }>(
      `mutation { rotateApiKey(keyId: ${c.keyId}, graceSeconds: 60) { apiKey } }`,
      undefined,
      ADMIN_KEY,
    );
    expect(rotated.errors).toBeUndefined();
    // Still inside the grace period: the old key keeps its connection through the re-checks (after the
    // admin action and every key-cache lifetime, 1 s on this hub).
    await new Promise((r) => setTimeout(r, 1200));
    expect(raw.socket.readyState).toBe(WebSocket.OPEN);
    quickClock.jump(61_000);
    // No admin action marks the end of the grace: the periodic re-check finds it.
    expect((await within(raw.closed, 6000)).code).toBe(4401);
    const fresh = await connect(quick, rotated.data!.rotateApiKey.apiKey);
    await fresh.next('connection_ack');
    fresh.socket.close();
  });

  it('closes with 4403 when grants change, and the reconnected client gets only what it is now granted', async () => {
    const c = await consumer('ws-regranted', 'MARKET_ENTITY, BID');
    const raw = await connect(t, c.apiKey);
    await raw.next('connection_ack');
    raw.send({ id: '1', type: 'subscribe', payload: { query: 'subscription { changes(topics: [BID]) { cursor } }' } });
    const narrowed = await t.gql(
      `mutation { updateGrants(principal: "ws-regranted", input: { readTopics: [MARKET_ENTITY] }) { name } }`,
      undefined,
      ADMIN_KEY,
    );
    expect(narrowed.errors).toBeUndefined();
    expect(await within(raw.closed, 5000)).toEqual({
      code: 4403,
      reason: 'Forbidden: roles or grants changed; reconnect',
    });

    const again = await connect(t, c.apiKey);
    await again.next('connection_ack');
    again.send({
      id: '2',
      type: 'subscribe',
      payload: { query: 'subscription { changes(topics: [BID]) { cursor } }' },
    });
    const refused = await again.next('next');
    expect(refused).toMatchObject({
      id: '2',
      payload: {
        errors: [
          expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', field: 'topics' }) }),
        ],
      },
    });
    await again.next('complete');
    again.socket.close();
  });

  it('refuses an operation sent right after the grants changed, and closes the connection', async () => {
    const c = await consumer('ws-raced', 'MARKET_ENTITY, BID');
    const raw = await connect(t, c.apiKey);
    await raw.next('connection_ack');
    raw.send(FOLLOW);
    const narrowed = await t.gql(
      `mutation { updateGrants(principal: "ws-raced", input: { readTopics: [BID] }) { name } }`,
      undefined,
      ADMIN_KEY,
    );
    expect(narrowed.errors).toBeUndefined();
    // Straight after the change, before or after the hub has re-checked the connection on its own.
    raw.send({
      id: '2',
      type: 'subscribe',
      payload: { query: 'subscription { changes(topics: [MARKET_ENTITY]) { cursor } }' },
    });
    expect(await within(raw.closed, 5000)).toEqual({
      code: 4403,
      reason: 'Forbidden: roles or grants changed; reconnect',
    });
    expect(raw.messages.filter((m) => m.type === 'next')).toEqual([]);
  });

  it('holds a graphql-ws message to the request body limit (HUB_BODY_LIMIT)', async () => {
    const raw = await connect(t, ADMIN_KEY);
    await raw.next('connection_ack');
    const padding = ' '.repeat(70 * 1024);
    raw.send({ id: '1', type: 'subscribe', payload: { query: `subscription {${padding} changes { cursor } }` } });
    expect((await within(raw.closed, 5000)).code).toBe(1009); // Message Too Big
    // A message under the limit is served.
    const ok = await connect(t, ADMIN_KEY);
    await ok.next('connection_ack');
    ok.send({
      id: '1',
      type: 'subscribe',
      payload: { query: `subscription {${' '.repeat(50 * 1024)} changes { cursor } }` },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(ok.socket.readyState).toBe(WebSocket.OPEN);
    expect(ok.messages.filter((m) => m.type === 'error')).toEqual([]);
    ok.socket.close();
  });
});

describe('failed keys count against the rate limit', () => {
  let t: TestHub;
  beforeAll(async () => {
    // One token every 20 s: nothing refills while a test runs.
    t = await startTestHub({ rateLimit: 0.05, rateBurst: 3 });
  });
  afterAll(() => t.stop());

  it('answers guessed keys over HTTP with 429 and Retry-After once the burst is used', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await fetch(t.hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer hub_guess${i}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      statuses.push(res.status);
      retryAfter ??= res.headers.get('retry-after');
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('counts WebSocket connection attempts against the same bucket as requests', async () => {
    const r = await t.gql<{ createClient: { apiKey: string } }>(
      `mutation { createClient(input: { name: "ws-busy", roles: [FEED_CONSUMER], readTopics: [BID] }) { apiKey } }`,
      undefined,
      ADMIN_KEY,
    );
    const key = r.data!.createClient.apiKey;
    const first = await connect(t, key);
    await first.next('connection_ack');
    first.socket.close();
    // Two more requests use up the burst of three...
    for (let i = 0; i < 2; i++) expect((await t.gql('{ __typename }', undefined, key)).status).toBe(200);
    // ...so the next connection attempt is refused (4403, which clients retry later), though the key is good.
    const refused = await connect(t, key);
    expect((await within(refused.closed, 5000)).code).toBe(4403);
    expect((await t.gql('{ __typename }', undefined, key)).status).toBe(429);
  });
});
