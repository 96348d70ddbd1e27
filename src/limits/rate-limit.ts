import { TokenBucket } from 'limiter';

/**
 * Per-principal token buckets (the `limiter` package's TokenBucket, one per
 * key): each principal may make `burst` requests at once and `ratePerSecond`
 * on average. Kept in this process's memory, so with N hub processes behind a
 * balancer a principal gets up to N times the rate.
 */
export class TokenBuckets {
  /**
   * A Map bounded by makeRoom, not lru-cache: lru-cache allocates its index
   * arrays for `max` entries up front, and for 100,000 callers that is some
   * 4 MiB of every hub's memory from start-up (measured with
   * process.memoryUsage), while this map grows with the callers actually seen.
   */
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly maxKeys = 100_000,
  ) {}

  /**
   * Takes one token for `key`. Returns 0 when the request may proceed, or the
   * number of whole seconds after which one token will be available.
   */
  take(key: string): number {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.makeRoom();
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

  /**
   * Forgets buckets that have refilled completely (they behave exactly like
   * new ones); if that frees less than a tenth of the room (a flood of new
   * callers), forgets the oldest callers too, so memory stays bounded.
   */
  private makeRoom(): void {
    for (const [k, b] of this.buckets) if (b.getWaitTime(this.burst) === 0) this.buckets.delete(k);
    const target = Math.floor(this.maxKeys * 0.9);
    for (const k of this.buckets.keys()) {
      if (this.buckets.size <= target) break;
      this.buckets.delete(k);
    }
  }
}
