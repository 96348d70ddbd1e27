import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { Logger } from '../logger';
import { noteChainEnd } from './append';
import { readChanges } from './read';
import { ChangeStream, type FeedTail, type StreamOptions } from './stream';
import { FEED_CHANNEL, type ChangeRecord } from './topics';

const TAIL_BATCH = 1000;
/**
 * Least time from the start of one tail read to the start of the next. An
 * idle feed reads at once when woken; under a stream of pushes (a NOTIFY
 * each) the wake-ups within this window are answered by one read, so that
 * the read, and the write of each subscriber's socket, is shared by every
 * push of the window instead of paid per push: with 50 subscribers that was
 * 50 socket writes and one statement for every push. It delays a live event
 * by at most this much, and only while events keep coming.
 */
export const TAIL_READ_GAP_MS = 25;
/** Table reads of replaying subscribers running at once in one process; the rest wait their turn. */
const CONCURRENT_REPLAY_READS = 3;

/**
 * One per hub process: a LISTEN connection that is only a wake-up, and one
 * tail reader that reads new events from the change log once and fans them out
 * in memory to every live subscriber. Subscribers behind the tail read the
 * table themselves (see ChangeStream), so a slow one never holds others back.
 */
export class Feed implements FeedTail {
  /** Highest seq handed to live subscribers. */
  head = 0;
  private readonly live = new Set<ChangeStream>();
  private listener?: Client;
  private pumping?: Promise<void>;
  private tailEm?: EntityManager;
  private again = false;
  /** When the last tail read started (performance.now()). */
  private lastRead = -Infinity;
  /** The next tail read, when a wake-up came within TAIL_READ_GAP_MS of the last. */
  private delayed?: NodeJS.Timeout;
  private timer?: NodeJS.Timeout;
  private closed = false;
  /** The process is shutting down: a lost connection is expected (Ctrl-C stops PostgreSQL too), not a fault. */
  private stopping = false;
  private readonly listeners: ((events: ChangeRecord[]) => void)[] = [];
  private reads = 0;
  private readonly waiting: (() => void)[] = [];
  private reconnecting?: NodeJS.Timeout;
  /** Tail reads failed in a row (the database is away): logged once, then counted. */
  private failedReads = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly databaseUrl: string,
    private readonly log: Logger,
    private readonly options: { pollMs: number; bufferLimit: number },
  ) {}

  async start(): Promise<void> {
    const { watermark } = await readChanges(this.orm.em.fork(), Number.MAX_SAFE_INTEGER, undefined, 1);
    this.head = watermark;
    await this.connectListener();
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
  }

  private async connectListener(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.databaseUrl });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
      // Judged once the events that woke the process with this one have run: a Ctrl-C at a terminal
      // signals the hub and its PostgreSQL alike, and PostgreSQL's farewell can be read before the
      // hub's own SIGINT handler has said that it stops. The signal was delivered first, so its
      // handler runs within the same poll phase; setImmediate comes after it.
      setImmediate(() => {
        if (this.closed) return;
        if (this.stopping) {
          this.log.debug({ reason: err?.message }, 'feed LISTEN connection closed while the hub stops');
          return;
        }
        this.log.warn({ err }, 'feed LISTEN connection lost; reconnecting');
        this.reconnectListener();
      });
    };
    client.on('notification', () => this.wake());
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`listen ${FEED_CHANNEL}`);
    } catch (err) {
      lost = true;
      client.end().catch(() => undefined);
      throw err;
    }
    if (this.closed) {
      lost = true;
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    // Anything committed while we were not listening is picked up now.
    this.wake();
  }

  /**
   * Connects the LISTEN connection again, with back-off (0.5 s doubling to
   * 10 s), for as long as the feed is open: a database restart (or a network
   * cut) never leaves the process deaf. Polls deliver meanwhile, as soon as
   * the database answers again.
   */
  private reconnectListener(attempt = 0): void {
    if (this.closed || this.reconnecting) return;
    const delay = Math.min(500 * 2 ** attempt, 10_000);
    this.reconnecting = setTimeout(() => {
      this.reconnecting = undefined;
      this.connectListener().then(
        () => {
          if (attempt > 0) this.log.info({ attempts: attempt + 1 }, 'feed LISTEN connection restored');
        },
        (err: unknown) => {
          if (attempt === 0)
            this.log.warn({ err: String(err) }, 'feed LISTEN reconnect failed; retrying with back-off');
          this.reconnectListener(attempt + 1);
        },
      );
    }, delay);
    this.reconnecting.unref();
  }

  /**
   * Asks the tail reader to look for new events; calls while it reads coalesce into one more round, and calls within
   * TAIL_READ_GAP_MS of the last read's start into one read at the end of that window.
   */
  wake(): void {
    if (this.closed) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    if (this.delayed) return;
    const wait = this.lastRead + TAIL_READ_GAP_MS - performance.now();
    if (wait > 0) {
      this.delayed = setTimeout(() => {
        this.delayed = undefined;
        this.wake();
      }, wait);
      return;
    }
    this.lastRead = performance.now();
    this.pumping = this.pump()
      .then(() => {
        if (this.failedReads) this.log.info({ failedReads: this.failedReads }, 'feed tail reads work again');
        this.failedReads = 0;
      })
      .catch((err) => {
        // Once per outage, not on every poll while the database is away; expected while the hub stops.
        // Judged after the events of this wake-up, as a lost LISTEN connection is (see connectListener).
        if (this.failedReads++ === 0)
          setImmediate(() => {
            if (!this.stopping) this.log.error({ err }, 'feed tail read failed; retrying on every poll');
          });
      })
      .finally(() => {
        this.pumping = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async pump(): Promise<void> {
    // readChanges runs on a pooled connection of its own (queryPrepared) and keeps nothing in an identity map: one
    // fork serves every read.
    const em = (this.tailEm ??= this.orm.em.fork());
    for (;;) {
      const { events } = await readChanges(em, this.head, undefined, TAIL_BATCH);
      if (!events.length || this.closed) return;
      this.dispatch(events);
      if (events.length < TAIL_BATCH) return;
    }
  }

  /** Hands a contiguous run of new events (all after `head`) to every live subscriber, synchronously. */
  private dispatch(events: ChangeRecord[]): void {
    const last = events[events.length - 1];
    this.head = last.seq;
    // The appenders of this process guess the chain's end from it (after another process appended, or at start).
    noteChainEnd(last.seq, last.hash);
    for (const l of this.listeners) l(events);
    for (const s of [...this.live]) s.offer(events);
  }

  /** Calls `listener` with every run of new events this process reads from the log (in order, synchronously). */
  onEvents(listener: (events: ChangeRecord[]) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** @internal called by a ChangeStream that has caught up with `head`. */
  attach(stream: ChangeStream): void {
    this.live.add(stream);
  }

  /** @internal */
  detach(stream: ChangeStream): void {
    this.live.delete(stream);
  }

  /** @internal runs a replaying subscriber's table read when one of the few read slots is free. */
  async read<T>(work: () => Promise<T>): Promise<T> {
    if (this.reads >= CONCURRENT_REPLAY_READS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.reads += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next)
        next(); // the slot passes straight on
      else this.reads -= 1;
    }
  }

  /** Number of subscribers currently served live from memory. */
  get liveCount(): number {
    return this.live.size;
  }

  /** A new subscriber stream: replays events after `after` from the table, then follows live. */
  subscribe(options: Omit<StreamOptions, 'bufferLimit'>): ChangeStream {
    return new ChangeStream(this, () => this.orm.em.fork(), { ...options, bufferLimit: this.options.bufferLimit });
  }

  /**
   * Says that the process is stopping: subscribers are still served while requests drain, but a lost LISTEN
   * connection or a failed read (the database stopping first, as on Ctrl-C in a terminal, which signals
   * PostgreSQL too) is no longer reported as a fault nor reconnected.
   */
  stop(): void {
    this.stopping = true;
  }

  async close(): Promise<void> {
    this.stopping = true;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.reconnecting) clearTimeout(this.reconnecting);
    if (this.delayed) clearTimeout(this.delayed);
    for (const s of [...this.live]) await s.return();
    await this.pumping;
    await this.listener?.end().catch(() => undefined);
  }
}
