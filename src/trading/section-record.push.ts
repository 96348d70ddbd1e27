import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '../common/errors';
import { TEXT_SET, textSetParam, query } from '../common/sql';
import { snapshotOf, type Snapshot } from '../ingest/snapshot';
import { loadCurrentVersions, upsertRecords, type TableSpec } from '../ingest/store';
import type { PushedRecord } from '../ingest/pushed-record.entity';
import type { EntityClass } from '@mikro-orm/core';
import type { Accepted, FindingData, PushDomain, Validated, Written } from '../ingest/types';
import { lockProjects, sectionRefs, touchProjects, type SectionRef } from './references';
import type { TradingTopicName } from './trading.model';
import { addError, type FieldErrors } from '../common/field-error';
import type { Principal } from '../auth/principal';

/*
 * What the pushes of the records kept per section (bid opening, evaluation,
 * award) share, and the helpers every record of a section uses: its section
 * resolved by code, its project locked and touched.
 */

/** Credit codes of the bidders of the given sections, as `<section>/<creditCode>` keys (one query). */
export async function biddersOf(em: EntityManager, sectionCodes: string[], validOnly: boolean): Promise<Set<string>> {
  if (!sectionCodes.length) return new Set();
  const rows = await query<{ key: string }>(
    em,
    `select s.code || '/' || m.credit_code as key from bid b join section s on s.id = b.section_id join market_entity m on m.id = b.bidder_id
     where s.code in ${TEXT_SET}${validOnly ? ` and b.status = 'VALID'` : ''}`,
    [textSetParam(sectionCodes)],
  );
  return new Set(rows.map((r) => r.key));
}

/** Resolves `sectionCode` of every record; unknown sections are NOT_FOUND. Stores the section in refs.section. */
export async function resolveSections<T extends { sectionCode: string }>(
  em: EntityManager,
  records: Accepted<T>[],
  errors: FieldErrors,
): Promise<void> {
  const sections = await sectionRefs(
    em,
    records.map((r) => r.value.sectionCode),
  );
  for (const r of records) {
    const s = sections.get(r.value.sectionCode);
    if (s) r.refs.section = s;
    else
      addError(errors, r.index, {
        field: 'sectionCode',
        code: ErrorCode.NOT_FOUND,
        message: `no section ${r.value.sectionCode}; push its project first`,
      });
  }
}

export const sectionOf = (r: Accepted<unknown>) => r.refs.section as SectionRef;

/** What a record of a project carries in its change event besides its own fields: which transaction it belongs to. */
interface ProjectLink {
  projectCode: string;
  unifiedTransactionCode: string;
}

/**
 * The change-event payload of a record of a section: the standard snapshot plus its project's code and unified
 * transaction identifier, so that a follower of the feed (the national platform's relay) can place the record in
 * its transaction without reading the section.
 */
export function sectionSnapshot<T>(
  record: Accepted<T>,
  written: Written,
  principal: Principal,
): Snapshot<T> & ProjectLink {
  const s = sectionOf(record);
  return {
    ...snapshotOf(record, written, principal),
    projectCode: s.projectCode,
    unifiedTransactionCode: s.unifiedTransactionCode,
  };
}

/** A record of a section changes its project (see touchProjects). */
export const touchSectionProjects = (em: EntityManager, records: Accepted<unknown>[]) =>
  touchProjects(
    em,
    records.map((r) => sectionOf(r).projectCode),
  );

/** Locks the projects of the records' sections before anything is written (see lockProjects). */
export const lockSectionProjects = (em: EntityManager, records: Accepted<unknown>[]) =>
  lockProjects(
    em,
    records.map((r) => sectionOf(r).projectCode),
  );

export const dateOrNull = (v: Date | string | null) => (v ? new Date(v) : null);

// ---------------------------------------------------------------- timing findings across records
//
// A timing finding is a function of the stored records, not of the order they
// were pushed in: a record's own findings are derived when it is written (from
// facts read after its project is locked), and a push that changes a fact other
// records' findings depend on re-derives theirs in the same transaction (a bid
// opening its section's bids, an award its section's contracts, an evaluation
// its project's announcements). Findings are not published as change events;
// the pushed record's own event and its project's updatedAt carry the change,
// and the records whose findings are re-derived belong to that same project.

