import { graphql } from '../gql';
import type { MarketEntityInput, MarketRole, PushedEntityQuery } from '../gql/graphql';
import { PUSH, entities, type PushResponse } from '../setup/data';
import { ADMIN_KEY, startTestHub, type GraphQLResponse, type TestHub } from '../setup/hub';

type PushResult = PushResponse['pushMarketEntities'];

const ENTITY = graphql(`
  query PushedEntity($creditCode: String!) {
    marketEntity(creditCode: $creditCode) {
      creditCode
      name
      kind
      roles
      legalRepresentative
      registeredCapital
      regionCode
      address
      establishedOn
      status
      externalId
      version
      updatedAt
      qualifications {
        code
        name
        level
        validUntil
        issuer
      }
      sourceSystem {
        code
      }
    }
  }
`);

const CODES = graphql(`
  query PushedCodes($codes: [String!]!) {
    marketEntities(filter: { creditCodes: $codes }, first: 500) {
      totalCount
      edges {
        node {
          creditCode
          name
          version
        }
      }
    }
  }
`);

const LAST_PUSH = graphql(`
  query SystemsLastPush {
    sourceSystems {
      code
      lastPushAt
    }
  }
`);

type EntityRow = NonNullable<PushedEntityQuery['marketEntity']>;

describe('pushing market entities', () => {
  let t: TestHub;
  let key: string;

  beforeAll(async () => {
    t = await startTestHub();
    // Granted the whole province: these tests push records from every region of Hubei.
    key = await t.system('PUSH-TEST');
  });
  afterAll(() => t.stop());

  /** Runs SQL on the hub's own database, outside any request. */
  function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return t.hub.services.orm.em.fork().execute<T[]>(query, params);
  }

  async function eventCount(keys?: string[]): Promise<number> {
    const [row] = keys
      ? await sql<{ n: string }>(
          'select count(*) as n from change_event where key in (select jsonb_array_elements_text(?::jsonb))',
          [JSON.stringify(keys)],
        )
      : await sql<{ n: string }>('select count(*) as n from change_event');
    return Number(row.n);
  }

  async function rowCount(keys: string[]): Promise<number> {
    const [row] = await sql<{ n: string }>(
      'select count(*) as n from market_entity where credit_code in (select jsonb_array_elements_text(?::jsonb))',
      [JSON.stringify(keys)],
    );
    return Number(row.n);
  }

  async function push(records: MarketEntityInput[], k = key): Promise<PushResult> {
    const r = await t.gql(PUSH, { records }, k);
    expect(r.errors).toBeUndefined();
    return r.data!.pushMarketEntities;
  }

  async function stored(creditCodes: string[]): Promise<Map<string, { name: string; version: number }>> {
    const r = await t.gql(CODES, { codes: creditCodes });
    expect(r.errors).toBeUndefined();
    return new Map(r.data!.marketEntities.edges.map((e) => [e.node.creditCode, e.node]));
  }

  async function one(creditCode: string): Promise<EntityRow | null> {
    const r = await t.gql(ENTITY, { creditCode });
    expect(r.errors).toBeUndefined();
    return r.data!.marketEntity;
  }

  it('stores a valid record as version 1 with a CREATE event carrying the whole record', async () => {
    const [e] = entities(1, 100);
    const r = await push([e]);
    expect(r).toEqual({
      accepted: 1,
      unchanged: 0,
      rejected: 0,
      results: [{ index: 0, key: e.creditCode, status: 'ACCEPTED', version: 1, errors: [] }],
    });
    const row = await one(e.creditCode!);
    expect(row).toMatchObject({
      creditCode: e.creditCode,
      name: e.name,
      regionCode: e.regionCode,
      version: 1,
      sourceSystem: { code: 'PUSH-TEST' },
    });
    const events = await sql<{ op: string; version: number; source_system: string; data: Record<string, unknown> }>(
      'select op, version, source_system, data from change_event where key = ?',
      [e.creditCode],
    );
    expect(events).toEqual([
      {
        op: 'CREATE',
        version: 1,
        source_system: 'PUSH-TEST',
        data: expect.objectContaining({ creditCode: e.creditCode, name: e.name, version: 1 }),
      },
    ]);
    expect(events[0].data.updatedAt).toBe(row!.updatedAt);
  });

  it('takes roles as the MarketRole enum: inline `roles: [BIDDER]`, and as names in variables as before', async () => {
    const [inline, inVariables] = entities(2, 1000);
    const r = await t.gql<PushResponse>(
      `mutation { pushMarketEntities(records: [{ creditCode: "${inline.creditCode}", name: "${inline.name}", roles: [BIDDER, AGENCY] }]) { accepted results { status errors { field } } } }`,
      undefined,
      key,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.pushMarketEntities.results).toEqual([{ status: 'ACCEPTED', errors: [] }]);
    expect((await push([{ ...inVariables, roles: ['SUPPLIER', 'BIDDER'] }])).accepted).toBe(1);
    expect((await one(inline.creditCode!))!.roles).toEqual(['AGENCY', 'BIDDER']);
    expect((await one(inVariables.creditCode!))!.roles).toEqual(['BIDDER', 'SUPPLIER']);
    // A role that does not exist refuses the request, as any enum argument does (nothing is stored).
    const unknown = await t.gql(String(PUSH), { records: [{ ...entities(1, 1002)[0], roles: ['KING'] }] }, key);
    expect(unknown.data).toBeUndefined();
    expect(unknown.errors?.[0].message).toContain('"KING"');
  });

  it('rejects bad records one by one with field paths while storing the rest of the batch', async () => {
    const [good1, bad1, good2, bad2] = entities(4, 200);
    const records: MarketEntityInput[] = [
      good1,
      {
        ...bad1,
        name: '  ',
        registeredCapital: '-100',
        // An unknown role name refuses the whole request (the MarketRole enum); too many roles is this record's fault.
        roles: Array<MarketRole>(11).fill('BIDDER'),
        qualifications: [
          { code: 'Q-OK', name: '合格' },
          { code: 'Q-BAD', name: '过期', validUntil: '2023-02-30' },
        ],
      },
      good2,
      { ...bad2, creditCode: `${bad2.creditCode!.slice(0, 17)}${bad2.creditCode!.endsWith('0') ? '1' : '0'}` },
    ];
    const r = await push(records);
    expect(r).toMatchObject({ accepted: 2, unchanged: 0, rejected: 2 });
    expect(r.results.map((x) => x.status)).toEqual(['ACCEPTED', 'REJECTED', 'ACCEPTED', 'REJECTED']);
    expect(r.results[1]).toMatchObject({ index: 1, key: bad1.creditCode, version: null });
    expect(r.results[1].errors.map((e) => [e.field, e.code])).toEqual(
      expect.arrayContaining([
        ['name', 'BAD_USER_INPUT'],
        ['registeredCapital', 'BAD_USER_INPUT'],
        ['roles', 'BAD_USER_INPUT'],
        ['qualifications.1.validUntil', 'BAD_USER_INPUT'],
      ]),
    );
    expect(r.results[1].errors).toHaveLength(4);
    expect(r.results[3]).toMatchObject({ index: 3, key: records[3].creditCode, version: null });
    expect(r.results[3].errors).toEqual([
      { field: 'creditCode', code: 'BAD_USER_INPUT', message: expect.stringMatching(/check character/) },
    ]);

    const found = await stored(records.map((x) => x.creditCode!));
    expect([...found.keys()].sort()).toEqual([good1.creditCode, good2.creditCode].sort());
    expect(await eventCount(records.map((x) => x.creditCode!))).toBe(2);
  });

  it('rejects text PostgreSQL cannot store (NUL, a lone surrogate) per record, without failing the batch', async () => {
    const [good, nul, surrogate, control] = entities(4, 250);
    const r = await push([
      good,
      { ...nul, name: '空\u0000字符公司' },
      { ...surrogate, address: '武汉市\ud800路' },
      { ...control, qualifications: [{ code: 'Q1', name: '资质\u0007' }] },
    ]);
    expect(r.results.map((x) => x.status)).toEqual(['ACCEPTED', 'REJECTED', 'REJECTED', 'REJECTED']);
    expect(r.results.slice(1).map((x) => x.errors.map((e) => [e.field, e.code]))).toEqual([
      [['name', 'BAD_USER_INPUT']],
      [['address', 'BAD_USER_INPUT']],
      [['qualifications.0.name', 'BAD_USER_INPUT']],
    ]);
    expect([...(await stored([good, nul, surrogate, control].map((e) => e.creditCode!))).keys()]).toEqual([
      good.creditCode,
    ]);
  });

  it('rejects a credit code holding NUL or a lone surrogate per record, without failing the batch', async () => {
    const [good] = entities(1, 270);
    const r = await push([
      good,
      { ...good, creditCode: `${good.creditCode!.slice(0, 17)}\u0000` },
      { ...good, creditCode: `${good.creditCode!.slice(0, 17)}\ud800` },
    ]);
    expect(r.results.map((x) => x.status)).toEqual(['ACCEPTED', 'REJECTED', 'REJECTED']);
    expect(r.results[1].errors).toEqual([
      { field: 'creditCode', code: 'BAD_USER_INPUT', message: expect.stringMatching(/may only hold/) },
    ]);
  });

  it('stores valid text exactly, whatever quotes, placeholders or escapes it holds', async () => {
    const [e] = entities(1, 260);
    const name = `O'Brien "楚天" ? ?? $1 :name \\ \\' %s 𠀀 公司`;
    const r = await push([{ ...e, name, address: "'; drop table market_entity; --", externalId: '?' }]);
    expect(r.results[0].status).toBe('ACCEPTED');
    expect(await one(e.creditCode!)).toMatchObject({
      name,
      address: "'; drop table market_entity; --",
      externalId: '?',
    });
    const [event] = await sql<{ data: { name: string } }>('select data from change_event where key = ?', [
      e.creditCode,
    ]);
    expect(event.data.name).toBe(name);
  });

  it('reports the key of a rejected record when it can be read, normalised, and null when it cannot', async () => {
    const [e] = entities(1, 300);
    const r = await push([
      { ...e, creditCode: ` ${e.creditCode!.toLowerCase()} `, name: null },
      { ...e, creditCode: null },
      { ...e, creditCode: '   ' },
      { ...e, creditCode: 'not-a-code' },
    ]);
    expect(r.results.map((x) => [x.status, x.key])).toEqual([
      ['REJECTED', e.creditCode],
      ['REJECTED', null],
      ['REJECTED', null],
      ['REJECTED', 'NOT-A-CODE'],
    ]);
    expect(r.results[1].errors).toEqual([
      { field: 'creditCode', code: 'BAD_USER_INPUT', message: 'creditCode is required' },
    ]);
  });

  it('records when each system last pushed, whatever the outcome, at most once a second', async () => {
    const other = await t.system('PUSH-LAST');
    const lastPush = async () => {
      const r = await t.gql(LAST_PUSH, {}, ADMIN_KEY);
      expect(r.errors).toBeUndefined();
      const at = r.data!.sourceSystems.find((s) => s.code === 'PUSH-LAST')!.lastPushAt;
      return at === null ? null : new Date(at).getTime();
    };
    expect(await lastPush()).toBeNull();
    // A push whose every record is refused is still a push: the system is connected.
    const [dbBefore] = await sql<{ now: string | Date }>('select statement_timestamp() as now');
    const refused = await push([{ ...entities(1, 470)[0], creditCode: 'NOT-A-CODE' }], other);
    expect(refused).toMatchObject({ accepted: 0, rejected: 1 });
    const first = await lastPush();
    expect(first).not.toBeNull();
    expect(first!).toBeGreaterThanOrEqual(new Date(dbBefore.now).getTime());
    // Stamped within the last second: not written again.
    await sql(`update source_system set last_push_at = statement_timestamp() where code = 'PUSH-LAST'`);
    const stamped = await lastPush();
    await push(entities(1, 471), other);
    expect(await lastPush()).toBe(stamped);
    // Older than that: the next push stamps it again.
    await sql(`update source_system set last_push_at = last_push_at - interval '5 seconds' where code = 'PUSH-LAST'`);
    await push(entities(1, 472), other);
    expect(await lastPush()).toBeGreaterThan(stamped! - 5000);
    // Pushes of other systems leave it alone.
    const before = await lastPush();
    await push(entities(1, 473));
    expect(await lastPush()).toBe(before);
  });

  it('answers a re-push of identical content with UNCHANGED and writes nothing', async () => {
    const batch = entities(5, 400);
    const first = await push(batch);
    expect(first.accepted).toBe(5);
    const before = await sql<{ credit_code: string; version: number; updated_at: Date }>(
      'select credit_code, version, updated_at from market_entity where credit_code in (select jsonb_array_elements_text(?::jsonb)) order by credit_code',
      [JSON.stringify(batch.map((e) => e.creditCode))],
    );
    const events = await eventCount();

    const again = await push(batch);
    expect(again).toMatchObject({ accepted: 0, unchanged: 5, rejected: 0 });
    expect(again.results.every((x) => x.status === 'UNCHANGED' && x.version === 1 && x.errors.length === 0)).toBe(true);
    expect(again.results.map((x) => x.key)).toEqual(batch.map((e) => e.creditCode));
    expect(await eventCount()).toBe(events);
    const after = await sql(
      'select credit_code, version, updated_at from market_entity where credit_code in (select jsonb_array_elements_text(?::jsonb)) order by credit_code',
      [JSON.stringify(batch.map((e) => e.creditCode))],
    );
    expect(after).toEqual(before);
  });

  it('recognises the same content written differently as UNCHANGED', async () => {
    const [e] = entities(1, 450);
    await push([e]);
    const events = await eventCount();
    const q = e.qualifications!.filter((x): x is NonNullable<typeof x> => !!x);
    const rewritten: MarketEntityInput = {
      ...e,
      creditCode: `  ${e.creditCode!.toLowerCase()}`,
      name: ` ${e.name}\t`,
      roles: [...e.roles!].reverse().concat(e.roles![0]),
      registeredCapital: `00${e.registeredCapital!.replace(/\.00$/, '')}`,
      status: e.status!.toLowerCase(),
      qualifications: [...q].reverse().map((x) => ({
        issuer: x.issuer,
        validUntil: x.validUntil,
        level: x.level,
        name: x.name,
        code: ` ${x.code} `,
      })),
    };
    const r = await push([rewritten]);
    expect(r.results[0]).toMatchObject({ key: e.creditCode, status: 'UNCHANGED', version: 1 });
    expect(await eventCount()).toBe(events);
  });

  it('stores changed content as version 2 with an UPDATE event', async () => {
    const [e] = entities(1, 500);
    await push([e]);
    const r = await push([{ ...e, name: `${e.name}（更名）`, registeredCapital: '123.4' }]);
    expect(r.results[0]).toMatchObject({ key: e.creditCode, status: 'ACCEPTED', version: 2 });
    const events = await sql<{ op: string; version: number; data: Record<string, unknown> }>(
      'select op, version, data from change_event where key = ? order by seq',
      [e.creditCode],
    );
    expect(events.map((x) => [x.op, x.version])).toEqual([
      ['CREATE', 1],
      ['UPDATE', 2],
    ]);
    expect(events[1].data).toMatchObject({ name: `${e.name}（更名）`, registeredCapital: '123.40', version: 2 });
    expect(await one(e.creditCode!)).toMatchObject({
      name: `${e.name}（更名）`,
      registeredCapital: '123.40',
      version: 2,
    });
  });

  it('rejects a second record with the same key in one batch as CONFLICT and keeps the first', async () => {
    const [a, b] = entities(2, 600);
    const r = await push([
      a,
      b,
      { ...a, name: '后来的同号公司' },
      { ...a, creditCode: a.creditCode!.toLowerCase(), name: '小写的同号公司' },
    ]);
    expect(r).toMatchObject({ accepted: 2, unchanged: 0, rejected: 2 });
    for (const dup of [r.results[2], r.results[3]]) {
      expect(dup).toMatchObject({ key: a.creditCode, status: 'REJECTED', version: null });
      expect(dup.errors).toEqual([{ field: '', code: 'CONFLICT', message: expect.stringContaining('index 0') }]);
    }
    expect((await one(a.creditCode!))!.name).toBe(a.name);
    expect(await eventCount([a.creditCode!])).toBe(1);
  });

  it('accepts a batch of 5,000 records in one push', async () => {
    const batch = entities(5000, 10_000);
    const events = await eventCount();
    const r = await push(batch);
    expect(r).toMatchObject({ accepted: 5000, unchanged: 0, rejected: 0 });
    expect(r.results).toHaveLength(5000);
    expect(r.results.every((x, i) => x.index === i && x.status === 'ACCEPTED' && x.key === batch[i].creditCode)).toBe(
      true,
    );
    const codes = batch.map((e) => e.creditCode!);
    expect(await rowCount(codes)).toBe(5000);
    expect(await eventCount()).toBe(events + 5000);
    expect(await eventCount(codes)).toBe(5000);
  });

  it('refuses a batch of 5,001 records as a whole with LIMIT_EXCEEDED and writes nothing', async () => {
    const batch = entities(5001, 20_000);
    const events = await eventCount();
    const r = await t.gql(PUSH, { records: batch }, key);
    expect(r.data ?? null).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      field: 'records',
      limit: 5000,
      actual: 5001,
    });
    expect(r.errors![0].message).toMatch(/at most 5000/);
    expect(await rowCount(batch.map((e) => e.creditCode!))).toBe(0);
    expect(await eventCount()).toBe(events);
  });

  it('lets a client retry the same batch while the first attempt is still running, storing each record once', async () => {
    const batch = entities(200, 900);
    const attempts = await Promise.all([push(batch), push(batch), push(batch)]);
    for (let i = 0; i < batch.length; i++) {
      const statuses = attempts.map((a) => a.results[i].status).sort();
      expect(statuses).toEqual(['ACCEPTED', 'UNCHANGED', 'UNCHANGED']);
      expect(attempts.map((a) => a.results[i].version)).toEqual([1, 1, 1]);
    }
    expect(await eventCount(batch.map((e) => e.creditCode!))).toBe(200);
  });

  it('stores concurrent pushes of the same records in opposite orders without a storage fault', async () => {
    const otherKey = await t.system('PUSH-OTHER');
    // Allowed to update records that PUSH-TEST created (the operators' authoritative grant).
    const granted = await t.gql(
      `mutation { updateGrants(principal: "PUSH-OTHER", input: { authoritativeTopics: [MARKET_ENTITY] }) { name } }`,
      undefined,
      ADMIN_KEY,
    );
    expect(granted.errors).toBeUndefined();
    const base = entities(300, 1200);
    await push(base);
    const events = await eventCount();
    for (let round = 1; round <= 3; round++) {
      const mine = base.map((e) => ({ ...e, name: `${e.name}（甲${round}）` }));
      const theirs = base.map((e) => ({ ...e, name: `${e.name}（乙${round}）` })).reverse();
      const [a, b] = await Promise.all([
        t.gql(PUSH, { records: mine }, key),
        t.gql(PUSH, { records: theirs }, otherKey),
      ]);
      expect(a.errors).toBeUndefined();
      expect(b.errors).toBeUndefined();
      expect(a.data!.pushMarketEntities.accepted).toBe(300);
      expect(b.data!.pushMarketEntities.accepted).toBe(300);
    }
    expect(await eventCount()).toBe(events + 6 * 300);
    const versions = await sql<{ version: number }>(
      'select version from market_entity where credit_code in (select jsonb_array_elements_text(?::jsonb))',
      [JSON.stringify(base.map((e) => e.creditCode))],
    );
    expect(versions.every((v) => v.version === 7)).toBe(true);
  });

  describe('the operators’ credit-code exception list', () => {
    it('is seeded with the three legally issued pilot codes', async () => {
      const rows = await sql<{ code: string }>('select code from credit_code_exception order by code');
      expect(rows.map((x) => x.code)).toEqual(['91350100M0001TGQXM', '91350203M0001FUE2P', '91350211M0000XUF46']);
    });

    it('lets a listed pilot code through and rejects a code with a bad check character that is not listed', async () => {
      const r = await push([
        { creditCode: '91350211M0000XUF46', name: '厦门云上晴空航空科技有限公司', regionCode: '420100' },
        { creditCode: '91350100m0001tgqxm', name: '福建恒跃柳工机械销售有限公司', regionCode: '420100' },
        { creditCode: '91110000600037341N', name: '校验码错误的公司', regionCode: '420100' },
      ]);
      expect(r.results.map((x) => [x.key, x.status])).toEqual([
        ['91350211M0000XUF46', 'ACCEPTED'],
        ['91350100M0001TGQXM', 'ACCEPTED'],
        ['91110000600037341N', 'REJECTED'],
      ]);
      expect(r.results[2].errors).toEqual([
        { field: 'creditCode', code: 'BAD_USER_INPUT', message: expect.stringMatching(/check character/) },
      ]);
    });

    it('takes effect as soon as an operator adds a code, without a restart', async () => {
      const record = {
        creditCode: '91110000600037341L'.replace(/L$/, 'M'),
        name: '新登记的例外公司',
        regionCode: '420500',
      };
      expect((await push([record])).results[0].status).toBe('REJECTED');
      await sql("insert into credit_code_exception (code, note) values (?, 'added by the push test')", [
        record.creditCode,
      ]);
      expect((await push([record])).results[0]).toMatchObject({ status: 'ACCEPTED', version: 1 });
    });

    it('does not excuse a listed code of the wrong alphabet', async () => {
      await sql("insert into credit_code_exception (code, note) values ('91420100MA4KIOZSVX', 'bad alphabet')");
      const r = await push([{ creditCode: '91420100MA4KIOZSVX', name: '字母错误公司' }]);
      expect(r.results[0]).toMatchObject({
        status: 'REJECTED',
        errors: [{ field: 'creditCode', code: 'BAD_USER_INPUT' }],
      });
    });
  });

  describe('storage faults', () => {
    /** Runs `fn` while a CHECK constraint makes the database refuse some rows; always drops it again. */
    async function withConstraint<T>(table: string, name: string, check: string, fn: () => Promise<T>): Promise<T> {
      await sql(`alter table ${table} add constraint ${name} check (${check}) not valid`);
      try {
        return await fn();
      } finally {
        await sql(`alter table ${table} drop constraint if exists ${name}`);
      }
    }

    function expectInternal(r: GraphQLResponse<PushResponse>, ...secrets: string[]): void {
      expect(r.data ?? null).toBeNull();
      expect(r.errors).toHaveLength(1);
      expect(r.errors![0].extensions).toEqual({ code: 'INTERNAL', errorId: expect.any(String) });
      const text = JSON.stringify(r);
      for (const s of ['constraint', 'violates', 'insert into', ...secrets]) expect(text).not.toContain(s);
    }

    it('writes no row and no event of a batch when the database refuses one of its rows', async () => {
      const [existing] = entities(1, 700);
      await push([existing]);
      const batch = entities(3, 710);
      batch[1] = { ...batch[1], name: '触发存储故障的公司' };
      const update = { ...existing, name: `${existing.name}（批内更新）` };
      const events = await eventCount();

      const r = await withConstraint('market_entity', 'push_test_fault', "name <> '触发存储故障的公司'", () =>
        t.gql(PUSH, { records: [...batch, update] }, key),
      );
      expectInternal(r, 'push_test_fault');
      expect(await rowCount(batch.map((e) => e.creditCode!))).toBe(0);
      expect(await eventCount()).toBe(events);
      expect(await one(existing.creditCode!)).toMatchObject({ name: existing.name, version: 1 });

      // Nothing is left half-done: the same batch goes through once the fault is gone.
      const retry = await push([...batch, update]);
      expect(retry).toMatchObject({ accepted: 4, rejected: 0 });
      expect(retry.results.map((x) => x.version)).toEqual([1, 1, 1, 2]);
    });

    it('rolls back the stored records when appending their change events fails', async () => {
      const [existing] = entities(1, 800);
      await push([existing]);
      const batch = entities(3, 810);
      const update = { ...existing, name: `${existing.name}（事件失败）` };
      const events = await eventCount();

      const r = await withConstraint('change_event', 'push_test_event_fault', `key <> '${batch[2].creditCode}'`, () =>
        t.gql(PUSH, { records: [update, ...batch] }, key),
      );
      expectInternal(r, 'push_test_event_fault');
      expect(await rowCount(batch.map((e) => e.creditCode!))).toBe(0);
      expect(await eventCount()).toBe(events);
      expect(await one(existing.creditCode!)).toMatchObject({ name: existing.name, version: 1 });

      const retry = await push([update, ...batch]);
      expect(retry.results.map((x) => [x.status, x.version])).toEqual([
        ['ACCEPTED', 2],
        ['ACCEPTED', 1],
        ['ACCEPTED', 1],
        ['ACCEPTED', 1],
      ]);
    });

    it('leaves the change log gapless and hash-chained after failed batches', async () => {
      const rows = await sql<{ seq: string; prev_hash: string; hash: string }>(
        'select seq, prev_hash, hash from change_event order by seq',
      );
      expect(rows.length).toBeGreaterThan(0);
      rows.forEach((row, i) => {
        expect(Number(row.seq)).toBe(i + 1);
        if (i) expect(row.prev_hash).toBe(rows[i - 1].hash);
      });
    });
  });
});
