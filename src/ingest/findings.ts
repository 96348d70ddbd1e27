import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubConfig } from '../config';
import { TEXT_SET, query, textSetParam } from '../common/sql';
import { ChangeOp, type NewChange } from '../feed/topics';
import type { Accepted, FieldError, FindingData } from './types';

/** One record's findings as derived from its stored or pushed content. */
export interface DerivedFindings {
  key: string;
  projectCode: string;
  items: FindingData[];
}

/**
 * Findings a data family contributes on the records of a topic it does not
 * own (a revoked certificate or a blacklisted bidder is a finding on a bid).
 * Registered in the family's descriptor (`findingRules`); the push of a
 * record of `topic` derives them in its transaction, after the owner's own
 * findings, and stores and reports them the same way. Each rule replaces only
 * the findings of its own `rules`.
 */
export interface FindingRule {
  /** The topic whose records it judges. */
  readonly topic: string;
  /** The rule codes it may produce (stable, unique on the topic): only these are replaced when it runs. */
  readonly rules: readonly string[];
  /**
   * The findings of the records about to be stored (validated values, by
   * business key), one query per kind for the batch, in the push's
   * transaction; a record absent from the map has none.
   */
  derive?(
    em: EntityManager,
    records: readonly { key: string; value: unknown }[],
  ): Promise<ReadonlyMap<string, FindingData[]>>;
  /**
   * Instead of `derive`: findings on records that depend on the pushed ones
   * as a set (a section's bids judged together), stored under `findingTopic`.
   * Returns every record it re-judged, with its findings now (an empty list
   * clears them); one query per kind for the batch, in the push's transaction.
   */
  rederive?(
    em: EntityManager,
    records: readonly { key: string; value: unknown }[],
    config: HubConfig | undefined,
  ): Promise<DerivedFindings[]>;
  /** The topic of the records `rederive` judges (default: the pushed topic). */
  readonly findingTopic?: string;
}

/**
 * The change-log topic of findings: an event CREATE when a finding is raised,
 * DELETE when it is cleared (key: the finding's id), appended in the
 * transaction that raised or cleared it. Declared by the supervision family.
 */
export const FINDING_TOPIC = 'FINDING';

/** A finding as its FINDING events carry it. */
export interface FindingPayload {
  id: string;
  topic: string;
  recordKey: string;
  projectCode: string;
  sectionCode: string | null;
  rule: string;
  severity: string;
  message: string;
  evidence: Record<string, unknown> | null;
  detectedAt: string;
  /** When it stopped holding; null while open. */
  clearedAt: string | null;
}

/** FINDING events raised or cleared in a transaction and not yet appended, by its EntityManager. */
const pending = new WeakMap<EntityManager, NewChange<FindingPayload>[]>();

/**
 * The FINDING events the findings synced in this transaction produced, once:
 * the push pipeline appends them with the records' own events. Code that
 * syncs findings outside a push appends them itself (appendChanges).
 */
export function takeFindingChanges(em: EntityManager): NewChange<FindingPayload>[] {
  const list = pending.get(em) ?? [];
  pending.delete(em);
  return list;
}

