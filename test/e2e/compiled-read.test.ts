import { parse } from 'graphql';
import { NESTED_READ } from '../../bench/scenarios/read';
import { COMPILED_SUBSCRIPTIONS } from '../../resolvers/feed/changes.resolver';
import { fieldsDoingMore } from '../../resolvers/field-metadata';
import { buildHubSchema } from '../../resolvers/app/schema';
import { seedDemoData } from '../../src/seed/demo';
import { compileSubscription } from '../../src/server/shared-execution';
import { createTestDatabase, type TestDatabase } from '../setup/db';
import { ADMIN_KEY, collect, startTestHub, type GraphQLResponse, type TestHub } from '../setup/hub';
import { countStatements } from '../setup/statements';

/*
 * The compiled read path (src/read/sql-tree.ts, resolvers/app/compiled-reads.ts)
 * against the resolvers it stands in for: two hubs on the same database, one
 * with HUB_COMPILED_READS off, must answer every query with the same JSON
 * text, key order included, for callers with and without reveal grants. The
 * statement counts show which path answered.
 */

const ENTITY = `creditCode name kind roles legalRepresentative legalRepresentativeIdNumber contactPhone registeredCapital regionCode address establishedOn status
  qualifications { code name level validUntil issuer __typename } externalId version updatedAt createdAt __typename`;
const BID_ALL = `amount submittedAt status caCertSerial deviceFingerprint ipAddress documentHash projectManagerId bondAccount externalId version updatedAt __typename bidder { ${ENTITY} }`;
const project = (
  bid: string,
  entity: string,
) => `code name regionCode budget currency method status publishedAt bidDeadline details externalId version updatedAt createdAt __typename
  tenderer { ${entity} } agency { ${entity} }
  sections { code name budget status openingAt updatedAt __typename
    bids { ${bid} }
    bidOpening { openedAt bidderCount location externalId version updatedAt }
    award { amount awardedOn externalId version updatedAt winner { creditCode name } }
    contracts { code amount signedOn periodStart periodEnd externalId version updatedAt } }
  announcements { code type title publishedAt periodStart periodEnd documentHash url sectionCodes externalId version updatedAt }`;

