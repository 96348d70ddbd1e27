import { batchKey, ConsumerRule } from '../consumers/consumers.rules';
import { backoffDelay } from './backoff';
import { postBatch } from './deliver';
import { HubAnswerError, HubLink } from './hub-link';
import type { RelaySettings } from './settings';
import type { BatchBody, RelayEvent, TargetMapping, TargetRecord } from './target';

const SELF = `query RelaySelf { feedConsumer { name acknowledgedSeq deliveringCursor } }`;
const CHANGES = `subscription RelayChanges($topics: [ChangeTopic!]) {
  changes(topics: $topics) { cursor seq topic op key version occurredAt sourceSystem data }
}`;
const START = `mutation RelayStart($until: String!) { startDelivery(until: $until) { acknowledgedSeq } }`;
const ACK = `mutation RelayAck($cursor: String!) { acknowledgeChanges(cursor: $cursor) { acknowledgedSeq } }`;
/** The acknowledgement of a batch and the start of the next, in one transaction of the hub. */
const ACK_START = `mutation RelayAckStart($cursor: String!, $next: String!) {
  acknowledgeChanges(cursor: $cursor, next: $next) { acknowledgedSeq }
}`;
const DEAD = `mutation RelayDead($records: [DeadLetterInput!]!) { reportDeadLetters(records: $records) { seq } }`;

interface WireEvent {
  cursor: string;
  seq: string;
  topic: string;
  op: string;
  key: string;
  version: number;
  occurredAt: string;
  sourceSystem: string | null;
  data: Record<string, unknown>;
}

/** The seq a cursor stands for (the hub's cursors are base64url of `seq:<n>`). */
export function cursorSeq(cursor: string): number {
  const m = /^seq:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new Error(`not a change-feed cursor: ${cursor}`);
  return Number(m[1]);
}

/** What a relay adds to a batch besides its records (the national platform's OCDS packages). */
export type BatchExtras = (records: TargetRecord[], events: RelayEvent[], link: HubLink) => Promise<Partial<BatchBody>>;

export interface RelayHooks {
  log?: (msg: string, details?: Record<string, unknown>) => void;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  extras?: BatchExtras;
}

/** Errors that end the relay process: its key or grants are wrong, nothing a retry mends. */
function fatal(err: unknown): boolean {
  return (
    err instanceof HubAnswerError &&
    (err.code === 'UNAUTHENTICATED' || (err.code === 'FORBIDDEN' && err.rule !== ConsumerRule.NOT_A_CONSUMER))
  );
}

/**
 * A relay process: follows its named consumer over graphql-ws, maps each
 * event to the target's record, delivers batches in seq order with an
 * idempotency key per cursor range, retries with exponential backoff and
 * jitter, parks records the target refuses as dead letters, and acknowledges
 * a batch only once the target confirmed it. It keeps no state of its own:
 * the checkpoint and the batch in flight are the hub's (feed_consumer), so a
 * relay killed at any moment is replaced by another that re-sends exactly the
 * batch in flight. While another relay holds the consumer it waits as a standby.
 */
export class Relay {
  private stopped = false;
  private readonly log: NonNullable<RelayHooks['log']>;
  private readonly sleep: (ms: number) => Promise<void>;
  private wakeSleep?: () => void;
  /** Wakes the session waiting for events (to see that the relay stops). */
  private interrupt?: () => void;
  /** Batches confirmed since the process started. */
  delivered = 0;
  /**
   * Wall-clock milliseconds spent in each phase of the delivery loop since the process started (waiting for events,
   * each kind of round trip to the hub, the POSTs): where a batch's time goes, logged when the relay stops.
   */
  readonly phases: Record<string, number> = {};

  constructor(
    private readonly settings: RelaySettings,
    private readonly mapping: TargetMapping,
    private readonly hooks: RelayHooks = {},
  ) {
    this.log = hooks.log ?? (() => undefined);
    this.sleep =
      hooks.sleep ??
      ((ms) =>
        new Promise<void>((resolve) => {
          const t = setTimeout(resolve, ms);
          this.wakeSleep = () => {
            clearTimeout(t);
            resolve();
          };
        }));
  }

