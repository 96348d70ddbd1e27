import { CHANGES, PUSH, entities } from '../setup/data';
import { ADMIN_KEY, collect, startTestHub, type TestHub } from '../setup/hub';

const LIMITS = { depth: 4, aliases: 2, directives: 2, rootFields: 2, cost: 1000 };

describe('operation limits', () => {
  let t: TestHub;
  let key: string;
  beforeAll(async () => {
    t = await startTestHub({ limits: LIMITS, maxBatch: 10, maxPage: 400, bodyLimit: '4kb', maxSubscriptions: 2 });
    key = await t.system('LIMITS-SYS');
  });
  afterAll(() => t.stop());

  async function code(query: string, variables?: Record<string, unknown>, k: string | undefined = key) {
    const r = await t.gql(query, variables, k);
    return { status: r.status, code: r.errors?.[0]?.extensions?.code as string | undefined, message: r.errors?.[0]?.message };
  }

  it('allows the maximum depth and refuses one level more with LIMIT_EXCEEDED and status 400', async () => {
    expect((await code('{ marketEntities { edges { node { creditCode } } } }')).code).toBeUndefined();
    expect(await code('{ marketEntities { edges { node { sourceSystem { code } } } } }')).toMatchObject({ code: 'LIMIT_EXCEEDED', status: 400 });
    // Fragments are flattened: hiding a level in a fragment does not help.
    expect(await code('{ marketEntities { edges { node { ...N } } } } fragment N on MarketEntity { sourceSystem { code } }')).toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('counts aliases, directives and root fields', async () => {
    expect((await code('{ a: sourceSystems { code } b: sourceSystems { code } }')).code).toBeUndefined();
    expect(await code('{ a: sourceSystems { code } b: sourceSystems { code } c: sourceSystems { code } }')).toMatchObject({ code: 'LIMIT_EXCEEDED', status: 400 });
    expect(await code('{ sourceSystems { code @include(if: true) name @include(if: true) kind @include(if: true) } }')).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(await code('{ sourceSystems { code } marketEntities { pageInfo { hasNextPage } } marketEntity(creditCode: "x") { name } }')).toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('weighs list fields by the page they ask for, also through variables', async () => {
    const q = 'query($n: Int) { marketEntities(first: $n) { edges { node { creditCode name roles } } } }';
    expect((await code(q, { n: 20 })).code).toBeUndefined();
    const r = await code(q, { n: 400 });
    expect(r.code).toBe('LIMIT_EXCEEDED');
    expect(r.message).toMatch(/cost/);
  });

  it('refuses a page larger than the maximum and a push larger than the batch limit', async () => {
    expect((await code('{ marketEntities(first: 400) { edges { cursor } } }')).code).toBeUndefined();
    expect(await code('{ marketEntities(first: 401) { edges { cursor } } }')).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect((await code(PUSH, { records: entities(10, 0).map((e) => ({ creditCode: e.creditCode, name: e.name })) })).code).toBeUndefined();
    expect(await code(PUSH, { records: entities(11, 0).map((e) => ({ creditCode: e.creditCode, name: e.name })) })).toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('refuses a request body over the size limit with 413 and keeps serving', async () => {
    const res = await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(5000)}` }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
    expect((await code('{ sourceSystems { code } }')).code).toBeUndefined();
  });

  it('applies the same limits over graphql-ws', async () => {
    const ws = t.ws();
    await expect(collect(ws, 'subscription { changes { a: seq b: seq c: seq } }', {}, 1)).rejects.toThrow(/LIMIT_EXCEEDED/);
    await expect(collect(ws, 'subscription { changes { seq @include(if: true) key @include(if: true) op @include(if: true) } }', {}, 1)).rejects.toThrow(/LIMIT_EXCEEDED/);
  });

  it('allows a bounded number of subscriptions on one connection', async () => {
    const ws = t.ws();
    const subs = [0, 1].map(() => ws.subscribe({ query: CHANGES, variables: { after: '999999' } }, { next: () => undefined, error: () => undefined, complete: () => undefined }));
    await new Promise((r) => setTimeout(r, 300));
    await expect(collect(ws, CHANGES, { after: '999999' }, 1, 3000)).rejects.toThrow(/LIMIT_EXCEEDED/);
    subs.forEach((unsubscribe) => unsubscribe());
  });
});

describe('rate limits', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ rateLimit: 1, rateBurst: 3 });
  });
  afterAll(() => t.stop());

  it('lets a principal make its burst, then answers 429 with Retry-After, without affecting others', async () => {
    const a = await t.system('RATE-A');
    const b = await t.system('RATE-B');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.gql('{ sourceSystems { code } }', undefined, a)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await fetch(t.hub.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${a}` }, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await res.json()) as { errors: { extensions: { code: string; retryAfterSeconds: number } }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', retryAfterSeconds: expect.any(Number) });
    expect((await t.gql('{ sourceSystems { code } }', undefined, b)).status).toBe(200);
  });
});

describe('malformed and hostile requests', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  async function post(body: string, contentType = 'application/json') {
    const res = await fetch(t.hub.url, { method: 'POST', headers: { 'content-type': contentType }, body });
    const text = await res.text();
    return { status: res.status, text, code: (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code };
  }

  it('answers invalid JSON with 400 and a coded error, not an HTML page or a stack trace', async () => {
    const r = await post('{"query": "{ __typename }"');
    expect(r).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(r.text).not.toMatch(/<html|at \w+ \(|node_modules/i);
  });

  it('refuses a body that is not JSON', async () => {
    const r = await post('query={__typename}', 'text/plain');
    expect(r.status).toBe(400);
    expect(r.text).not.toMatch(/node_modules|at \w+ \(/);
  });

  it('refuses unparsable GraphQL and a hugely nested query with coded errors', async () => {
    expect(await post(JSON.stringify({ query: '{ marketEntities {' }))).toMatchObject({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    const deep = `{ marketEntities { edges { node { ${'sourceSystem { '.repeat(200)}code${' }'.repeat(200)} } } } }`;
    expect((await post(JSON.stringify({ query: deep }))).status).toBe(400);
  });

  it('hides internal failures behind INTERNAL with an id, with no SQL in the message', async () => {
    const em = t.hub.services.orm.em.fork();
    await em.execute('alter table source_system rename to source_system_away');
    try {
      const r = await t.gql('{ sourceSystems { code } }');
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'INTERNAL', errorId: expect.any(String) });
      expect(JSON.stringify(r.errors)).not.toMatch(/source_system|select|relation|stack/i);
    } finally {
      await em.execute('alter table source_system_away rename to source_system');
    }
    expect((await t.gql('{ sourceSystems { code } }')).errors).toBeUndefined();
  });
});
