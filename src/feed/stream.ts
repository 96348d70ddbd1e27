import type { EntityManager } from '@mikro-orm/postgresql';
import { readChanges } from './read';
import type { ChangeRecord } from './topics';

const REPLAY_BATCH = 1000;

export interface StreamOptions {
  /** Deliver only events after this seq (0: from the beginning). */
  after: number;
  /** Deliver only these topics; all when empty or absent. */
  topics?: readonly string[];
  /** Events a live subscriber may have waiting before it falls back to reading the table. */
  bufferLimit: number;
}

/**
 * What a stream needs of the process's feed (src/feed/feed.ts): its head, the live fan-out and the bounded table reads.
 */
export interface FeedTail {
  /** Highest seq handed to live subscribers. */
  readonly head: number;
  /** Serves the stream from memory from now on (called synchronously with the feed's dispatch). */
  attach(stream: ChangeStream): void;
  detach(stream: ChangeStream): void;
  /** Runs a replaying stream's table read when one of the process's few read slots is free. */
  read<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Writes one live event straight to the subscriber, past its iterator (the
 * broadcast path, src/server/shared-execution.ts); false when it cannot take
 * it now (a connection with too much queued, a result that needs graphql-js),
 * and then the event goes through the iterator as usual.
 */
export type DirectSink = (event: ChangeRecord) => boolean;

/**
 * One subscriber's stream of change events, in seq order, with no gap and no
 * duplicate. It starts by replaying from the table in batches; once it has
 * read everything up to the feed's head it attaches to the in-memory fan-out.
 * If it falls more than `bufferLimit` events behind while live (a slow
 * consumer), it drops its queue, detaches and reads the table again from the
 * last event it delivered: memory stays bounded and nothing is lost.
 *
 * A hand-written iterator rather than an async generator so that `return()`
 * ends a subscriber that is waiting for events at once.
 */
export class ChangeStream implements AsyncIterableIterator<ChangeRecord> {
  /** Events to deliver: queue[next..]. An index rather than shift(), which moves the whole array each time. */
  private queue: ChangeRecord[] = [];
  private nextIndex = 0;
  /** The table read in progress while replaying: the next batch is read while the current one is delivered. */
  private reading?: Promise<void>;
  private failure?: unknown;
  /** seq of the last event handed to the consumer. */
  private delivered: number;
  /** Highest seq already read or examined (events up to here are in the queue or filtered out). */
  private scanned: number;
  private live = false;
  /** How many times this subscriber lagged too far and went back to reading the table. */
  fallbacks = 0;
  private closed = false;
  /** Set while the consumer waits in next() for live events and nothing is queued or on its way to it. */
  private wakeUp?: () => void;
  private readonly topics?: ReadonlySet<string>;
  private sink?: DirectSink;

  constructor(
    private readonly feed: FeedTail,
    private readonly fork: () => EntityManager,
    private readonly options: StreamOptions,
  ) {
    this.delivered = options.after;
    this.scanned = options.after;
    this.topics = options.topics?.length ? new Set(options.topics) : undefined;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<ChangeRecord>> {
    for (;;) {
      if (this.closed) return { value: undefined, done: true };
      if (this.failure) {
        const err = this.failure;
        this.failure = undefined;
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the reader's own failure, as it came
        throw err;
      }
      if (this.nextIndex < this.queue.length) {
        const e = this.queue[this.nextIndex++];
        if (this.nextIndex >= 1024 && this.nextIndex * 2 >= this.queue.length) {
          this.queue = this.queue.slice(this.nextIndex);
          this.nextIndex = 0;
        }
        this.delivered = e.seq;
        // Replaying: read ahead once half a batch is left, so the consumer never waits on the database.
        if (!this.live && !this.reading && this.pending < REPLAY_BATCH / 2) this.readAhead();
        return { value: e, done: false };
      }
      if (!this.live) {
        if (!this.reading) this.readAhead();
        await this.reading;
        continue;
      }
      await new Promise<void>((resolve) => (this.wakeUp = resolve));
    }
  }

  /** Events read but not yet delivered. */
  private get pending(): number {
    return this.queue.length - this.nextIndex;
  }

  private readAhead(): void {
    this.reading = this.catchUp()
      .catch((err: unknown) => {
        this.failure = err;
      })
      .finally(() => {
        this.reading = undefined;
      });
  }

  private async catchUp(): Promise<void> {
    // Bounded per process (Feed.read), so a thousand lagging subscribers cannot take every database connection.
    const { events, watermark } = await this.feed.read(() =>
      readChanges(this.fork(), this.scanned, this.options.topics, REPLAY_BATCH),
    );
    if (this.closed) return;
    for (const e of events) this.queue.push(e);
    const full = events.length === REPLAY_BATCH;
    this.scanned = full ? events[events.length - 1].seq : Math.max(this.scanned, watermark, events.at(-1)?.seq ?? 0);
    // Synchronous with the feed's dispatch: nothing can slip between the check and the attach.
    if (!full && this.scanned >= this.feed.head) {
      this.live = true;
      this.feed.attach(this);
    }
  }

  /**
   * Delivers live events through `sink` whenever the consumer is idle: waiting
   * for the next event with nothing queued, so everything before has already
   * gone out through the iterator and the sink's writes follow it in order.
   * Anything the sink refuses, and every event after it, is queued as usual.
   */
  direct(sink: DirectSink | undefined): void {
    this.sink = sink;
  }

  /** @internal called by the feed with new events after its previous head, in seq order. */
  offer(events: readonly ChangeRecord[]): void {
    const sink = this.wakeUp && this.pending === 0 ? this.sink : undefined;
    for (const e of events) {
      if (e.seq <= this.scanned) continue; // already read from the table at the seam
      this.scanned = e.seq;
      if (this.topics && !this.topics.has(e.topic)) continue;
      if (sink && this.pending === 0 && sink(e)) this.delivered = e.seq;
      else this.queue.push(e);
    }
    if (this.pending === 0) return;
    if (this.pending > this.options.bufferLimit) {
      // Too slow to be served from memory: read the table from where the consumer is.
      this.feed.detach(this);
      this.fallbacks += 1;
      this.live = false;
      this.queue = [];
      this.nextIndex = 0;
      this.scanned = this.delivered;
    }
    this.wake();
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }

  async return(): Promise<IteratorResult<ChangeRecord>> {
    this.closed = true;
    this.feed.detach(this);
    this.sink = undefined;
    this.queue = [];
    this.nextIndex = 0;
    this.wake();
    return { value: undefined, done: true };
  }

  async throw(err?: unknown): Promise<IteratorResult<ChangeRecord>> {
    await this.return();
    throw err;
  }
}
