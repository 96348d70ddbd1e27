import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { PUSH, entities } from '../setup/data';
import { countStatements } from '../setup/statements';

/** The value of one sample of a Prometheus text exposition (undefined when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_:]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',').filter(Boolean);
    if (want.every((w) => have.includes(w))) return Number(m[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  let t: TestHub;
  let url: string;
  let systemKey: string;
  let dashboardKey: string;
  let integratorKey: string;
  const client = async (name: string, roles: string) => {
    const r = await t.gql<{ createClient: { apiKey: string } }>(
      `mutation { createClient(input: { name: "${name}", roles: [${roles}] }) { apiKey } }`,
      undefined,
      ADMIN_KEY,
    );
    return r.data!.createClient.apiKey;
  };
  const scrape = (key?: string) => fetch(url, { headers: key ? { authorization: `Bearer ${key}` } : {} });

  beforeAll(async () => {
    t = await startTestHub({ rateLimit: 1_000_000, rateBurst: 1_000_000 });
    url = t.hub.url.replace(/\/graphql$/, '/metrics');
    systemKey = await t.system('MET-SYS');
    dashboardKey = await client('met-wall', 'DASHBOARD');
    integratorKey = await client('met-reader', 'INTEGRATOR');
  });
  afterAll(() => t.stop());

  it('needs the operators key or an ADMIN or DASHBOARD key by default', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('hub_not-a-key')).status).toBe(401);
    expect((await scrape(integratorKey)).status).toBe(403);
    expect((await scrape(ADMIN_KEY)).status).toBe(200);
    const res = await scrape(dashboardKey);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('counts requests, pushed records, the change-log head, subscriptions and process figures', async () => {
    const records = entities(3, 8100);
    const bad = { ...entities(1, 8200)[0], creditCode: 'NOT-A-CODE' };
    const push = () =>
      fetch(t.hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${systemKey}` },
        body: JSON.stringify({ query: PUSH, operationName: 'Push', variables: { records: [...records, bad] } }),
      });
    expect((await push()).status).toBe(200);
    expect((await push()).status).toBe(200);
    // A refused key is counted with its code.
    await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer hub_wrong' },
      body: JSON.stringify({ query: 'query Who { __typename }', operationName: 'Who' }),
    });
    // One live subscription while the metrics are read: running once its first event arrived.
    const ws = t.ws(ADMIN_KEY);
    await new Promise<void>((resolve, reject) => {
      ws.subscribe(
        { query: 'subscription { changes(topics: [MARKET_ENTITY]) { seq } }' },
        { next: () => resolve(), error: reject, complete: () => undefined },
      );
    });

    const text = await (await scrape(ADMIN_KEY)).text();
    const pushed = (status: string) =>
      sample(text, 'hub_pushed_records_total', { system: 'MET-SYS', topic: 'MARKET_ENTITY', status });
    expect(pushed('accepted')).toBe(3);
    expect(pushed('unchanged')).toBe(3);
    expect(pushed('rejected')).toBe(2);
    expect(sample(text, 'hub_graphql_requests_total', { operation: 'Push', outcome: 'ok' })).toBe(2);
    expect(sample(text, 'hub_graphql_request_duration_seconds_count', { operation: 'Push', outcome: 'ok' })).toBe(2);
    expect(sample(text, 'hub_graphql_requests_total', { operation: 'Who', outcome: 'UNAUTHENTICATED' })).toBe(1);
    expect(sample(text, 'hub_change_log_head')).toBe(t.hub.services.feed.head);
    expect(sample(text, 'hub_change_log_head')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'hub_websocket_connections')).toBe(1);
    expect(sample(text, 'hub_subscriptions')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'hub_feed_delivery_lag_seconds_count')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'hub_db_pool_connections', { state: 'used' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'hub_db_pool_connections', { state: 'free' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('shows each named consumer: lag in events and seconds, connected, age of the last acknowledgement', async () => {
    const r = await t.gql<{ registerFeedConsumer: { apiKey: string } }>(
      `mutation { registerFeedConsumer(input: { name: "met-relay", topics: [MARKET_ENTITY] }) { apiKey } }`,
      undefined,
      ADMIN_KEY,
    );
    expect(r.errors).toBeUndefined();
    const consumerKey = r.data!.registerFeedConsumer.apiKey;
    const pushed = await t.gql(PUSH, { records: entities(4, 8300) }, systemKey);
    expect(pushed.errors).toBeUndefined();
    const [{ n, oldest }] = await t.hub.services.orm.em
      .fork()
      .execute<{ n: number; oldest: Date }[]>(
        `select count(*)::int as n, min(occurred_at) as oldest from change_event where topic = 'MARKET_ENTITY'`,
      );
    expect(n).toBeGreaterThanOrEqual(4);
    const of = (text: string, name: string) => sample(text, name, { consumer: 'met-relay' });

    // Nothing acknowledged, nobody connected: the whole topic is its lag, and there is no acknowledgement age.
    let text = '';
    const statements = await countStatements(t.hub, async () => {
      text = await (await scrape(ADMIN_KEY)).text();
    });
    expect(of(text, 'hub_feed_consumer_lag_events')).toBe(n);
    const lagSeconds = of(text, 'hub_feed_consumer_lag_seconds')!;
    const age = (Date.now() - new Date(oldest).getTime()) / 1000;
    expect(lagSeconds).toBeGreaterThan(0);
    expect(lagSeconds).toBeLessThanOrEqual(age + 1);
    expect(of(text, 'hub_feed_consumer_connected')).toBe(0);
    expect(of(text, 'hub_feed_consumer_ack_age_seconds')).toBeUndefined();
    // The four gauges come from one statement per scrape.
    expect([...statements.executes, ...statements.queries].filter((q) => /feed_consumer/.test(q))).toHaveLength(1);

    // Following: connected once its stream runs; acknowledged up to the last event: no lag, a fresh acknowledgement.
    const ws = t.ws(consumerKey);
    const cursors: string[] = [];
    await new Promise<void>((resolve, reject) => {
      ws.subscribe<{ changes: { cursor: string } }>(
        { query: 'subscription { changes(topics: [MARKET_ENTITY]) { cursor } }' },
        {
          next: (v) => {
            if (v.errors) return reject(new Error(JSON.stringify(v.errors)));
            cursors.push(v.data!.changes.cursor);
            if (cursors.length === n) resolve();
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    const ack = await t.gql(
      `mutation($c: String!) { acknowledgeChanges(cursor: $c) { acknowledgedSeq } }`,
      { c: cursors.at(-1) },
      consumerKey,
    );
    expect(ack.errors).toBeUndefined();
    text = await (await scrape(ADMIN_KEY)).text();
    expect(of(text, 'hub_feed_consumer_lag_events')).toBe(0);
    expect(of(text, 'hub_feed_consumer_lag_seconds')).toBe(0);
    expect(of(text, 'hub_feed_consumer_connected')).toBe(1);
    expect(of(text, 'hub_feed_consumer_ack_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(of(text, 'hub_feed_consumer_ack_age_seconds')).toBeLessThan(60);

    // One more event: lag again, until acknowledged.
    await t.gql(PUSH, { records: entities(1, 8400) }, systemKey);
    text = await (await scrape(ADMIN_KEY)).text();
    expect(of(text, 'hub_feed_consumer_lag_events')).toBe(1);
  });

  it('bounds the operation names it labels', async () => {
    const names = Array.from({ length: 230 }, (_, i) => `Op${i}`);
    for (const name of names) {
      await fetch(t.hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
        body: JSON.stringify({ query: `query ${name} { __typename }`, operationName: name }),
      });
    }
    const text = await (await scrape(ADMIN_KEY)).text();
    const labelled = new Set([...text.matchAll(/^hub_graphql_requests_total\{operation="([^"]+)"/gm)].map((m) => m[1]));
    // At most 200 names, then `other`, besides `anonymous` for operations without a name.
    expect(labelled.size).toBeLessThanOrEqual(202);
    expect(sample(text, 'hub_graphql_requests_total', { operation: 'other', outcome: 'ok' })).toBeGreaterThan(0);
  });

  it('is open with HUB_METRICS=open and absent with HUB_METRICS=off', async () => {
    const open = await startTestHub({ metrics: 'open' }, t.db);
    const off = await startTestHub({ metrics: 'off' }, t.db);
    try {
      expect((await fetch(open.hub.url.replace(/\/graphql$/, '/metrics'))).status).toBe(200);
      expect(
        (
          await fetch(off.hub.url.replace(/\/graphql$/, '/metrics'), {
            headers: { authorization: `Bearer ${ADMIN_KEY}` },
          })
        ).status,
      ).toBe(404);
    } finally {
      await open.stop();
      await off.stop();
    }
  });
});
