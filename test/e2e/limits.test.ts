import { graphql } from '../gql';
import { CHANGES, PUSH, entities } from '../setup/data';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ADMIN_KEY, collect, startTestHub, type TestHub } from '../setup/hub';
import { messageText, tcpSocketOf } from '../../src/server/ws-socket';

type GqlError = { message: string; extensions?: Record<string, unknown> };

/** The first message of an operation over graphql-ws: a result (`next`) or refused before execution (`error`). */
interface WsReply {
  via: 'next' | 'error';
  data?: Record<string, unknown> | null;
  errors?: GqlError[];
}

/**
 * Sends one operation over graphql-ws and resolves with its first message. A subscription is then
 * completed by the client; a query or mutation is left to complete on its own (completing it from the
 * client as well makes graphql-ws's client release its connection twice and close it).
 */
function wsOnce(
  client: WsClient,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = 10000,
): Promise<WsReply> {
  const subscription = /^\s*subscription\b/.test(query);
  return new Promise((resolve, reject) => {
    let first: WsReply | undefined;
    let done = false;
    const finish = (r: WsReply | Error, unsubscribeNow: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (unsubscribeNow) unsubscribe();
      if (r instanceof Error) reject(r);
      else resolve(r);
    };
    const timer = setTimeout(() => finish(new Error(`no reply within ${timeoutMs} ms`), true), timeoutMs);
    const unsubscribe = client.subscribe(
      { query, variables },
      {
        next: (v) => {
          first ??= { via: 'next', data: v.data, errors: v.errors as GqlError[] | undefined };
          if (subscription) finish(first, true);
        },
        error: (e) => {
          if (Array.isArray(e)) return finish({ via: 'error', errors: e as GqlError[] }, false);
          const close = e as { code?: number; reason?: string };
          finish(e instanceof Error ? e : new Error(`closed ${close.code ?? '?'} ${close.reason ?? ''}`), false);
        },
        complete: () => finish(first ?? new Error('completed without a message'), false),
      },
    );
  });
}

const wsClients: WsClient[] = [];

/**
 * A graphql-ws client that keeps its connection open between operations (not lazy): a lazy client
 * closes its socket when an operation ends with an error and may end the next one without a message.
 * Disposed by disposeWsClients().
 */
