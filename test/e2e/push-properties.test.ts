import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { graphql } from '../gql';
import { pushPoolExperts } from '../setup/credit';
import { entities } from '../setup/data';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push } from '../setup/trading';

/*
 * Property: whatever a client puts in any field of any push input (arbitrary
 * JSON values, strings with control characters, lone surrogates and NULs,
 * extreme numbers and impossible dates), the hub answers with a verdict per
 * record or a 4xx, never INTERNAL, and the good records of the batch are
 * stored. Each run pushes [good, poison, good] over HTTP to a real hub and
 * database and reads the good records back. Seeded and bounded: a run is
 * one push, a few dozen runs per input type.
 */

const RUNS = 60;
const SEED = 20261123;

/*
 * The operations are typed by codegen (test/gql); their variables are not: they are sent as raw JSON (bodyOf), since
 * the hostile values (numbers beyond a double, lone surrogates) are what no typed client could write.
 */

/** The push of each input type, by the input type's name. */
const PUSHES = {
  MarketEntityInput: graphql(`
    mutation PropPushEntities($r: [MarketEntityInput!]!) {
      pushMarketEntities(records: $r) {
        results {
          status
          errors {
            code
          }
        }
      }
    }
  `),
  TradingProjectInput: graphql(`
    mutation PropPushProjects($r: [TradingProjectInput!]!) {
      pushTradingProjects(records: $r) {
        results {
          status
          errors {
            code
          }
        }
      }
    }
  `),
  AnnouncementInput: graphql(`
    mutation PropPushAnnouncements($r: [AnnouncementInput!]!) {
      pushAnnouncements(records: $r) {
        results {
          status
          errors {
            code
          }
        }
      }
    }
  `),
  BidInput: graphql(`
    mutation PropPushBids($r: [BidInput!]!) {
      pushBids(records: $r) {
        results {
          status
          errors {
            code
          }
        }
      }
    }
  `),
  BidOpeningInput: graphql(`
    mutation PropPushBidOpenings($r: [BidOpeningInput!]!) {
      pushBidOpenings(records: $r) {
        results {
          status
          errors {
            code
          }
        }
      }
    }
  `),
  EvaluationInput: graphql(`
    mutation PropPushEvaluations($r: [EvaluationInput!]!) {
      pushEvaluations(records: $r) {
        results {
          status
          errors {
            code
          }
        }
      }
    }
  `),
  AwardInput: graphql(`
    mutation PropPushAwards($r: [AwardInput!]!) {
      pushAwards(records: $r) {
        results {
          status
          errors {
            code
          }
        }
      }
    }
  `),
  ContractInput: graphql(`
    mutation PropPushContracts($r: [ContractInput!]!) {
      pushContracts(records: $r) {
        results {
          status
          errors {
            code
          }
        }
      }
    }
  `),
};
const REGISTER = graphql(`
  mutation PropRegister($v: RegisterSourceSystemInput!) {
    registerSourceSystem(input: $v) {
      apiKey
    }
  }
`);
const CLIENT = graphql(`
  mutation PropClient($v: CreateClientInput!) {
    createClient(input: $v) {
      apiKey
    }
  }
`);
const GRANTS = graphql(`
  mutation PropGrants($n: String!, $g: GrantsInput!) {
    updateGrants(principal: $n, input: $g) {
      name
    }
  }
`);
const CATEGORY = graphql(`
  mutation PropCategory($v: CatalogCategoryInput!) {
    upsertCatalogCategory(input: $v)
  }
`);
const SUB_ITEM = graphql(`
  mutation PropSubItem($v: CatalogSubItemInput!) {
    upsertCatalogSubItem(input: $v)
  }
`);
const ADD_EXCEPTION = graphql(`
  mutation PropAddException($v: CreditCodeExceptionInput!) {
    addCreditCodeException(input: $v) {
      code
    }
  }
`);
const RETIRE_SUB_ITEM = graphql(`
  mutation PropRetireSubItem($c: String!) {
    retireCatalogSubItem(code: $c)
  }
`);
const REMOVE_EXCEPTION = graphql(`
  mutation PropRemoveException($c: String!) {
    removeCreditCodeException(code: $c) {
      code
    }
  }
`);

