import type { MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../common/clock';
import { ErrorCode, HubError } from '../common/errors';
import type { ChangeRecord } from '../feed/topics';
import type { Logger } from '../logger';
import { ConsumerRule, passes } from './consumers.rules';
import { onAck } from './acks';
import { releaseLease, renewLease } from './consumers.service';
import type { ConsumerFilter } from './feed-consumer.entity';

/** What a leased stream needs to keep its lease. */
export interface LeaseOptions {
  orm: MikroORM;
  clock: Clock;
  log: Logger;
  consumerId: number;
  holder: string;
  /** Lease length; renewed every third of it. */
  seconds: number;
  /** The consumer's checkpoint when the stream starts. */
  acked: number;
  /** Most events handed out beyond the checkpoint: the stream waits for an acknowledgement past that. */
  window: number;
}

/**
 * A named consumer's change stream while its connection holds the consumer's
 * lease: renews the lease every third of its length, applies the consumer's
 * filter, and gives the lease up when the subscription ends (the socket
 * closed, the client completed). If a renewal finds the lease taken (this
 * process stalled past its expiry and another connection took over), the
 * stream ends with LEASE_LOST, so two connections never deliver at once for
 * longer than a renewal period.
 */
export class LeasedStream implements AsyncIterableIterator<ChangeRecord> {
  private lost = false;
  private ended = false;
  private cancelTimer?: () => void;
  private acked: number;
  /** seqs handed out, oldest first (those at or below `acked` are dropped as acks come). */
  private readonly out: number[] = [];
  private wakeUp?: () => void;
  private readonly stopAcks: () => void;

  constructor(
    private readonly inner: AsyncIterableIterator<ChangeRecord>,
    private readonly filter: ConsumerFilter | null,
    private readonly lease: LeaseOptions,
  ) {
    this.acked = lease.acked;
    this.stopAcks = onAck(lease.consumerId, (seq) => this.onAcked(seq));
    this.schedule();
  }

  private onAcked(seq: number): void {
    // A reset may move the checkpoint back: the window is counted from what this stream handed out.
    this.acked = seq;
    while (this.out.length && this.out[0] <= seq) this.out.shift();
    this.wakeUp?.();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private schedule(): void {
    if (this.ended) return;
    this.cancelTimer = this.lease.clock.after((this.lease.seconds * 1000) / 3, () => {
      renewLease(this.lease.orm.em.fork(), this.lease.consumerId, this.lease.holder, this.lease.seconds).then(
        (acked) => {
          if (acked !== null) {
            // Acknowledged through another process (over HTTP).
            if (acked > this.acked) this.onAcked(acked);
            return this.schedule();
          }
          this.lost = true;
          this.wakeUp?.();
          void this.inner.return?.();
        },
        // The database is away: the lease may lapse; try again at the next period.
        (err: unknown) => {
          this.lease.log.warn({ err: String(err) }, 'could not renew a feed consumer lease');
          this.schedule();
        },
      );
    });
  }

  async next(): Promise<IteratorResult<ChangeRecord>> {
    for (;;) {
      if (this.lost) {
        await this.end();
        throw new HubError(ErrorCode.CONFLICT, 'the lease of this consumer was lost to another connection', {
          details: { rule: ConsumerRule.LEASE_LOST },
        });
      }
      while (this.out.length >= this.lease.window && !this.lost && !this.ended)
        await new Promise<void>((resolve) => (this.wakeUp = resolve));
      this.wakeUp = undefined;
      if (this.ended) return { value: undefined, done: true };
      if (this.lost) continue;
      const r = await this.inner.next();
      if (this.lost) continue;
      if (r.done) {
        await this.end();
        return r;
      }
      if (passes(this.filter, r.value)) {
        this.out.push(r.value.seq);
        return r;
      }
    }
  }

  private async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.cancelTimer?.();
    this.stopAcks();
    this.wakeUp?.();
    await releaseLease(this.lease.orm.em.fork(), this.lease.consumerId, this.lease.holder).catch((err: unknown) =>
      this.lease.log.warn({ err: String(err) }, 'could not release a feed consumer lease'),
    );
  }

  async return(): Promise<IteratorResult<ChangeRecord>> {
    await this.inner.return?.();
    await this.end();
    return { value: undefined, done: true };
  }

  async throw(err?: unknown): Promise<IteratorResult<ChangeRecord>> {
    await this.return();
    throw err;
  }
}
