import { withCheckChar } from '../../src/common/credit-code';
import { ErrorCode } from '../../src/common/errors';
import type { FieldError } from '../../src/ingest/types';
import { EntityKind, EntityStatus, MarketRole, type MarketEntityData } from '../../src/market/market-entity.model';
import { kindFromCreditCode, validateMarketEntity, type MarketEntityPush } from '../../src/market/market-entity.rules';

const TODAY = '2024-06-01';
const NONE: ReadonlySet<string> = new Set();
/** A valid enterprise code registered in Wuhan (420100). */
const CODE = withCheckChar('91420100MA4K12345');
/** A valid enterprise code registered in Jiang'an district (420102). */
const JIANGAN = withCheckChar('91420102MA4K54321');

function complete(): MarketEntityPush {
  return {
    creditCode: CODE,
    name: '武汉楚天建设工程有限公司',
    kind: 'ENTERPRISE',
    roles: ['BIDDER'],
    legalRepresentative: '张伟',
    registeredCapital: '5000000.00',
    regionCode: '420100',
    address: '武汉市江岸区黄鹤路1号',
    establishedOn: '2010-05-06',
    status: 'ACTIVE',
    qualifications: [
      {
        code: 'Q1',
        name: '建筑工程施工总承包',
        level: '一级',
        validUntil: '2027-12-31',
        issuer: '湖北省住房和城乡建设厅',
      },
    ],
    externalId: 'WH-1',
  };
}

