import { canonicalJson, contentHash, sm3 } from '../../src/common/canonical';
import { hashedContent, hashedContentWith } from '../../src/feed/append';
import { ChangeTopic } from '../../resolvers/families';
import { ChangeOp } from '../../src/feed/topics';

describe('canonical JSON', () => {
  it('writes the same text whatever the order the keys were added in, at every depth', () => {
    const a = { name: '甲', roles: ['B', 'A'], nested: { x: 1, y: { p: true, q: null } } };
    const b = { nested: { y: { q: null, p: true }, x: 1 }, roles: ['B', 'A'], name: '甲' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"name":"甲","nested":{"x":1,"y":{"p":true,"q":null}},"roles":["B","A"]}');
  });

  it('keeps the order of arrays, which is significant', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('drops undefined object members but keeps nulls; an undefined array element becomes null', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('writes dates as ISO-8601 UTC strings and scalars as JSON', () => {
    expect(canonicalJson({ at: new Date('2024-01-02T03:04:05.678+08:00') })).toBe('{"at":"2024-01-01T19:04:05.678Z"}');
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(1.5)).toBe('1.5');
  });

  it('gives reordered content the same hash and changed content another', () => {
    const h = contentHash({ a: 1, b: { c: '100.50' } });
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ b: { c: '100.50' }, a: 1 })).toBe(h);
    expect(contentHash({ a: 1, b: { c: '100.5' } })).not.toBe(h);
    expect(contentHash({ a: 1, b: { c: '100.50' }, d: null })).not.toBe(h);
  });
});

describe('sm3', () => {
  it('matches the example of GB/T 32905-2016 for "abc"', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('matches the 64-byte example of GB/T 32905-2016', () => {
    expect(sm3('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('writes the chained content from precomputed canonical data exactly as hashedContent does', () => {
    const events = [
      {
        seq: 1,
        topic: ChangeTopic.BID,
        op: ChangeOp.CREATE,
        key: 'S-1/9142',
        version: 1,
        data: { z: 1, a: ['x', { q: null, b: '甲"乙' }], at: '2024-01-01' },
        sourceSystem: 'WHZB',
        principal: 'key:7',
        occurredAt: new Date('2026-11-23T01:02:03.004Z'),
      },
      {
        seq: 12345678901,
        topic: ChangeTopic.ADMIN,
        op: ChangeOp.UPDATE,
        key: 'principal:x\u0000',
        version: 3,
        data: {},
        sourceSystem: null,
        principal: 'admin',
        occurredAt: new Date(0),
      },
      {
        seq: 7,
        topic: ChangeTopic.MARKET_ENTITY,
        op: ChangeOp.UPDATE,
        key: '91420100MA4KQM0010',
        version: 2,
        data: { name: '签名' },
        sourceSystem: 'SIGN-A',
        principal: 'SIGN-A/key:1',
        occurredAt: new Date(0),
        signedBy: 'ab'.repeat(32),
      },
    ];
    for (const e of events) expect(hashedContentWith(e, canonicalJson(e.data))).toBe(hashedContent(e));
  });

  it('hashes an unsigned event as before signers existed, and covers the signer of a signed one', () => {
    const e = {
      seq: 1,
      topic: ChangeTopic.BID,
      op: ChangeOp.CREATE,
      key: 'k',
      version: 1,
      data: {},
      sourceSystem: 'S',
      principal: 'p',
      occurredAt: new Date(0),
    };
    expect(hashedContent({ ...e, signedBy: null })).toBe(hashedContent(e));
    expect(hashedContent({ ...e, signedBy: 'ab'.repeat(32) })).not.toBe(hashedContent(e));
    expect(hashedContent({ ...e, signedBy: 'ab'.repeat(32) })).toContain(`"signedBy":"${'ab'.repeat(32)}"`);
  });
});
