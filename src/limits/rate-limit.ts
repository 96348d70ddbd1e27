import { LRUCache } from 'lru-cache';
import { TokenBucket } from 'limiter';

/**
 * Per-principal token buckets (the `limiter` package's TokenBucket, one per
 * key): each principal may make `burst` requests at once and `ratePerSecond`
 * on average. Kept in this process's memory, so with N hub processes behind a
 * balancer a principal gets up to N times the rate.
 */
export class TokenBuckets {
  private readonly buckets: LRUCache<string, TokenBucket>;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly maxKeys = 100_000,
  ) {
    // A bucket unused for as long as it takes to refill completely behaves exactly like a new one: it may be forgotten.
    const refillMs = Math.ceil((burst / ratePerSecond) * 1000);
    this.buckets = new LRUCache<string, TokenBucket>({
      max: maxKeys,
      // Stale once its age exceeds `ttl`: at the full refill time (whole milliseconds), not a millisecond later.
      ttl: Math.max(1, refillMs - 1),
      updateAgeOnGet: true,
      // The wall clock, read on every check (never 0, which lru-cache would take for "no start time").
      ttlResolution: 0,
      perf: { now: () => Date.now() },
    });
  }

  /**
   * Takes one token for `key`. Returns 0 when the request may proceed, or the
   * number of whole seconds after which one token will be available.
   */
  take(key: string): number {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      // Full: forget the buckets that have refilled completely first; the least recently used caller goes only if none has.
      if (this.buckets.size >= this.maxKeys) this.buckets.purgeStale();
      bucket = new TokenBucket({ bucketSize: this.burst, tokensPerInterval: this.ratePerSecond, interval: 'second' });
      bucket.content = this.burst; // a new caller starts with its whole burst
      this.buckets.set(key, bucket);
    }
    if (bucket.tryRemoveTokens(1)) return 0;
    return Math.max(1, Math.ceil(bucket.getWaitTime(1) / 1000));
  }

  /** How many callers are remembered. */
  get size(): number {
    return this.buckets.size;
  }
}