function wsClient(t: TestHub, key: string = ADMIN_KEY): WsClient {
  const client = createClient({
    url: t.hub.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${key}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
  wsClients.push(client);
  return client;
}

async function disposeWsClients(): Promise<void> {
  await Promise.all(wsClients.splice(0).map((c) => Promise.resolve(c.dispose())));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `ok()` holds, polling; fails after `timeoutMs`. */
async function until(ok: () => boolean, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(20);
  }
}

/** Asserts a graphql-ws reply is a result without errors and returns its data. */
function accepted(r: WsReply): Record<string, unknown> {
  expect(r.errors).toBeUndefined();
  expect(r.via).toBe('next');
  expect(r.data).toBeTruthy();
  return r.data!;
}

/** Asserts a graphql-ws reply is one LIMIT_EXCEEDED error with no data, and returns its extensions. */
function limitExceeded(r: WsReply): Record<string, unknown> {
  expect(r.errors).toHaveLength(1);
  expect(r.errors![0].extensions?.code).toBe('LIMIT_EXCEEDED');
  expect(r.data ?? null).toBeNull();
  return r.errors![0].extensions!;
}

const LIMITS = { depth: 4, aliases: 2, directives: 2, rootFields: 2, cost: 1000 };

/*
 * The ordinary operations below are typed by codegen (test/gql). The documents that probe a limit (one level, alias,
 * directive or root field more than allowed; fragments hiding depth) stay plain strings: their shape is what each
 * test is about, and it is written next to the assertion that counts it.
 */
const SYSTEMS = graphql(`
  query LimitsSystems {
    sourceSystems {
      code
    }
  }
`);
const PAGE_COST = graphql(`
  query LimitsPageCost($n: Int) {
    marketEntities(first: $n) {
      edges {
        node {
          creditCode
          name
          roles
        }
      }
    }
  }
`);
const EDGE_COST = graphql(`
  query LimitsEdgeCost($n: Int) {
    marketEntities(first: $n) {
      edges {
        node {
          creditCode
        }
      }
    }
  }
`);
const FIRST_PAGE = graphql(`
  query LimitsFirstPage {
    marketEntities(first: 1) {
      pageInfo {
        hasNextPage
      }
    }
  }
`);

describe('operation limits', () => {
  let t: TestHub;
  let key: string;
  beforeAll(async () => {
    t = await startTestHub({ limits: LIMITS, maxBatch: 10, maxPage: 400, bodyLimit: '4kb', maxSubscriptions: 2 });
    key = await t.system('LIMITS-SYS');
  });
  afterAll(async () => {
    await disposeWsClients();
    await t.stop();
  });

  async function code(query: string, variables?: Record<string, unknown>, k: string | undefined = key) {
    const r = await t.gql(query, variables, k);
    return {
      status: r.status,
      code: r.errors?.[0]?.extensions?.code as string | undefined,
      message: r.errors?.[0]?.message,
    };
  }

  it('allows the maximum depth and refuses one level more with LIMIT_EXCEEDED and status 400', async () => {
    expect((await code('{ marketEntities { edges { node { creditCode } } } }')).code).toBeUndefined();
    expect(await code('{ marketEntities { edges { node { sourceSystem { code } } } } }')).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      status: 400,
    });
    // Fragments are flattened: hiding a level in a fragment does not help.
    expect(
      await code('{ marketEntities { edges { node { ...N } } } } fragment N on MarketEntity { sourceSystem { code } }'),
    ).toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('counts aliases, directives and root fields', async () => {
    expect((await code('{ a: sourceSystems { code } b: sourceSystems { code } }')).code).toBeUndefined();
    expect(
      await code('{ a: sourceSystems { code } b: sourceSystems { code } c: sourceSystems { code } }'),
    ).toMatchObject({ code: 'LIMIT_EXCEEDED', status: 400 });
    expect(
      await code('{ sourceSystems { code @include(if: true) name @include(if: true) kind @include(if: true) } }'),
    ).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(
      await code(
        '{ sourceSystems { code } marketEntities { pageInfo { hasNextPage } } marketEntity(creditCode: "x") { name } }',
      ),
    ).toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('weighs list fields by the page they ask for, also through variables', async () => {
    expect((await code(String(PAGE_COST), { n: 20 })).code).toBeUndefined();
    const r = await code(String(PAGE_COST), { n: 400 });
    expect(r.code).toBe('LIMIT_EXCEEDED');
    expect(r.message).toMatch(/cost/);
  });

  it('refuses a page larger than the maximum and a push larger than the batch limit', async () => {
    expect((await code('{ marketEntities(first: 400) { edges { cursor } } }')).code).toBeUndefined();
    expect(await code('{ marketEntities(first: 401) { edges { cursor } } }')).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(
      (await code(String(PUSH), { records: entities(10, 0).map((e) => ({ creditCode: e.creditCode, name: e.name })) }))
        .code,
    ).toBeUndefined();
    expect(
      await code(String(PUSH), { records: entities(11, 0).map((e) => ({ creditCode: e.creditCode, name: e.name })) }),
    ).toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('refuses a request body over the size limit with 413 and keeps serving', async () => {
    const res = await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(5000)}` }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'LIMIT_EXCEEDED',
    );
    expect((await code(String(SYSTEMS))).code).toBeUndefined();
  });

  it('applies the same limits over graphql-ws', async () => {
    const ws = t.ws();
    await expect(collect(ws, 'subscription { changes { a: seq b: seq c: seq } }', {}, 1)).rejects.toThrow(
      /LIMIT_EXCEEDED/,
    );
    await expect(
      collect(
        ws,
        'subscription { changes { seq @include(if: true) key @include(if: true) op @include(if: true) } }',
        {},
        1,
      ),
    ).rejects.toThrow(/LIMIT_EXCEEDED/);
  });

  it('allows a bounded number of subscriptions on one connection', async () => {
    const ws = t.ws();
    // Subscriptions from the head of the log wait quietly for new events (a cursor beyond the head is refused).
    const head = String(t.hub.services.feed.head);
    const subs = [0, 1].map(() =>
      ws.subscribe(
        { query: String(CHANGES), variables: { after: head } },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    await expect(collect(ws, CHANGES, { after: head }, 1, 3000)).rejects.toThrow(/LIMIT_EXCEEDED/);
    subs.forEach((unsubscribe) => unsubscribe());
  });

  describe('over graphql-ws', () => {
    it('allows the maximum depth and refuses one level more, fragments included', async () => {
      const ws = wsClient(t, key);
      expect(accepted(await wsOnce(ws, '{ marketEntities { edges { node { creditCode } } } }'))).toEqual({
        marketEntities: { edges: expect.any(Array) },
      });
      // A subscription at the bound too (tradingStatisticsChanged › rows › category › code).
      const stats = accepted(
        await wsOnce(
          wsClient(t),
          'subscription { tradingStatisticsChanged(groupBy: [CATEGORY]) { rows { category { code } } } }',
        ),
      );
      expect(stats).toEqual({ tradingStatisticsChanged: { rows: [] } });
      const ext = limitExceeded(await wsOnce(ws, '{ marketEntities { edges { node { sourceSystem { code } } } } }'));
      expect(ext.limitExceeded).toBe('depth');
      limitExceeded(
        await wsOnce(
          ws,
          '{ marketEntities { edges { node { ...N } } } } fragment N on MarketEntity { sourceSystem { code } }',
        ),
      );
    });

    it('allows the maximum aliases and directives and refuses one more of each', async () => {
      const ws = wsClient(t);
      accepted(await wsOnce(ws, '{ sourceSystems { a: code b: code } }'));
      expect(limitExceeded(await wsOnce(ws, '{ sourceSystems { a: code b: code c: code } }')).limitExceeded).toBe(
        'aliases',
      );
      accepted(await wsOnce(ws, '{ sourceSystems { code @include(if: true) name @include(if: true) } }'));
      expect(
        limitExceeded(
          await wsOnce(
            ws,
            '{ sourceSystems { code @include(if: true) name @include(if: true) kind @include(if: true) } }',
          ),
        ).limitExceeded,
      ).toBe('directives');
    });

    it('allows the maximum root fields and refuses one more', async () => {
      const ws = wsClient(t, key);
      const data = accepted(await wsOnce(ws, '{ sourceSystems { code } tradingCatalog { code } }'));
      expect(data.sourceSystems).toEqual(expect.arrayContaining([{ code: 'LIMITS-SYS' }]));
      const ext = limitExceeded(
        await wsOnce(ws, '{ sourceSystems { code } tradingCatalog { code } marketEntity(creditCode: "x") { name } }'),
      );
      expect(ext.limitExceeded).toBe('rootFields');
    });

    it('allows an operation at the maximum cost and refuses one just over it, naming both', async () => {
      // Cost of marketEntities(first: n) { edges { node { creditCode } } } is 1 + 3n: n = 333 costs exactly 1000.
      const ws = wsClient(t, key);
      expect(accepted(await wsOnce(ws, String(EDGE_COST), { n: 333 }))).toEqual({
        marketEntities: { edges: expect.any(Array) },
      });
      const over = await wsOnce(ws, String(EDGE_COST), { n: 334 });
      expect(over.via).toBe('error');
      expect(limitExceeded(over)).toMatchObject({ limit: 1000, cost: 1003 });
    });

    it('allows the maximum page size and refuses one more', async () => {
      const ws = wsClient(t, key);
      expect(accepted(await wsOnce(ws, '{ marketEntities(first: 400) { edges { cursor } } }'))).toEqual({
        marketEntities: { edges: expect.any(Array) },
      });
      expect(limitExceeded(await wsOnce(ws, '{ marketEntities(first: 401) { edges { cursor } } }'))).toMatchObject({
        field: 'first',
        limit: 400,
        actual: 401,
      });
    });

    it('holds the maximum number of subscriptions on a connection, refuses one more, and takes another once one ends', async () => {
      const ws = wsClient(t);
      const events = [0, 0];
      const subs = [0, 1].map((i) =>
        ws.subscribe(
          { query: String(CHANGES), variables: { after: null } },
          { next: (v) => void (v.data && (events[i] += 1)), error: () => undefined, complete: () => undefined },
        ),
      );
      // Both are live: each has received the first event of the log.
      await until(() => events.every((n) => n > 0));
      expect(limitExceeded(await wsOnce(ws, String(CHANGES), { after: null }))).toMatchObject({ limit: 2 });
      subs[0]();
      await sleep(200);
      expect(accepted(await wsOnce(ws, String(CHANGES), { after: null }))).toMatchObject({ changes: { seq: '1' } });
      subs[1]();
    });

    // A client can send several subscribe messages before the hub has set up the first: all must count,
    // those still starting included (graphql-ws holds them as null in ctx.subscriptions until their
    // stream exists; a count that left them out would admit a burst of six whole).
    it('refuses subscriptions over the limit even when they arrive in one burst', async () => {
      // A raw graphql-transport-ws connection, so that the six subscribe frames leave in one write.
      const socket = new WebSocket(t.hub.wsUrl, 'graphql-transport-ws');
      const replies = new Map<string, { type: string; payload?: unknown }>();
      let acked = false;
      socket.on('message', (raw) => {
        const m = JSON.parse(messageText(raw)) as { id?: string; type: string; payload?: unknown };
        if (m.type === 'connection_ack') acked = true;
        else if (m.id && !replies.has(m.id)) replies.set(m.id, m);
      });
      try {
        await new Promise((r) => socket.once('open', r));
        socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${ADMIN_KEY}` } }));
        await until(() => acked);
        const tcp = tcpSocketOf(socket)!;
        tcp.cork();
        for (const id of ['1', '2', '3', '4', '5', '6'])
          socket.send(
            JSON.stringify({ id, type: 'subscribe', payload: { query: String(CHANGES), variables: { after: null } } }),
          );
        process.nextTick(() => tcp.uncork());
        await until(() => replies.size === 6);
        const refused = [...replies.values()].filter(
          (m) => m.type === 'error' && JSON.stringify(m.payload).includes('LIMIT_EXCEEDED'),
        );
        expect(refused).toHaveLength(4);
      } finally {
        socket.close();
      }
    });
  });
});

