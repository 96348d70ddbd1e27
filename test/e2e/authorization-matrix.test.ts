import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import type { Client as WsClient } from 'graphql-ws';
import { badRecord, expert } from '../setup/credit';
import { code, entities } from '../setup/data';
import { feedCursor } from '../../src/feed/cursor';
import { ADMIN_KEY, startTestHub, type GraphQLResponse, type TestHub } from '../setup/hub';
import { makeMiniCa, type MiniCa } from '../setup/pki';
import { parties, project, push, type Push } from '../setup/trading';

/*
 * The authorisation matrix: every root field of the public schema, with a
 * minimal valid operation, against every kind of caller. A caller is either
 * allowed (no error, and the operation did its work), or refused
 * (UNAUTHENTICATED without a key, FORBIDDEN with a key of the wrong role;
 * no data, nothing written). A root field without a row fails the coverage
 * test at the end, so a new operation cannot ship without a decision here.
 *
 * The hub runs with the product default: no public operations.
 */

/** The SHA-256 fingerprint of a PEM certificate: the key of topic CERTIFICATE. */
const fingerprintOf = (pem: string) =>
  createHash('sha256')
    .update(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'))
    .digest('hex');

const WHO = ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR', 'FEED_CONSUMER', 'DASHBOARD', 'SUPERVISOR', 'anonymous'] as const;
type Who = (typeof WHO)[number];
type RootType = 'Query' | 'Mutation' | 'Subscription';

// Results are read as JSON; each row knows the shape of its own field.
type Json = any;

interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

interface Row {
  root: RootType;
  /** Who may use the field; every other caller is refused (UNAUTHENTICATED anonymous, FORBIDDEN the rest). */
  allowed: readonly Who[];
  /**
   * Push mutations only: callers that pass the role check (ADMIN holds every role) but are not a
   * connected source system, so the pipeline refuses each record with FORBIDDEN and stores nothing.
   */
  refusedPerRecord?: readonly Who[];
  /** A minimal valid operation as `who` sends it (names vary by caller, so allowed calls never collide). */
  op(who: Who): Operation;
  /** The FEED_CONSUMER caller is the named consumer mx-named instead of the plain client mx-consumer. */
  namedConsumer?: boolean;
  /** Asserts that an allowed call did its work; `value` is the root field's value. */
  expectDone(value: Json, who: Who): Promise<void> | void;
}

/** The first message of a graphql-ws operation. */
type WsOutcome =
  | { type: 'next'; payload: GraphQLResponse<Json> }
  | { type: 'error'; errors: NonNullable<GraphQLResponse['errors']> }
  | { type: 'complete' };

/** Subscribes, resolves with the first message (next, error or complete), then unsubscribes. */
function firstOutcome(client: WsClient, op: Operation, timeoutMs = 15000): Promise<WsOutcome> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (o: WsOutcome | Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      if (o instanceof Error) reject(o);
      else resolve(o);
    };
    const timer = setTimeout(() => finish(new Error(`no message within ${timeoutMs} ms`)), timeoutMs);
    const unsubscribe = client.subscribe<Json>(
      { query: op.query, variables: op.variables ?? {} },
      {
        next: (payload) => finish({ type: 'next', payload: payload as GraphQLResponse<Json> }),
        error: (e) => {
          if (Array.isArray(e)) return finish({ type: 'error', errors: e as NonNullable<GraphQLResponse['errors']> });
          const close = e as { code?: number; reason?: string };
          finish(e instanceof Error ? e : new Error(`closed ${close.code ?? '?'} ${close.reason ?? ''}`));
        },
        complete: () => finish({ type: 'complete' }),
      },
    );
  });
}

/** Collects `changes` events until one satisfies `last`, then unsubscribes. */
function changesUntil(client: WsClient, op: Operation, last: (e: Json) => boolean, timeoutMs = 20000): Promise<Json[]> {
  return new Promise((resolve, reject) => {
    const out: Json[] = [];
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      if (err) reject(err);
      else resolve(out);
    };
    const timer = setTimeout(
      () => finish(new Error(`timed out after ${out.length} events: ${JSON.stringify(out.map((e) => e.topic))}`)),
      timeoutMs,
    );
    const unsubscribe = client.subscribe<Json>(
      { query: op.query, variables: op.variables ?? {} },
      {
        next: (v) => {
          if (done) return;
          if (v.errors) return finish(new Error(JSON.stringify(v.errors)));
          out.push(v.data!.changes);
          if (last(v.data!.changes)) finish();
        },
        error: (e) => finish(new Error(JSON.stringify(e))),
        complete: () => finish(new Error('completed before the last event')),
      },
    );
  });
}

const PUSH_RESULT =
  'accepted unchanged rejected results { index key status version errors { field code message rule } warnings { rule } }';
const pushOp = (mutation: string, inputType: string, records: unknown[]): Operation => ({
  query: `mutation($r: [${inputType}!]!) { ${mutation}(records: $r) { ${PUSH_RESULT} } }`,
  variables: { r: records },
});

/** A well-formed credit code whose check character is wrong (what the exception list is for). */
function wrongCheck(org: string): string {
  const valid = code(org);
  return valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
}

/** Names safe in principal names, system codes and catalog codes. */
const tag = (who: Who) => who.replace(/_/g, '').toLowerCase();

