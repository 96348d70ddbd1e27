import { LRUCache } from 'lru-cache';
import type { Principal } from './principal';

/** What authentication learned of a valid key, kept for a few seconds. */
export interface CachedKey {
  principal: Principal;
  keyId: number;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/**
 * Valid keys resolved in the last few seconds, by key hash, so that a busy
 * client does not cost a key lookup per request. Only valid keys are kept;
 * expiry is still checked on every hit. Whatever changes keys or grants is an
 * admin action, which the hub logs under the ADMIN topic: every process clears
 * its cache when its change feed sees one (so `hub keys revoke` from another
 * machine takes effect within the feed's latency), the process that performed
 * the action clears it at once, and the time-to-live bounds everything else.
 */
export class KeyCache {
  /** The time of the call in progress: lru-cache reads it as its clock (`perf`), so expiry follows the hub's clock. */
  private now = 0;
  /** Absent with a lifetime of zero (HUB_KEY_CACHE_SECONDS=0): nothing is kept. */
  private readonly entries?: LRUCache<string, CachedKey>;

  constructor(ttlMs: number, maxEntries = 10_000) {
    if (ttlMs <= 0) return;
    this.entries = new LRUCache<string, CachedKey>({
      max: maxEntries,
      // lru-cache counts an entry stale once its age exceeds `ttl`; a key is trusted for less than ttlMs (times are
      // whole milliseconds).
      ttl: Math.max(1, ttlMs - 1),
      // Read the clock on every check rather than once a millisecond of real time: the hub's clock may be a test's.
      ttlResolution: 0,
      perf: { now: () => this.now },
    });
  }

  /** The key's entry while its lifetime lasts at `now` (the hub's clock), or undefined. */
  get(hash: string, now = Date.now()): CachedKey | undefined {
    this.now = now;
    return this.entries?.get(hash);
  }

  /** Keeps a validated key from `now` on; the least recently used key makes room when the cache is full. */
  set(hash: string, entry: CachedKey, now = Date.now()): void {
    this.now = now;
    this.entries?.set(hash, entry);
  }

  /** Forgets every key: called after any admin action, here or in another process. */
  clear(): void {
    this.entries?.clear();
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
