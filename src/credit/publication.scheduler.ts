import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import type { Clock } from '../common/clock';
import { plainFromColumns } from '../common/plain';
import { query } from '../common/sql';
import { appendChanges } from '../feed/append';
import { ChangeOp, type NewChange } from '../feed/topics';
import type { Logger } from '../logger';
import type { TaskContext } from '../registry/family';
import { CreditRecordRow } from './credit-record.entity';
import { publicationPayloadOf, type PublicationEnd } from './credit-record.payload';
import { CREDIT_PUBLICATION_TOPIC, CREDIT_RECORD_TOPIC, CreditRecordStatus } from './credit.model';
import { isPublishedAt, nextPublicationChange } from './publication.rules';

/**
 * Key of the transaction-scoped advisory lock under which one hub process at
 * a time runs a publication step (a single bigint, like the change log's
 * FEED_LOCK_KEY, never a two-key LockScope lock).
 */
export const PUBLICATION_LOCK_KEY = 7_242_013;

/** The author the change log records for publication events. */
export const PUBLICATION_PRINCIPAL: Principal = {
  id: 'credit-publication',
  name: 'credit-publication',
  roles: new Set(),
  grants: {
    writeTopics: new Set(),
    readTopics: new Set(),
    regions: [],
    reveal: new Set(),
    authoritativeTopics: new Set(),
    categories: [],
  },
};

/** Longest the hub's loop sleeps without looking (another process's clock, a missed wake-up). */
export const MAX_SLEEP_MS = 3600_000;

/** Wait after a failed step. */
const RETRY_MS = 30_000;

/** Rows one step handles, one transaction each. */
const STEP_ROWS = 500;

/**
 * Emits CREDIT_PUBLICATION events as windows open and close (and as repairs
 * and revocations end them).
 *
 * Each record has a row in credit_publication saying what the feed last said
 * of it and when that may change next (`due_at`). A step, in one transaction
 * under PUBLICATION_LOCK_KEY (tried, not awaited: another process holding it
 * is doing the work), takes the rows due at `clock.now()` FOR UPDATE, decides
 * with the pure rules whether each record is public now, appends CREATE,
 * UPDATE or DELETE where the feed says otherwise, and updates the rows in the
 * same transaction. So an event is appended exactly once: a crash rolls both
 * back, a restart finds the rows still due (catch-up), and a second process
 * either waits out the lock or finds the rows already moved on.
 */
export class PublicationScheduler {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly log?: Logger,
  ) {}

  /**
   * Handles everything due now; returns the number of events appended, or
   * null when another process held the lock (it does the work).
   */
  async tick(): Promise<number | null> {
    let events = 0;
    for (let first = true; ; first = false) {
      const step = await this.orm.em.fork().transactional((tx) => this.step(tx, this.clock.now()));
      if (!step) return first ? null : events;
      events += step.events;
      if (step.rows < STEP_ROWS) return events;
    }
  }

  private async step(tx: EntityManager, now: number): Promise<{ rows: number; events: number } | undefined> {
    const [{ locked }] = await query<{ locked: boolean }>(tx, 'select pg_try_advisory_xact_lock(?) as locked', [
      PUBLICATION_LOCK_KEY,
    ]);
    if (!locked) return undefined;
    const due = await query<Record<string, unknown>>(
      tx,
      `select r.*, p.published as pub_published, p.published_version as pub_version
       from credit_publication p join credit_record r on r.id = p.record_id
       where p.due_at <= ? order by p.due_at, p.record_id limit ? for update of p`,
      [new Date(now).toISOString(), STEP_ROWS],
    );
    if (!due.length) return { rows: 0, events: 0 };
    const records = plainFromColumns(tx, CreditRecordRow, due);
    const changes: NewChange[] = [];
    const states: { record_id: string; published: boolean; published_version: number | null; due_at: string }[] = [];
    records.forEach((r, i) => {
      const was = Boolean(due[i].pub_published);
      const wasVersion = due[i].pub_version === null ? null : Number(due[i].pub_version);
      const state = {
        status: r.status,
        publishedFrom: r.publishedFrom ?? null,
        publishedUntil: r.publishedUntil ?? null,
        repairedAt: r.repairedAt ? new Date(r.repairedAt) : null,
      };
      const is = isPublishedAt(state, now);
      if (is && (!was || wasVersion !== r.version)) {
        changes.push({
          topic: CREDIT_PUBLICATION_TOPIC,
          op: was ? ChangeOp.UPDATE : ChangeOp.CREATE,
          key: r.code,
          version: r.version,
          data: publicationPayloadOf(r),
        });
      } else if (!is && was) {
        const reason: PublicationEnd['reason'] =
          r.status === CreditRecordStatus.REVOKED
            ? 'REVOKED'
            : r.status === CreditRecordStatus.REPAIRED
              ? 'REPAIRED'
              : 'WINDOW_CLOSED';
        changes.push({
          topic: CREDIT_PUBLICATION_TOPIC,
          op: ChangeOp.DELETE,
          key: r.code,
          version: r.version,
          data: { code: r.code, reason } satisfies PublicationEnd,
        });
      }
      const next = nextPublicationChange(state, now);
      states.push({
        record_id: r.id,
        published: is,
        published_version: is ? r.version : null,
        due_at: next === null ? 'infinity' : new Date(next).toISOString(),
      });
    });
    await query(
      tx,
      `update credit_publication p set published = s.published, published_version = s.published_version, due_at = s.due_at
       from jsonb_to_recordset(?::jsonb) as s(record_id bigint, published boolean, published_version int, due_at timestamptz)
       where p.record_id = s.record_id`,
      [JSON.stringify(states)],
    );
    await appendChanges(tx, changes, PUBLICATION_PRINCIPAL);
    if (changes.length) this.log?.info({ events: changes.length }, 'credit publication events appended');
    return { rows: due.length, events: changes.length };
  }

  /** The next instant a row falls due, or null when none ever will. */
  async nextDue(): Promise<number | null> {
    const [row] = await query<{ at: Date | null }>(
      this.orm.em.fork(),
      "select min(due_at) as at from credit_publication where due_at < 'infinity'",
      [],
    );
    return row?.at ? new Date(row.at).getTime() : null;
  }

  /**
   * Runs in a hub process: a tick now (catching up on what fell due while no
   * hub ran), then again when the earliest row falls due (at most
   * MAX_SLEEP_MS later, as a check) and whenever the feed brings credit
   * record events (a push or repair in any process). Resolves after the
   * first tick to the function that stops it (it waits for a tick in progress).
   */
  async start(onEvents: TaskContext['onEvents']): Promise<() => Promise<void>> {
    let stopped = false;
    let cancel: (() => void) | undefined;
    let running: Promise<void> | undefined;
    let again = false;
    const schedule = (ms: number) => {
      cancel?.();
      cancel = stopped ? undefined : this.clock.after(Math.min(Math.max(ms, 0), MAX_SLEEP_MS), run);
    };
    const once = async () => {
      try {
        await this.tick();
        const next = await this.nextDue();
        schedule(next === null ? MAX_SLEEP_MS : next - this.clock.now());
      } catch (err) {
        this.log?.error({ err }, 'credit publication step failed; retried later');
        schedule(RETRY_MS);
      }
    };
    const run = (): void => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = once().finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          run();
        }
      });
    };
    const unsubscribe = onEvents((events) => {
      if (events.some((e) => e.topic === CREDIT_RECORD_TOPIC)) run();
    });
    run();
    await running;
    return async () => {
      stopped = true;
      unsubscribe();
      cancel?.();
      await running;
    };
  }
}
