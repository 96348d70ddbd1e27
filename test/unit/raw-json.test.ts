import { RawJson, stringifyWithRaw } from '../../src/common/raw-json';

describe('raw JSON in responses', () => {
  it('writes the text in place, and the same value as parsing it would', () => {
    const text = '{"code": "P-1", "budget": "100.50", "sections": [{"n": 1}], "q": "say \\"hi\\""}';
    const value = {
      data: { a: new RawJson(text), list: [new RawJson('[1, 2]'), null, new RawJson('null')], plain: 'x' },
    };
    const out = stringifyWithRaw(value);
    expect(out).toContain(text);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(JSON.parse(out)).toEqual({ data: { a: JSON.parse(text), list: [[1, 2], null, null], plain: 'x' } });
  });

  it('leaves values without raw JSON to JSON.stringify, and a look-alike marker in data stays data', () => {
    const value = { data: { s: 'rawjson-00-0', n: 1 } };
    expect(stringifyWithRaw(value)).toBe(JSON.stringify(value));
    expect(JSON.parse(stringifyWithRaw({ a: new RawJson('{"x":1}'), b: 'rawjson-deadbeef-0' }))).toEqual({
      a: { x: 1 },
      b: 'rawjson-deadbeef-0',
    });
  });
});

describe('raw JSON text', () => {
  it('is not parsed while it is written into a response', () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      stringifyWithRaw({ a: new RawJson('{"x": 1}') });
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});
