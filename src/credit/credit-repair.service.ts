import type { EntityManager } from '@mikro-orm/postgresql';
import { isAdmin, type Principal } from '../auth/principal';
import type { Clock } from '../common/clock';
import { ErrorCode, HubError } from '../common/errors';
import { query } from '../common/sql';
import { Checker } from '../common/validate';
import { appendChanges } from '../feed/append';
import { ChangeOp } from '../feed/topics';
import { plainFromColumns } from '../common/plain';
import { CreditRecordRow } from './credit-record.entity';
import { recordPayloadOf } from './credit-record.payload';
import { markPublicationDue } from './credit-record.push';
import { CREDIT_RECORD_TOPIC, CreditRecordStatus } from './credit.model';
import { repairRefusal } from './publication.rules';

/** A repair decision (信用修复) as an authority records it. */
export interface CreditRepairInput {
  recordKey: string;
  /** The deciding authority. */
  decidedBy: string;
  /** When the repair took effect: the record's publication ends then. */
  decidedAt: Date;
  /** Grounds: the violation corrected, the public commitment made. */
  grounds: string;
}

/**
 * Records a repair: the record becomes REPAIRED, its publication ends at
 * `decidedAt` (the publication scheduler appends the DELETE), and a
 * CREDIT_RECORD event keeps the step. Allowed to the record's owner system,
 * a system authoritative for CREDIT_RECORD, and operators. Refusals carry
 * their rule code in `extensions.details.rule` (repairRefusal). The rules are
 * judged on the row locked FOR UPDATE and the update repeats the IN_FORCE
 * condition, so of two racing repairs exactly one is recorded.
 */
export async function repairCreditRecord(
  em: EntityManager,
  principal: Principal,
  input: CreditRepairInput,
  clock: Clock,
): Promise<CreditRecordRow> {
  const c = new Checker();
  const key = c.code('input.recordKey', input.recordKey);
  const decidedBy = c.text('input.decidedBy', input.decidedBy, { required: true, max: 200 });
  const grounds = c.text('input.grounds', input.grounds, { required: true, max: 4000 });
  const decidedAt = input.decidedAt;
  if (!(decidedAt instanceof Date) || Number.isNaN(decidedAt.getTime()) || decidedAt.getUTCFullYear() < 1800)
    c.fail('input.decidedAt', 'decidedAt must be a time after 1800');
  if (c.errors.length) {
    const e = c.errors[0];
    throw new HubError(ErrorCode.BAD_USER_INPUT, e.message, { field: e.field });
  }
  return em.transactional(async (tx) => {
    const [found] = await query<Record<string, unknown>>(
      tx,
      `select r.*, o.code as owner_code from credit_record r join source_system o on o.id = r.owner_system_id
       where r.code = ? for update of r`,
      [key],
    );
    if (!found) throw new HubError(ErrorCode.NOT_FOUND, `no credit record ${key}`, { field: 'input.recordKey' });
    const [row] = plainFromColumns(tx, CreditRecordRow, [found]);
    const system = principal.sourceSystem;
    const owner =
      system && Number(found.owner_system_id) === system.id && principal.grants.writeTopics.has(CREDIT_RECORD_TOPIC);
    if (!isAdmin(principal) && !owner && !principal.grants.authoritativeTopics.has(CREDIT_RECORD_TOPIC)) {
      throw new HubError(
        ErrorCode.FORBIDDEN,
        `only ${String(found.owner_code)}, which recorded ${key}, a system authoritative for CREDIT_RECORD or an operator may repair it`,
        { field: 'input.recordKey' },
      );
    }
    const refusal = repairRefusal(
      { ...row, performanceRating: row.performanceRating ?? null, repairableFrom: row.repairableFrom ?? null },
      decidedAt,
      clock.now(),
    );
    if (refusal) {
      const conflict = refusal.rule === 'RECORD_REVOKED' || refusal.rule === 'ALREADY_REPAIRED';
      throw new HubError(conflict ? ErrorCode.CONFLICT : ErrorCode.BAD_USER_INPUT, refusal.message, {
        field:
          refusal.rule === 'REPAIR_IN_FUTURE' || refusal.rule === 'REPAIR_BEFORE_MINIMUM'
            ? 'input.decidedAt'
            : 'input.recordKey',
        details: { rule: refusal.rule },
      });
    }
    const [updated] = await query<Record<string, unknown>>(
      tx,
      `update credit_record set status = ?, repaired_at = ?, repair_decided_by = ?, repair_grounds = ?,
         repair_recorded_by = ?, version = version + 1, updated_at = now()
       where id = ? and status = ? returning *`,
      [
        CreditRecordStatus.REPAIRED,
        decidedAt.toISOString(),
        decidedBy,
        grounds,
        principal.id,
        row.id,
        CreditRecordStatus.IN_FORCE,
      ],
    );
    const [repaired] = plainFromColumns(tx, CreditRecordRow, [updated]);
    await markPublicationDue(tx, [repaired.code]);
    const [{ code: source }] = await query<{ code: string }>(tx, 'select code from source_system where id = ?', [
      updated.source_system_id,
    ]);
    await appendChanges(
      tx,
      [
        {
          topic: CREDIT_RECORD_TOPIC,
          op: ChangeOp.UPDATE,
          key: repaired.code,
          version: repaired.version,
          data: recordPayloadOf(repaired, source),
        },
      ],
      principal,
    );
    return repaired;
  });
}
