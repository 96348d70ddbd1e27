import { ErrorCode, HubError } from '../../src/common/errors';
import { DEFAULT_PAGE, decodeCursor, encodeCursor, pageSize } from '../../src/common/pagination';

function thrown(fn: () => unknown): HubError {
  try {
    fn();
  } catch (err) {
    if (err instanceof HubError) return err;
    throw err;
  }
  throw new Error('expected a HubError');
}

describe('cursors', () => {
  it('round-trip the sort-key values of a row', () => {
    const values = ['2024-01-02T03:04:05.678Z', '12345'];
    expect(decodeCursor(encodeCursor(values), 2)).toEqual(values);
    expect(decodeCursor(encodeCursor(['91420100MA4K12345X']), 1)).toEqual(['91420100MA4K12345X']);
  });

  it('are opaque, URL-safe text', () => {
    const c = encodeCursor(['湖北', '?&=/+']);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(c).not.toContain('湖北');
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['base64 of text that is not JSON', Buffer.from('hello').toString('base64url')],
    ['a JSON object', Buffer.from('{"a":1}').toString('base64url')],
    ['the wrong number of values', encodeCursor(['a', 'b'])],
    ['an empty string', ''],
  ])('refuse %s with BAD_USER_INPUT on the after argument', (_what, cursor) => {
    const err = thrown(() => decodeCursor(cursor, 1));
    expect(err.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(err.field).toBe('after');
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('name the argument they came from', () => {
    expect(thrown(() => decodeCursor('x', 1, 'before')).field).toBe('before');
  });
});

describe('pageSize', () => {
  it('defaults to 50, or the maximum when that is smaller', () => {
    expect(DEFAULT_PAGE).toBe(50);
    expect(pageSize(undefined, 500)).toBe(50);
    expect(pageSize(null, 500)).toBe(50);
    expect(pageSize(null, 20)).toBe(20);
  });

  it('allows zero up to the maximum', () => {
    expect(pageSize(0, 500)).toBe(0);
    expect(pageSize(1, 500)).toBe(1);
    expect(pageSize(500, 500)).toBe(500);
  });

  it('refuses more than the maximum with LIMIT_EXCEEDED on first, saying the limit', () => {
    const err = thrown(() => pageSize(501, 500));
    expect(err.code).toBe(ErrorCode.LIMIT_EXCEEDED);
    expect(err.field).toBe('first');
    expect(err.message).toContain('500');
    expect(err.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', field: 'first', limit: 500, actual: 501 });
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p with BAD_USER_INPUT on first', (first) => {
    const err = thrown(() => pageSize(first, 500));
    expect(err.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(err.field).toBe('first');
  });
});
