import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { ErrorCode, HubError } from '../common/errors';
import { LockScope, lockKeys } from '../common/locks';
import { query } from '../common/sql';
import { isBigintId, storableTextProblem } from '../common/storable';
import { appendChanges } from '../feed/append';
import { ChangeOp } from '../feed/topics';
import { ReviewOutcome, SupervisionTopic, type FindingReviewPayload } from './supervision.model';

/** Longest review note, in characters. */
export const MAX_REVIEW_NOTE = 2000;

export interface ReviewInput {
  id: string;
  outcome: ReviewOutcome;
  note?: string | null;
}

/**
 * Records a supervisor's review of a finding (open or cleared) with its
 * author and time, and puts it on the change feed (topic FINDING_REVIEW,
 * version = the review's number), in one transaction. Concurrent reviews of
 * one finding are numbered one after the other under a lock on its id, so
 * none is lost or numbered twice. NOT_FOUND for an unknown id.
 */
export async function reviewFinding(
  em: EntityManager,
  principal: Principal,
  input: ReviewInput,
): Promise<FindingReviewPayload> {
  if (!isBigintId(input.id))
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'id is not a finding id', { field: 'input.id' });
  const note = input.note?.trim() || null;
  const problem = note === null ? undefined : storableTextProblem(note);
  if (problem) throw new HubError(ErrorCode.BAD_USER_INPUT, `note ${problem}`, { field: 'input.note' });
  if (note && note.length > MAX_REVIEW_NOTE)
    throw new HubError(ErrorCode.BAD_USER_INPUT, `note may have at most ${MAX_REVIEW_NOTE} characters`, {
      field: 'input.note',
    });
  return em.transactional(async (tx) => {
    await lockKeys(tx, LockScope.FINDING, [input.id]);
    const [row] = await query<{ number: number; reviewed_at: Date; rule: string; project_code: string }>(
      tx,
      `with f as (select id, rule, project_code from finding where id = ?::bigint
                  union all select id, rule, project_code from cleared_finding where id = ?::bigint limit 1)
       insert into finding_review (finding_id, number, outcome, note, author, reviewed_at)
       select f.id, coalesce((select max(number) from finding_review where finding_id = f.id), 0) + 1, ?, ?, ?, now()
       from f
       returning number, reviewed_at, (select rule from f) as rule, (select project_code from f) as project_code`,
      [input.id, input.id, input.outcome, note, principal.id],
    );
    if (!row) throw new HubError(ErrorCode.NOT_FOUND, `no finding ${input.id}`, { field: 'input.id' });
    const review: FindingReviewPayload = {
      findingId: input.id,
      number: row.number,
      outcome: input.outcome,
      note,
      author: principal.id,
      reviewedAt: new Date(row.reviewed_at).toISOString(),
      rule: row.rule,
      projectCode: row.project_code,
    };
    await appendChanges(
      tx,
      [
        {
          topic: SupervisionTopic.FINDING_REVIEW,
          op: ChangeOp.CREATE,
          key: input.id,
          version: row.number,
          data: review,
        },
      ],
      principal,
    );
    return review;
  });
}

/** The latest review of each finding, one query. */
export async function latestReviews(
  em: EntityManager,
  findingIds: readonly string[],
): Promise<Map<string, FindingReviewPayload>> {
  if (!findingIds.length) return new Map();
  const rows = await query<{
    finding_id: string;
    number: number;
    outcome: ReviewOutcome;
    note: string | null;
    author: string;
    reviewed_at: Date;
  }>(
    em,
    `select distinct on (finding_id) finding_id, number, outcome, note, author, reviewed_at
     from finding_review where finding_id = any(?::bigint[]) order by finding_id, number desc`,
    [[...new Set(findingIds)]],
  );
  return new Map(
    rows.map((r) => [
      String(r.finding_id),
      {
        findingId: String(r.finding_id),
        number: r.number,
        outcome: r.outcome,
        note: r.note,
        author: r.author,
        reviewedAt: new Date(r.reviewed_at).toISOString(),
        rule: '',
        projectCode: '',
      },
    ]),
  );
}
