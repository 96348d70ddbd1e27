import { feedCursor } from '../../src/feed/cursor';
import { changedFields, toVersions } from '../../src/feed/history';
import { ChangeTopic } from '../../resolvers/families';
import { ChangeOp, type ChangeRecord } from '../../src/feed/topics';

const V1 = {
  creditCode: '91420100MA4K123450',
  name: '甲公司',
  roles: ['BIDDER'],
  registeredCapital: '100.00',
  qualifications: [{ code: 'Q1', name: '资质', level: null }],
  address: null,
  sourceSystem: 'WH-GGZY',
  version: 1,
  updatedAt: '2024-01-01T00:00:00.000Z',
};

function event(
  seq: number,
  version: number,
  data: Record<string, unknown>,
  extra: Partial<ChangeRecord> = {},
): ChangeRecord {
  return {
    seq,
    topic: ChangeTopic.MARKET_ENTITY,
    op: version === 1 ? ChangeOp.CREATE : ChangeOp.UPDATE,
    key: String(data.creditCode),
    version,
    data,
    sourceSystem: String(data.sourceSystem),
    principal: 'key:1',
    occurredAt: new Date(`2024-01-0${version}T00:00:00Z`),
    prevHash: '0'.repeat(64),
    hash: String(seq).repeat(64).slice(0, 64),
    ...extra,
  };
}

describe('changedFields', () => {
  it('lists every content field of a first version, sorted, without the bookkeeping fields', () => {
    expect(changedFields(undefined, V1)).toEqual([
      'address',
      'creditCode',
      'name',
      'qualifications',
      'registeredCapital',
      'roles',
    ]);
  });

  it('lists only the fields whose value changed', () => {
    expect(changedFields(V1, { ...V1, name: '乙公司', registeredCapital: '200.00' })).toEqual([
      'name',
      'registeredCapital',
    ]);
  });

  it('ignores version, updatedAt and sourceSystem, which change with every version', () => {
    expect(
      changedFields(V1, { ...V1, version: 2, updatedAt: '2024-02-01T00:00:00.000Z', sourceSystem: 'HB-GGZY' }),
    ).toEqual([]);
  });

  it('does not count a different key order inside a value as a change', () => {
    const reordered = { ...V1, qualifications: [{ level: null, name: '资质', code: 'Q1' }] };
    expect(changedFields(V1, reordered)).toEqual([]);
  });

  it('counts a change deep inside a value, and in the order of a list', () => {
    expect(changedFields(V1, { ...V1, qualifications: [{ code: 'Q1', name: '资质', level: '一级' }] })).toEqual([
      'qualifications',
    ]);
    expect(changedFields({ ...V1, roles: ['AGENCY', 'BIDDER'] }, { ...V1, roles: ['BIDDER', 'AGENCY'] })).toEqual([
      'roles',
    ]);
  });

  it('counts a field that appears or disappears', () => {
    const { name: _name, ...withoutName } = V1;
    expect(changedFields(V1, withoutName)).toEqual(['name']);
    expect(changedFields(withoutName, V1)).toEqual(['name']);
  });
});

describe('toVersions', () => {
  it('turns a record’s events, oldest first, into versions saying who changed what and when', () => {
    const v2 = { ...V1, name: '乙公司', version: 2, sourceSystem: 'HB-GGZY' };
    const v3 = { ...v2, roles: ['AGENCY'], version: 3 };
    const versions = toVersions([event(5, 1, V1), event(9, 2, v2, { principal: 'admin' }), event(12, 3, v3)]);
    expect(versions).toEqual([
      {
        version: 1,
        op: ChangeOp.CREATE,
        occurredAt: new Date('2024-01-01T00:00:00Z'),
        sourceSystem: 'WH-GGZY',
        principal: 'key:1',
        changedFields: ['address', 'creditCode', 'name', 'qualifications', 'registeredCapital', 'roles'],
        data: V1,
        cursor: feedCursor(5),
      },
      {
        version: 2,
        op: ChangeOp.UPDATE,
        occurredAt: new Date('2024-01-02T00:00:00Z'),
        sourceSystem: 'HB-GGZY',
        principal: 'admin',
        changedFields: ['name'],
        data: v2,
        cursor: feedCursor(9),
      },
      {
        version: 3,
        op: ChangeOp.UPDATE,
        occurredAt: new Date('2024-01-03T00:00:00Z'),
        sourceSystem: 'HB-GGZY',
        principal: 'key:1',
        changedFields: ['roles'],
        data: v3,
        cursor: feedCursor(12),
      },
    ]);
  });

  it('gives no versions for no events', () => {
    expect(toVersions([])).toEqual([]);
  });
});
