import { KeyCache } from '../../src/auth/key-cache';
import { ANONYMOUS } from '../../src/auth/principal';

const entry = { principal: ANONYMOUS, keyId: 1, expiresAt: null, lastUsedAt: null };

describe('KeyCache', () => {
  it('keeps a key for its lifetime and not a millisecond longer', () => {
    const c = new KeyCache(1000);
    c.set('h', entry, 10_000);
    expect(c.get('h', 10_999)?.keyId).toBe(1);
    expect(c.get('h', 11_000)).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('forgets everything on clear (an admin action)', () => {
    const c = new KeyCache(60_000);
    c.set('a', entry);
    c.set('b', { ...entry, keyId: 2 });
    c.clear();
    expect(c.get('a')).toBeUndefined();
    expect(c.get('b')).toBeUndefined();
  });

  it('keeps nothing with a lifetime of zero (HUB_KEY_CACHE_SECONDS=0)', () => {
    const c = new KeyCache(0);
    c.set('a', entry);
    expect(c.get('a')).toBeUndefined();
  });

  it('stays bounded however many keys call', () => {
    const c = new KeyCache(60_000, 3);
    for (let i = 0; i < 10; i++) c.set(`k${i}`, { ...entry, keyId: i });
    expect(c.size).toBeLessThanOrEqual(3);
    expect(c.get('k9')?.keyId).toBe(9);
  });
});
