import { request } from 'node:http';
import { NESTED_READ } from '../../bench/scenarios/read';
import { seedDemoData } from '../../src/seed/demo';
import { createTestDatabase, type TestDatabase } from '../setup/db';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { countStatements } from '../setup/statements';

/*
 * The lean read path (resolvers/app/lean-reads.ts) against the path it skips
 * (Express and Apollo's pipeline): two hubs on one database, one with
 * HUB_LEAN_READS off, must give the same status, headers and body bytes for
 * every request, answers and errors alike, and run the same statements. The
 * lean hub's /metrics count shows which requests it answered without Apollo.
 */

interface Raw {
  status: number;
  /** Header lines as sent (name case and order kept), without the ones that differ by time or connection. */
  headers: string[];
  body: string;
}

/** One POST with `body` as the exact bytes, through node:http so that the raw header lines can be compared. */
function post(url: string, body: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers: string[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          if (!/^(date|connection|keep-alive)$/i.test(res.rawHeaders[i]))
            headers.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const LOOKUP =
  'query Lookup($code: String!) { tradingProject(code: $code) { code name status method regionCode budget currency publishedAt } }';
const MASKED = `query Masked($first: Int, $after: String) { tradingProjects(first: $first, after: $after) {
  edges { node { code category { code name } sourceSystem { code name } findings { rule message detectedAt }
    sections { code bids { amount ipAddress projectManagerId bidder { creditCode contactPhone legalRepresentativeIdNumber } } } } }
  pageInfo { endCursor hasNextPage } } }`;

describe('the lean read path answers byte for byte as Apollo does', () => {
  let db: TestDatabase;
  let apollo: TestHub;
  let lean: TestHub;
  let plain: string;
  let revealing: string;
  let consumer: string;
  let codes: string[];
  let requestNo = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    // A low cost limit, so that a large page of a lean document is over it.
    const limits = { depth: 10, aliases: 15, directives: 10, rootFields: 10, cost: 3_000 };
    apollo = await startTestHub({ leanReads: false, limits, metrics: 'key' }, db);
    lean = await startTestHub({ leanReads: true, limits, metrics: 'key' }, db);
    await seedDemoData(apollo.hub.services.orm, { force: true, entities: 80 });
    const client = async (name: string, roles: string, reveal: string) => {
      const r = await apollo.gql<{ createClient: { apiKey: string } }>(
        `mutation { createClient(input: { name: "${name}", roles: [${roles}]${reveal ? `, reveal: [${reveal}]` : ''}${
          roles === 'FEED_CONSUMER' ? ', readTopics: [BID]' : ''
        } }) { apiKey } }`,
        undefined,
        ADMIN_KEY,
      );
      return r.data!.createClient.apiKey;
    };
    plain = await client('lean-plain', 'INTEGRATOR', '');
    revealing = await client('lean-revealing', 'INTEGRATOR', 'BID_EVIDENCE, PERSONAL_ID, PHONE');
    consumer = await client('lean-consumer', 'FEED_CONSUMER', '');
    const rows = await apollo.hub.services.orm.em
      .fork()
      .getConnection()
      .execute<{ code: string }[]>('select code from trading_project order by code limit 5');
    codes = rows.map((r) => r.code);
  }, 180_000);
  afterAll(async () => {
    await lean?.stop();
    await apollo?.stop();
    await db?.drop();
  });

  /** Reads answered on the lean path so far (the lean hub's /metrics). */
  async function leanAnswers(): Promise<number> {
    const res = await fetch(lean.hub.url.replace('/graphql', '/metrics'), {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    return Number(/^hub_graphql_lean_reads_total (\d+)/m.exec(await res.text())?.[1]);
  }

  /**
   * The same request to both hubs (one request id for both): status, header lines and body bytes must be equal.
   * Returns the lean hub's answer, the read statements each ran and whether the lean path answered it.
   */
  async function both(body: string, key: string | undefined, headers: Record<string, string> = {}) {
    const h = {
      'x-request-id': `lean-test-${++requestNo}`,
      ...(key === undefined ? {} : { authorization: key.startsWith('Bearer') ? key : `Bearer ${key}` }),
      ...headers,
    };
    let a!: Raw;
    let b!: Raw;
    const reads = (qs: string[]) => qs.filter((sql) => !/api_key|principal/.test(sql)).length;
    const viaApollo = await countStatements(apollo.hub, async () => (a = await post(apollo.hub.url, body, h)));
    const before = await leanAnswers();
    const viaLean = await countStatements(lean.hub, async () => (b = await post(lean.hub.url, body, h)));
    const lean_ = (await leanAnswers()) - before;
    expect(b).toEqual(a);
    expect(reads(viaLean.queries)).toBe(reads(viaApollo.queries));
    return { raw: b, statements: reads(viaLean.queries), lean: lean_ === 1 };
  }

  const op = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
    JSON.stringify({ query, variables, ...(operationName === undefined ? {} : { operationName }) });

  it('answers a repeated lookup without Apollo, in one statement, with the same bytes', async () => {
    // The first request of a document runs through Apollo, which validates it and teaches the lean path.
    const first = await both(op(LOOKUP, { code: codes[0] }), plain);
    expect(first.lean).toBe(false);
    for (const code of codes) {
      const r = await both(op(LOOKUP, { code }), plain);
      expect(r.lean).toBe(true);
      expect(r.statements).toBe(1);
      expect(r.raw.status).toBe(200);
      // PostgreSQL's JSON text, written as it is.
      expect(r.raw.body).toContain(`"code" : "${code}"`);
    }
    // A code that normalises to none, and one of no project: null either way.
    expect((await both(op(LOOKUP, { code: '  ' }), plain)).raw.body).toBe('{"data":{"tradingProject":null}}\n');
    expect((await both(op(LOOKUP, { code: 'NO-SUCH' }), plain)).lean).toBe(true);
    // The same document with operationName given is another key: learnt once, then lean.
    await both(op(LOOKUP, { code: codes[1] }, 'Lookup'), plain);
    expect((await both(op(LOOKUP, { code: codes[1] }, 'Lookup'), plain)).lean).toBe(true);
  });

  it('pages the benchmark query and a masked selection, masked for a key without the grants', async () => {
    for (const [query, key] of [
      [NESTED_READ, plain],
      [MASKED, plain],
      [MASKED, revealing],
    ] as const) {
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const r = await both(op(query, { first: 5, after }), key);
        expect(r.raw.status).toBe(200);
        expect(r.statements).toBe(1);
        if (page > 0) expect(r.lean).toBe(true);
        after = (JSON.parse(r.raw.body) as { data: { tradingProjects: { pageInfo: { endCursor: string } } } }).data
          .tradingProjects.pageInfo.endCursor;
      }
    }
    const masked = await both(op(MASKED, { first: 20 }), plain);
    expect(masked.lean).toBe(true);
    expect(masked.raw.body).toMatch(/"ipAddress" : "[^"]*\*/);
    const shown = await both(op(MASKED, { first: 20 }), revealing);
    expect(shown.lean).toBe(true);
    expect(shown.raw.body).not.toMatch(/"ipAddress" : "[^"]*\*/);
  });

  it('refuses a bad key and a malformed header as before, before any read', async () => {
    await both(op(LOOKUP, { code: codes[0] }), plain);
    for (const key of ['hub_not-a-key', 'Basic abc', 'Bearer']) {
      const r = await both(op(LOOKUP, { code: codes[0] }), key);
      expect(r.raw.status).toBe(401);
      expect(r.raw.body).toContain('"code":"UNAUTHENTICATED"');
      expect(r.statements).toBe(0);
    }
  });

  it('answers through Apollo, with its own errors, what needs more than the compiled path', async () => {
    await both(op(LOOKUP, { code: codes[0] }), plain);
    await both(op(NESTED_READ, { first: 5 }), plain);
    const cases: [string, string | undefined, RegExp][] = [
      // No key: the field needs one (the resolvers say so).
      [op(LOOKUP, { code: codes[0] }), undefined, /UNAUTHENTICATED/],
      // A key without a reading role.
      [op(LOOKUP, { code: codes[0] }), consumer, /FORBIDDEN/],
      // Variables that do not coerce, or are missing.
      [op(LOOKUP, { code: 42 }), plain, /BAD_USER_INPUT/],
      [op(LOOKUP, {}), plain, /BAD_USER_INPUT/],
      [op(NESTED_READ, { first: 'five' }), plain, /BAD_USER_INPUT/],
      // Over the cost limit with this request's variables.
      [op(NESTED_READ, { first: 480 }), plain, /LIMIT_EXCEEDED/],
      // Over the page size.
      [op(NESTED_READ, { first: 501 }), plain, /BAD_USER_INPUT|LIMIT_EXCEEDED/],
      // An operation name the document does not have.
      [op(LOOKUP, { code: codes[0] }, 'Other'), plain, /Unknown operation named/],
    ];
    for (const [body, key, error] of cases) {
      const r = await both(body, key);
      expect([body, r.lean, r.raw.body]).toEqual([body, false, expect.stringMatching(error)]);
    }
  });

  it('hands on what it read when the body is not a lean request', async () => {
    await both(op(LOOKUP, { code: codes[0] }), plain);
    const bodies = [
      '{"query": ',
      '"just a string"',
      'null',
      `[${op(LOOKUP, { code: codes[0] })}]`,
      JSON.stringify({ query: LOOKUP, variables: { code: codes[0] }, extensions: { persistedQuery: { version: 1 } } }),
      JSON.stringify({ query: LOOKUP, variables: JSON.stringify({ code: codes[0] }) }),
      JSON.stringify({ query: `${LOOKUP} `, variables: { code: codes[0] } }),
      `\ufeff${op(LOOKUP, { code: codes[0] })}`,
    ];
    for (const body of bodies) {
      const r = await both(body, plain);
      expect(r.lean).toBe(body.startsWith('\ufeff'));
    }
    // Headers that keep a request away from the lean path: it goes to Express as it came.
    for (const headers of [
      { origin: 'http://elsewhere.example' },
      { accept: 'application/graphql-response+json' },
      { 'content-type': 'application/json; charset=latin1' },
      { 'x-hub-signature': 'abc' },
    ] as Record<string, string>[]) {
      const r = await both(op(LOOKUP, { code: codes[0] }), plain, headers);
      expect(r.lean).toBe(false);
    }
  });

  it('falls back to the resolvers once, as Apollo does, when a row stops the compiled statement', async () => {
    const conn = lean.hub.services.orm.em.fork().getConnection();
    const q = 'query Category($code: String!) { tradingProject(code: $code) { code category { code } } }';
    await both(op(q, { code: codes[2] }), plain);
    expect((await both(op(q, { code: codes[2] }), plain)).lean).toBe(true);
    const [{ category }] = await conn.execute<{ category: string }[]>(
      'select category_code as category from trading_project where code = ?',
      [codes[3]],
    );
    await conn.execute(`update trading_project set category_code = 'NO_SUCH_CATEGORY' where code = ?`, [codes[3]]);
    try {
      const r = await both(op(q, { code: codes[3] }), plain);
      expect(r.lean).toBe(false);
      expect(r.raw.body).toContain('"errors"');
      // The stopped statement, then the resolvers' own (the same count as through Apollo: it did not run twice).
      expect(r.statements).toBeGreaterThan(1);
    } finally {
      await conn.execute(`update trading_project set category_code = ? where code = ?`, [category, codes[3]]);
    }
  });
});
