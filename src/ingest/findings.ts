import type { EntityManager } from '@mikro-orm/postgresql';
import { TEXT_SET, query, textSetParam } from '../common/sql';
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
  derive(
    em: EntityManager,
    records: readonly { key: string; value: unknown }[],
  ): Promise<ReadonlyMap<string, FindingData[]>>;
}

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
 * what was derived: findings that no longer hold are removed, new ones are
 * added, and one that still holds keeps its detectedAt. With `rules`, only
 * findings of those rule codes are touched (the others belong to another
 * derivation, or another family). Two statements for the batch, inside the
 * caller's transaction.
 */
export async function syncFindings(
  em: EntityManager,
  topic: string,
  derived: readonly DerivedFindings[],
  rules?: readonly string[],
): Promise<void> {
  if (!derived.length || rules?.length === 0) return;
  const rows = derived.flatMap((d) =>
    d.items.map((i) => ({ record_key: d.key, project_code: d.projectCode, rule: i.rule, message: i.message })),
  );
  const ofRules = rules ? ' and f.rule in (select jsonb_array_elements_text(?::jsonb))' : '';
  await query(
    em,
    `delete from finding f where f.topic = ? and f.record_key in ${TEXT_SET}${ofRules}
     and not exists (select 1 from jsonb_to_recordset(?::jsonb) as r(record_key text, rule text, message text)
       where r.record_key = f.record_key and r.rule = f.rule and r.message = f.message)`,
    [topic, textSetParam(derived.map((d) => d.key)), ...(rules ? [JSON.stringify(rules)] : []), JSON.stringify(rows)],
  );
  if (!rows.length) return;
  await query(
    em,
    `insert into finding (topic, record_key, project_code, rule, message, detected_at)
     select ?, r.record_key, r.project_code, r.rule, r.message, now()
     from jsonb_to_recordset(?::jsonb) as r(record_key text, project_code text, rule text, message text)
     where not exists (select 1 from finding f where f.topic = ? and f.record_key = r.record_key and f.rule = r.rule and f.message = r.message)`,
    [topic, JSON.stringify(rows), topic],
  );
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
