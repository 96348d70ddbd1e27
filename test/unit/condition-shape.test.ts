import { conditionShape } from '../../src/read/sql-tree';

describe('conditionShape (the key of a remembered page statement)', () => {
  it('takes the values out of a plain condition, in the order they are met', () => {
    const values: unknown[] = [];
    expect(conditionShape({ $and: [{}, { code: { $gt: 'P-1' } }], status: null, n: 3, ok: true }, values)).toBe(
      '{$and:[{},{code:{$gt:s}}],status:n,n:d,ok:b}',
    );
    expect(values).toEqual(['P-1', 3, true]);
  });

  it('gives conditions that differ only in their values the same shape, and others another', () => {
    const shape = (where: unknown) => conditionShape(where, []);
    expect(shape({ code: { $gt: 'A' } })).toBe(shape({ code: { $gt: 'B' } }));
    expect(shape({ code: { $gt: 'A' } })).not.toBe(shape({ code: { $gte: 'A' } }));
    expect(shape({ code: { $in: ['A'] } })).not.toBe(shape({ code: { $in: ['A', 'B'] } }));
    expect(shape({ code: 'A' })).not.toBe(shape({ code: null }));
    expect(shape({ code: 'A' })).not.toBe(shape({ code: 1 }));
  });

  it('declines what the query builder may write differently for other values: dates, raw keys, class instances', () => {
    expect(conditionShape({ updatedAt: { $gt: new Date(0) } }, [])).toBeUndefined();
    expect(conditionShape({ ['p.code = ? and 1 = 1']: [] }, [])).toBeUndefined();
    expect(conditionShape({ id: 1n }, [])).toBeUndefined();
    expect(conditionShape({ code: undefined }, [])).toBeUndefined();
  });
});
