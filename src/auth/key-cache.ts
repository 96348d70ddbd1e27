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
  private readonly entries = new Map<string, CachedKey & { until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(hash: string, now = Date.now()): CachedKey | undefined {
    const e = this.entries.get(hash);
    if (!e) return undefined;
    if (e.until <= now) {
      this.entries.delete(hash);
      return undefined;
    }
    return e;
  }

  set(hash: string, entry: CachedKey, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(hash, { ...entry, until: now + this.ttlMs });
  }

  /** Forgets every key: called after any admin action, here or in another process. */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
