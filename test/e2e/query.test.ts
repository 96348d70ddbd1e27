import { graphql } from '../gql';
import type { EntityPageQuery, EntityPageQueryVariables, MarketEntityInput } from '../gql/graphql';
import { regions } from '../../src/common/regions';
import { MarketRole } from '../../src/market/market-entity.model';
import { PUSH, code, entities } from '../setup/data';
import { ADMIN_KEY, startTestHub, type GraphQLResponse, type TestHub } from '../setup/hub';
import { countStatements } from '../setup/statements';

const PAGE = graphql(`
  query EntityPage($filter: MarketEntityFilterInput, $first: Int, $after: String, $orderBy: MarketEntityOrder) {
    marketEntities(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          creditCode
          name
          regionCode
          roles
          status
          updatedAt
        }
      }
    }
  }
`);

type Node = EntityPageQuery['marketEntities']['edges'][number]['node'];

const ONE = graphql(`
  query EntityWithHistory($creditCode: String!, $last: Int) {
    marketEntity(creditCode: $creditCode) {
      creditCode
      name
      version
      sourceSystem {
        code
        name
        kind
        regionCode
      }
      history(last: $last) {
        version
        op
        occurredAt
        sourceSystem
        principal
        changedFields
        data
        cursor
      }
    }
  }
`);

/** Every content field of a market entity: what the first version's changedFields lists. */
const CONTENT_FIELDS = [
  'address',
  'contactPhone',
  'creditCode',
  'establishedOn',
  'externalId',
  'kind',
  'legalRepresentative',
  'legalRepresentativeIdNumber',
  'name',
  'qualifications',
  'regionCode',
  'registeredCapital',
  'roles',
  'status',
];

/** True when `code` lies in region `filter`, by the parent links of GB/T 2260 (not by string prefixes). */
function inRegion(code: string, filter: string): boolean {
  if (filter === '420000') return true;
  for (let c: string | undefined = code; c; c = regions().get(c)?.parent) if (c === filter) return true;
  return false;
}

const byCode = (a?: string | null, b?: string | null) => (a! < b! ? -1 : a! > b! ? 1 : 0);

