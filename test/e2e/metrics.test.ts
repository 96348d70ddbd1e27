import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { PUSH, entities } from '../setup/data';

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
