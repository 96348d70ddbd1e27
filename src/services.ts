import type { MikroORM } from '@mikro-orm/postgresql';
import type { HubConfig } from './config';
import type { KeyCache } from './auth/key-cache';
import type { Gate } from './common/gate';
import type { Clock } from './common/clock';
import type { Feed } from './feed/feed';
import type { Logger } from './logger';
import type { FamilyRegistry } from './registry/registry';
import type { HubMetrics } from './server/metrics';

/** The long-lived parts of one hub process, shared by every request. */
export interface HubServices {
  config: HubConfig;
  log: Logger;
  orm: MikroORM;
  feed: Feed;
  /** Validated API keys of the last seconds (HUB_KEY_CACHE_SECONDS). */
  keyCache: KeyCache;
  /** The time key expiry and the key cache are judged by: the system clock, or one a test moves. */
  clock: Clock;
  /** The central lists derived from the data families (resolvers/families.ts). */
  registry: FamilyRegistry;
  /**
   * The pushes of this process run through it (HUB_PUSH_CONCURRENCY at once): a push takes several pooled connections
   * one after another, and without a bound a saturated hub has every connection held or awaited by pushes, so the
   * change feed's reads and the relays' acknowledgements wait seconds behind them. Absent where nothing pushes over
   * the API (command-line tools).
   */
  pushGate?: Gate;
  /** The Prometheus metrics (GET /metrics); absent where no hub serves them (command-line tools). */
  metrics?: HubMetrics;
}
