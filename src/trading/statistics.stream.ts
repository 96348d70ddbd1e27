import { systemClock, type Clock } from '../common/clock';
import type { ChangeRecord } from '../feed/topics';
import { TRADING_TOPICS } from './trading.model';
import type { StatisticsSnapshot } from './statistics';

/**
 * Where the stream learns that trading data changed: the process's change feed (src/feed/feed.ts), or a stand-in in
 * tests.
 */
export interface ChangeSource {
  subscribe(options: { after: number; topics?: readonly string[] }): AsyncIterator<ChangeRecord>;
}

export interface StatisticsStreamOptions {
  /** Least time between the starts of two computations, ms: any number of changes inside it costs one recomputation. */
  intervalMs: number;
  /** Where the interval is measured and waited for (default the system clock; tests move their own). */
  clock?: Clock;
}

/**
 * Default {@link StatisticsStreamOptions.intervalMs}: a dashboard gains nothing from fresher figures, PostgreSQL does
 * from fewer aggregations.
 */
export const DEFAULT_STATISTICS_INTERVAL_MS = 1000;

/**
 * A dashboard's live statistics: the current figures at once, then fresh
 * figures whenever trading data has changed, coalesced.
 *
 * - It follows the change feed for {@link TRADING_TOPICS} from the position of
 *   the snapshot it last computed (which the statistics statement reads in the
 *   same snapshot as the figures), so a change is never missed and a change
 *   already included never causes another computation.
 * - Computations start at least `intervalMs` apart: a burst of any size
 *   costs at most one computation per interval, and no change costs none.
 * - It computes only when the consumer asks for the next value (graphql-ws
 *   pulls after each delivery), so a slow client never queues figures that are
 *   stale by the time it reads them: it gets the latest.
 *
 * A hand-written iterator (like ChangeStream) so that `return()` ends a
 * consumer waiting for changes at once, and closes the feed subscription.
 */
export class StatisticsStream implements AsyncIterableIterator<StatisticsSnapshot> {
  /** Number of computations so far (the first one included). */
  computations = 0;
  private changes?: AsyncIterator<ChangeRecord>;
  /** seq up to which the last computation included every change. */
  private included = 0;
  /** Highest seq of a trading change seen on the feed. */
  private seen = 0;
  private lastStart = Number.NEGATIVE_INFINITY;
  private started = false;
  private closed = false;
  private failure?: unknown;
  private wakeUp?: () => void;
  private cancelTimer?: () => void;
  private readonly clock: Clock;

  constructor(
    private readonly source: ChangeSource,
    private readonly compute: () => Promise<StatisticsSnapshot>,
    private readonly options: StatisticsStreamOptions = { intervalMs: DEFAULT_STATISTICS_INTERVAL_MS },
  ) {
    this.clock = options.clock ?? systemClock;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<StatisticsSnapshot>> {
    try {
      if (!this.started) {
        this.started = true;
        const first = await this.run();
        if (this.closed) return this.done();
        // Follow the feed from exactly the snapshot just computed: no gap, and nothing counted twice.
        this.changes = this.source.subscribe({ after: first.seq, topics: TRADING_TOPICS });
        void this.follow(this.changes);
        return { value: first, done: false };
      }
      for (;;) {
        if (this.closed) return this.done();
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the follower's own failure, as it came
        if (this.failure) throw this.failure;
        if (this.seen <= this.included) {
          await new Promise<void>((resolve) => (this.wakeUp = resolve));
          this.wakeUp = undefined;
          continue;
        }
        const wait = this.lastStart + this.options.intervalMs - this.clock.now();
        if (wait > 0) {
          await new Promise<void>((resolve) => {
            this.wakeUp = resolve;
            this.cancelTimer = this.clock.after(wait, resolve);
          });
          this.cancelTimer?.();
          this.cancelTimer = undefined;
          this.wakeUp = undefined;
          continue;
        }
        const snapshot = await this.run();
        if (this.closed) return this.done();
        return { value: snapshot, done: false };
      }
    } catch (err) {
      await this.return();
      throw err;
    }
  }

  private async run(): Promise<StatisticsSnapshot> {
    this.lastStart = this.clock.now();
    this.computations += 1;
    const snapshot = await this.compute();
    this.included = Math.max(this.included, snapshot.seq);
    return snapshot;
  }

  /**
   * Drains the feed subscription, only noting how far trading data has changed; the consumer's next() does the work.
   */
  private async follow(changes: AsyncIterator<ChangeRecord>): Promise<void> {
    try {
      for (;;) {
        const r = await changes.next();
        if (this.closed) return;
        if (r.done) {
          // The feed closed (the hub is shutting down): no change can be noticed any more, so end too.
          this.closed = true;
          this.wakeUp?.();
          return;
        }
        if (r.value.seq > this.seen) this.seen = r.value.seq;
        if (this.seen > this.included) this.wakeUp?.();
      }
    } catch (err) {
      this.failure = err;
      this.wakeUp?.();
    }
  }

  private done(): IteratorResult<StatisticsSnapshot> {
    return { value: undefined, done: true };
  }

  /** Ends the stream: closes the feed subscription and ends a consumer that is waiting. */
  async return(): Promise<IteratorResult<StatisticsSnapshot>> {
    if (!this.closed) {
      this.closed = true;
      this.cancelTimer?.();
      this.wakeUp?.();
      await this.changes?.return?.();
    }
    return this.done();
  }

  async throw(err?: unknown): Promise<IteratorResult<StatisticsSnapshot>> {
    await this.return();
    throw err;
  }
}