describe('rate limits', () => {
  let t: TestHub;
  beforeAll(async () => {
    // One token every 20 s: however slow the machine, no token comes back while the test makes its burst.
    t = await startTestHub({ rateLimit: 0.05, rateBurst: 3 });
  });
  afterAll(() => t.stop());

  it('lets a principal make its burst, then answers 429 with Retry-After, without affecting others', async () => {
    const a = await t.system('RATE-A');
    const b = await t.system('RATE-B');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.gql(SYSTEMS, undefined, a)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a}` },
      body: '{"query":"{ __typename }"}',
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await res.json()) as { errors: { extensions: { code: string; retryAfterSeconds: number } }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', retryAfterSeconds: expect.any(Number) });
    expect((await t.gql(SYSTEMS, undefined, b)).status).toBe(200);
  });
});

describe('rate limits over graphql-ws', () => {
  let t: TestHub;
  beforeAll(async () => {
    // One token every 5 s: however slow the machine, no token comes back while the test makes its burst.
    t = await startTestHub({ rateLimit: 0.2, rateBurst: 5 });
  });
  afterAll(async () => {
    await disposeWsClients();
    await t.stop();
  });

  it('admits a burst of operations on one connection, then refuses with LIMIT_EXCEEDED and retryAfterSeconds, from the bucket HTTP uses too', async () => {
    const a = await t.system('RATE-WS-A');
    const b = await t.system('RATE-WS-B');
    const ws = wsClient(t, a);
    // Connecting and this first operation take two of the five tokens: three are left.
    accepted(await wsOnce(ws, '{ __typename }'));
    for (let i = 0; i < 3; i++)
      expect(accepted(await wsOnce(ws, String(SYSTEMS))).sourceSystems).toEqual(
        expect.arrayContaining([{ code: 'RATE-WS-A' }]),
      );
    const refused = await wsOnce(ws, String(SYSTEMS));
    expect(refused.via).toBe('error');
    const ext = limitExceeded(refused);
    expect(ext.retryAfterSeconds).toEqual(expect.any(Number));
    expect(ext.retryAfterSeconds as number).toBeGreaterThanOrEqual(1);
    expect(refused.errors![0].message).toMatch(/retry after/);
    // One bucket per principal, whatever the transport.
    const http = await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a}` },
      body: '{"query":"{ __typename }"}',
    });
    expect(http.status).toBe(429);
    // Another principal is not held back.
    accepted(await wsOnce(wsClient(t, b), String(SYSTEMS)));
    // After the time it was told, the principal is admitted again on the same connection.
    await sleep((ext.retryAfterSeconds as number) * 1000);
    accepted(await wsOnce(ws, String(SYSTEMS)));
  });
});

