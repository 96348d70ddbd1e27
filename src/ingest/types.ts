import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import type { FieldError } from '../common/field-error';

export enum RecordStatus {
  ACCEPTED = 'ACCEPTED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}

export type { FieldError } from '../common/field-error';

/** What happened to one record of a push; expected outcomes are data, not exceptions. */
export interface RecordResult {
  index: number;
  key: string | null;
  status: RecordStatus;
  version: number | null;
  errors: FieldError[];
  /** Data-quality findings of a stored record (timing rules it breaks); stored too, and queryable. */
  warnings: FindingData[];
}

/** A data-quality finding: a rule (stable code) a stored record breaks, e.g. BID_AFTER_OPENING. */
export interface FindingData {
  rule: string;
  message: string;
  /** HIGH, MEDIUM or LOW; LOW when the rule does not say. */
  severity?: string;
  /** What the finding rests on (bid keys, the shared value under the bid field's own name), masked on reading. */
  evidence?: Record<string, unknown>;
  /** The section it concerns, when one. */
  sectionCode?: string;
}

export interface PushResult {
  accepted: number;
  unchanged: number;
  rejected: number;
  results: RecordResult[];
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** What the pipeline needs to know of the stored version of a record. */
export interface CurrentVersion {
  version: number;
  contentHash: string;
  /** The system that created the record. */
  ownerSystemId: number;
  ownerCode: string;
}

/** A record that passed every check and is about to be written. */
export interface Accepted<T> {
  index: number;
  key: string;
  value: T;
  contentHash: string;
  current?: CurrentVersion;
  /** What resolveReferences found for the record (ids and facts of referenced records). */
  refs: Record<string, unknown>;
}

/** The row the store reports for each record it actually wrote. */
export interface Written {
  key: string;
  version: number;
  created: boolean;
  /** Server-side values to include in the change event (e.g. updatedAt). */
  meta?: Record<string, unknown>;
}

/**
 * How a data family plugs into the one push pipeline (src/ingest/pipeline.ts).
 * Validation is pure; every database step works on the whole batch at once.
 * `In` is a record as pushed (untrusted), `T` as validated, `Ctx` what
 * `prepare` loads for a batch, `P` the payload of the topic's change events
 * (what `snapshot` returns, declared with the topic in the family's descriptor).
 */
export interface PushDomain<In, T, Ctx = unknown, P = unknown> {
  /** The topic its records are published under (one of its family's). */
  topic: string;
  /** Loads, in one query per kind, what validation needs to know (e.g. code exceptions). */
  prepare(em: EntityManager, inputs: readonly In[]): Promise<Ctx>;
  /** Validates and normalises one record; pure, collects every error. */
  validate(input: In, ctx: Ctx): Validated<T>;
  key(value: T): string;
  /** The key as pushed, for reporting a record that failed validation; null when unreadable. */
  rawKey(input: In): string | null;
  /** The content that decides whether a re-push is a change (hashed canonically). */
  content(value: T): unknown;
  /** Resolves references by business key for the whole batch; returns errors by record index. */
  resolveReferences?(em: EntityManager, records: Accepted<T>[]): Promise<Map<number, FieldError[]>>;
  /** Current versions of the given keys, one query (see loadCurrentVersions). */
  loadCurrent(em: EntityManager, keys: string[]): Promise<Map<string, CurrentVersion>>;
  /**
   * The region a record belongs to and the field that holds it, for the
   * region grants of the pushing system; undefined when the family has none.
   */
  regionOf?(record: Accepted<T>): { regionCode: string; field: string } | undefined;
  /** The catalog category a record belongs to, for the category grants of trading systems. */
  categoryOf?(record: Accepted<T>): string | undefined;
  /**
   * Data-quality findings of a record about to be stored, with the project it
   * belongs to; they replace the record's earlier findings in the same transaction.
   */
  findings?(record: Accepted<T>): { projectCode: string; items: FindingData[] } | undefined;
  /**
   * The rule codes `findings` may produce: a push replaces only these, so
   * findings other families contribute on the same records (FindingRule)
   * stay. Absent: every finding of the record is the domain's.
   */
  findingRules?: readonly string[];
  /**
   * Further per-record authorisation of the family; undefined when allowed. (Topic, region and ownership are checked by
   * the pipeline.)
   */
  authorise?(principal: Principal, record: Accepted<T>): FieldError | undefined;
  /**
   * Takes, first thing in the write transaction, the locks under which
   * `recheck` and `write` run: rows FOR NO KEY UPDATE in key order
   * (src/trading/references.ts lockProjects) or key locks on what has no row
   * yet (src/common/locks.ts). Every push takes its locks in one global
   * order (key locks, then rows by key, the change log's lock last), so
   * pushes never wait on each other in a cycle.
   */
  lock?(em: EntityManager, records: Accepted<T>[]): Promise<void>;
  /**
   * Re-checks, under those locks, the rules resolveReferences decided on a
   * read before the transaction that a racing write can have broken since
   * (an award's winner must still hold a valid bid; a new section code must
   * not have been claimed by another project), and refreshes the `refs` the
   * write and the authorisation use. One query per kind for the batch.
   * Returns errors by record index: such a record is REJECTED and nothing of
   * it is written. (Ownership is re-checked by the write itself.)
   */
  recheck?(em: EntityManager, records: Accepted<T>[]): Promise<Map<number, FieldError[]>>;
  /**
   * Writes the records in one multi-row statement inside the transaction,
   * with ownership enforced by the statement (src/ingest/store.ts).
   * Returns only the rows really written: a row whose stored content equals the
   * pushed content (a concurrent identical push), or that another system
   * created first and owns, is left out, and nothing hanging off it is written.
   */
  write(em: EntityManager, records: Accepted<T>[], principal: Principal): Promise<Written[]>;
  /**
   * Runs in the write transaction after the records (and their findings) are
   * written, before their change events: e.g. a trading record moves its
   * project's updatedAt, so "what changed since" finds the project.
   */
  afterWrite?(em: EntityManager, written: Accepted<T>[]): Promise<void>;
  /** The change-event payload of a written record. */
  snapshot(record: Accepted<T>, written: Written, principal: Principal): P;
}