interface SectionRecordSpec<In, T extends { sectionCode: string; externalId: string | null }> {
  topic: TradingTopicName;
  /** Its entity: one row per section (section_id unique). */
  entity: EntityClass<PushedRecord>;
  validate(input: In): Validated<T>;
  /** The record's own columns (section_id and external_id are the factory's). */
  toRow(r: Accepted<T>): Record<string, unknown>;
  /** Extra references and lifecycle checks, after the sections are resolved. */
  check?(em: EntityManager, records: Accepted<T>[], errors: FieldErrors): Promise<void>;
  /**
   * The lifecycle checks a racing push can break, again in the write transaction with the project locked (see
   * PushDomain.recheck).
   */
  recheck?(em: EntityManager, records: Accepted<T>[], errors: FieldErrors): Promise<void>;
  findings?(r: Accepted<T>): FindingData[];
  /** The rule codes `findings` may produce. */
  findingRules?: readonly string[];
  /** Re-derives the findings of other records that depend on the written ones (after their project is touched). */
  dependents?(em: EntityManager, records: Accepted<T>[]): Promise<void>;
  /** What the content hash covers, when not the whole validated record. */
  content?: (v: T) => unknown;
  /** Writes what hangs off the written rows (by `Written.meta.id`), in the same transaction. */
  writeChildren?(em: EntityManager, records: Accepted<T>[], written: Written[]): Promise<void>;
}

/** A record kept once per section (bid opening, evaluation, award): key = section code. */
export function sectionRecord<In, T extends { sectionCode: string; externalId: string | null }>(
  spec: SectionRecordSpec<In, T>,
): PushDomain<In, T, void, Snapshot<T>> {
  const table: TableSpec = {
    entity: spec.entity,
    topic: spec.topic,
    conflict: ['section_id'],
    keyExpr: '(select code from section where id = t.section_id)',
  };
  return {
    topic: spec.topic,
    prepare: async () => undefined,
    validate: (input) => spec.validate(input ?? ({} as In)),
    key: (v) => v.sectionCode,
    rawKey: (input) => {
      const code = (input as { sectionCode?: unknown } | null)?.sectionCode;
      return typeof code === 'string' && code.trim() ? code.trim() : null;
    },
    content: spec.content ?? ((v) => v),
    async resolveReferences(em, records) {
      const errors: FieldErrors = new Map();
      await resolveSections(em, records, errors);
      await spec.check?.(
        em,
        records.filter((r) => r.refs.section),
        errors,
      );
      return errors;
    },
    loadCurrent: (em, keys) =>
      loadCurrentVersions(
        em,
        `${em.getMetadata().find(spec.entity.name)!.tableName} t join section s on s.id = t.section_id`,
        's.code',
        keys,
      ),
    regionOf: (r) => ({ regionCode: sectionOf(r).regionCode, field: 'sectionCode' }),
    categoryOf: (r) => sectionOf(r).categoryCode,
    findings: (r) => ({ projectCode: sectionOf(r).projectCode, items: spec.findings?.(r) ?? [] }),
    findingRules: spec.findingRules ?? [],
    lock: lockSectionProjects,
    ...(spec.recheck
      ? {
          async recheck(em: EntityManager, records: Accepted<T>[]) {
            const errors: FieldErrors = new Map();
            await spec.recheck!(em, records, errors);
            return errors;
          },
        }
      : {}),
    async write(em, records, principal) {
      const written = await upsertRecords(
        em,
        table,
        records,
        (r) => ({ section_id: sectionOf(r).id, ...spec.toRow(r), external_id: r.value.externalId }),
        principal,
      );
      await spec.writeChildren?.(em, records, written);
      return written;
    },
    async afterWrite(em, records) {
      await touchSectionProjects(em, records);
      await spec.dependents?.(em, records);
    },
    snapshot: sectionSnapshot,
  };
}
