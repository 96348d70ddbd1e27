import { PayloadCache } from '../../src/server/ws-adapter';

/** What graphql-ws does with a message: stringify with the replacer, then send (splice). */
function send(cache: PayloadCache, message: unknown): string {
  const replacer = cache.replacer;
  return cache.splice(
    JSON.stringify(message, function (this: unknown, key: string, value: unknown) {
      return replacer(this, key, value);
    }),
  );
}

describe('the payload cache of graphql-ws next messages', () => {
  it('writes exactly what JSON.stringify writes, serialising a shared result once', () => {
    const cache = new PayloadCache();
    const data = { changes: { seq: '7', data: { name: '湖北"甲"', n: [1, null] } } };
    const a = { id: 'a', type: 'next', payload: { data } };
    const b = { id: 'b', type: 'next', payload: { data } };
    expect(send(cache, a)).toBe(JSON.stringify(a));
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      expect(send(cache, b)).toBe(`{"id":"b","type":"next","payload":${'{"data":'}${JSON.stringify(data)}}}`);
      // One call for the message itself (plus the one in the expectation above): the payload came from the cache.
      expect(stringify).toHaveBeenCalledTimes(2);
    } finally {
      stringify.mockRestore();
    }
  });

  it('leaves messages with errors, and message-shaped objects inside user data, as they are', () => {
    const cache = new PayloadCache();
    const inner = (id: string) => ({ id, type: 'next', payload: { data: { x: id } } });
    const withErrors = {
      id: '1',
      type: 'next',
      payload: { data: { changes: { data: { a: inner('p'), b: inner('q') } } }, errors: [{ message: 'e' }] },
    };
    expect(send(cache, withErrors)).toBe(JSON.stringify(withErrors));
    const nested = {
      id: '2',
      type: 'next',
      payload: { data: { changes: { data: { a: inner('p'), b: inner('q') } } } },
    };
    expect(send(cache, nested)).toBe(JSON.stringify(nested));
    const complete = { id: '3', type: 'complete' };
    expect(send(cache, complete)).toBe(JSON.stringify(complete));
  });
});