describe('compiled reads answer exactly as the resolvers do', () => {
  let db: TestDatabase;
  let resolvers: TestHub;
  let compiled: TestHub;
  let plain: string;
  let revealing: string;
  let feedConsumer: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    resolvers = await startTestHub({ compiledReads: false }, db);
    compiled = await startTestHub({ compiledReads: true }, db);
    await seedDemoData(resolvers.hub.services.orm, { force: true, entities: 80 });
    const client = async (name: string, reveal: string) => {
      const r = await resolvers.gql<{ createClient: { apiKey: string } }>(
        `mutation { createClient(input: { name: "${name}", roles: [INTEGRATOR]${reveal ? `, reveal: [${reveal}]` : ''} }) { apiKey } }`,
        undefined,
        ADMIN_KEY,
      );
      return r.data!.createClient.apiKey;
    };
    plain = await client('compiled-plain', '');
    revealing = await client('compiled-revealing', 'BID_EVIDENCE, PERSONAL_ID, PHONE');
    const consumer = await resolvers.gql<{ createClient: { apiKey: string } }>(
      `mutation { createClient(input: { name: "compiled-feed", roles: [FEED_CONSUMER], readTopics: [MARKET_ENTITY, BID, TRADING_PROJECT] }) { apiKey } }`,
      undefined,
      ADMIN_KEY,
    );
    feedConsumer = consumer.data!.createClient.apiKey;
  }, 180_000);
  afterAll(async () => {
    await compiled?.stop();
    await resolvers?.stop();
    await db?.drop();
  });

  /** Both hubs' responses, which must be the same JSON text; returns the compiled hub's and the statements each ran. */
  async function both(query: string, variables: Record<string, unknown> | undefined, key: string) {
    let a!: GraphQLResponse;
    let b!: GraphQLResponse;
    const viaResolvers = await countStatements(
      resolvers.hub,
      async () => (a = await resolvers.gql(query, variables, key)),
    );
    const viaCompiled = await countStatements(
      compiled.hub,
      async () => (b = await compiled.gql(query, variables, key)),
    );
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    // Key lookups (cached, and last-use updates) are not the read's own.
    const reads = (qs: string[]) => qs.filter((sql) => !/api_key|principal/.test(sql)).length;
    return {
      response: b,
      resolverStatements: reads(viaResolvers.queries),
      compiledStatements: reads(viaCompiled.queries),
    };
  }

  // The benchmark's own query (its read scenario).
  it('pages through every project with the benchmark query in one statement a page', async () => {
    let after: string | null = null;
    let pages = 0;
    let projects = 0;
    do {
      const { response, resolverStatements, compiledStatements } = await both(NESTED_READ, { first: 20, after }, plain);
      expect(response.errors).toBeUndefined();
      const conn = (
        response.data as {
          tradingProjects: {
            edges: { node: { sections: { bids: unknown[] }[] } }[];
            pageInfo: { endCursor: string | null };
          };
        }
      ).tradingProjects;
      projects += conn.edges.length;
      after = conn.pageInfo.endCursor;
      if (conn.edges.length) {
        expect(compiledStatements).toBe(1); // the page and every tree in one statement
        expect(resolverStatements).toBeGreaterThan(2);
      }
      pages++;
    } while (after);
    expect(pages).toBeGreaterThan(1);
    const [{ count }] = await compiled.hub.services.orm.em
      .fork()
      .getConnection()
      .execute<{ count: string }[]>('select count(*) from trading_project');
    expect(projects).toBe(Number(count));
  });

  it('covers every field of the project tree, unmasked for a caller granted the evidence', async () => {
    const q = `{ tradingProjects(first: 200) { totalCount __typename pageInfo { hasNextPage endCursor __typename }
      edges { cursor __typename node { ${project(BID_ALL, ENTITY)} } } } }`;
    const { response, compiledStatements } = await both(q, undefined, revealing);
    expect(response.errors).toBeUndefined();
    const text = JSON.stringify(response);
    // The data exercises what it claims to: evidence, agencies, awards, contracts, announcements, qualifications.
    for (const field of [
      '"ipAddress":"',
      '"agency":{',
      '"award":{',
      '"contracts":[{',
      '"announcements":[{',
      '"qualifications":[{',
      '"bidOpening":{',
    ]) {
      expect(text).toContain(field);
    }
    expect(compiledStatements).toBe(2); // the page with its trees, and totalCount
  });

  it('masks in SQL exactly as the masking middleware does, so a caller without grants sees them masked', async () => {
    const q = `{ tradingProjects(first: 5) { edges { node { sections { bids { ipAddress projectManagerId bidder { creditCode contactPhone } } } } } } }`;
    const { response, compiledStatements } = await both(q, undefined, plain);
    expect(JSON.stringify(response)).toMatch(/"ipAddress":"[^"]*\*/);
    expect(compiledStatements).toBe(1);
  });

  it('masks values of every length and script as the middleware does; a value beyond the BMP falls back', async () => {
    const sql = (text: string, params: unknown[]) =>
      compiled.hub.services.orm.em.fork().getConnection().execute(text, params);
    const [{ code }] = await sql(`select p.code from trading_project p order by p.code limit 1`, []);
    const entities = (await sql(
      `select distinct b.bidder_id as id from bid b join section s on s.id = b.section_id
       join trading_project p on p.id = s.project_id where p.code = ? order by 1`,
      [code],
    )) as { id: string }[];
    expect(entities.length).toBeGreaterThan(1);
    const q = `query($code: String!) { tradingProject(code: $code) { code sections { bids { ipAddress projectManagerId
      bondAccount bidder { legalRepresentativeIdNumber contactPhone } } } } }`;
    // keepEnds(6, 2) and (3, 4) at, below and above their kept lengths; empty; CJK and combining marks (one UTF-16
    // unit each in both languages).
    const values = [
      '',
      'a',
      '1234567',
      '12345678',
      '123456789',
      '420102199001011234',
      '湖北省武汉市江岸区身份证号',
      'e\u0301te\u0301',
    ];
    for (const [i, v] of values.entries()) {
      await sql(`update market_entity set legal_representative_id_number = ?, contact_phone = ? where id = ?`, [
        v,
        v.slice(1),
        entities[i % entities.length].id,
      ]);
      await sql(
        `update bid set ip_address = ?, project_manager_id = ? where id = (select b.id from bid b join section s on s.id = b.section_id
           join trading_project p on p.id = s.project_id where p.code = ? order by b.id limit 1)`,
        [v, v, code],
      );
      const { response, compiledStatements } = await both(q, { code }, plain);
      expect(response.errors).toBeUndefined();
      expect(compiledStatements).toBe(1);
    }
    const masked = JSON.stringify((await both(q, { code }, plain)).response);
    expect(masked).toContain('"legalRepresentativeIdNumber":"湖北省武汉市*****证号"');
    expect(masked).not.toContain('"ipAddress":"e');
    // Beyond the BMP: JavaScript counts two code units and may cut the pair; the resolvers answer.
    await sql(`update market_entity set contact_phone = ? where id = ?`, ['📞13800138000', entities[0].id]);
    const astral = await both(q, { code }, plain);
    expect(astral.response.errors).toBeUndefined();
    expect(astral.compiledStatements).toBeGreaterThan(1);
    // A caller granted the classes reads the same values unmasked, still in one statement.
    const revealed = await both(q, { code }, revealing);
    expect(JSON.stringify(revealed.response)).toContain('📞13800138000');
    expect(revealed.compiledStatements).toBe(1);
  });

  it('answers category, subItem, sourceSystem and findings in the same statement', async () => {
    // Findings on two projects, one with two (their order: detection time, then id).
    await compiled.hub.services.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into finding (topic, record_key, project_code, rule, message, detected_at)
         select 'TRADING_PROJECT', p.code, p.code, r.rule, r.rule || ' on ' || p.code, r.at
         from (select code from trading_project order by code limit 2) p
         cross join (values ('SHORT_BID_PERIOD', timestamptz '2026-01-02T03:04:05.678Z'),
                            ('SHORT_PUBLICITY', timestamptz '2026-01-02T03:04:05.678Z')) r(rule, at)`,
      );
    const q = `query($first: Int) { tradingProjects(first: $first) { edges { node { code category { code name } subItem { code name }
      sourceSystem { code name kind regionCode } findings { topic recordKey rule message detectedAt }
      tenderer { sourceSystem { code } }
      sections { award { sourceSystem { code } } bidOpening { sourceSystem { name } } contracts { sourceSystem { code } }
        bids { ipAddress sourceSystem { code } } }
      announcements { sourceSystem { code } } } } } }`;
    const { response, compiledStatements, resolverStatements } = await both(q, { first: 200 }, plain);
    expect(response.errors).toBeUndefined();
    const text = JSON.stringify(response);
    for (const field of ['"category":{"code":"', '"sourceSystem":{"code":"', '"findings":[{"topic":"']) {
      expect(text).toContain(field);
    }
    expect(compiledStatements).toBe(1);
    expect(resolverStatements).toBeGreaterThan(5);
  });

  it('falls back when a required row is missing, and the resolvers report it', async () => {
    const conn = compiled.hub.services.orm.em.fork().getConnection();
    const [{ code, category }] = await conn.execute<{ code: string; category: string }[]>(
      `select code, category_code as category from trading_project order by code desc limit 1`,
    );
    await conn.execute(`update trading_project set category_code = 'NO_SUCH_CATEGORY' where code = ?`, [code]);
    try {
      const q = `query($code: String!) { tradingProject(code: $code) { code category { code } } }`;
      // The same error either way, but for the id each INTERNAL error gets.
      const anonymised = (r: GraphQLResponse) =>
        JSON.stringify(r).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID');
      const viaResolvers = await resolvers.gql(q, { code }, plain);
      const viaCompiled = await countStatements(compiled.hub, () => compiled.gql(q, { code }, plain));
      expect(viaResolvers.errors?.length).toBeGreaterThan(0);
      expect(anonymised(await compiled.gql(q, { code }, plain))).toBe(anonymised(viaResolvers));
      // The compiled statement stopped, then the resolvers' statements ran.
      expect(viaCompiled.queries.filter((sql) => !/api_key|principal/.test(sql)).length).toBeGreaterThan(1);
    } finally {
      await conn.execute(`update trading_project set category_code = ? where code = ?`, [category, code]);
    }
  });

  it('honours aliases, fragments, variables, @include/@skip and merged selections', async () => {
    const q = `query Q($withBids: Boolean!, $code: String!, $f: TradingProjectFilterInput) {
      a: tradingProjects(first: 4, orderBy: UPDATED_AT) { edges { n1: node { ...P } n2: node { name, code } c: cursor } pi: pageInfo { next: hasNextPage } }
      b: tradingProjects(first: 3, filter: $f) { edges { node { code sections @include(if: $withBids) { code bids { bidder { ...E } } } sections { name } } } }
      one: tradingProject(code: $code) { ...P tenderer { ...E } }
      none: tradingProject(code: "NO-SUCH-PROJECT") { code }
      __typename
    }
    fragment P on TradingProject { code budget sections { s: code bids @skip(if: $withBids) { amount } } }
    fragment E on MarketEntity { creditCode name q: qualifications { name } }`;
    const codes = await compiled.gql<{
      tradingProjects: { edges: { node: { code: string; tenderer: { creditCode: string } } }[] };
    }>(`{ tradingProjects(first: 30) { edges { node { code tenderer { creditCode } } } } }`, undefined, plain);
    const picked = codes.data!.tradingProjects.edges[7].node;
    for (const withBids of [true, false]) {
      const { response, compiledStatements, resolverStatements } = await both(
        q,
        { withBids, code: picked.code, f: { participant: picked.tenderer.creditCode, status: null } },
        plain,
      );
      expect(response.errors).toBeUndefined();
      expect((response.data as { one: { code: string } }).one.code).toBe(picked.code);
      // One statement each for a, b, one and none.
      expect(compiledStatements).toBe(4);
      expect(resolverStatements).toBeGreaterThan(7);
    }
  });

  it('falls back to the resolvers for fields they own and answers errors as they do', async () => {
    const cases: [string, Record<string, unknown> | undefined, string][] = [
      [
        `{ tradingProjects(first: 3) { edges { node { tenderer { creditCode projects(first: 2) { code } } } } } }`,
        undefined,
        plain,
      ],
      [`{ tradingProjects(first: 2, after: "not-a-cursor") { edges { node { code } } } }`, undefined, plain],
      [`query($n: Int) { tradingProjects(first: $n) { edges { node { code } } } }`, { n: 100000 }, plain],
      [`{ tradingProjects(first: 2) { edges { node { code } } } }`, undefined, ''],
      [
        `{ tradingProjects(first: 2) { edges { node { code sections { bids { ipAddress } } } } } }`,
        undefined,
        ADMIN_KEY,
      ],
    ];
    for (const [q, v, key] of cases) await both(q, v, key);
  });

  describe('subscriptions', () => {
    const ALL = `subscription { changes { cursor seq topic op key version occurredAt sourceSystem data hash __typename } }`;
    const SHAPED = `subscription S($t: [ChangeTopic!], $after: String) { c: changes(topics: $t, after: $after) { ...F s: seq } }
      fragment F on ChangeEvent { key t: topic d: data __typename }`;

    it('compiles leaf-only selections of changes, whatever their aliases and fragments', async () => {
      const schema = await buildHubSchema();
      const plan = (query: string, variableValues?: Record<string, unknown>) =>
        compileSubscription(
          { schema, document: parse(query), variableValues, contextValue: {} },
          COMPILED_SUBSCRIPTIONS,
          fieldsDoingMore({ middlewares: true }),
        );
      expect(plan(ALL)).not.toBeNull();
      expect(plan(SHAPED, { t: ['BID'] })).not.toBeNull();
      expect(plan(ALL, undefined)).not.toBeNull();
      // Without the compiled roots, or with fields the compiler does not know, graphql-js answers.
      expect(compileSubscription({ schema, document: parse(ALL), contextValue: {} }, {}, new Set())).toBeNull();
      expect(
        compileSubscription(
          { schema, document: parse(ALL), contextValue: {} },
          COMPILED_SUBSCRIPTIONS,
          new Set(['ChangeEvent.data']),
        ),
      ).toBeNull();
    });

    interface ReplayCase {
      who: string;
      query: string;
      variables: Record<string, unknown>;
      key: () => string;
      count: number;
      masked?: boolean;
    }
    const cases: ReplayCase[] = [
      { who: 'an operator', query: ALL, variables: {}, key: () => ADMIN_KEY, count: 400 },
      {
        who: 'a consumer without reveal grants (masked payloads)',
        query: SHAPED,
        variables: { t: ['BID', 'MARKET_ENTITY'] },
        key: () => feedConsumer,
        count: 400,
        masked: true,
      },
      {
        who: 'a consumer resuming after a cursor',
        query: SHAPED,
        variables: { t: ['TRADING_PROJECT'], after: 'c2VxOjUw' },
        key: () => feedConsumer,
        count: 30,
      },
    ];
    it.each(cases.map((c) => [c.who, c] as const))(
      'replays the change log to %s exactly as graphql-js executes it',
      async (_who, c) => {
        const [viaResolvers, viaCompiled] = await Promise.all([
          collect<Record<string, unknown>>(resolvers.ws(c.key()), c.query, c.variables, c.count),
          collect<Record<string, unknown>>(compiled.ws(c.key()), c.query, c.variables, c.count),
        ]);
        expect(viaCompiled).toHaveLength(c.count);
        expect(JSON.stringify(viaCompiled)).toBe(JSON.stringify(viaResolvers));
        if (c.masked) expect(JSON.stringify(viaCompiled)).toMatch(/"ipAddress":"[^"]*\*/);
      },
    );
  });
});
