import WebSocket from 'ws';
import { messageText } from '../../src/server/ws-socket';
import { graphql } from '../gql';
import type { TradingProjectInput, TypedDocumentString } from '../gql/graphql';
import { CHANGES } from '../setup/data';
import { ADMIN_KEY, collect, startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push } from '../setup/trading';

/*
 * A hostile client, over HTTP and graphql-ws against a real hub and
 * database: poison records next to good ones, impossible times, hostile
 * shapes (deep variables, forged cursors) and data-quality poison. Every
 * answer is a per-record verdict or a 4xx with a stable code, never INTERNAL.
 *
 * The operations are typed by codegen (test/gql); what is hostile is in their variables. The documents that are
 * themselves hostile (literals the schema refuses, nesting beyond the limits) stay plain strings.
 */

const SYSTEMS = graphql(`
  query HostileSystems {
    sourceSystems {
      code
    }
  }
`);
const PUSH_ENTITIES = graphql(`
  mutation HostilePushEntities($r: [MarketEntityInput!]!) {
    pushMarketEntities(records: $r) {
      results {
        status
        errors {
          field
          message
        }
      }
    }
  }
`);
const PUSH_PROJECTS = graphql(`
  mutation HostilePushProjects($r: [TradingProjectInput!]!) {
    pushTradingProjects(records: $r) {
      accepted
    }
  }
`);
/** Each connection under the alias `c`, from a cursor `$a` (and an order `$o`, where it takes one). */
const ENTITIES_AFTER = graphql(`
  query HostileEntitiesAfter($a: String, $o: MarketEntityOrder) {
    c: marketEntities(after: $a, orderBy: $o) {
      totalCount
    }
  }
`);
const PROJECTS_AFTER = graphql(`
  query HostileProjectsAfter($a: String, $o: TradingProjectOrder) {
    c: tradingProjects(after: $a, orderBy: $o) {
      edges {
        cursor
      }
    }
  }
`);
const OCDS_AFTER = graphql(`
  query HostileOcdsAfter($a: String) {
    c: ocdsReleasePackage(after: $a) {
      pageInfo {
        endCursor
      }
    }
  }
`);
const UPDATED_SINCE = graphql(`
  query HostileUpdatedSince($at: DateTime) {
    tradingProjects(filter: { updatedSince: $at }) {
      totalCount
    }
  }
`);
const AWARDED_FROM = graphql(`
  query HostileAwardedFrom($d: Date) {
    tradingProjects(filter: { awardedFrom: $d }) {
      totalCount
    }
  }
`);
const ISSUE_UNTIL = graphql(`
  mutation HostileIssueUntil($at: DateTime) {
    issueApiKey(principal: "HOSTILE-SYS", expiresAt: $at) {
      apiKey
    }
  }
`);
const REGISTER = graphql(`
  mutation HostileRegister($v: RegisterSourceSystemInput!) {
    registerSourceSystem(input: $v) {
      apiKey
    }
  }
`);
const GRANT_INTEGRATOR = graphql(`
  mutation HostileGrantIntegrator($n: String!) {
    updateGrants(principal: $n, input: { roles: [INTEGRATOR] }) {
      name
    }
  }
`);
const ISSUE = graphql(`
  mutation HostileIssue($n: String!) {
    issueApiKey(principal: $n) {
      apiKey
    }
  }
`);
const RETIRE_SUB_ITEM = graphql(`
  mutation HostileRetireSubItem($c: String!) {
    retireCatalogSubItem(code: $c)
  }
`);
const RETIRE_CATEGORY = graphql(`
  mutation HostileRetireCategory($c: String!) {
    retireCatalogCategory(code: $c)
  }
`);
const CATEGORY = graphql(`
  mutation HostileCategory($v: CatalogCategoryInput!) {
    upsertCatalogCategory(input: $v)
  }
`);
const SUB_ITEM = graphql(`
  mutation HostileSubItem($v: CatalogSubItemInput!) {
    upsertCatalogSubItem(input: $v)
  }
`);
const ADD_EXCEPTION = graphql(`
  mutation HostileAddException($v: CreditCodeExceptionInput!) {
    addCreditCodeException(input: $v) {
      code
    }
  }
`);
const REMOVE_EXCEPTION = graphql(`
  mutation HostileRemoveException($c: String!) {
    removeCreditCodeException(code: $c) {
      code
    }
  }
`);
const PARTIAL = graphql(`
  query HostilePartial($c: String!) {
    marketEntity(creditCode: $c) {
      creditCode
      sourceSystem {
        code
      }
    }
    tradingCatalog {
      code
    }
  }
`);

