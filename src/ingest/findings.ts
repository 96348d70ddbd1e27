import { query } from '../common/sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeTopic } from '../feed/topics';
import type { Accepted, FindingData } from './types';

/**
 * Replaces the data-quality findings of the given records (the rules their
 * new versions break) inside the push transaction: two statements for the batch.
 */
export async function replaceFindings<T>(
  em: EntityManager,
  topic: ChangeTopic,
  records: readonly Accepted<T>[],
  findingsOf: (r: Accepted<T>) => { projectCode: string; items: FindingData[] } | undefined,
): Promise<void> {
  if (!records.length) return;
  await query(em, 'delete from finding where topic = ? and record_key in (select jsonb_array_elements_text(?::jsonb))', [
    topic,
    JSON.stringify(records.map((r) => r.key)),
  ]);
  const rows = records.flatMap((r) => {
    const f = findingsOf(r);
    return f ? f.items.map((i) => ({ record_key: r.key, project_code: f.projectCode, rule: i.rule, message: i.message })) : [];
  });
  if (!rows.length) return;
  await query(em, `insert into finding (topic, record_key, project_code, rule, message, detected_at)
     select ?, r.record_key, r.project_code, r.rule, r.message, now()
     from jsonb_to_recordset(?::jsonb) as r(record_key text, project_code text, rule text, message text)`,
    [topic, JSON.stringify(rows)],
  );
}
