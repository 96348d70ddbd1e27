import type { EntityManager } from '@mikro-orm/postgresql';
import { TEXT_SET, query, textSetParam } from '../common/sql';
import type { Accepted, FindingData } from './types';

/** One record's findings as derived from its stored or pushed content. */
export interface DerivedFindings {
  key: string;
  projectCode: string;
  items: FindingData[];
}

/**
 * Brings the stored findings of these records (all of one topic) in line with
 * what was derived: findings that no longer hold are removed, new ones are
 * added, and one that still holds keeps its detectedAt. Two statements for
 * the batch, inside the caller's transaction.
 */
export async function syncFindings(em: EntityManager, topic: string, derived: readonly DerivedFindings[]): Promise<void> {
  if (!derived.length) return;
  const rows = derived.flatMap((d) => d.items.map((i) => ({ record_key: d.key, project_code: d.projectCode, rule: i.rule, message: i.message })));
  await query(em, `delete from finding f where f.topic = ? and f.record_key in ${TEXT_SET}
     and not exists (select 1 from jsonb_to_recordset(?::jsonb) as r(record_key text, rule text, message text)
       where r.record_key = f.record_key and r.rule = f.rule and r.message = f.message)`,
    [topic, textSetParam(derived.map((d) => d.key)), JSON.stringify(rows)],
  );
  if (!rows.length) return;
  await query(em, `insert into finding (topic, record_key, project_code, rule, message, detected_at)
     select ?, r.record_key, r.project_code, r.rule, r.message, now()
     from jsonb_to_recordset(?::jsonb) as r(record_key text, project_code text, rule text, message text)
     where not exists (select 1 from finding f where f.topic = ? and f.record_key = r.record_key and f.rule = r.rule and f.message = r.message)`,
    [topic, JSON.stringify(rows), topic],
  );
}

/** The findings of pushed records (the rules their new versions break), in the push transaction. */
export async function replaceFindings<T>(
  em: EntityManager,
  topic: string,
  records: readonly Accepted<T>[],
  findingsOf: (r: Accepted<T>) => { projectCode: string; items: FindingData[] } | undefined,
): Promise<void> {
  await syncFindings(
    em,
    topic,
    records.map((r) => {
      const f = findingsOf(r);
      return { key: r.key, projectCode: f?.projectCode ?? '', items: f?.items ?? [] };
    }),
  );
}