describe('hostile input', () => {
  let t: TestHub;
  let key: string;
  let p: Awaited<ReturnType<typeof parties>>;

  beforeAll(async () => {
    t = await startTestHub();
    key = await t.system('HOSTILE-SYS');
    p = await parties(t, key, 2, 8800);
  });
  afterAll(() => t.stop());

  const sql = <T>(q: string, params: unknown[] = []) => t.hub.services.orm.em.fork().execute<T[]>(q, params);
  const stored = async (codes: string[]) =>
    (
      await sql<{ code: string }>(
        'select code from trading_project where code in (select jsonb_array_elements_text(?::jsonb)) order by code',
        [JSON.stringify(codes)],
      )
    ).map((r) => r.code);

  /** POSTs a body as it is (a test cannot JSON.stringify 5,000 levels either). */
  async function post(
    body: string,
    bearer = key,
  ): Promise<{
    status: number;
    body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  }> {
    const res = await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body,
    });
    return { status: res.status, body: (await res.json()) as never };
  }

  describe('one poison record among good ones', () => {
    it.each([
      ['NUL in a details value', { details: { note: 'a\u0000b' } }, 'details.note'],
      ['NUL in a details key', { details: { 'no\u0000te': 1 } }, 'details'],
      ['a lone surrogate in details', { details: { note: ['\ud800'] } }, 'details.note.0'],
      ['a time in the year 0000', { publishedAt: '0000-06-01T00:00:00Z' }, 'publishedAt'],
      ['a time beyond what PostgreSQL takes', { bidDeadline: '9999-12-31T23:00:00-10:00' }, 'bidDeadline'],
      ['30 February', { publishedAt: '2026-02-30T10:00:00+08:00' }, 'publishedAt'],
      ['24:00', { publishedAt: '2026-03-01T24:00:00+08:00' }, 'publishedAt'],
      // eslint-disable-next-line no-loss-of-precision -- what JSON.parse makes of 30 digits is the case
      ['an integer of 30 digits in details', { details: { n: 123456789012345678901234567890 } }, 'details.n'],
      ['a C1 control in the name', { name: '某\u0085工程' }, 'name'],
      ['a bidi override in the name', { name: '某\u202e程工' }, 'name'],
      ['a noncharacter in the name', { name: '某工程\ufdd0' }, 'name'],
    ])(
      'stores both good records when the middle one holds %s, and rejects it at its field',
      async (what, poison, field) => {
        const tag = what.replace(/\W+/g, '-').slice(0, 24).toUpperCase();
        const codes = [`HP-G1-${tag}`, `HP-BAD-${tag}`, `HP-G2-${tag}`];
        const r = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [
          project(codes[0], p),
          project(codes[1], p, poison),
          project(codes[2], p),
        ]);
        expect(r.results.map((x) => x.status)).toEqual(['ACCEPTED', 'REJECTED', 'ACCEPTED']);
        expect(r.results[1].errors).toEqual([expect.objectContaining({ field, code: 'BAD_USER_INPUT' })]);
        expect(await stored(codes)).toEqual([codes[0], codes[2]].sort());
      },
    );

    it('stores the good bids when one is submitted in the year 0000', async () => {
      await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('HP-BIDS', p)]);
      const bid = (bidder: string, submittedAt: string) => ({
        sectionCode: 'HP-BIDS-S1',
        bidderCreditCode: bidder,
        submittedAt,
      });
      const r = await push(t, key, 'pushBids', 'BidInput', [
        bid(p.bidders[0], '2026-09-20T10:00:00+08:00'),
        bid(p.tenderer, '0000-06-01T00:00:00Z'),
        bid(p.bidders[1], '2026-09-21T10:00:00+08:00'),
      ]);
      expect(r.results.map((x) => x.status)).toEqual(['ACCEPTED', 'REJECTED', 'ACCEPTED']);
      expect(r.results[1].errors).toEqual([expect.objectContaining({ field: 'submittedAt', code: 'BAD_USER_INPUT' })]);
    });

    it('bounds details (64 KB, 32 levels) and lists per record', async () => {
      let deep: Record<string, unknown> = { v: 1 };
      for (let i = 0; i < 40; i++) deep = { a: deep };
      const r = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [
        project('HP-BIG', p, { details: { text: 'x'.repeat(5_000_000) } }),
        project('HP-DEEP', p, { details: deep }),
        project('HP-OK', p, { details: { text: 'x'.repeat(60_000) } }),
      ]);
      expect(r.results.map((x) => [x.status, x.errors.map((e) => e.field)])).toEqual([
        ['REJECTED', ['details']],
        ['REJECTED', [expect.stringMatching(/^details(\.a)+$/)]],
        ['ACCEPTED', []],
      ]);
      const [entity] = (
        await t.gql(
          PUSH_ENTITIES,
          {
            r: [
              {
                creditCode: p.bidders[0],
                name: '某公司',
                qualifications: Array.from({ length: 50_000 }, (_, i) => ({ code: `Q${i}`, name: '资质' })),
              },
            ],
          },
          key,
        )
      ).data!.pushMarketEntities.results;
      expect(entity).toEqual({
        status: 'REJECTED',
        errors: [{ field: 'qualifications', message: 'qualifications has 50000 entries; at most 200 are accepted' }],
      });
    });

    it('refuses a JSONObject literal whose number JSON cannot carry, or nested deeper than 32 levels, as the document is validated', async () => {
      for (const literal of [
        '{n: 1e400}',
        '{n: 123456789012345678901234567890}',
        `${'{a: '.repeat(40)}1${'}'.repeat(40)}`,
      ]) {
        const r = await post(
          JSON.stringify({
            query: `mutation { pushTradingProjects(records: [{code: "HP-LIT", details: ${literal}}]) { accepted } }`,
          }),
        );
        expect([r.status, r.body.errors?.[0].extensions?.code]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
      }
      expect(await stored(['HP-LIT'])).toEqual([]);
    });
  });

  describe('hostile shapes', () => {
    const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

    it('answers variables nested 5,000 deep with 400 LIMIT_EXCEEDED over HTTP, declared or not', async () => {
      for (const body of [
        `{"query":${JSON.stringify(String(PUSH_PROJECTS))},"variables":{"r":[{"code":"HP-V","details":${deep(5000)}}]}}`,
        `{"query":${JSON.stringify(String(SYSTEMS))},"variables":{"junk":${deep(5000)}}}`,
      ]) {
        const r = await post(body);
        expect(r.status).toBe(400);
        expect(r.body.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', field: 'variables' });
      }
      expect((await t.gql(SYSTEMS, undefined, key)).errors).toBeUndefined();
    });

    it('answers variables nested 5,000 deep with LIMIT_EXCEEDED over graphql-ws, and keeps the connection', async () => {
      const ws = new WebSocket(t.hub.wsUrl, 'graphql-transport-ws');
      const messages: { id?: string; type: string; payload?: { extensions?: Record<string, unknown> }[] }[] = [];
      const next = () => new Promise<void>((resolve) => ws.once('message', () => resolve()));
      ws.on('message', (m) => messages.push(JSON.parse(messageText(m))));
      try {
        await new Promise((resolve) => ws.once('open', resolve));
        ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${ADMIN_KEY}` } }));
        await next();
        ws.send(
          `{"type":"subscribe","id":"1","payload":{"query":"subscription($t: [ChangeTopic!]) { changes(topics: $t) { seq } }","variables":{"t":${deep(5000)}}}}`,
        );
        await next();
        const literal = `${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`;
        ws.send(
          JSON.stringify({
            type: 'subscribe',
            id: '2',
            payload: { query: `subscription { changes(topics: ${literal}) { seq } }` },
          }),
        );
        await next();
        expect(messages.map((m) => [m.type, m.id, m.payload?.[0]?.extensions?.code])).toEqual([
          ['connection_ack', undefined, undefined],
          ['error', '1', 'LIMIT_EXCEEDED'],
          ['error', '2', 'BAD_USER_INPUT'],
        ]);
        expect(ws.readyState).toBe(WebSocket.OPEN);
      } finally {
        ws.close();
      }
    });

    it('refuses a forged cursor of every connection with BAD_USER_INPUT', async () => {
      const forged = [
        ['x\u0000y'],
        ['\ud800'],
        ['2026-02-30T00:00:00.000Z', '1'],
        ['0000-01-01T00:00:00.000Z', '1'],
        ['2026-01-01T00:00:00.000Z', '1\u0000'],
      ].map((v) => Buffer.from(JSON.stringify(v)).toString('base64url'));
      const connections = [
        ['marketEntities', ENTITIES_AFTER, ['CREDIT_CODE', 'UPDATED_AT']],
        ['tradingProjects', PROJECTS_AFTER, ['CODE', 'UPDATED_AT']],
        ['ocdsReleasePackage', OCDS_AFTER, [undefined]],
      ] as const;
      for (const [name, query, orders] of connections) {
        for (const orderBy of orders) {
          for (const after of forged) {
            const r = await t.gql(String(query), { a: after, ...(orderBy ? { o: orderBy } : {}) }, key);
            expect([name, orderBy, r.errors?.[0].extensions]).toEqual([
              name,
              orderBy,
              expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
            ]);
          }
        }
      }
    });

    it('refuses a changes cursor beyond the head of the log, which the feed never issued, over graphql-ws', async () => {
      const [{ head }] = await sql<{ head: string }>('select max(seq) as head from change_event');
      const beyond = Buffer.from(`seq:${Number(head) + 1_000_000}`).toString('base64url');
      await expect(collect(t.ws(), CHANGES, { after: beyond }, 1, 10_000)).rejects.toThrow(
        /beyond the head.*BAD_USER_INPUT/,
      );
      await expect(collect(t.ws(), CHANGES, { after: String(Number(head) + 1) }, 1, 10_000)).rejects.toThrow(
        /BAD_USER_INPUT/,
      );
      // At the head itself: the next event arrives.
      const next = collect(t.ws(), CHANGES, { after: head }, 1, 20_000);
      await new Promise((r) => setTimeout(r, 300));
      await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('HP-AT-HEAD', p)]);
      expect(Number((await next)[0].changes.seq)).toBe(Number(head) + 1);
    });

    it('refuses impossible times in filters and admin arguments before they reach PostgreSQL', async () => {
      for (const at of [
        '2026-02-30T00:00:00Z',
        '2026-01-01T24:00:00Z',
        '2026-01-01T00:00:00+15:00',
        '9999-12-31T23:00:00-10:00',
      ]) {
        const r = await t.gql(UPDATED_SINCE, { at }, key);
        expect([at, r.status, r.errors?.[0].extensions?.code]).toEqual([at, 400, 'BAD_USER_INPUT']);
        const k = await t.gql(ISSUE_UNTIL, { at }, ADMIN_KEY);
        expect([at, k.status, k.errors?.[0].extensions?.code]).toEqual([at, 400, 'BAD_USER_INPUT']);
      }
      // The year 0000 is well-formed ISO 8601: what takes the value refuses it, naming its field.
      const zero = await t.gql(UPDATED_SINCE, { at: '0000-06-01T00:00:00Z' }, key);
      expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.updatedSince' });
      const d = await t.gql(AWARDED_FROM, { d: '2026-02-30' }, key);
      expect([d.status, d.errors?.[0].extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
    });
  });

  describe('admin inputs', () => {
    it('refuses text PostgreSQL cannot store or a reader should not see, naming the field, never INTERNAL', async () => {
      // The variables of each case are what the operation's types allow, with text no one should store.
      const cases: [TypedDocumentString<unknown, never>, Record<string, unknown>, string, string][] = [
        [REGISTER, { v: { code: 'HP-ADMIN-1', name: '系统\u0000', kind: 'MARKET' } }, 'BAD_USER_INPUT', 'input.name'],
        [REGISTER, { v: { code: 'HP-ADMIN-2', name: '系统\u202e', kind: 'MARKET' } }, 'BAD_USER_INPUT', 'input.name'],
        [
          REGISTER,
          { v: { code: 'HP-ADMIN-3', name: '系统', kind: 'MARKET', categories: ['GOV\u0000'] } },
          'BAD_USER_INPUT',
          'input.categories',
        ],
        [GRANT_INTEGRATOR, { n: 'x\u0000' }, 'NOT_FOUND', 'principal'],
        [ISSUE, { n: '\ud800' }, 'NOT_FOUND', 'principal'],
        [RETIRE_SUB_ITEM, { c: 'GP_\u0000' }, 'NOT_FOUND', 'code'],
        [RETIRE_CATEGORY, { c: '\udfff' }, 'NOT_FOUND', 'code'],
        [CATEGORY, { v: { code: 'HP_CAT', name: '类\u0085' } }, 'BAD_USER_INPUT', 'input.name'],
        [
          SUB_ITEM,
          {
            v: {
              code: 'HP_SUB',
              categoryCode: 'ENGINEERING',
              name: '子项',
              detailsSchema: { type: 'object', 'x\u0000': 1 },
            },
          },
          'BAD_USER_INPUT',
          'input.detailsSchema',
        ],
        [
          SUB_ITEM,
          { v: { code: 'HP_SUB', categoryCode: 'ENG\u0000', name: '子项' } },
          'NOT_FOUND',
          'input.categoryCode',
        ],
        [ADD_EXCEPTION, { v: { code: '91420100MA4KIOZSV0', reason: '理由' } }, 'BAD_USER_INPUT', 'input.code'],
        [ADD_EXCEPTION, { v: { code: '91420100MA4KQ3N8L0', reason: '确认\u0000' } }, 'BAD_USER_INPUT', 'input.reason'],
        [REMOVE_EXCEPTION, { c: '\u0000'.repeat(18) }, 'BAD_USER_INPUT', 'code'],
      ];
      for (const [document, variables, code, field] of cases) {
        const query = String(document);
        const r = await t.gql(query, variables, ADMIN_KEY);
        expect([query, r.status, r.errors?.[0].extensions]).toEqual([
          query,
          200,
          expect.objectContaining({ code, field }),
        ]);
      }
    });
  });

  describe('INTERNAL', () => {
    it('is HTTP 500 when the fault left no data, and 200 with a partial answer', async () => {
      const em = t.hub.services.orm.em.fork();
      // The operators' bootstrap key needs no table to authenticate, so the fault comes from the resolvers.
      await em.execute('alter table source_system rename to source_system_gone');
      try {
        const failed = await t.gql(SYSTEMS, undefined, ADMIN_KEY);
        expect([failed.status, failed.data ?? null, failed.errors?.[0].extensions?.code]).toEqual([
          500,
          null,
          'INTERNAL',
        ]);
        const partial = await t.gql(PARTIAL, { c: p.tenderer }, ADMIN_KEY);
        expect(partial.status).toBe(200);
        expect(partial.data?.tradingCatalog.length).toBeGreaterThan(0);
        expect(partial.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL']);
      } finally {
        await em.execute('alter table source_system_gone rename to source_system');
      }
      // A push whose transaction fails: no data, 500.
      await em.execute('alter table section rename to section_gone');
      try {
        const pushed = await t.gql(
          PUSH_PROJECTS,
          { r: [project('HP-INTERNAL', p) as unknown as TradingProjectInput] },
          key,
        );
        expect([pushed.status, pushed.data ?? null, pushed.errors?.[0].extensions?.code]).toEqual([
          500,
          null,
          'INTERNAL',
        ]);
      } finally {
        await em.execute('alter table section_gone rename to section');
      }
    });
  });
});
