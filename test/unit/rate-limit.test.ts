import { TokenBuckets } from '../../src/limits/rate-limit';

describe('per-principal token buckets', () => {
  // The buckets read performance.now(), which jest's fake timers control.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets a burst through, then refuses with the seconds until the next token', () => {
    const b = new TokenBuckets(2, 3);
    expect([b.take('a'), b.take('a'), b.take('a')]).toEqual([0, 0, 0]);
    expect(b.take('a')).toBe(1);
    jest.advanceTimersByTime(500); // one token back at 2 per second
    expect(b.take('a')).toBe(0);
    expect(b.take('a')).toBeGreaterThan(0);
  });

  it('says how long to wait when the rate is below one a second', () => {
    const b = new TokenBuckets(0.25, 1);
    expect(b.take('a')).toBe(0);
    expect(b.take('a')).toBe(4);
    jest.advanceTimersByTime(3000);
    expect(b.take('a')).toBe(1);
    jest.advanceTimersByTime(1000);
    expect(b.take('a')).toBe(0);
  });

  it('keeps principals apart', () => {
    const b = new TokenBuckets(1, 1);
    expect(b.take('a')).toBe(0);
    expect(b.take('a')).toBe(1);
    expect(b.take('b')).toBe(0);
  });

  it('never refills beyond the burst', () => {
    const b = new TokenBuckets(10, 2);
    expect(b.take('a')).toBe(0);
    jest.advanceTimersByTime(60_000);
    expect([b.take('a'), b.take('a')]).toEqual([0, 0]);
    expect(b.take('a')).toBeGreaterThan(0);
  });

  it('forgets full buckets when it holds too many keys, keeping the ones still draining', () => {
    const b = new TokenBuckets(1, 1, 3);
    expect([b.take('a'), b.take('b'), b.take('c')]).toEqual([0, 0, 0]);
    jest.advanceTimersByTime(1000); // all full again
    expect(b.take('c')).toBe(0); // c drains again
    expect(b.size).toBe(3);
    expect(b.take('d')).toBe(0); // no room: a and b are forgotten, c is kept
    expect(b.size).toBe(2);
    expect(b.take('c')).toBe(1); // c is still draining, and remembered
  });

  it('stays bounded under a flood of new callers, forgetting the oldest', () => {
    const b = new TokenBuckets(1, 1, 10);
    for (let i = 0; i < 100; i++) expect(b.take(`flood-${i}`)).toBe(0);
    expect(b.size).toBeLessThanOrEqual(10);
    expect(b.take('flood-99')).toBe(1); // the newest are kept
  });
});