interface FindingDbRow {
  id: string;
  topic: string;
  record_key: string;
  project_code: string;
  section_code: string | null;
  rule: string;
  severity: string;
  message: string;
  evidence: Record<string, unknown> | null;
  detected_at: Date | string;
  cleared_at?: Date | string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** The payload of a stored (or archived) finding row. */
export function findingPayload(r: FindingDbRow): FindingPayload {
  return {
    id: String(r.id),
    topic: r.topic,
    recordKey: r.record_key,
    projectCode: r.project_code,
    sectionCode: r.section_code,
    rule: r.rule,
    severity: r.severity,
    message: r.message,
    evidence: r.evidence,
    detectedAt: iso(r.detected_at),
    clearedAt: r.cleared_at ? iso(r.cleared_at) : null,
  };
}

const COLUMNS = 'id, topic, record_key, project_code, section_code, rule, severity, message, evidence, detected_at';

/**
 * A check a data family contributes on the references of records of a topic
 * it does not own (an evaluation committee names experts of the credit
 * family's pool): run by the push pipeline after the owner's own reference
 * resolution, one query per kind for the batch; a record with errors is
 * REJECTED, the others go on.
 */
export interface ReferenceRule {
  /** The topic whose records it checks. */
  readonly topic: string;
  /** Errors by business key of the validated records; a record absent from the map passes. */
  check(
    em: EntityManager,
    records: readonly { key: string; value: unknown }[],
  ): Promise<ReadonlyMap<string, FieldError[]>>;
}

/**
 * Brings the stored findings of these records (all of one topic) in line with
 * what was derived: findings that no longer hold are cleared (moved to
 * cleared_finding), new ones are added, and one that still holds keeps its id
 * and detectedAt. With `rules`, only findings of those rule codes are touched
 * (the others belong to another derivation, or another family). Two
 * statements for the batch, inside the caller's transaction; each raised or
 * cleared finding queues its FINDING event (takeFindingChanges).
 */
export async function syncFindings(
  em: EntityManager,
  topic: string,
  derived: readonly DerivedFindings[],
  rules?: readonly string[],
): Promise<void> {
  if (!derived.length || rules?.length === 0) return;
  const rows = derived.flatMap((d) =>
    d.items.map((i) => ({
      record_key: d.key,
      project_code: d.projectCode,
      section_code: i.sectionCode ?? null,
      rule: i.rule,
      severity: i.severity ?? 'LOW',
      message: i.message,
      evidence: i.evidence ?? null,
    })),
  );
  const recordset = `jsonb_to_recordset(?::jsonb) as r(record_key text, project_code text, section_code text, rule text,
    severity text, message text, evidence jsonb)`;
  const same = `r.record_key = f.record_key and r.rule = f.rule and r.message = f.message
    and r.evidence is not distinct from f.evidence`;
  const ofRules = rules ? ' and f.rule in (select jsonb_array_elements_text(?::jsonb))' : '';
  const cleared = await query<FindingDbRow>(
    em,
    `with gone as (
       delete from finding f where f.topic = ? and f.record_key in ${TEXT_SET}${ofRules}
       and not exists (select 1 from ${recordset} where ${same})
       returning ${COLUMNS.split(', ')
         .map((c) => `f.${c}`)
         .join(', ')})
     insert into cleared_finding (${COLUMNS}, cleared_at) select ${COLUMNS}, now() from gone
     returning ${COLUMNS}, cleared_at`,
    [topic, textSetParam(derived.map((d) => d.key)), ...(rules ? [JSON.stringify(rules)] : []), JSON.stringify(rows)],
  );
  const raised = rows.length
    ? await query<FindingDbRow>(
        em,
        `insert into finding (topic, record_key, project_code, section_code, rule, severity, message, evidence, detected_at)
         select ?, r.record_key, r.project_code, r.section_code, r.rule, r.severity, r.message, r.evidence, now()
         from ${recordset}
         where not exists (select 1 from finding f where f.topic = ? and ${same})
         returning ${COLUMNS}`,
        [topic, JSON.stringify(rows), topic],
      )
    : [];
  if (!cleared.length && !raised.length) return;
  const events = pending.get(em) ?? [];
  for (const r of cleared)
    events.push({ topic: FINDING_TOPIC, op: ChangeOp.DELETE, key: String(r.id), version: 2, data: findingPayload(r) });
  for (const r of raised)
    events.push({ topic: FINDING_TOPIC, op: ChangeOp.CREATE, key: String(r.id), version: 1, data: findingPayload(r) });
  pending.set(em, events);
}

/**
 * The findings of pushed records (the rules their new versions break, of `rules` when given), in the push transaction.
 */
export async function replaceFindings<T>(
  em: EntityManager,
  topic: string,
  records: readonly Accepted<T>[],
  findingsOf: (r: Accepted<T>) => { projectCode: string; items: FindingData[] } | undefined,
  rules?: readonly string[],
): Promise<void> {
  await syncFindings(
    em,
    topic,
    records.map((r) => {
      const f = findingsOf(r);
      return { key: r.key, projectCode: f?.projectCode ?? '', items: f?.items ?? [] };
    }),
    rules,
  );
}
