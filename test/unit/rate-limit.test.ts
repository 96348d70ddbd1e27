import { TokenBuckets } from '../../src/limits/rate-limit';

describe('per-principal token buckets', () => {
  it('lets a burst through, then refuses with the seconds until the next token', () => {
    let now = 0;
    const b = new TokenBuckets(2, 3, () => now);
    expect([b.take('a'), b.take('a'), b.take('a')]).toEqual([0, 0, 0]);
    expect(b.take('a')).toBe(1);
    now = 500; // one token back at 2 per second
    expect(b.take('a')).toBe(0);
    expect(b.take('a')).toBeGreaterThan(0);
  });

  it('keeps principals apart', () => {
    const b = new TokenBuckets(1, 1, () => 0);
    expect(b.take('a')).toBe(0);
    expect(b.take('a')).toBe(1);
    expect(b.take('b')).toBe(0);
  });

  it('never refills beyond the burst', () => {
    let now = 0;
    const b = new TokenBuckets(10, 2, () => now);
    now = 60_000;
    expect([b.take('a'), b.take('a')]).toEqual([0, 0]);
    expect(b.take('a')).toBeGreaterThan(0);
  });
});