describe('authorisation matrix', () => {
  let t: TestHub;
  const keys: Record<Who, string | undefined> = {
    ADMIN: ADMIN_KEY,
    SOURCE_SYSTEM: '',
    INTEGRATOR: '',
    FEED_CONSUMER: '',
    DASHBOARD: '',
    SUPERVISOR: '',
    anonymous: undefined,
  };
  let p: Awaited<ReturnType<typeof parties>>;
  const keyIds: Record<'rotate' | 'revoke', number> = { rotate: 0, revoke: 0 };
  let revokeKey = '';
  let fingerprintSql = '';
  let findingId = '';
  /** The cursor of the newest MARKET_ENTITY event once the data is in (consumer rows acknowledge it). */
  let entityCursor = '';
  let namedConsumerKey = '';
  const cas = {} as Record<'A' | 'B' | 'C', MiniCa>;

  const sql = <T = Json>(q: string, params: unknown[] = []) => t.hub.services.orm.em.fork().execute<T[]>(q, params);

  async function admin<T = Json>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await t.gql<T>(query, variables, ADMIN_KEY);
    if (r.errors || !r.data) throw new Error(JSON.stringify(r.errors));
    return r.data;
  }

  async function client(name: string, grants: string): Promise<string> {
    return (
      await admin<{ createClient: { apiKey: string } }>(
        `mutation { createClient(input: { name: "${name}", ${grants} }) { apiKey } }`,
      )
    ).createClient.apiKey;
  }

  /**
   * The whole database's content, table by table (row count and a hash of the rows), leaving
   * out only api_key.last_used_at, which every authenticated request may touch.
   */
  async function fingerprint(): Promise<Record<string, { n: string; h: string }>> {
    const rows = await sql<{ t: string; n: string; h: string }>(fingerprintSql);
    return Object.fromEntries(rows.map((r) => [r.t, { n: String(r.n), h: r.h }]));
  }

  beforeAll(async () => {
    t = await startTestHub({ publicOperations: [], rateLimit: 1_000_000, rateBurst: 1_000_000 });
    const tables = await sql<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'mikro_orm%' and table_name <> 'credit_publication' order by table_name`,
    );
    fingerprintSql = tables
      .map(
        ({ table_name: n }) =>
          `select '${n}' as t, count(*) as n, md5(coalesce(string_agg((to_jsonb(x) - 'last_used_at')::text, ',' order by (to_jsonb(x) - 'last_used_at')::text), '')) as h from "${n}" x`,
      )
      .join(' union all ');

    keys.SOURCE_SYSTEM = (
      await admin<{ registerSourceSystem: { apiKey: string } }>(
        'mutation { registerSourceSystem(input: { code: "MX-SYS", name: "矩阵测试系统", kind: GOVERNMENT, regionCode: "420000" }) { apiKey } }',
      )
    ).registerSourceSystem.apiKey;
    // The credit topics are granted by an operator, never by default.
    await admin(
      'mutation { updateGrants(principal: "MX-SYS", input: { writeTopics: [MARKET_ENTITY, TRADING_PROJECT, ANNOUNCEMENT, BID, BID_OPENING, EVALUATION, AWARD, CONTRACT, EXPERT, CREDIT_RECORD] }) { name } }',
    );
    keys.INTEGRATOR = await client('mx-integrator', 'roles: [INTEGRATOR]');
    // Named consumers: the consumer rows call as mx-named (its checkpoint moves; mx-consumer's feed must not).
    const registered = (name: string) =>
      admin<{ registerFeedConsumer: { apiKey: string } }>(
        `mutation { registerFeedConsumer(input: { name: "${name}", topics: [MARKET_ENTITY, TRADING_PROJECT] }) { apiKey } }`,
      );
    keys.FEED_CONSUMER = await client(
      'mx-consumer',
      'roles: [FEED_CONSUMER], readTopics: [MARKET_ENTITY, TRADING_PROJECT]',
    );
    namedConsumerKey = (await registered('mx-named')).registerFeedConsumer.apiKey;
    await registered('mx-reset');
    keys.DASHBOARD = await client('mx-dashboard', 'roles: [DASHBOARD]');
    keys.SUPERVISOR = await client('mx-supervisor', 'roles: [SUPERVISOR]');
    await client('mx-spare', 'roles: [INTEGRATOR]');
    await client('mx-rotate', 'roles: [INTEGRATOR]');
    revokeKey = await client('mx-revoke', 'roles: [INTEGRATOR]');
    const listed = await admin<{ principals: { name: string; keys: { id: number }[] }[] }>(
      '{ principals { name keys { id } } }',
    );
    keyIds.rotate = listed.principals.find((x) => x.name === 'mx-rotate')!.keys[0].id;
    keyIds.revoke = listed.principals.find((x) => x.name === 'mx-revoke')!.keys[0].id;
    await admin('mutation { upsertCatalogCategory(input: { code: "MX_OLD", name: "矩阵旧大类" }) }');
    await admin(
      'mutation { upsertCatalogSubItem(input: { categoryCode: "ENGINEERING", code: "ENG_MX_OLD", name: "矩阵旧子项" }) }',
    );
    for (const org of ['MXKEEP001', 'MXDRP0001'])
      await admin(
        `mutation { addCreditCodeException(input: { code: "${wrongCheck(org)}", reason: "试点期赋码" }) { code } }`,
      );

    // Trading data: each push row of the matrix has a section where its record is accepted whatever ran before.
    const sys = keys.SOURCE_SYSTEM;
    p = await parties(t, sys, 3, 8100);
    const opening = '2026-09-25T09:30:00+08:00';
    const sections = [1, 2, 3, 4].map((i) => ({
      code: `MX-P-S${i}`,
      name: `${i}标段`,
      budget: '250000.00',
      openingAt: opening,
    }));
    const stored = await push(t, sys, 'pushTradingProjects', 'TradingProjectInput', [project('MX-P', p, { sections })]);
    expect(stored.accepted).toBe(1);
    const bid = (section: string, bidder: string, amount: string) => ({
      sectionCode: section,
      bidderCreditCode: bidder,
      amount,
      submittedAt: '2026-09-20T10:00:00+08:00',
    });
    const bids = await push(t, sys, 'pushBids', 'BidInput', [
      bid('MX-P-S2', p.bidders[0], '240000.00'),
      bid('MX-P-S2', p.bidders[1], '245000.00'),
      bid('MX-P-S3', p.bidders[0], '240000.00'),
      bid('MX-P-S4', p.bidders[0], '240000.00'),
    ]);
    expect(bids.accepted).toBe(4);
    expect(
      (
        await push(t, sys, 'pushAwards', 'AwardInput', [
          { sectionCode: 'MX-P-S4', winnerCreditCode: p.bidders[0], amount: '240000.00', awardedOn: '2026-10-10' },
        ])
      ).accepted,
    ).toBe(1);
    const [{ seq }] = await sql<{ seq: string }>(
      "select max(seq)::text as seq from change_event where topic = 'MARKET_ENTITY'",
    );
    entityCursor = feedCursor(Number(seq));
    [{ id: findingId }] = await sql<{ id: string }>(
      `insert into finding (topic, record_key, project_code, rule, message) values ('BID', 'MX-P-S1', 'MX-P', 'SHARED_IP', 'mx') returning id`,
    );

    // Certificate authorities: A recognised (its CRL and leaf are pushed), B for the recognition row, C to withdraw.
    for (const [k, name] of [
      ['A', 'MX CA A'],
      ['B', 'MX CA B'],
      ['C', 'MX CA C'],
    ] as const)
      cas[k] = await makeMiniCa(name, p.bidders[0]);
    for (const k of ['A', 'C'] as const)
      await admin(
        `mutation($pem: String!) { recognizeCertificateAuthority(input: { code: "MX-CA-${k}", name: "矩阵CA", certificatesPem: $pem }) { code } }`,
        { pem: cas[k].pem },
      );
    await admin(
      `mutation { updateGrants(principal: "MX-SYS", input: { writeTopics: [MARKET_ENTITY, TRADING_PROJECT, ANNOUNCEMENT, BID, BID_OPENING, EVALUATION, AWARD, CONTRACT, CERTIFICATE, EXPERT, CREDIT_RECORD] }) { name } }`,
    );

    // Credit data: an expert, a record to read, and one record to repair per caller allowed to. Minor records
    // without an end are never published, so the publication scheduler (whose own table the fingerprint leaves
    // out) appends nothing while a refused call is checked for writing nothing.
    expect((await push(t, sys, 'pushExperts', 'ExpertInput', [expert('MX-EXP-0')])).accepted).toBe(1);
    const repairable = (c: string) => badRecord(c, p.bidders[2], { severity: 'MINOR', decidedOn: '2026-01-05' });
    expect(
      (
        await push(t, sys, 'pushCreditRecords', 'CreditRecordInput', [
          badRecord('MX-CR-0', p.bidders[2], { severity: 'MINOR' }),
          repairable('MX-REP-ADMIN'),
          repairable('MX-REP-SOURCE_SYSTEM'),
        ])
      ).accepted,
    ).toBe(3);
  });
  afterAll(() => t.stop());

  /** A push row: only source systems store; ADMIN passes the role check but every record is refused. */
  function pushRow(
    mutation: string,
    inputType: string,
    topic: string,
    records: (who: Who) => Record<string, unknown>[],
    key: (r: Record<string, unknown>) => string,
  ): Row {
    return {
      root: 'Mutation',
      allowed: ['SOURCE_SYSTEM'],
      refusedPerRecord: ['ADMIN'],
      op: (who) => pushOp(mutation, inputType, records(who)),
      async expectDone(value: Push, who) {
        const expectedKey = key(records(who)[0]);
        expect(value).toMatchObject({ accepted: 1, rejected: 0, unchanged: 0 });
        expect(value.results[0]).toMatchObject({
          index: 0,
          status: 'ACCEPTED',
          key: expectedKey,
          version: 1,
          errors: [],
        });
        const events = await sql<{ source_system: string }>(
          `select source_system from change_event where topic = ? and key = ?`,
          [topic, expectedKey],
        );
        expect(events).toEqual([{ source_system: 'MX-SYS' }]);
      },
    };
  }

  const newEntity = (who: Who) => [{ ...entities(1, 8200 + WHO.indexOf(who))[0], regionCode: '420102' }];

  const ROWS: Record<string, Row> = {
    // ---- Query ----
    feedConsumers: {
      root: 'Query',
      allowed: ['ADMIN', 'DASHBOARD'],
      op: () => ({ query: '{ feedConsumers { name topics } }' }),
      expectDone: (v) =>
        expect(v).toEqual(expect.arrayContaining([{ name: 'mx-named', topics: ['MARKET_ENTITY', 'TRADING_PROJECT'] }])),
    },
    feedConsumer: {
      root: 'Query',
      allowed: ['ADMIN', 'DASHBOARD', 'FEED_CONSUMER'],
      namedConsumer: true,
      op: () => ({ query: '{ feedConsumer(name: "mx-named") { name } }' }),
      expectDone: (v) => expect(v).toEqual({ name: 'mx-named' }),
    },
    deadLetters: {
      root: 'Query',
      allowed: ['ADMIN', 'DASHBOARD', 'FEED_CONSUMER'],
      namedConsumer: true,
      op: () => ({ query: '{ deadLetters(consumer: "mx-named", unresolvedOnly: true) { consumer cursor } }' }),
      expectDone: (v) => expect(Array.isArray(v)).toBe(true),
    },
    certificateAuthorities: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({ query: '{ certificateAuthorities { code } }' }),
      expectDone: (v) => expect(v.map((c: Json) => c.code)).toEqual(expect.arrayContaining(['MX-CA-A'])),
    },
    certificate: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({ query: `{ certificate(fingerprint: "${'0'.repeat(64)}") { fingerprint } }` }),
      expectDone: (v) => expect(v).toBeNull(),
    },
    certificates: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({ query: '{ certificates(filter: { caCode: "MX-NONE" }) { totalCount edges { cursor } } }' }),
      expectDone: (v) => expect(v).toEqual({ totalCount: 0, edges: [] }),
    },
    verifyCertificate: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({
        query: 'query($pem: String!) { verifyCertificate(pem: $pem) { status caCode creditCode } }',
        variables: { pem: cas.A.leaf },
      }),
      expectDone: (v) => expect(v).toEqual({ status: 'VALID', caCode: 'MX-CA-A', creditCode: p.bidders[0] }),
    },
    marketEntities: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({ query: '{ marketEntities(first: 50) { totalCount edges { node { creditCode } } } }' }),
      expectDone: (v) => {
        expect(v.totalCount).toBeGreaterThanOrEqual(5);
        expect(v.edges.map((e: Json) => e.node.creditCode)).toEqual(expect.arrayContaining([p.tenderer, ...p.bidders]));
      },
    },
    marketEntity: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({
        query: 'query($c: String!) { marketEntity(creditCode: $c) { creditCode name } }',
        variables: { c: p.tenderer },
      }),
      expectDone: (v) => expect(v).toEqual({ creditCode: p.tenderer, name: expect.any(String) }),
    },
    ocdsRelease: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({ query: '{ ocdsRelease(projectCode: "MX-P") }' }),
      expectDone: (v) => expect(v).toMatchObject({ ocid: 'ocds-hubei00-MX-P', tender: { lots: expect.any(Array) } }),
    },
    ocdsReleases: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({ query: '{ ocdsReleases(projectCodes: ["MX-P", "MX-NONE"]) }' }),
      expectDone: (v) => expect(v).toEqual([expect.objectContaining({ ocid: 'ocds-hubei00-MX-P' }), null]),
    },
    ocdsReleasePackage: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({ query: '{ ocdsReleasePackage(first: 10) { package pageInfo { hasNextPage } } }' }),
      expectDone: (v) => expect(v.package.releases.map((r: Json) => r.ocid)).toContain('ocds-hubei00-MX-P'),
    },
    principals: {
      root: 'Query',
      allowed: ['ADMIN'],
      op: () => ({ query: '{ principals { name roles } }' }),
      expectDone: (v) =>
        expect(v).toEqual(
          expect.arrayContaining([
            { name: 'MX-SYS', roles: ['SOURCE_SYSTEM'] },
            { name: 'mx-dashboard', roles: ['DASHBOARD'] },
          ]),
        ),
    },
    sourceSystems: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR', 'DASHBOARD'],
      op: () => ({ query: '{ sourceSystems { code regionCode } }' }),
      expectDone: (v) => expect(v).toEqual(expect.arrayContaining([{ code: 'MX-SYS', regionCode: '420000' }])),
    },
    creditCodeExceptions: {
      root: 'Query',
      allowed: ['ADMIN'],
      op: () => ({ query: '{ creditCodeExceptions { code reason } }' }),
      expectDone: async (v) => {
        expect(v).toEqual(expect.arrayContaining([{ code: wrongCheck('MXKEEP001'), reason: '试点期赋码' }]));
        expect(v.map((x: Json) => x.code)).toEqual(
          (await sql<{ code: string }>('select code from credit_code_exception order by code')).map((r) => r.code),
        );
      },
    },
    tradingCatalog: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR', 'FEED_CONSUMER', 'DASHBOARD'],
      op: () => ({ query: '{ tradingCatalog { code subItems { code } } }' }),
      expectDone: (v) => {
        const engineering = v.find((c: Json) => c.code === 'ENGINEERING');
        expect(engineering.subItems.map((s: Json) => s.code)).toContain('ENG_TRANSPORT');
      },
    },
    tradingProject: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({ query: '{ tradingProject(code: "MX-P") { code sections { code } } }' }),
      expectDone: (v) =>
        expect(v).toEqual({ code: 'MX-P', sections: [1, 2, 3, 4].map((i) => ({ code: `MX-P-S${i}` })) }),
    },
    tradingProjects: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({ query: '{ tradingProjects(first: 10) { edges { node { code tenderer { creditCode } } } } }' }),
      expectDone: (v) =>
        expect(v.edges).toEqual(
          expect.arrayContaining([{ node: { code: 'MX-P', tenderer: { creditCode: p.tenderer } } }]),
        ),
    },
    findings: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR', 'SUPERVISOR'],
      op: () => ({ query: '{ findings(filter: { projectCode: "MX-P" }) { edges { node { rule sectionCode } } } }' }),
      expectDone: (v) =>
        expect(v.edges).toEqual(expect.arrayContaining([{ node: { rule: 'SHARED_IP', sectionCode: null } }])),
    },
    disclosureQuality: {
      root: 'Query',
      allowed: ['ADMIN', 'INTEGRATOR', 'DASHBOARD'],
      op: () => ({
        query:
          '{ disclosureQuality(period: { from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z" }, groupBy: [SOURCE_SYSTEM]) { measure total } }',
      }),
      expectDone: (v) => expect(v.map((x: Json) => x.measure)).toContain('AWARD_NOTICE'),
    },
    disclosureOffenders: {
      root: 'Query',
      allowed: ['ADMIN', 'INTEGRATOR'],
      op: () => ({
        query:
          '{ disclosureOffenders(measure: AWARD_NOTICE, period: { from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z" }) { edges { node { key } } } }',
      }),
      expectDone: (v) => expect(v.edges).toEqual(expect.arrayContaining([{ node: { key: 'MX-P-S4' } }])),
    },
    findingStatistics: {
      root: 'Query',
      allowed: ['ADMIN', 'INTEGRATOR', 'DASHBOARD', 'SUPERVISOR'],
      op: () => ({ query: '{ findingStatistics(groupBy: [], filter: { projectCode: "MX-P" }) { total } }' }),
      expectDone: (v) => expect(v[0].total).toBeGreaterThanOrEqual(1),
    },
    tradingStatistics: {
      root: 'Query',
      allowed: ['ADMIN', 'INTEGRATOR', 'DASHBOARD'],
      op: () => ({ query: '{ tradingStatistics(groupBy: []) { projectCount sectionCount } }' }),
      expectDone: async (v) => {
        const [{ n }] = await sql<{ n: string }>('select count(*) as n from trading_project');
        expect(v).toEqual([{ projectCount: Number(n), sectionCount: expect.any(Number) }]);
        expect(Number(n)).toBeGreaterThanOrEqual(1);
      },
    },
    verifyChangeLog: {
      root: 'Query',
      allowed: ['ADMIN'],
      op: () => ({ query: '{ verifyChangeLog { ok checked lastSeq firstBrokenSeq } }' }),
      expectDone: async (v) => {
        const [{ n }] = await sql<{ n: string }>('select count(*) as n from change_event');
        expect(v).toMatchObject({ ok: true, firstBrokenSeq: null });
        expect(v.checked).toBe(Number(n));
      },
    },

    // ---- Mutation: supervision authorities and operators ----
    reviewFinding: {
      root: 'Mutation',
      allowed: ['ADMIN', 'SUPERVISOR'],
      op: () => ({
        query: `mutation { reviewFinding(input: { id: "${findingId}", outcome: CONFIRMED }) { number outcome author } }`,
      }),
      expectDone: (v, who) =>
        expect(v).toEqual({
          number: expect.any(Number),
          outcome: 'CONFIRMED',
          author: who === 'ADMIN' ? 'admin' : expect.stringMatching(/^mx-supervisor\//),
        }),
    },
    createClient: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: (who) => ({
        query: `mutation { createClient(input: { name: "mx-new-${tag(who)}", roles: [DASHBOARD] }) { apiKey principal { name roles } } }`,
      }),
      expectDone: async (v, who) => {
        expect(v.principal).toEqual({ name: `mx-new-${tag(who)}`, roles: ['DASHBOARD'] });
        // The new key works, with the role it was given.
        const r = await t.gql('{ tradingStatistics(groupBy: []) { projectCount } }', undefined, v.apiKey);
        expect(r.errors).toBeUndefined();
      },
    },
    issueApiKey: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: () => ({
        query: 'mutation { issueApiKey(principal: "mx-spare") { apiKey key { id prefix } principal { name } } }',
      }),
      expectDone: async (v) => {
        expect(v.principal.name).toBe('mx-spare');
        expect(v.apiKey.startsWith(v.key.prefix)).toBe(true);
        expect((await t.gql('{ sourceSystems { code } }', undefined, v.apiKey)).errors).toBeUndefined();
      },
    },
    rotateApiKey: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: () => ({
        query: `mutation { rotateApiKey(keyId: ${keyIds.rotate}, graceSeconds: 60) { apiKey key { rotatedFrom } principal { name } } }`,
      }),
      expectDone: (v) =>
        expect(v).toMatchObject({
          apiKey: expect.any(String),
          key: { rotatedFrom: keyIds.rotate },
          principal: { name: 'mx-rotate' },
        }),
    },
    revokeApiKey: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: () => ({ query: `mutation { revokeApiKey(keyId: ${keyIds.revoke}) { id revokedAt } }` }),
      expectDone: async (v) => {
        expect(v).toEqual({ id: keyIds.revoke, revokedAt: expect.any(String) });
        expect((await t.gql('{ sourceSystems { code } }', undefined, revokeKey)).errors?.[0].extensions?.code).toBe(
          'UNAUTHENTICATED',
        );
      },
    },
    updateGrants: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: () => ({
        query: 'mutation { updateGrants(principal: "mx-spare", input: { reveal: [PHONE] }) { name reveal roles } }',
      }),
      expectDone: (v) => expect(v).toEqual({ name: 'mx-spare', reveal: ['PHONE'], roles: ['INTEGRATOR'] }),
    },
    registerSourceSystem: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: (who) => ({
        query: `mutation { registerSourceSystem(input: { code: "MX-NEW-${tag(who).toUpperCase()}", name: "新系统", kind: MARKET }) { apiKey system { code kind } } }`,
      }),
      expectDone: async (v, who) => {
        expect(v.system).toEqual({ code: `MX-NEW-${tag(who).toUpperCase()}`, kind: 'MARKET' });
        const r = await t.gql<Json>(pushOp('pushMarketEntities', 'MarketEntityInput', []).query, { r: [] }, v.apiKey);
        expect(r.data?.pushMarketEntities).toMatchObject({ accepted: 0, results: [] });
      },
    },
    upsertCatalogCategory: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: (who) => ({
        query: `mutation { upsertCatalogCategory(input: { code: "MX_CAT_${tag(who).toUpperCase()}", name: "矩阵大类" }) }`,
      }),
      expectDone: async (v, who) => {
        expect(v).toBe(true);
        expect(
          await sql('select name from trading_category where code = ?', [`MX_CAT_${tag(who).toUpperCase()}`]),
        ).toEqual([{ name: '矩阵大类' }]);
      },
    },
    upsertCatalogSubItem: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: (who) => ({
        query: `mutation { upsertCatalogSubItem(input: { categoryCode: "ENGINEERING", code: "ENG_MX_${tag(who).toUpperCase()}", name: "矩阵子项" }) }`,
      }),
      expectDone: async (v, who) => {
        expect(v).toBe(true);
        expect(
          await sql('select category_code from trading_sub_item where code = ?', [`ENG_MX_${tag(who).toUpperCase()}`]),
        ).toEqual([{ category_code: 'ENGINEERING' }]);
      },
    },
    retireCatalogCategory: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: () => ({ query: 'mutation { retireCatalogCategory(code: "MX_OLD") }' }),
      expectDone: async (v) => {
        expect(v).toBe(true);
        expect(
          await sql('select retired_at is not null as retired from trading_category where code = ?', ['MX_OLD']),
        ).toEqual([{ retired: true }]);
      },
    },
    retireCatalogSubItem: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: () => ({ query: 'mutation { retireCatalogSubItem(code: "ENG_MX_OLD") }' }),
      expectDone: async (v) => {
        expect(v).toBe(true);
        expect(
          await sql('select retired_at is not null as retired from trading_sub_item where code = ?', ['ENG_MX_OLD']),
        ).toEqual([{ retired: true }]);
      },
    },

    addCreditCodeException: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: (who) => ({
        query: `mutation { addCreditCodeException(input: { code: "${wrongCheck(`MXADD${WHO.indexOf(who)}000`)}", reason: "试点期赋码" }) { code reason } }`,
      }),
      expectDone: async (v, who) => {
        const added = wrongCheck(`MXADD${WHO.indexOf(who)}000`);
        expect(v).toEqual({ code: added, reason: '试点期赋码' });
        expect(await sql('select note from credit_code_exception where code = ?', [added])).toEqual([
          { note: '试点期赋码' },
        ]);
      },
    },
    removeCreditCodeException: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: () => ({ query: `mutation { removeCreditCodeException(code: "${wrongCheck('MXDRP0001')}") { code } }` }),
      expectDone: async (v) => {
        expect(v).toEqual({ code: wrongCheck('MXDRP0001') });
        expect(await sql('select 1 from credit_code_exception where code = ?', [wrongCheck('MXDRP0001')])).toEqual([]);
      },
    },

    // ---- Mutation: pushes ----
    expert: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({ query: '{ expert(code: "MX-EXP-0") { code } }' }),
      expectDone: (v) => expect(v).toEqual({ code: 'MX-EXP-0' }),
    },
    experts: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({ query: '{ experts(first: 10) { edges { node { code } } } }' }),
      expectDone: (v) => expect(v.edges.map((e: Json) => e.node.code)).toContain('MX-EXP-0'),
    },
    creditRecord: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({ query: '{ creditRecord(code: "MX-CR-0") { code kind } }' }),
      expectDone: (v) => expect(v).toEqual({ code: 'MX-CR-0', kind: 'BAD_CONDUCT' }),
    },
    creditRecords: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({ query: '{ creditRecords(first: 10) { edges { node { code } } } }' }),
      expectDone: (v) => expect(v.edges.map((e: Json) => e.node.code)).toContain('MX-CR-0'),
    },
    creditStatus: {
      root: 'Query',
      allowed: ['ADMIN', 'SOURCE_SYSTEM', 'INTEGRATOR'],
      op: () => ({
        query: 'query($c: String!) { creditStatus(creditCode: $c, at: "2026-06-01T00:00:00+08:00") { grade } }',
        variables: { c: p.bidders[2] },
      }),
      expectDone: (v) => expect(v).toEqual({ grade: 'B' }),
    },
    // ---- Mutation: named feed consumers (ADMIN holds FEED_CONSUMER but is no named consumer: FORBIDDEN) ----
    registerFeedConsumer: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: (who) => ({
        query: `mutation { registerFeedConsumer(input: { name: "mx-reg-${tag(who)}", topics: [MARKET_ENTITY] }) { consumer { name } apiKey } }`,
      }),
      expectDone: (v, who) => {
        expect(v.consumer).toEqual({ name: `mx-reg-${tag(who)}` });
        expect(v.apiKey).toEqual(expect.any(String));
      },
    },
    resetFeedConsumer: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: () => ({
        query: 'mutation($to: String!) { resetFeedConsumer(name: "mx-reset", to: $to) { name acknowledgedCursor } }',
        variables: { to: entityCursor },
      }),
      expectDone: (v) => expect(v).toEqual({ name: 'mx-reset', acknowledgedCursor: entityCursor }),
    },
    startDelivery: {
      root: 'Mutation',
      allowed: ['FEED_CONSUMER'],
      namedConsumer: true,
      op: () => ({
        query: 'mutation($c: String!) { startDelivery(until: $c) { name } }',
        variables: { c: entityCursor },
      }),
      expectDone: (v) => expect(v).toEqual({ name: 'mx-named' }),
    },
    acknowledgeChanges: {
      root: 'Mutation',
      allowed: ['FEED_CONSUMER'],
      namedConsumer: true,
      op: () => ({
        query: 'mutation($c: String!) { acknowledgeChanges(cursor: $c) { name acknowledgedCursor } }',
        variables: { c: entityCursor },
      }),
      expectDone: (v) => expect(v).toEqual({ name: 'mx-named', acknowledgedCursor: entityCursor }),
    },
    reportDeadLetters: {
      root: 'Mutation',
      allowed: ['FEED_CONSUMER'],
      namedConsumer: true,
      op: () => ({
        query:
          'mutation($c: String!) { reportDeadLetters(records: [{ cursor: $c, status: 422, answer: "矩阵" }]) { consumer cursor status } }',
        variables: { c: entityCursor },
      }),
      expectDone: (v) => expect(v).toEqual([{ consumer: 'mx-named', cursor: entityCursor, status: 422 }]),
    },
    resolveDeadLetters: {
      root: 'Mutation',
      allowed: ['FEED_CONSUMER'],
      namedConsumer: true,
      op: () => ({
        query: 'mutation($c: String!) { resolveDeadLetters(cursors: [$c]) }',
        variables: { c: entityCursor },
      }),
      expectDone: (v) => expect(typeof v).toBe('number'),
    },
    repairCreditRecord: {
      root: 'Mutation',
      allowed: ['ADMIN', 'SOURCE_SYSTEM'],
      op: (who) => ({
        query: `mutation { repairCreditRecord(input: { recordKey: "MX-REP-${who}", decidedBy: "湖北省住房和城乡建设厅", decidedAt: "2026-11-01T00:00:00+08:00", grounds: "已整改" }) { code status } }`,
      }),
      expectDone: (v, who) => expect(v).toEqual({ code: `MX-REP-${who}`, status: 'REPAIRED' }),
    },
    pushExperts: pushRow(
      'pushExperts',
      'ExpertInput',
      'EXPERT',
      (who) => [expert(`MX-EXP-${who}`)],
      (r) => r.code as string,
    ),
    pushCreditRecords: pushRow(
      'pushCreditRecords',
      'CreditRecordInput',
      'CREDIT_RECORD',
      (who) => [badRecord(`MX-CR-${who}`, p.bidders[2], { severity: 'MINOR' })],
      (r) => r.code as string,
    ),
    pushMarketEntities: pushRow(
      'pushMarketEntities',
      'MarketEntityInput',
      'MARKET_ENTITY',
      newEntity,
      (r) => r.creditCode as string,
    ),
    pushTradingProjects: pushRow(
      'pushTradingProjects',
      'TradingProjectInput',
      'TRADING_PROJECT',
      () => [project('MX-NEW', p, { sections: [] })],
      (r) => r.code as string,
    ),
    pushAnnouncements: pushRow(
      'pushAnnouncements',
      'AnnouncementInput',
      'ANNOUNCEMENT',
      () => [
        {
          code: 'MX-A1',
          projectCode: 'MX-P',
          type: 'TENDER_NOTICE',
          title: '招标公告',
          publishedAt: '2026-09-01T09:00:00+08:00',
        },
      ],
      () => 'MX-A1',
    ),
    pushBids: pushRow(
      'pushBids',
      'BidInput',
      'BID',
      () => [
        {
          sectionCode: 'MX-P-S1',
          bidderCreditCode: p.bidders[2],
          amount: '230000.00',
          submittedAt: '2026-09-21T10:00:00+08:00',
        },
      ],
      () => `MX-P-S1/${p.bidders[2]}`,
    ),
    pushBidOpenings: pushRow(
      'pushBidOpenings',
      'BidOpeningInput',
      'BID_OPENING',
      () => [{ sectionCode: 'MX-P-S1', openedAt: '2026-09-25T09:30:00+08:00', bidderCount: '1' }],
      () => 'MX-P-S1',
    ),
    pushEvaluations: pushRow(
      'pushEvaluations',
      'EvaluationInput',
      'EVALUATION',
      () => [
        {
          sectionCode: 'MX-P-S2',
          reportedAt: '2026-09-28T17:00:00+08:00',
          candidates: [
            { rank: '1', bidderCreditCode: p.bidders[0], score: '91.50', amount: '240000.00' },
            { rank: '2', bidderCreditCode: p.bidders[1], score: '88.00', amount: '245000.00' },
          ],
        },
      ],
      () => 'MX-P-S2',
    ),
    pushAwards: pushRow(
      'pushAwards',
      'AwardInput',
      'AWARD',
      () => [{ sectionCode: 'MX-P-S3', winnerCreditCode: p.bidders[0], amount: '240000.00', awardedOn: '2026-10-10' }],
      () => 'MX-P-S3',
    ),
    pushContracts: pushRow(
      'pushContracts',
      'ContractInput',
      'CONTRACT',
      () => [{ code: 'MX-C1', sectionCode: 'MX-P-S4', amount: '240000.00', signedOn: '2026-10-20' }],
      () => 'MX-C1',
    ),

    pushCertificates: pushRow(
      'pushCertificates',
      'CertificateInput',
      'CERTIFICATE',
      () => [{ pem: cas.A.leaf }],
      () => fingerprintOf(cas.A.leaf),
    ),
    pushCertificateRevocationLists: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      refusedPerRecord: ['SOURCE_SYSTEM'],
      op: () => ({
        query:
          'mutation($r: [CrlInput!]!) { pushCertificateRevocationLists(records: $r) { accepted unchanged rejected results { index status version errors { field code message } } } }',
        variables: { r: [{ crlPem: cas.A.crl }] },
      }),
      expectDone: async (v) => {
        expect(v).toMatchObject({ accepted: 1, rejected: 0, results: [{ status: 'ACCEPTED', errors: [] }] });
        expect(await sql(`select ca_code from crl`)).toEqual([{ ca_code: 'MX-CA-A' }]);
      },
    },
    recognizeCertificateAuthority: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: () => ({
        query:
          'mutation($pem: String!) { recognizeCertificateAuthority(input: { code: "MX-CA-B", name: "矩阵CA", certificatesPem: $pem }) { code status } }',
        variables: { pem: cas.B.pem },
      }),
      expectDone: async (v) => {
        expect(v).toEqual({ code: 'MX-CA-B', status: 'RECOGNISED' });
        expect(
          await sql(`select op from change_event where topic = 'CERTIFICATE_AUTHORITY' and key = 'MX-CA-B'`),
        ).toEqual([{ op: 'CREATE' }]);
      },
    },
    withdrawCertificateAuthority: {
      root: 'Mutation',
      allowed: ['ADMIN'],
      op: () => ({ query: 'mutation { withdrawCertificateAuthority(code: "MX-CA-C") { code status } }' }),
      expectDone: async (v) => {
        expect(v).toEqual({ code: 'MX-CA-C', status: 'WITHDRAWN' });
        expect(await sql(`select status from certificate_authority where code = 'MX-CA-C'`)).toEqual([
          { status: 'WITHDRAWN' },
        ]);
      },
    },

    // ---- Subscription ----
    changes: {
      root: 'Subscription',
      allowed: ['ADMIN', 'FEED_CONSUMER'],
      op: () => ({ query: 'subscription { changes { seq topic key } }' }),
      expectDone: async (v, who) => {
        // The very first event the caller may see: every topic for ADMIN, the granted ones for a consumer.
        const where = who === 'ADMIN' ? '' : `where topic in ('MARKET_ENTITY', 'TRADING_PROJECT')`;
        const [first] = await sql<{ seq: string; topic: string; key: string }>(
          `select seq::text as seq, topic, key from change_event ${where} order by seq limit 1`,
        );
        expect(v).toEqual(first);
      },
    },
    tradingStatisticsChanged: {
      root: 'Subscription',
      allowed: ['ADMIN', 'INTEGRATOR', 'DASHBOARD'],
      op: () => ({ query: 'subscription { tradingStatisticsChanged(groupBy: []) { cursor rows { projectCount } } }' }),
      expectDone: async (v) => {
        const [{ n }] = await sql<{ n: string }>('select count(*) as n from trading_project');
        expect(v).toEqual({ cursor: expect.any(String), rows: [{ projectCount: Number(n) }] });
      },
    },
  };

  /** Runs a row's operation as `who`, over HTTP or (subscriptions) graphql-ws. */
  async function run(field: string, row: Row, who: Who): Promise<GraphQLResponse<Json>> {
    const op = row.op(who);
    const key = who === 'FEED_CONSUMER' && row.namedConsumer ? namedConsumerKey : keys[who];
    if (row.root !== 'Subscription') return t.gql<Json>(op.query, op.variables, key);
    const o = await firstOutcome(t.ws(key ?? ''), op);
    if (o.type === 'complete') throw new Error(`${field}: completed without a result`);
    return o.type === 'error' ? { status: 0, errors: o.errors } : { ...o.payload, status: 0 };
  }

  for (const [field, row] of Object.entries(ROWS)) {
    describe(`${row.root}.${field}`, () => {
      // Refusals first, so that each refused call is made with arguments that would still succeed.
      const order = [...WHO].sort((a, b) => rank(row, a) - rank(row, b));
      for (const who of order) {
        const outcome =
          rank(row, who) === 2
            ? 'allowed'
            : rank(row, who) === 1
              ? 'refused per record'
              : who === 'anonymous'
                ? 'UNAUTHENTICATED'
                : 'FORBIDDEN';
        const name =
          outcome === 'allowed'
            ? `lets ${who} use it`
            : outcome === 'refused per record'
              ? `lets ${who} past the role check but refuses every record`
              : `refuses ${who} with ${outcome}`;
        it(name, async () => {
          const before = row.root === 'Mutation' && outcome !== 'allowed' ? await fingerprint() : undefined;
          const r = await run(field, row, who);
          // Over HTTP the status says it too (graphql-ws has none: status 0).
          if (row.root !== 'Subscription')
            expect(r.status).toBe(outcome === 'UNAUTHENTICATED' ? 401 : outcome === 'FORBIDDEN' ? 403 : 200);
          if (outcome === 'allowed') {
            expect(r.errors).toBeUndefined();
            expect(r.data?.[field]).toBeDefined();
            await row.expectDone(r.data![field], who);
            return;
          }
          if (outcome === 'refused per record') {
            expect(r.errors).toBeUndefined();
            const result = r.data![field] as Push;
            expect(result).toMatchObject({ accepted: 0, unchanged: 0, rejected: result.results.length });
            expect(result.results.length).toBeGreaterThan(0);
            for (const x of result.results)
              expect(x).toMatchObject({
                status: 'REJECTED',
                version: null,
                errors: [{ field: '', code: 'FORBIDDEN', message: expect.stringMatching(/source system/) }],
              });
          } else {
            expect(r.errors).toHaveLength(1);
            expect(r.errors![0].extensions?.code).toBe(outcome);
            expect(r.data?.[field] ?? null).toBeNull();
          }
          if (before) expect(await fingerprint()).toEqual(before);
        });
      }
    });
  }

  describe('coverage', () => {
    function rootFields(sdl: string): Record<string, RootType> {
      const schema = buildSchema(sdl);
      const out: Record<string, RootType> = {};
      const roots: [RootType, GraphQLObjectType | null | undefined][] = [
        ['Query', schema.getQueryType()],
        ['Mutation', schema.getMutationType()],
        ['Subscription', schema.getSubscriptionType()],
      ];
      for (const [root, type] of roots) for (const name of Object.keys(type?.getFields() ?? {})) out[name] = root;
      return out;
    }

    const committed = () => rootFields(readFileSync(join(__dirname, '../../schema/schema.graphql'), 'utf8'));

    it('has a row for every root field of schema/schema.graphql, under the right root type', () => {
      const fields = committed();
      const missing = Object.keys(fields).filter((f) => !(f in ROWS));
      expect(missing).toEqual([]);
      const stale = Object.keys(ROWS).filter((f) => !(f in fields));
      expect(stale).toEqual([]);
      for (const [f, row] of Object.entries(ROWS)) expect([f, row.root]).toEqual([f, fields[f]]);
    });

    it('has a row for every root field the running hub serves', async () => {
      const r = await t.gql<Json>(
        '{ __schema { queryType { fields { name } } mutationType { fields { name } } subscriptionType { fields { name } } } }',
        undefined,
        ADMIN_KEY,
      );
      const s = r.data!.__schema;
      const served = [s.queryType, s.mutationType, s.subscriptionType].flatMap((x: Json) =>
        (x?.fields ?? []).map((f: Json) => f.name as string),
      );
      expect(served.length).toBeGreaterThan(0);
      expect(served.filter((f) => !(f in ROWS))).toEqual([]);
    });
  });

  describe('topics and categories', () => {
    const CHANGES = 'subscription($topics: [ChangeTopic!]) { changes(topics: $topics) { seq topic key } }';
    const seqsOf = async (topics: string[], upTo: string) =>
      (
        await sql<{ seq: string }>(
          `select seq::text as seq from change_event where topic in (?) and seq <= ? order by seq`,
          [topics, upTo],
        )
      ).map((r) => r.seq);
    const errorsOf = (o: WsOutcome) =>
      o.type === 'error' ? o.errors : o.type === 'next' ? o.payload.errors : undefined;

    it('delivers to a feed consumer exactly the events of its granted topics, replayed and live, and none of the others', async () => {
      const granted = ['MARKET_ENTITY', 'TRADING_PROJECT'];
      const sentinel = { ...entities(1, 8300)[0], regionCode: '420102' };
      const streamed = changesUntil(t.ws(keys.FEED_CONSUMER), { query: CHANGES }, (e) => e.key === sentinel.creditCode);
      await new Promise((r) => setTimeout(r, 300));
      // Live: an event of a topic not granted, between granted ones.
      const live = await push(t, keys.SOURCE_SYSTEM!, 'pushBids', 'BidInput', [
        {
          sectionCode: 'MX-P-S1',
          bidderCreditCode: p.bidders[1],
          amount: '231000.00',
          submittedAt: '2026-09-21T11:00:00+08:00',
        },
      ]);
      expect(live.accepted).toBe(1);
      expect((await push(t, keys.SOURCE_SYSTEM!, 'pushMarketEntities', 'MarketEntityInput', [sentinel])).accepted).toBe(
        1,
      );
      const events = await streamed;
      const last = events.at(-1).seq as string;
      // The log holds other topics in the same range, replayed and live, so the filter had work to do.
      expect(
        (await seqsOf(['ADMIN', 'BID', 'AWARD', 'CONTRACT', 'EVALUATION', 'BID_OPENING', 'ANNOUNCEMENT'], last)).length,
      ).toBeGreaterThan(10);
      expect(new Set(events.map((e) => e.topic))).toEqual(new Set(granted));
      expect(events.map((e) => e.seq)).toEqual(await seqsOf(granted, last));
    });

    it('narrows the feed to the granted topics asked for', async () => {
      const events = await changesUntil(
        t.ws(keys.FEED_CONSUMER),
        { query: CHANGES, variables: { topics: ['TRADING_PROJECT'] } },
        (e) => e.key === 'MX-NEW',
      );
      expect(events.map((e) => e.seq)).toEqual(await seqsOf(['TRADING_PROJECT'], events.at(-1).seq));
    });

    it.each([[['BID']], [['MARKET_ENTITY', 'BID']], [['ADMIN']]])(
      'refuses a feed consumer asking for %j with FORBIDDEN and no event',
      async (topics) => {
        const o = await firstOutcome(t.ws(keys.FEED_CONSUMER), { query: CHANGES, variables: { topics } });
        const errors = errorsOf(o);
        expect(errors).toHaveLength(1);
        expect(errors![0].extensions?.code).toBe('FORBIDDEN');
        expect(errors![0].message).toContain(topics.at(-1));
        expect(o.type === 'next' ? (o.payload.data ?? null) : null).toBeNull();
      },
    );

    it('refuses per record the topics and catalog categories a source system is not granted, and stores the rest of the batch', async () => {
      const gp = (
        await admin<{ registerSourceSystem: { apiKey: string } }>(
          'mutation { registerSourceSystem(input: { code: "MX-GP", name: "政府采购系统", kind: GOVERNMENT, regionCode: "420000", topics: [MARKET_ENTITY, TRADING_PROJECT, BID], categories: ["GOV_PROCUREMENT"] }) { apiKey } }',
        )
      ).registerSourceSystem.apiKey;
      const opening = '2026-09-25T09:30:00+08:00';
      const goods = (code: string) =>
        project(code, p, {
          subItemCode: 'GP_GOODS',
          details: { classificationCode: 'A02010104' },
          sections: [{ code: `${code}-S1`, name: '一包', budget: '100000.00', openingAt: opening }],
        });

      // Categories: the engineering project in the middle of the batch is refused; the procurement ones are stored.
      const projects = await push(t, gp, 'pushTradingProjects', 'TradingProjectInput', [
        goods('MX-GP-1'),
        project('MX-GP-ENG', p, { sections: [] }),
        goods('MX-GP-2'),
      ]);
      expect(projects.results.map((r) => r.status)).toEqual(['ACCEPTED', 'REJECTED', 'ACCEPTED']);
      expect(projects.results[1].errors).toEqual([
        expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('ENGINEERING') }),
      ]);
      expect(
        await sql(`select code, category_code from trading_project where code like 'MX-GP-%' order by code`),
      ).toEqual([
        { code: 'MX-GP-1', category_code: 'GOV_PROCUREMENT' },
        { code: 'MX-GP-2', category_code: 'GOV_PROCUREMENT' },
      ]);

      // Categories reach child records through their section's project.
      const submittedAt = '2026-09-20T10:00:00+08:00';
      const bids = await push(t, gp, 'pushBids', 'BidInput', [
        { sectionCode: 'MX-GP-1-S1', bidderCreditCode: p.bidders[0], amount: '90000.00', submittedAt },
        { sectionCode: 'MX-P-S1', bidderCreditCode: p.bidders[0], amount: '232000.00', submittedAt },
        { sectionCode: 'MX-GP-1-S1', bidderCreditCode: p.bidders[1], amount: '95000.00', submittedAt },
      ]);
      expect(bids.results.map((r) => r.status)).toEqual(['ACCEPTED', 'REJECTED', 'ACCEPTED']);
      expect(bids.results[1].errors).toEqual([
        expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('ENGINEERING') }),
      ]);
      expect(
        await sql(`select key from change_event where topic = 'BID' and source_system = 'MX-GP' order by key`),
      ).toEqual([`MX-GP-1-S1/${p.bidders[0]}`, `MX-GP-1-S1/${p.bidders[1]}`].sort().map((key) => ({ key })));

      // Topics: a topic not granted refuses every record of the push, in a category that is granted.
      const before = await fingerprint();
      const notices = await push(t, gp, 'pushAnnouncements', 'AnnouncementInput', [
        {
          code: 'MX-GP-A1',
          projectCode: 'MX-GP-1',
          type: 'TENDER_NOTICE',
          title: '采购公告',
          publishedAt: '2026-09-01T09:00:00+08:00',
        },
      ]);
      expect(notices.results).toEqual([
        expect.objectContaining({
          status: 'REJECTED',
          errors: [expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('ANNOUNCEMENT') })],
        }),
      ]);
      // The one table a refused record changes: its rejection is counted, for the accuracy of disclosure.
      const after = await fingerprint();
      expect({ ...after, push_rejection: before.push_rejection }).toEqual(before);
      expect(
        await sql(
          `select x.code, x.count from push_rejection x join source_system s on s.id = x.source_system_id
            where s.code = 'MX-GP' and x.topic = 'ANNOUNCEMENT'`,
        ),
      ).toEqual([{ code: 'FORBIDDEN', count: 1 }]);
    });
  });
});

/** 0: refused at the role check; 1: past the role check, every record refused; 2: allowed. */
function rank(row: Row, who: Who): number {
  if (row.allowed.includes(who)) return 2;
  if (row.refusedPerRecord?.includes(who)) return 1;
  return 0;
}
