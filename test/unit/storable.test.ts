import {
  displayTextProblem,
  exactNumberFromText,
  isBigintId,
  jsonProblems,
  nestingExceeds,
  storableTextProblem,
} from '../../src/common/storable';

describe('text the hub stores and shows', () => {
  it.each([
    ['NUL', 'a\u0000b', 'NUL'],
    ['a lone high surrogate', 'a\ud800b', 'lone'],
    ['a lone low surrogate', 'a\udc00b', 'lone'],
  ])('refuses %s, which PostgreSQL cannot store', (_what, s, why) => {
    expect(storableTextProblem(s)).toContain(why);
    expect(displayTextProblem(s)).toContain(why);
  });

  it.each([
    ['a C0 control', 'a\u0007b', 'U+0007'],
    ['DEL', 'a\u007fb', 'U+007F'],
    ['a C1 control (NEL)', 'a\u0085b', 'U+0085'],
    ['a C1 control (U+009F)', 'a\u009fb', 'U+009F'],
    ['a right-to-left override', '某\u202e司公', 'U+202E'],
    ['a left-to-right embedding', 'a\u202ab', 'U+202A'],
    ['a first-strong isolate', 'a\u2068b', 'U+2068'],
    ['a pop directional isolate', 'a\u2069b', 'U+2069'],
    ['a noncharacter of the BMP', 'a\ufdd0b', 'U+FDD0'],
    ['U+FFFE', 'a\ufffeb', 'U+FFFE'],
    ['an astral noncharacter', `a${String.fromCodePoint(0x1fffe)}b`, 'U+1FFFE'],
    ['the last code point', `a${String.fromCodePoint(0x10ffff)}b`, 'U+10FFFF'],
  ])('refuses %s in display text, naming the code point', (_what, s, cp) => {
    expect(storableTextProblem(s)).toBeUndefined();
    expect(displayTextProblem(s)).toContain(cp);
  });

  it('keeps Chinese text, rare characters outside the BMP, marks and symbols', () => {
    for (const s of [
      '湖北楚天路桥建设集团有限公司',
      '𠀀𪚥建设',
      'A&B (湖北) Co., Ltd. — №1',
      'é',
      '\u200e',
      String.fromCodePoint(0x1fffd),
    ])
      expect(displayTextProblem(s)).toBeUndefined();
  });
});

describe('JSON the hub stores exactly', () => {
  const paths = (v: unknown, bounds?: { maxDepth: number; maxBytes: number }) =>
    jsonProblems(v, 'details', bounds).map((p) => p.path);

  it('finds NUL and lone surrogates in values and keys, at their paths', () => {
    expect(paths({ a: 'x\u0000' })).toEqual(['details.a']);
    expect(paths({ a: [1, { b: 'x\ud800' }] })).toEqual(['details.a.1.b']);
    expect(paths({ 'k\u0000': 1 })).toEqual(['details']);
    expect(paths({ a: { '\udc00': 1 } })).toEqual(['details.a']);
  });

  it('refuses numbers a double does not carry exactly, and nothing else', () => {
    expect(paths({ a: Infinity, b: -Infinity, c: NaN, d: 2 ** 53, e: -(10 ** 30), f: 1e300 })).toEqual([
      'details.a',
      'details.b',
      'details.c',
      'details.d',
      'details.e',
      'details.f',
    ]);
    expect(paths({ a: 2 ** 53 - 1, b: -(2 ** 53 - 1), c: 0.1, d: 1.5e-300, e: 0, f: -0.5 })).toEqual([]);
  });

  it('bounds nesting without recursion, and size as canonical JSON', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(jsonProblems(deep, 'details')).toEqual([
      {
        path: 'details.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a',
        message: 'details is nested deeper than 32 levels',
      },
    ]);
    let ok: unknown = 1;
    for (let i = 0; i < 32; i++) ok = [ok];
    expect(paths(ok)).toEqual([]);
    expect(paths([ok])).toEqual(['details.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0']);
    expect(jsonProblems({ s: 'x'.repeat(64 * 1024) }, 'details')).toEqual([
      { path: 'details', message: expect.stringMatching(/^details is 65544 bytes as JSON; at most 65536/) },
    ]);
    expect(paths({ s: 'x'.repeat(64 * 1024 - 8) })).toEqual([]);
    expect(paths({ s: '湖'.repeat(22_000) })).toEqual(['details']);
  });

  it('refuses what is not JSON', () => {
    expect(paths({ a: undefined, b: () => 1, c: new Date(0), d: 1n })).toEqual([
      'details.a',
      'details.b',
      'details.c',
      'details.d',
    ]);
  });

  it('reports at most ten problems', () => {
    expect(paths(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, '\u0000'])))).toHaveLength(10);
  });

  it('tells exact number literals from altered ones by their text', () => {
    expect(
      ['0', '-0', '1', '0.1', '0.10', '1.5e3', '1E-7', '9007199254740991', '-9007199254740991', '123.456', '1e21'].map(
        exactNumberFromText,
      ),
    ).toEqual([0, -0, 1, 0.1, 0.1, 1500, 1e-7, 9007199254740991, -9007199254740991, 123.456, undefined]);
    for (const text of [
      '1e400',
      '-1e400',
      '9007199254740993',
      '123456789012345678901234567890',
      '0.1000000000000000000001',
      '1e-400',
      '2.2250738585072011e-308x',
    ]) {
      expect(exactNumberFromText(text)).toBeUndefined();
    }
  });

  it('measures nesting without recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nestingExceeds(deep, 64)).toBe(true);
    expect(nestingExceeds({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestingExceeds({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(nestingExceeds('x', 0)).toBe(false);
  });

  it('knows a bigint id', () => {
    expect(['1', '9223372036854775807'].map(isBigintId)).toEqual([true, true]);
    expect(['0', '9223372036854775808', '01', 1, 'x\u0000'].map(isBigintId)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