describe('reading market entities', () => {
  let t: TestHub;
  let keyA: string;
  let keyB: string;
  /** Every stored entity, as last pushed. */
  const all = new Map<string, MarketEntityInput>();
  /** The entities that system B updated after everything else was stored. */
  let updated: MarketEntityInput[];

  const crafted: MarketEntityInput[] = [
    { creditCode: code('PCT000001'), name: '100%纯净建材有限公司', regionCode: '420100', roles: ['SUPPLIER'] },
    { creditCode: code('UND000001'), name: 'A_B 工程咨询有限公司', regionCode: '420102', roles: ['AGENCY'] },
    {
      creditCode: code('UND000002'),
      name: 'AxB 工程咨询有限公司',
      regionCode: '420500',
      roles: ['AGENCY'],
      status: 'CANCELLED',
    },
    { creditCode: code('XT0000001'), name: '仙桃某某建设有限公司', regionCode: '429004', roles: ['TENDERER'] },
    { creditCode: code('BKL000001'), name: 'C\\D 反斜杠有限公司', regionCode: '429005', roles: ['BIDDER', 'SUPPLIER'] },
  ];

  async function push(records: MarketEntityInput[], key: string): Promise<void> {
    const r = await t.gql(PUSH, { records }, key);
    expect(r.errors).toBeUndefined();
    expect(r.data!.pushMarketEntities.rejected).toBe(0);
    for (const e of records) all.set(e.creditCode!, e);
  }

  async function page(variables: EntityPageQueryVariables): Promise<GraphQLResponse<EntityPageQuery>> {
    return t.gql(PAGE, variables);
  }

  /** Follows `after` from the first page to the last; checks the page info on the way. */
  async function walk(variables: EntityPageQueryVariables, first: number): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const r = await page({ ...variables, first, after });
      expect(r.errors).toBeUndefined();
      const conn = r.data!.marketEntities;
      expect(conn.edges.length).toBeLessThanOrEqual(first);
      nodes.push(...conn.edges.map((e) => e.node));
      expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)?.cursor ?? null);
      expect(conn.totalCount).toBeGreaterThanOrEqual(nodes.length);
      if (!conn.pageInfo.hasNextPage) {
        expect(conn.totalCount).toBe(nodes.length);
        return nodes;
      }
      expect(conn.edges).toHaveLength(first);
      after = conn.pageInfo.endCursor;
    }
    throw new Error('pagination did not end');
  }

  /** The credit codes a filter returns (one big page), checking totalCount against it. */
  async function filtered(filter: Record<string, unknown>): Promise<string[]> {
    const r = await page({ filter, first: 500 });
    expect(r.errors).toBeUndefined();
    const conn = r.data!.marketEntities;
    expect(conn.pageInfo.hasNextPage).toBe(false);
    expect(conn.totalCount).toBe(conn.edges.length);
    return conn.edges.map((e) => e.node.creditCode);
  }

  function expected(pred: (e: MarketEntityInput) => boolean): string[] {
    return [...all.values()]
      .filter(pred)
      .map((e) => e.creditCode!)
      .sort(byCode);
  }

  beforeAll(async () => {
    // The feed's periodic tail read would otherwise show up in the statement counts.
    t = await startTestHub({ feedPollMs: 600_000, rateLimit: 1_000_000, rateBurst: 1_000_000 });
    keyA = await t.system('QRY-A');
    keyB = await t.system('QRY-B');
    // B may update records that A created (the operators' authoritative grant), so that history shows two systems.
    const granted = await t.gql(
      `mutation { updateGrants(principal: "QRY-B", input: { authoritativeTopics: [MARKET_ENTITY] }) { name } }`,
      undefined,
      ADMIN_KEY,
    );
    expect(granted.errors).toBeUndefined();
    const base = entities(60, 0, 11);
    await push(base, keyA);
    await push(crafted, keyA);
    await new Promise((r) => setTimeout(r, 20));
    updated = [base[3], base[17], base[42]].map((e) => ({ ...e, name: `${e.name}（更名）` }));
    await push(updated, keyB);
  });
  afterAll(() => t.stop());

  describe('marketEntity', () => {
    it('finds an entity by its credit code, written in any case and with spaces around', async () => {
      const e = crafted[0];
      for (const creditCode of [e.creditCode!, e.creditCode!.toLowerCase(), `  ${e.creditCode} `]) {
        const r = await t.gql(ONE, { creditCode });
        expect(r.errors).toBeUndefined();
        expect(r.data!.marketEntity).toMatchObject({ creditCode: e.creditCode, name: e.name, version: 1 });
      }
    });

    it('answers null for a credit code it does not hold', async () => {
      const r = await t.gql(ONE, { creditCode: code('NA0000001') });
      expect(r.errors).toBeUndefined();
      expect(r.data!.marketEntity).toBeNull();
    });

    it('resolves the source system that pushed the current version', async () => {
      const r = await t.gql(ONE, { creditCode: updated[0].creditCode! });
      expect(r.data!.marketEntity!.sourceSystem).toEqual({
        code: 'QRY-B',
        name: 'QRY-B 测试系统',
        kind: 'GOVERNMENT',
        regionCode: '420000',
      });
      const a = await t.gql(ONE, { creditCode: crafted[1].creditCode! });
      expect(a.data!.marketEntity!.sourceSystem.code).toBe('QRY-A');
    });

    it('lists the history oldest first: who changed what, when, and the data of each version', async () => {
      const e = updated[0];
      const events = await t.hub.services.orm.em
        .fork()
        .execute<{ principal: string; seq: string }[]>(
          'select principal, seq from change_event where key = ? order by seq',
          [e.creditCode],
        );
      expect(events).toHaveLength(2);

      const r = await t.gql(ONE, { creditCode: e.creditCode! });
      expect(r.errors).toBeUndefined();
      const h = r.data!.marketEntity!.history;
      expect(h.map((v) => [v.version, v.op, v.sourceSystem])).toEqual([
        [1, 'CREATE', 'QRY-A'],
        [2, 'UPDATE', 'QRY-B'],
      ]);
      expect(h.map((v) => v.principal)).toEqual(events.map((x) => x.principal));
      // Each system pushes with its own key, and the log says which.
      expect(h[0].principal).not.toBe(h[1].principal);
      expect(h[0].principal).toMatch(/key:\d+$/);
      expect(h[0].changedFields).toEqual(CONTENT_FIELDS);
      expect(h[1].changedFields).toEqual(['name']);
      expect(h[0].data).toMatchObject({
        creditCode: e.creditCode,
        name: e.name!.replace(/（更名）$/, ''),
        version: 1,
        sourceSystem: 'QRY-A',
      });
      expect(h[1].data).toMatchObject({ creditCode: e.creditCode, name: e.name, version: 2, sourceSystem: 'QRY-B' });
      expect(h[0].occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(Date.parse(h[0].occurredAt)).toBeLessThan(Date.parse(h[1].occurredAt));
      expect(h[0].cursor).not.toBe(h[1].cursor);
    });

    it('gives only the latest versions when asked for the last ones', async () => {
      const r = await t.gql(ONE, { creditCode: updated[1].creditCode!, last: 1 });
      expect(r.data!.marketEntity!.history.map((v) => v.version)).toEqual([2]);
    });

    it('adds no version for a re-push of identical content', async () => {
      await push([crafted[3]], keyA);
      const r = await t.gql(ONE, { creditCode: crafted[3].creditCode! });
      expect(r.data!.marketEntity!.history.map((v) => v.version)).toEqual([1]);
    });
  });

  describe('pagination', () => {
    it('walks every page in credit-code order with no duplicate or omission', async () => {
      const nodes = await walk({}, 7);
      const codes = nodes.map((n) => n.creditCode);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes).toEqual([...all.keys()].sort(byCode));
    });

    it('walks every page in update order, ties broken stably, with no duplicate or omission', async () => {
      const nodes = await walk({ orderBy: 'UPDATED_AT' }, 6);
      const codes = nodes.map((n) => n.creditCode);
      expect(new Set(codes).size).toBe(codes.length);
      expect([...codes].sort(byCode)).toEqual([...all.keys()].sort(byCode));
      const times = nodes.map((n) => Date.parse(n.updatedAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // Everything of one push shares its timestamp; the three updated last come last.
      expect(new Set(codes.slice(-3))).toEqual(new Set(updated.map((e) => e.creditCode)));
      const rows = await t.hub.services.orm.em
        .fork()
        .execute<{ credit_code: string }[]>('select credit_code from market_entity order by updated_at, id');
      expect(codes).toEqual(rows.map((r) => r.credit_code));
    });

    it('pages through a filtered list too', async () => {
      const nodes = await walk({ filter: { regionCode: '420100' } }, 2);
      expect(nodes.map((n) => n.creditCode)).toEqual(expected((e) => inRegion(e.regionCode!, '420100')));
    });

    it('gives the same page again for the same cursor', async () => {
      const first = await page({ first: 5 });
      const after = first.data!.marketEntities.pageInfo.endCursor;
      const a = await page({ first: 5, after });
      const b = await page({ first: 5, after });
      expect(a.data).toEqual(b.data);
      expect(
        a.data!.marketEntities.edges[0].node.creditCode > first.data!.marketEntities.edges[4].node.creditCode,
      ).toBe(true);
    });

    it('gives a page of 50 when first is not given', async () => {
      const r = await page({});
      expect(r.data!.marketEntities.edges).toHaveLength(50);
      expect(r.data!.marketEntities.pageInfo.hasNextPage).toBe(true);
    });

    it('refuses a page larger than the maximum with LIMIT_EXCEEDED on first', async () => {
      expect((await page({ first: 500 })).errors).toBeUndefined();
      const r = await page({ first: 501 });
      expect(r.data ?? null).toBeNull();
      expect(r.errors![0].extensions).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        field: 'first',
        limit: 500,
        actual: 501,
      });
    });

    it('refuses a negative page size', async () => {
      expect((await page({ first: -1 })).errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
    });

    it.each([
      ['garbage', 'not a cursor at all'],
      ['base64 of text that is not JSON', Buffer.from('hello').toString('base64url')],
      ['a cursor of the wrong shape', Buffer.from(JSON.stringify(['a', 'b', 'c'])).toString('base64url')],
      ['a cursor holding a number', Buffer.from(JSON.stringify([42])).toString('base64url')],
    ])('refuses %s as after with BAD_USER_INPUT', async (_what, after) => {
      for (const orderBy of ['CREDIT_CODE', 'UPDATED_AT'] as const) {
        const r = await page({ first: 5, after, orderBy });
        expect(r.data ?? null).toBeNull();
        expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    });

    it('refuses a cursor of the other order', async () => {
      const byCode = (await page({ first: 1 })).data!.marketEntities.pageInfo.endCursor;
      const byTime = (await page({ first: 1, orderBy: 'UPDATED_AT' })).data!.marketEntities.pageInfo.endCursor;
      expect((await page({ first: 1, after: byCode, orderBy: 'UPDATED_AT' })).errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
      expect((await page({ first: 1, after: byTime, orderBy: 'CREDIT_CODE' })).errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    });

    it.each([
      ['an id that is not a number', ['2024-01-01T00:00:00.000Z', 'abc']],
      ['a time that is not a time', ['yesterday', '1']],
      ['a time outside PostgreSQL’s range', ['-271821-04-20T00:00:00.000Z', '1']],
      ['the year 0, which PostgreSQL does not have', ['0000-01-01T00:00:00.000Z', '1']],
      ['an id beyond bigint', ['2024-01-01T00:00:00.000Z', '99999999999999999999999']],
      ['values of the wrong types', [12, 34]],
    ])('refuses a tampered update-order cursor with %s as BAD_USER_INPUT', async (_what, values) => {
      const after = Buffer.from(JSON.stringify(values)).toString('base64url');
      const r = await page({ first: 5, after, orderBy: 'UPDATED_AT' });
      expect(r.data ?? null).toBeNull();
      expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('filters', () => {
    it.each(['%', '_', 'a_b', 'AXB', '\\', '工程咨询', '100%纯', '有限'])(
      'nameContains %j matches the text literally, ignoring case',
      async (nameContains) => {
        const want = expected((e) => e.name!.toLowerCase().includes(nameContains.toLowerCase()));
        expect(want.length).toBeGreaterThan(0);
        expect(await filtered({ nameContains })).toEqual(want);
      },
    );

    it('finds only the name with a literal % or _ in it', async () => {
      expect(await filtered({ nameContains: '%' })).toEqual([crafted[0].creditCode]);
      expect(await filtered({ nameContains: '_' })).toEqual([crafted[1].creditCode]);
      expect(await filtered({ nameContains: 'C\\D' })).toEqual([crafted[4].creditCode]);
    });

    it('ignores a blank nameContains', async () => {
      expect(await filtered({ nameContains: '  ' })).toHaveLength(all.size);
    });

    it.each(['420100', '420000', '420102', '420500', '429000', '429004', '422800'])(
      'regionCode %s selects the region and every region inside it',
      async (regionCode) => {
        const want = expected((e) => inRegion(e.regionCode!, regionCode));
        expect(await filtered({ regionCode })).toEqual(want);
      },
    );

    it('includes the counties of a prefecture (Wuhan includes Jiang’an)', async () => {
      const wuhan = await filtered({ regionCode: '420100' });
      expect(wuhan).toEqual(expect.arrayContaining([crafted[0].creditCode, crafted[1].creditCode]));
      expect(wuhan).not.toContain(crafted[2].creditCode);
      expect(await filtered({ regionCode: '420000' })).toHaveLength(all.size);
      expect(await filtered({ regionCode: '429004' })).toEqual([crafted[3].creditCode]);
    });

    it('refuses a region code it does not know', async () => {
      const r = await page({ filter: { regionCode: '110000' } });
      expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
    });

    it.each(Object.values(MarketRole))('role %s selects the entities playing it', async (role) => {
      expect(await filtered({ role })).toEqual(expected((e) => e.roles!.includes(role)));
    });

    it.each(['ACTIVE', 'CANCELLED', 'REVOKED'])('status %s selects the entities in it', async (status) => {
      expect(await filtered({ status })).toEqual(expected((e) => (e.status ?? 'ACTIVE') === status));
    });

    it('updatedSince selects the entities updated at or after that time', async () => {
      const one = await page({ filter: { creditCodes: [updated[0].creditCode!] } });
      const at = one.data!.marketEntities.edges[0].node.updatedAt;
      expect(await filtered({ updatedSince: at })).toEqual(updated.map((e) => e.creditCode!).sort(byCode));
      expect(await filtered({ updatedSince: new Date(Date.parse(at) + 1).toISOString() })).toEqual([]);
      expect(await filtered({ updatedSince: '2000-01-01T00:00:00Z' })).toHaveLength(all.size);
    });

    it('refuses an updatedSince before the year 1 as BAD_USER_INPUT rather than failing in the database', async () => {
      const r = await page({ filter: { updatedSince: '0000-06-01T00:00:00Z' } });
      expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.updatedSince' });
    });

    it('answers text PostgreSQL cannot hold (NUL, a lone surrogate) without an internal error', async () => {
      for (const bad of ['\u0000', 'a\ud800b']) {
        const one = await t.gql(ONE, { creditCode: bad });
        expect(one.errors).toBeUndefined();
        expect(one.data!.marketEntity).toBeNull();
        expect(await filtered({ creditCodes: [bad, crafted[0].creditCode] })).toEqual([crafted[0].creditCode]);
        const named = await page({ filter: { nameContains: bad } });
        expect(named.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.nameContains' });
      }
    });

    it('creditCodes selects those codes, written in any case, and skips codes it does not hold', async () => {
      const got = await filtered({
        creditCodes: [crafted[2].creditCode!.toLowerCase(), ` ${crafted[0].creditCode}`, code('NA0000002')],
      });
      expect(got).toEqual([crafted[0].creditCode, crafted[2].creditCode].sort(byCode));
    });

    it('creditCodes given as an empty list selects nothing', async () => {
      expect(await filtered({ creditCodes: [] })).toEqual([]);
    });

    it('refuses more than 1000 credit codes', async () => {
      const r = await page({
        filter: { creditCodes: Array.from({ length: 1001 }, (_, i) => code(`LQM${String(i).padStart(6, '0')}`)) },
      });
      expect(r.errors![0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', field: 'filter.creditCodes' });
    });

    it('combines conditions, all of which must hold', async () => {
      const filter = { role: 'AGENCY', regionCode: '420100', nameContains: '工程' };
      expect(await filtered(filter)).toEqual(
        expected((e) => e.roles!.includes('AGENCY') && inRegion(e.regionCode!, '420100') && e.name!.includes('工程')),
      );
      expect(await filtered({ ...filter, status: 'CANCELLED', regionCode: '420500' })).toEqual([crafted[2].creditCode]);
    });
  });

  describe('cost', () => {
    const NESTED = `query Nested($first: Int) {
      marketEntities(first: $first) {
        totalCount
        edges { node { creditCode sourceSystem { code name } history { version principal changedFields } } }
      }
    }`;

    const statements = (run: () => Promise<unknown>) => countStatements(t.hub, run);

    it('runs the same number of SQL statements for 50 entities with their source system and history as for 5', async () => {
      const run = (first: number) => async () => {
        const r = await t.gql<{ marketEntities: { edges: { node: { history: unknown[]; sourceSystem: unknown } }[] } }>(
          NESTED,
          { first },
        );
        expect(r.errors).toBeUndefined();
        expect(r.data!.marketEntities.edges).toHaveLength(first);
        expect(r.data!.marketEntities.edges.every((e) => e.node.history.length > 0 && e.node.sourceSystem)).toBe(true);
      };
      // Let the feed finish waking up for the pushes of beforeAll.
      await new Promise((r) => setTimeout(r, 100));
      const five = await statements(run(5));
      const fifty = await statements(run(50));
      expect(fifty.queries.length).toBe(five.queries.length);
      expect(fifty.executes.length).toBe(five.executes.length);
      // One page, one count, one batch of source systems, one batch of histories.
      expect(fifty.queries.length).toBeLessThanOrEqual(4);
      expect(fifty.queries.length).toBeGreaterThan(0);
    });
  });
});