describe('malformed and hostile requests', () => {
  let t: TestHub;
  const LIMIT = 4096; // bodyLimit '4kb'
  beforeAll(async () => {
    t = await startTestHub({ bodyLimit: '4kb' });
  });
  afterAll(() => t.stop());

  async function post(body: string, contentType = 'application/json') {
    const res = await fetch(t.hub.url, { method: 'POST', headers: { 'content-type': contentType }, body });
    const text = await res.text();
    const parsed = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    return { status: res.status, text, data: parsed.data, code: parsed.errors?.[0]?.extensions?.code };
  }

  /** The hub still answers a normal query (a public one in the test hub, read from the database). */
  async function stillServes() {
    const r = await t.gql(FIRST_PAGE);
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ marketEntities: { pageInfo: { hasNextPage: false } } });
  }

  /** A JSON body of exactly `bytes` bytes holding a valid query (padded with a comment). */
  function bodyOf(bytes: number): string {
    const bare = JSON.stringify({ query: '{ __typename } #' });
    const body = JSON.stringify({ query: `{ __typename } #${'x'.repeat(bytes - bare.length)}` });
    expect(Buffer.byteLength(body)).toBe(bytes);
    return body;
  }

  it('answers invalid JSON with 400 and a coded error, not an HTML page or a stack trace', async () => {
    const r = await post('{"query": "{ __typename }"');
    expect(r).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', data: undefined });
    expect(r.text).not.toMatch(/<html|at \w+ \(|node_modules/i);
    await stillServes();
  });

  it('refuses a body that is not JSON', async () => {
    const r = await post('query={__typename}', 'text/plain');
    expect(r.status).toBe(400);
    expect(r.text).not.toMatch(/node_modules|at \w+ \(/);
    await stillServes();
  });

  it('refuses a JSON body sent with a wrong content type with 400 and a coded error', async () => {
    // A form-like type (text/plain) is refused before anything runs (Apollo's CSRF prevention).
    const csrf = await post(JSON.stringify({ query: '{ __typename }' }), 'text/plain');
    expect(csrf).toMatchObject({ status: 400, code: 'BAD_REQUEST', data: undefined });
    await stillServes();
    // Any other type that is not JSON leaves no body to run.
    const xml = await post(JSON.stringify({ query: '{ __typename }' }), 'application/xml');
    expect(xml).toMatchObject({ status: 400, code: 'BAD_REQUEST', data: undefined });
    expect(xml.text).not.toMatch(/<html|node_modules|at \w+ \(/i);
    await stillServes();
  });

  it('takes a body just at the size limit and refuses one byte more with 413 and LIMIT_EXCEEDED', async () => {
    expect(await post(bodyOf(LIMIT))).toMatchObject({ status: 200, code: undefined, data: { __typename: 'Query' } });
    await stillServes();
    const over = await post(bodyOf(LIMIT + 1));
    expect(over).toMatchObject({ status: 413, code: 'LIMIT_EXCEEDED', data: undefined });
    await stillServes();
  });

  it('refuses unparsable GraphQL and a hugely nested query with coded errors', async () => {
    expect(await post(JSON.stringify({ query: '{ marketEntities {' }))).toMatchObject({
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
      data: undefined,
    });
    await stillServes();
    const deep = `{ marketEntities { edges { node { ${'sourceSystem { '.repeat(200)}code${' }'.repeat(200)} } } } }`;
    const r = await post(JSON.stringify({ query: deep }));
    expect(r).toMatchObject({ status: 400, code: 'LIMIT_EXCEEDED', data: undefined });
    expect(JSON.parse(r.text).errors[0].extensions.limitExceeded).toBe('depth');
    await stillServes();
  });

  // The errorId of an INTERNAL error is the request id the response carries in x-request-id, so an
  // operator can find the request in the logs from what the client quotes.
  it('hides internal failures behind INTERNAL with the request id as errorId, with no SQL in the message', async () => {
    const em = t.hub.services.orm.em.fork();
    await em.execute('alter table source_system rename to source_system_away');
    try {
      const res = await fetch(t.hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ sourceSystems { code } }' }),
      });
      const requestId = res.headers.get('x-request-id');
      const body = (await res.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
      expect(requestId).toEqual(expect.any(String));
      expect(body.errors?.[0].extensions).toEqual({ code: 'INTERNAL', errorId: requestId });
      expect(body.errors?.[0].message).toContain(requestId);
      expect(JSON.stringify(body.errors)).not.toMatch(/source_system|select|relation|stack/i);
    } finally {
      await em.execute('alter table source_system_away rename to source_system');
    }
    expect((await t.gql(SYSTEMS)).errors).toBeUndefined();
  });
});