/**
 * Raw JSON number literals a JSON encoder cannot write (it would turn them into null or round them), sent as they are.
 */
const RAW_NUMBERS = [
  '1e400',
  '-1e400',
  '123456789012345678901234567890',
  '9007199254740993',
  '1e-400',
  '0.1000000000000000000001',
  '-0',
];
const NONCE = randomBytes(8).toString('hex');
const rawNumber = (text: string) => `\u0001${NONCE}:${text}\u0001`;
/** The request body: JSON, with each raw number marker replaced by its literal. */
const bodyOf = (value: unknown) =>
  JSON.stringify(value).replace(new RegExp(`"\\\\u0001${NONCE}:([^"\\\\]*)\\\\u0001"`, 'g'), (_m, n: string) => n);

const SPECIALS = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\udbff\udfff',
  '\u0007',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\ufdd0',
  '\ufffe',
  '\uffff',
  '\u00a0',
  '\u200b',
  '\ufeff',
  ' ',
  '\n',
];
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIALS) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom('湖', '北', 'A', '1', '-', '.', '/', '%', '_', '\\', '"') },
);
/** Strings made of UTF-16 code units: lone surrogates, controls, bidi and noncharacters included. */
const hostileText = fc.string({ unit, maxLength: 24 });
/** Times a PostgreSQL timestamp cannot hold, or that a lax parser rolls over. */
const EXTREME_TIMES = [
  '0000-06-01T00:00:00Z',
  '0001-01-01T00:00:00+08:00',
  '9999-12-31T23:59:59-14:00',
  '+275760-09-13T00:00:00Z',
  '2026-02-30T10:00:00+08:00',
  '2026-02-29T10:00:00+08:00',
  '2026-01-01T24:00:00Z',
  '2026-01-01T23:60:00Z',
  '2026-01-01T10:00:00+14:01',
  '2026-01-01T10:00:00',
  '1969-12-31T23:59:59.999999999Z',
];
/** Days a PostgreSQL date cannot hold, or that do not exist. */
const EXTREME_DAYS = [
  '0000-01-01',
  '2026-02-29',
  '2026-02-30',
  '2026-13-01',
  '10000-01-01',
  '1799-12-31',
  '9999-12-31',
  '2026-01-01T24:00:00Z',
  '0000-01-01T00:00:00Z',
];
/** Numbers beyond int4, bigint, numeric(20,2) or a double, as a client writes them in a string field. */
const EXTREME_NUMBERS = [
  '99999999999999999999',
  '2147483648',
  '-2147483649',
  '9223372036854775808',
  '-1',
  '1e400',
  'NaN',
  'Infinity',
  '1'.repeat(40),
  '0.000000001',
  '-0.00',
  '1'.repeat(18) + '.99',
  '1'.repeat(19),
];
const EXTREME_TEXT = ['', ' ', 'x'.repeat(5000), ...EXTREME_TIMES.slice(0, 3), ...EXTREME_NUMBERS.slice(0, 3)];

/** The extremes that matter to a field, by its name: times, days or numbers. */
function extremesOf(path: string): string[] {
  const field = path.split('.').at(-1)!;
  if (/At$/.test(field)) return EXTREME_TIMES;
  if (/On$|^period|validUntil/.test(field)) return EXTREME_DAYS;
  if (/amount|budget|Capital|score|rank|Count|sortOrder/.test(field)) return EXTREME_NUMBERS;
  return EXTREME_TEXT;
}
const hostileString = fc.oneof(
  hostileText,
  fc.constantFrom(...EXTREME_TEXT, ...EXTREME_TIMES, ...EXTREME_DAYS, ...EXTREME_NUMBERS),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(...RAW_NUMBERS).map(rawNumber),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => rawNumber(String(n))),
);
/** Arbitrary JSON, with hostile strings, keys and numbers, a few levels deep. */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString,
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
})).value;
/** What a field is set to: mostly a hostile string, sometimes any JSON value or null. */
const hostileField = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileJson },
  { weight: 1, arbitrary: fc.constant(null) },
);
/**
 * What the field at `path` is set to: its own extremes (times, days, numbers) half of the time, else anything hostile.
 */
