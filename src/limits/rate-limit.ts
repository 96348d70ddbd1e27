/**
 * Per-principal token buckets: each principal may make `burst` requests at
 * once and `ratePerSecond` on average. Kept in this process's memory, so with
 * N hub processes behind a balancer a principal gets up to N times the rate.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Takes one token for `key`. Returns 0 when the request may proceed, or the
   * number of seconds after which one token will be available.
   */
  take(key: string): number {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.ratePerSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    if (this.buckets.size > 100_000) this.prune(now);
    return Math.ceil((1 - b.tokens) / this.ratePerSecond);
  }

  /** Forgets buckets that have refilled completely (they behave exactly like new ones). */
  private prune(now: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + ((now - b.at) / 1000) * this.ratePerSecond >= this.burst) this.buckets.delete(k);
  }
}