function valid(input: MarketEntityPush, exceptions = NONE): MarketEntityData {
  const r = validateMarketEntity(input, exceptions, TODAY);
  if (!r.ok) throw new Error(`expected a valid record, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

function errors(input: MarketEntityPush, exceptions = NONE): FieldError[] {
  const r = validateMarketEntity(input, exceptions, TODAY);
  if (r.ok) throw new Error(`expected errors, got the valid record ${JSON.stringify(r.value)}`);
  return r.errors;
}

function fields(input: MarketEntityPush): string[] {
  return errors(input).map((e) => e.field);
}

describe('validateMarketEntity', () => {
  it('accepts a complete record and returns exactly its normalised content', () => {
    expect(valid(complete())).toEqual({
      creditCode: CODE,
      name: '武汉楚天建设工程有限公司',
      kind: EntityKind.ENTERPRISE,
      roles: [MarketRole.BIDDER],
      legalRepresentative: '张伟',
      legalRepresentativeIdNumber: null,
      contactPhone: null,
      registeredCapital: '5000000.00',
      regionCode: '420100',
      address: '武汉市江岸区黄鹤路1号',
      establishedOn: '2010-05-06',
      status: EntityStatus.ACTIVE,
      qualifications: [
        {
          code: 'Q1',
          name: '建筑工程施工总承包',
          level: '一级',
          validUntil: '2027-12-31',
          issuer: '湖北省住房和城乡建设厅',
        },
      ],
      externalId: 'WH-1',
    });
  });

  it('needs only a credit code and a name, and fills the rest with nulls and defaults', () => {
    expect(valid({ creditCode: CODE, name: '某公司' })).toEqual({
      creditCode: CODE,
      name: '某公司',
      kind: EntityKind.ENTERPRISE,
      roles: [],
      legalRepresentative: null,
      legalRepresentativeIdNumber: null,
      contactPhone: null,
      registeredCapital: null,
      regionCode: '420100',
      address: null,
      establishedOn: null,
      status: EntityStatus.ACTIVE,
      qualifications: [],
      externalId: null,
    });
  });

  it('treats empty and blank strings as absent', () => {
    const v = valid({
      ...complete(),
      legalRepresentative: '   ',
      registeredCapital: '',
      address: '',
      establishedOn: '',
      externalId: ' ',
      status: '',
      kind: '',
    });
    expect(v).toMatchObject({
      legalRepresentative: null,
      registeredCapital: null,
      address: null,
      establishedOn: null,
      externalId: null,
      status: 'ACTIVE',
      kind: 'ENTERPRISE',
    });
  });

  describe('normalisation', () => {
    it('trims and upper-cases the credit code', () => {
      expect(valid({ ...complete(), creditCode: `  ${CODE.toLowerCase()}\t` }).creditCode).toBe(CODE);
    });

    it('trims text and collapses runs of white space to one space', () => {
      const v = valid({
        ...complete(),
        name: '  武汉\t楚天   建设 \n 有限公司 ',
        legalRepresentative: ' 张  伟 ',
        address: '武汉市\n江岸区',
        qualifications: [
          { code: ' Q1 ', name: ' 建筑工程  施工总承包 ', level: ' 一级 ', issuer: '  湖北省  住建厅 ' },
        ],
        externalId: ' WH 1 ',
      });
      expect(v).toMatchObject({
        name: '武汉 楚天 建设 有限公司',
        legalRepresentative: '张 伟',
        address: '武汉市 江岸区',
        externalId: 'WH 1',
      });
      expect(v.qualifications).toEqual([
        { code: 'Q1', name: '建筑工程 施工总承包', level: '一级', validUntil: null, issuer: '湖北省 住建厅' },
      ]);
    });

    it('de-duplicates and sorts roles, whatever their case', () => {
      expect(valid({ ...complete(), roles: ['bidder', 'TENDERER', ' Agency ', 'BIDDER', 'tenderer'] }).roles).toEqual([
        'AGENCY',
        'BIDDER',
        'TENDERER',
      ]);
    });

    it('upper-cases kind and status', () => {
      expect(valid({ ...complete(), kind: ' other ', status: 'cancelled' })).toMatchObject({
        kind: 'OTHER',
        status: 'CANCELLED',
      });
    });

    it.each([
      ['9', EntityKind.ENTERPRISE],
      ['1', EntityKind.PUBLIC_INSTITUTION],
      ['5', EntityKind.SOCIAL_ORGANISATION],
      ['Y', EntityKind.OTHER],
      ['3', EntityKind.OTHER],
    ])('derives the kind of a code starting with %s as %s when kind is absent', (first, kind) => {
      const code = withCheckChar(`${first}1420100MA4K12345`);
      expect(kindFromCreditCode(code)).toBe(kind);
      expect(valid({ creditCode: code, name: '某单位' }).kind).toBe(kind);
    });

    it('keeps an explicit kind over the one the credit code suggests', () => {
      expect(valid({ ...complete(), kind: 'SOCIAL_ORGANISATION' }).kind).toBe('SOCIAL_ORGANISATION');
    });

    it('derives the region from positions 3-8 of the credit code when regionCode is absent', () => {
      expect(valid({ creditCode: JIANGAN, name: '某公司' }).regionCode).toBe('420102');
      expect(valid({ creditCode: JIANGAN, name: '某公司', regionCode: '  ' }).regionCode).toBe('420102');
    });

    it('keeps a given regionCode over the one in the credit code', () => {
      expect(valid({ creditCode: JIANGAN, name: '某公司', regionCode: '429004' }).regionCode).toBe('429004');
    });

    it('does not ask for a regionCode it could not derive because the credit code is unreadable', () => {
      expect(fields({ creditCode: '91420100MA4K', name: '某公司' })).toEqual(['creditCode']);
      expect(fields({ name: '某公司' })).toEqual(['creditCode']);
    });

    it('needs a regionCode when the credit code was issued outside Hubei', () => {
      const beijing = withCheckChar('91110000MA4K12345');
      expect(errors({ creditCode: beijing, name: '某公司' })).toEqual([
        { field: 'regionCode', code: ErrorCode.BAD_USER_INPUT, message: expect.stringMatching(/required/) },
      ]);
      expect(valid({ creditCode: beijing, name: '某公司', regionCode: '420500' }).regionCode).toBe('420500');
    });

    it.each([
      ['100.5', '100.50'],
      ['100', '100.00'],
      ['0', '0.00'],
      ['0005000000', '5000000.00'],
      [' 12.3 ', '12.30'],
      ['+7', '7.00'],
      ['1.500', '1.50'],
      ['-0', '0.00'],
    ])('canonicalises the registered capital %j to %j', (raw, out) => {
      expect(valid({ ...complete(), registeredCapital: raw }).registeredCapital).toBe(out);
    });

    it.each([
      '-1',
      '-0.01',
      '1.005',
      '1e6',
      '1E6',
      '1.5e3',
      'NaN',
      'Infinity',
      '0x10',
      '1,000',
      '1 000',
      '.5',
      '5.',
      '--5',
      '十万',
      '1234567890123456789',
    ])('rejects the registered capital %j', (raw) => {
      expect(errors({ ...complete(), registeredCapital: raw })).toEqual([
        {
          field: 'registeredCapital',
          code: ErrorCode.BAD_USER_INPUT,
          message: expect.stringContaining(JSON.stringify(raw)),
        },
      ]);
    });

    it('rejects a registered capital sent as a number, which may already have lost precision', () => {
      expect(fields({ ...complete(), registeredCapital: 100.5 as unknown as string })).toEqual(['registeredCapital']);
      expect(fields({ ...complete(), registeredCapital: (0.1 + 0.2) as unknown as string })).toEqual([
        'registeredCapital',
      ]);
    });

    it('sorts qualifications by code so that their order does not make a new version', () => {
      const a = { code: 'Q2', name: '乙' };
      const b = { code: 'Q1', name: '甲' };
      const one = valid({ ...complete(), qualifications: [a, b] });
      const two = valid({ ...complete(), qualifications: [b, a] });
      expect(one.qualifications.map((q) => q.code)).toEqual(['Q1', 'Q2']);
      expect(one).toEqual(two);
    });

    it('cuts an ISO timestamp to its date', () => {
      expect(valid({ ...complete(), establishedOn: '2010-05-06T09:30:00+08:00' }).establishedOn).toBe('2010-05-06');
      expect(valid({ ...complete(), establishedOn: '2010-05-06T01:30:00Z' }).establishedOn).toBe('2010-05-06');
    });
  });

  describe('dates', () => {
    it('accepts an establishment date of today and rejects one in the future', () => {
      expect(valid({ ...complete(), establishedOn: TODAY }).establishedOn).toBe(TODAY);
      expect(errors({ ...complete(), establishedOn: '2024-06-02' })).toEqual([
        { field: 'establishedOn', code: ErrorCode.BAD_USER_INPUT, message: expect.stringMatching(/future/) },
      ]);
    });

    it('accepts 29 February of a leap year', () => {
      expect(valid({ ...complete(), establishedOn: '2024-02-29' }).establishedOn).toBe('2024-02-29');
    });

    it.each([
      '2023-02-30',
      '2023-02-29',
      '2023-04-31',
      '2023-13-01',
      '2023-00-10',
      '2023-01-00',
      '23-01-01',
      '2023/01/01',
      '2023-1-1',
      '20230101',
      '1799-12-31',
      'yesterday',
      '2023-01-015',
      '2023-01-01garbage',
      '2023-01-01T25:00:00Z',
    ])('rejects the invalid date %j', (raw) => {
      expect(fields({ ...complete(), establishedOn: raw })).toEqual(['establishedOn']);
      expect(fields({ ...complete(), qualifications: [{ code: 'Q1', name: '甲', validUntil: raw }] })).toEqual([
        'qualifications.0.validUntil',
      ]);
    });

    it('allows a qualification to be valid until a date in the future', () => {
      expect(
        valid({ ...complete(), qualifications: [{ code: 'Q1', name: '甲', validUntil: '2099-12-31' }] })
          .qualifications[0].validUntil,
      ).toBe('2099-12-31');
    });
  });

  describe('credit codes', () => {
    it.each([
      ['', /required/],
      ['   ', /required/],
      ['91420100MA4K', /18 characters/],
      ['91420100MA4K12345IO', /18 characters/],
      ['91420100MA4K1234S0', /ABCDEFGHJKLMNPQRTUWXY/],
      [`${CODE.slice(0, 17)}${CODE[17] === '0' ? '1' : '0'}`, /check character/],
    ])('rejects the credit code %j', (creditCode, message) => {
      const errs = errors({ ...complete(), creditCode });
      expect(errs).toEqual([
        { field: 'creditCode', code: ErrorCode.BAD_USER_INPUT, message: expect.stringMatching(message) },
      ]);
    });

    it('accepts a pilot code that fails the check character only when the operators list it', () => {
      const pilot = '91350211M0000XUF46';
      const input = { creditCode: pilot, name: '厦门云上晴空航空科技有限公司', regionCode: '420100' };
      expect(fields(input)).toEqual(['creditCode']);
      expect(valid(input, new Set([pilot])).creditCode).toBe(pilot);
      expect(valid({ ...input, creditCode: pilot.toLowerCase() }, new Set([pilot])).creditCode).toBe(pilot);
    });
  });

  describe('errors', () => {
    it('reports every faulty field at once, each with its path', () => {
      const errs = errors({
        creditCode: 'ABC',
        name: null,
        kind: 'COMPANY',
        roles: ['BIDDER', 'BUYER', null],
        legalRepresentative: '张'.repeat(101),
        registeredCapital: '-5',
        regionCode: '110000',
        address: 'x'.repeat(501),
        establishedOn: '2023-02-30',
        status: 'DEAD',
        qualifications: [
          { code: 'Q1', name: '合格' },
          { code: '', name: null, level: 'x'.repeat(51), validUntil: '2024-13-01', issuer: 'x'.repeat(201) },
          null,
        ],
        externalId: 'x'.repeat(101),
      });
      expect(errs.map((e) => e.field).sort()).toEqual(
        [
          'creditCode',
          'name',
          'kind',
          'roles.1',
          'roles.2',
          'legalRepresentative',
          'registeredCapital',
          'regionCode',
          'address',
          'establishedOn',
          'status',
          'qualifications.1.code',
          'qualifications.1.name',
          'qualifications.1.level',
          'qualifications.1.validUntil',
          'qualifications.1.issuer',
          'qualifications.2',
          'externalId',
        ].sort(),
      );
      for (const e of errs) {
        expect(e.code).toBe(ErrorCode.BAD_USER_INPUT);
        // Every message names the field it is about, so it reads well on its own.
        expect(e.message).toContain(e.field);
      }
    });

    it('names a field that is too long and its limit', () => {
      expect(errors({ ...complete(), name: '公'.repeat(201) })).toEqual([
        { field: 'name', code: ErrorCode.BAD_USER_INPUT, message: 'name must be at most 200 characters' },
      ]);
      expect(valid({ ...complete(), name: '公'.repeat(200) }).name).toHaveLength(200);
    });

    it('names the bad role by its position in the list', () => {
      expect(errors({ ...complete(), roles: ['BIDDER', 'BIDDER', 'KING'] })).toEqual([
        { field: 'roles.2', code: ErrorCode.BAD_USER_INPUT, message: expect.stringContaining('"KING"') },
      ]);
    });

    it.each([
      ['a NUL character', '某\u0000公司'],
      ['a control character', '某\u0007公司'],
      ['a lone high surrogate', '某\ud800公司'],
      ['a lone low surrogate', '某\udc00公司'],
      ['a surrogate pair the wrong way round', '某\udc00\ud800公司'],
    ])('rejects text with %s, which PostgreSQL cannot store', (_what, text) => {
      expect(
        fields({
          ...complete(),
          name: text,
          legalRepresentative: text,
          address: text,
          externalId: text,
          qualifications: [{ code: 'Q1', name: text, issuer: text }],
        }).sort(),
      ).toEqual(
        [
          'address',
          'externalId',
          'legalRepresentative',
          'name',
          'qualifications.0.issuer',
          'qualifications.0.name',
        ].sort(),
      );
    });

    it('keeps characters outside the Basic Multilingual Plane, such as rare characters in names', () => {
      expect(valid({ ...complete(), name: '𠀀𪚥建设有限公司' }).name).toBe('𠀀𪚥建设有限公司');
    });

    it('rejects a qualification code listed twice', () => {
      expect(
        fields({
          ...complete(),
          qualifications: [
            { code: 'Q1', name: '甲' },
            { code: 'Q2', name: '乙' },
            { code: ' Q1', name: '丙' },
          ],
        }),
      ).toEqual(['qualifications.2.code']);
    });

    it('rejects an unknown region code', () => {
      expect(errors({ ...complete(), regionCode: '420199' })).toEqual([
        { field: 'regionCode', code: ErrorCode.BAD_USER_INPUT, message: expect.stringContaining('420199') },
      ]);
    });

    it('reports values of the wrong type instead of throwing', () => {
      const weird = {
        creditCode: 914201001234 as unknown as string,
        name: 42 as unknown as string,
        roles: 'BIDDER' as unknown as string[],
        qualifications: { code: 'Q1' } as unknown as [],
        establishedOn: 20100506 as unknown as string,
      };
      expect(fields(weird).sort()).toEqual(['creditCode', 'establishedOn', 'name', 'qualifications', 'roles'].sort());
    });
  });
});

describe('personal data of a market entity', () => {
  const base = { creditCode: '91420100MA4K12345K', name: '某公司' };

  it('accepts a valid ID number, upper-casing its check character, and a phone number', () => {
    const v = validateMarketEntity(
      { ...base, legalRepresentativeIdNumber: '11010519491231002x', contactPhone: '027-87654321' },
      new Set(),
    );
    expect(v).toMatchObject({
      ok: true,
      value: { legalRepresentativeIdNumber: '11010519491231002X', contactPhone: '027-87654321' },
    });
  });

  it('rejects an ID number with a wrong check character and a phone with letters', () => {
    const v = validateMarketEntity(
      { ...base, legalRepresentativeIdNumber: '110105194912310021', contactPhone: '027-CALL-ME' },
      new Set(),
    );
    expect(v.ok ? [] : v.errors.map((e) => e.field).sort()).toEqual(['contactPhone', 'legalRepresentativeIdNumber']);
  });
});