  /** Runs `work`, adding its wall-clock time to `phase`. */
  private async timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      this.phases[phase] = (this.phases[phase] ?? 0) + performance.now() - t0;
    }
  }

  stop(): void {
    this.stopped = true;
    this.wakeSleep?.();
    this.interrupt?.();
  }

  /** Runs until stopped, or until the hub refuses the key (then throws). */
  async run(): Promise<void> {
    while (!this.stopped) {
      const link = new HubLink(this.settings.hub, this.settings.key);
      try {
        await this.session(link);
      } catch (err) {
        if (fatal(err)) throw err;
        const leased =
          err instanceof HubAnswerError &&
          (err.rule === ConsumerRule.CONSUMER_LEASED || err.rule === ConsumerRule.LEASE_LOST);
        this.log(leased ? 'standby: another relay follows the consumer' : 'session ended; starting over', {
          err: err instanceof Error ? err.message : String(err),
        });
      } finally {
        await link.close().catch(() => undefined);
      }
      if (!this.stopped) await this.sleep(this.settings.standbyMs);
    }
  }

  private async session(link: HubLink): Promise<void> {
    const { feedConsumer: me } = await link.request<{
      feedConsumer: { name: string; acknowledgedSeq: string; deliveringCursor: string | null } | null;
    }>(SELF);
    if (!me) throw new Error('the key is not a named feed consumer');
    let acked = Number(me.acknowledgedSeq);
    let pendingTo = me.deliveringCursor ? cursorSeq(me.deliveringCursor) : null;
    const queue: RelayEvent[] = [];
    /** When each queued event arrived (performance.now()), beside `queue`. */
    const arrived: number[] = [];
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    const poke = () => wake?.();
    this.interrupt = poke;
    const unsubscribe = link.subscribe<{ changes: WireEvent }>(
      CHANGES,
      { topics: this.mapping.topics ?? null },
      ({ changes: e }) => {
        queue.push({ ...e, seq: Number(e.seq) });
        arrived.push(performance.now());
        poke();
      },
      (err) => {
        failure ??= err;
        poke();
      },
    );
    link.onClosed((e) => {
      failure ??= e;
      poke();
    });
    /** Waits until `ready()` or `ms` pass (forever when undefined); throws the subscription's failure. */
    const waitFor = async (ready: () => boolean, ms?: number): Promise<boolean> => {
      const deadline = ms === undefined ? undefined : Date.now() + ms;
      for (;;) {
        if (failure) throw failure;
        if (this.stopped) throw new Error('stopped');
        if (ready()) return true;
        const left = deadline === undefined ? undefined : deadline - Date.now();
        if (left !== undefined && left <= 0) return false;
        await new Promise<void>((resolve) => {
          const t = left === undefined ? undefined : setTimeout(resolve, left);
          wake = () => {
            if (t) clearTimeout(t);
            resolve();
          };
        });
        wake = undefined;
      }
    };
    /** A batch that is due: full, or its oldest event has waited `lingerMs` for more. */
    const due = () =>
      queue.length >= this.settings.batch ||
      (queue.length > 0 && performance.now() - arrived[0] >= this.settings.lingerMs);
    const take = (n: number) => {
      arrived.splice(0, n);
      return queue.splice(0, n);
    };
    /** The next batch, already recorded with the hub (startDelivery) together with the last acknowledgement. */
    let started: RelayEvent[] | null = null;
    try {
      for (;;) {
        let events: RelayEvent[];
        /** The batch's range is recorded with the hub already (startDelivery). */
        let recorded = false;
        if (started) {
          events = started;
          started = null;
          recorded = true;
        } else {
          await this.timed('wait for events', () => waitFor(() => queue.length > 0));
          if (pendingTo !== null) {
            // The batch in flight when the last holder stopped: exactly that range again.
            const until = pendingTo;
            await this.timed('wait for events', () => waitFor(() => queue[queue.length - 1].seq >= until, 30_000));
            const n = queue.filter((e) => e.seq <= until).length;
            if (n === 0) {
              pendingTo = null;
              continue;
            }
            events = take(n);
            recorded = events[events.length - 1].seq === until;
            pendingTo = null;
          } else {
            // A batch goes when it is full or when its oldest event has waited lingerMs: events that piled up
            // while the last batch was delivered go at once, a lone event on a quiet feed after lingerMs.
            await this.timed('linger', () =>
              waitFor(due, Math.max(0, arrived[0] + this.settings.lingerMs - performance.now())),
            );
            events = take(Math.min(queue.length, this.settings.batch));
          }
        }
        const last = events[events.length - 1];
        const records = events.map((e) => this.mapping.map(e));
        // The batch's range is recorded (startDelivery) while its extras (OCDS releases) are read, side by side.
        const [, extras] = await this.timed('startDelivery and extras (OCDS)', () =>
          Promise.all([
            recorded ? undefined : link.request(START, { until: last.cursor }),
            this.extras(records, events, link),
          ]),
        );
        await this.deliver(link, me.name, acked, events, records, extras, () => failure);
        // Events that became due meanwhile go next: their startDelivery travels with this acknowledgement.
        if (due()) {
          started = take(Math.min(queue.length, this.settings.batch));
          const next = started[started.length - 1].cursor;
          await this.timed('acknowledgeChanges', () => link.request(ACK_START, { cursor: last.cursor, next }));
        } else {
          await this.timed('acknowledgeChanges', () => link.request(ACK, { cursor: last.cursor }));
        }
        acked = last.seq;
        this.delivered += 1;
      }
    } finally {
      unsubscribe();
    }
  }

  private extras(records: TargetRecord[], events: RelayEvent[], link: HubLink): Promise<Partial<BatchBody>> {
    return this.hooks.extras ? this.hooks.extras(records, events, link) : Promise.resolve({});
  }

  /** Delivers one batch until the target confirms it, parking the records it refuses. */
  private async deliver(
    link: HubLink,
    consumer: string,
    from: number,
    events: RelayEvent[],
    mapped: TargetRecord[],
    firstExtras: Partial<BatchBody>,
    failed: () => Error | undefined,
  ): Promise<void> {
    const to = events[events.length - 1].seq;
    let records = mapped;
    const bySeq = new Map(events.map((e) => [String(e.seq), e]));
    let attempt = 0;
    for (let first = true; ; first = false) {
      // Read again for each further attempt: what the target receives is as of its delivery.
      const extras = first ? firstExtras : await this.timed('extras (OCDS)', () => this.extras(records, events, link));
      const body: BatchBody = {
        target: this.mapping.name,
        batch: { from: String(from), to: String(to), idempotencyKey: batchKey(consumer, from, to) },
        records,
        ...extras,
      };
      const outcome = await this.timed('POST to the target', () =>
        postBatch(this.settings.target, body, this.settings.timeoutMs),
      );
      if (outcome.kind === 'confirmed') return;
      if (outcome.kind === 'refused') {
        this.log('target refused records; parked as dead letters', { ids: outcome.records.map((r) => r.id) });
        await this.timed('reportDeadLetters', () =>
          link.request(DEAD, {
            records: outcome.records.map((r) => ({
              cursor: bySeq.get(r.id)!.cursor,
              status: outcome.status,
              answer: r.answer,
            })),
          }),
        );
        const refused = new Set(outcome.records.map((r) => r.id));
        records = records.filter((r) => !refused.has(r.id));
        // Nothing left of the batch: the range is done.
        if (!records.length) return;
        continue;
      }
      attempt += 1;
      if (this.settings.retries && attempt >= this.settings.retries)
        throw new Error(`gave up on batch ${from}-${to} after ${attempt} attempts: ${outcome.reason}`);
      const delay = backoffDelay(attempt - 1, this.settings.backoffMs, this.settings.maxBackoffMs, this.hooks.random);
      this.log('delivery failed; retrying', { from, to, attempt, reason: outcome.reason, delay });
      await this.sleep(delay);
      const f = failed();
      if (f) throw f;
      if (this.stopped) throw new Error('stopped');
    }
  }
}