const hostileFor = (path: string) =>
  fc
    .oneof({ weight: 1, arbitrary: fc.constantFrom(...extremesOf(path)) }, { weight: 1, arbitrary: hostileField })
    .map((v) => [path, v] as [string, unknown]);
const hostileDetails = fc.oneof(fc.dictionary(hostileString, hostileJson, { maxKeys: 5 }), hostileJson);

/** `record` with `value` at the dotted path (list indexes included). */
function setPath(record: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(record);
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) {
    if (at[k] === null || typeof at[k] !== 'object') at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[keys.at(-1)!] = value;
  return copy;
}

interface InputType {
  mutation: string;
  inputType: string;
  /**
   * A good record in slot A, B or P (the one poisoned), whose content changes with `run` so that it is written each
   * time.
   */
  good(slot: 'A' | 'B' | 'P', run: number): Record<string, unknown>;
  /** Every field path the poison may hit. */
  fields: string[];
  /** Paths that take a JSON object (details), poisoned with hostile objects too. */
  jsonFields?: string[];
  /** The externalId stored for a good record of slot A or B. */
  storedExternalId(t: TestHub, slot: 'A' | 'B'): Promise<string | null>;
}

describe('every field of every push input, poisoned at random', () => {
  let t: TestHub;
  let key: string;
  let p: Awaited<ReturnType<typeof parties>>;
  const types: Record<string, InputType> = {};

  const one = async (q: string, params: unknown[]) =>
    (await t.hub.services.orm.em.fork().execute<{ external_id: string | null }[]>(q, params))[0]?.external_id ?? null;
  const bySection = (table: string, section: string) =>
    one(`select r.external_id from ${table} r join section s on s.id = r.section_id where s.code = ?`, [section]);

  beforeAll(async () => {
    t = await startTestHub();
    key = await t.system('PROP-SYS');
    p = await parties(t, key, 2, 9300);
    // The project the trading records hang on: one section per slot, a bid of the first bidder in each, and awards.
    const base = project('PROP', p, {
      sections: ['A', 'B', 'P'].map((s) => ({
        code: `PROP-${s}`,
        name: `${s} 标段`,
        openingAt: '2026-09-25T09:30:00+08:00',
      })),
    });
    await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [base]);
    const bids = ['A', 'B', 'P'].map((s) => ({
      sectionCode: `PROP-${s}`,
      bidderCreditCode: p.bidders[0],
      amount: '100.00',
      submittedAt: '2026-09-20T10:00:00+08:00',
    }));
    expect((await push(t, key, 'pushBids', 'BidInput', bids)).accepted).toBe(3);
    const awards = ['A', 'B', 'P'].map((s) => ({
      sectionCode: `PROP-${s}`,
      winnerCreditCode: p.bidders[0],
      amount: '100.00',
      awardedOn: '2026-10-10',
    }));
    expect((await push(t, key, 'pushAwards', 'AwardInput', awards)).accepted).toBe(3);
    // The committee member of the evaluations below, in the pool.
    await pushPoolExperts(t, ['E-1']);
    const people = entities(3, 9400).map((e) => ({ ...e, regionCode: '420102' }));
    const slotIndex = { A: 0, B: 1, P: 2 } as const;

    Object.assign(types, {
      MarketEntityInput: {
        mutation: 'pushMarketEntities',
        inputType: 'MarketEntityInput',
        good: (slot, run) => ({
          ...people[slotIndex[slot]],
          roles: ['BIDDER'],
          qualifications: [
            {
              code: 'Q1',
              name: '建筑工程施工总承包',
              level: '一级',
              validUntil: '2028-12-31',
              issuer: '湖北省住房和城乡建设厅',
            },
          ],
          externalId: `run-${run}`,
        }),
        fields: [
          'creditCode',
          'name',
          'kind',
          'roles',
          'roles.0',
          'legalRepresentative',
          'legalRepresentativeIdNumber',
          'contactPhone',
          'registeredCapital',
          'regionCode',
          'address',
          'establishedOn',
          'status',
          'qualifications',
          'qualifications.0',
          'qualifications.0.code',
          'qualifications.0.name',
          'qualifications.0.level',
          'qualifications.0.validUntil',
          'qualifications.0.issuer',
          'externalId',
        ],
        storedExternalId: (_t, slot) =>
          one('select external_id from market_entity where credit_code = ?', [people[slotIndex[slot]].creditCode]),
      },
      TradingProjectInput: {
        mutation: 'pushTradingProjects',
        inputType: 'TradingProjectInput',
        good: (slot, run) => ({
          ...project(`PROP-PJ-${slot}`, p),
          details: { note: '说明', n: 1.5 },
          externalId: `run-${run}`,
        }),
        fields: [
          'code',
          'name',
          'subItemCode',
          'regionCode',
          'tendererCreditCode',
          'agencyCreditCode',
          'budget',
          'currency',
          'method',
          'status',
          'publishedAt',
          'bidDeadline',
          'details',
          'details.note',
          'externalId',
          'sections',
          'sections.0',
          'sections.0.code',
          'sections.0.name',
          'sections.0.budget',
          'sections.0.status',
          'sections.0.openingAt',
        ],
        jsonFields: ['details'],
        storedExternalId: (_t, slot) =>
          one('select external_id from trading_project where code = ?', [`PROP-PJ-${slot}`]),
      },
      AnnouncementInput: {
        mutation: 'pushAnnouncements',
        inputType: 'AnnouncementInput',
        good: (slot, run) => ({
          code: `PROP-GG-${slot}`,
          projectCode: 'PROP',
          type: 'TENDER_NOTICE',
          title: '招标公告',
          publishedAt: '2026-09-01T09:00:00+08:00',
          periodStart: '2026-09-01',
          periodEnd: '2026-09-20',
          documentHash: 'abc',
          url: 'https://www.hbggzyfwpt.cn/1.html',
          sectionCodes: ['PROP-A'],
          externalId: `run-${run}`,
        }),
        fields: [
          'code',
          'projectCode',
          'type',
          'title',
          'publishedAt',
          'periodStart',
          'periodEnd',
          'documentHash',
          'url',
          'sectionCodes',
          'sectionCodes.0',
          'externalId',
        ],
        storedExternalId: (_t, slot) => one('select external_id from announcement where code = ?', [`PROP-GG-${slot}`]),
      },
      BidInput: {
        mutation: 'pushBids',
        inputType: 'BidInput',
        good: (slot, run) => ({
          sectionCode: `PROP-${slot}`,
          bidderCreditCode: p.bidders[slot === 'P' ? 1 : 0],
          amount: '100.00',
          submittedAt: '2026-09-20T10:00:00+08:00',
          status: 'VALID',
          caCertSerial: 'CA-1',
          deviceFingerprint: 'MAC-1',
          ipAddress: '10.0.0.1',
          documentHash: 'h',
          projectManagerId: '11010519491231002X',
          bondAccount: '6222',
          externalId: `run-${run}`,
        }),
        fields: [
          'sectionCode',
          'bidderCreditCode',
          'amount',
          'submittedAt',
          'status',
          'caCertSerial',
          'deviceFingerprint',
          'ipAddress',
          'documentHash',
          'projectManagerId',
          'bondAccount',
          'externalId',
        ],
        storedExternalId: (_t, slot) =>
          one(
            'select b.external_id from bid b join section s on s.id = b.section_id join market_entity m on m.id = b.bidder_id where s.code = ? and m.credit_code = ?',
            [`PROP-${slot}`, p.bidders[0]],
          ),
      },
      BidOpeningInput: {
        mutation: 'pushBidOpenings',
        inputType: 'BidOpeningInput',
        good: (slot, run) => ({
          sectionCode: `PROP-${slot}`,
          openedAt: '2026-09-25T09:30:00+08:00',
          bidderCount: '1',
          location: '武汉',
          externalId: `run-${run}`,
        }),
        fields: ['sectionCode', 'openedAt', 'bidderCount', 'location', 'externalId'],
        storedExternalId: (_t, slot) => bySection('bid_opening', `PROP-${slot}`),
      },
      EvaluationInput: {
        mutation: 'pushEvaluations',
        inputType: 'EvaluationInput',
        good: (slot, run) => ({
          sectionCode: `PROP-${slot}`,
          startedAt: '2026-09-26T09:00:00+08:00',
          reportedAt: '2026-09-28T17:00:00+08:00',
          committee: [{ expertCode: 'E-1', name: '李明', role: 'CHAIR', organisation: '武汉大学' }],
          candidates: [{ rank: '1', bidderCreditCode: p.bidders[0], score: '90.5', amount: '100.00' }],
          externalId: `run-${run}`,
        }),
        fields: [
          'sectionCode',
          'startedAt',
          'reportedAt',
          'committee',
          'committee.0',
          'committee.0.expertCode',
          'committee.0.name',
          'committee.0.role',
          'committee.0.organisation',
          'candidates',
          'candidates.0',
          'candidates.0.rank',
          'candidates.0.bidderCreditCode',
          'candidates.0.score',
          'candidates.0.amount',
          'externalId',
        ],
        storedExternalId: (_t, slot) => bySection('evaluation', `PROP-${slot}`),
      },
      AwardInput: {
        mutation: 'pushAwards',
        inputType: 'AwardInput',
        good: (slot, run) => ({
          sectionCode: `PROP-${slot}`,
          winnerCreditCode: p.bidders[0],
          amount: '100.00',
          awardedOn: '2026-10-10',
          externalId: `run-${run}`,
        }),
        fields: ['sectionCode', 'winnerCreditCode', 'amount', 'awardedOn', 'externalId'],
        storedExternalId: (_t, slot) => bySection('award', `PROP-${slot}`),
      },
      ContractInput: {
        mutation: 'pushContracts',
        inputType: 'ContractInput',
        good: (slot, run) => ({
          code: `PROP-HT-${slot}`,
          sectionCode: `PROP-${slot}`,
          amount: '100.00',
          signedOn: '2026-10-20',
          periodStart: '2026-11-01',
          periodEnd: '2027-10-31',
          externalId: `run-${run}`,
        }),
        fields: ['code', 'sectionCode', 'amount', 'signedOn', 'periodStart', 'periodEnd', 'externalId'],
        storedExternalId: (_t, slot) => one('select external_id from contract where code = ?', [`PROP-HT-${slot}`]),
      },
    } satisfies Record<string, InputType>);
  });
  afterAll(() => t.stop());

  async function post(
    body: string,
    bearer: string,
  ): Promise<{
    status: number;
    json: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
  }> {
    const res = await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body,
    });
    return { status: res.status, json: (await res.json()) as never };
  }

  /** No answer carries INTERNAL or a 5xx; for a push (`verdicts`), an answer without data is a 4xx. */
  function expectNoFault(
    status: number,
    json: { data?: unknown; errors?: { extensions?: { code?: string } }[] },
    what: unknown,
    verdicts = false,
  ): void {
    const codes = (json.errors ?? []).map((e) => e.extensions?.code);
    if (
      codes.includes('INTERNAL') ||
      status >= 500 ||
      (!json.errors?.length && !json.data) ||
      (verdicts && !json.data && status < 400)
    ) {
      throw new Error(
        `a fault for ${JSON.stringify(what).slice(0, 500)}: HTTP ${status} ${JSON.stringify(json).slice(0, 500)}`,
      );
    }
  }

  it.each(Object.keys(PUSHES) as (keyof typeof PUSHES)[])(
    '%s: a verdict per record or a 4xx, never INTERNAL, and the good records stored',
    async (name) => {
      const type = types[name];
      const poison = fc.array(
        fc.oneof(
          fc.constantFrom(...type.fields).chain(hostileFor),
          ...(type.jsonFields?.length ? [fc.tuple(fc.constantFrom(...type.jsonFields), hostileDetails)] : []),
        ),
        { minLength: 1, maxLength: 3 },
      );
      let run = 0;
      await fc.assert(
        fc.asyncProperty(poison, async (changes) => {
          run += 1;
          const bad = changes.reduce((r, [path, value]) => setPath(r, path, value), type.good('P', run));
          const records = [type.good('A', run), bad, type.good('B', run)];
          const { status, json } = await post(
            bodyOf({
              query: String(PUSHES[name]),
              variables: { r: records },
            }),
            key,
          );
          expectNoFault(status, json, changes, true);
          if (!json.data) return; // a 4xx: the request as a whole was refused (e.g. a value that is not a String)
          const results = (json.data[type.mutation] as { results: { status: string; errors: { code: string }[] }[] })
            .results;
          expect(results.map((r) => r.status)).toEqual([
            'ACCEPTED',
            expect.stringMatching(/^(ACCEPTED|UNCHANGED|REJECTED)$/),
            'ACCEPTED',
          ]);
          expect([await type.storedExternalId(t, 'A'), await type.storedExternalId(t, 'B')]).toEqual([
            `run-${run}`,
            `run-${run}`,
          ]);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
  );

  it('admin inputs: an answer or a 4xx, never INTERNAL', async () => {
    const admin = fc.oneof(
      fc
        .record({
          code: fc.oneof(hostileString, fc.constant('PROP-ADM')),
          name: hostileField,
          kind: fc.constantFrom('MARKET', 'GOVERNMENT'),
          regionCode: hostileField,
          regions: fc.oneof(fc.constant(null), fc.array(hostileString, { maxLength: 2 })),
          categories: fc.oneof(fc.constant(null), fc.array(hostileString, { maxLength: 2 })),
        })
        .map((v) => ({
          query: String(REGISTER),
          variables: { v },
        })),
      fc
        .record({
          name: hostileField,
          roles: fc.constant(['INTEGRATOR']),
          categories: fc.oneof(fc.constant(null), fc.array(hostileString, { maxLength: 2 })),
          expiresAt: fc.oneof(fc.constant(null), hostileString),
        })
        .map((v) => ({
          query: String(CLIENT),
          variables: { v },
        })),
      fc
        .record({
          principal: hostileField,
          regions: fc.oneof(fc.constant(null), fc.array(hostileString, { maxLength: 2 })),
        })
        .map(({ principal, regions }) => ({
          query: String(GRANTS),
          variables: { n: principal, g: { regions } },
        })),
      fc
        .record({
          code: hostileField,
          name: hostileField,
          sortOrder: fc.oneof(
            fc.constant(null),
            fc.integer(),
            fc.constantFrom(rawNumber('2147483648'), rawNumber('1e400')),
          ),
        })
        .map((v) => ({
          query: String(CATEGORY),
          variables: { v },
        })),
      fc
        .record({
          code: fc.oneof(hostileString, fc.constant('PROP_SUB')),
          categoryCode: fc.oneof(hostileString, fc.constant('ENGINEERING')),
          name: hostileField,
          detailsSchema: fc.oneof(fc.constant(null), hostileDetails),
        })
        .map((v) => ({
          query: String(SUB_ITEM),
          variables: { v },
        })),
      fc
        .record({ code: fc.oneof(hostileString, fc.constant('91420100MA4KQ3N8L0')), reason: hostileField })
        .map((v) => ({
          query: String(ADD_EXCEPTION),
          variables: { v },
        })),
      hostileField.map((c) => ({
        query: String(RETIRE_SUB_ITEM),
        variables: { c },
      })),
      hostileField.map((c) => ({
        query: String(REMOVE_EXCEPTION),
        variables: { c },
      })),
    );
    await fc.assert(
      fc.asyncProperty(admin, async (op) => {
        const { status, json } = await post(bodyOf(op), ADMIN_KEY);
        expectNoFault(status, json, op);
      }),
      { numRuns: RUNS * 2, seed: SEED, endOnFailure: true },
    );
  });
});
