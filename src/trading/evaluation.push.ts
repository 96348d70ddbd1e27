import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '../common/errors';
import { query } from '../common/sql';
import { EvaluationRow } from './evaluation.entity';
import type { Principal } from '../auth/principal';
import { runPush, type PushOptions } from '../ingest/pipeline';
import type { PushResult } from '../ingest/types';
import { TradingTopic } from './trading.model';
import { marketEntityIds, noMarketEntity } from '../market';
import { addError } from '../common/field-error';
import { bidKey } from './bid.rules';
import { validateEvaluation, type EvaluationData, type EvaluationPush } from './evaluation.rules';
import { rederiveAnnouncementFindings } from './announcement.push';
import { biddersOf, sectionOf, sectionRecord } from './section-record.push';

/** Evaluation results (topic EVALUATION): every candidate must be a bidder of the section. */
export const evaluationPush = sectionRecord<EvaluationPush, EvaluationData>({
  topic: TradingTopic.EVALUATION,
  entity: EvaluationRow,
  validate: validateEvaluation,
  toRow: ({ value: v }) => ({ started_at: v.startedAt, reported_at: v.reportedAt, committee: v.committee }),
  // An evaluation pushed as before committees existed hashes as it did then, so its re-push stays UNCHANGED.
  content: ({ startedAt, committee, ...v }) => ({
    ...v,
    ...(startedAt ? { startedAt } : {}),
    ...(committee.length ? { committee } : {}),
  }),
  // The ranked candidates, numeric, replaced with each new version: two statements for the batch.
  async writeChildren(em, records, written) {
    const ids = new Map(written.map((w) => [w.key, w.meta!.id as string]));
    const changed = records.filter((r) => ids.has(r.key));
    if (!changed.length) return;
    await query(
      em,
      `delete from evaluation_candidate where evaluation_id = any(array(select (jsonb_array_elements_text(?::jsonb))::bigint))`,
      [JSON.stringify([...ids.values()])],
    );
    const rows = changed.flatMap((r) => r.value.candidates.map((k) => ({ evaluation_id: ids.get(r.key), ...k })));
    if (!rows.length) return;
    await query(
      em,
      `insert into evaluation_candidate (evaluation_id, rank, bidder_id, score, amount)
       select r.evaluation_id, r.rank, m.id, r.score, r.amount
       from jsonb_to_recordset(?::jsonb) as r(evaluation_id bigint, rank int, "bidderCreditCode" text, score numeric, amount numeric)
       join market_entity m on m.credit_code = r."bidderCreditCode"
       order by r.evaluation_id, r.rank`,
      [JSON.stringify(rows)],
    );
  },
  async check(em, records, errors) {
    const [bidders, ids] = await Promise.all([
      biddersOf(
        em,
        records.map((r) => r.value.sectionCode),
        false,
      ),
      marketEntityIds(
        em,
        records.flatMap((r) => r.value.candidates.map((k) => k.bidderCreditCode)),
      ),
    ]);
    for (const r of records) {
      r.value.candidates.forEach((k, i) => {
        if (!ids.has(k.bidderCreditCode)) {
          addError(errors, r.index, noMarketEntity(`candidates.${i}.bidderCreditCode`, k.bidderCreditCode));
        } else if (!bidders.has(bidKey(r.value.sectionCode, k.bidderCreditCode))) {
          addError(errors, r.index, {
            field: `candidates.${i}.bidderCreditCode`,
            code: ErrorCode.CONFLICT,
            rule: 'CANDIDATE_NOT_A_BIDDER',
            message: `${k.bidderCreditCode} did not bid for section ${r.value.sectionCode}`,
          });
        }
      });
    }
  },
  dependents: (em, records) =>
    rederiveAnnouncementFindings(
      em,
      records.map((r) => sectionOf(r).projectCode),
    ),
});

export const pushEvaluations = (
  em: EntityManager,
  p: Principal,
  records: EvaluationPush[],
  o: PushOptions,
): Promise<PushResult> => runPush(em, p, evaluationPush, records, o);
