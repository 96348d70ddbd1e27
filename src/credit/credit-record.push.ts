import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { ErrorCode } from '../common/errors';
import { addError, type FieldErrors } from '../common/field-error';
import { TEXT_SET, query, textSetParam } from '../common/sql';
import { runPush, type PushOptions } from '../ingest/pipeline';
import { snapshotOf } from '../ingest/snapshot';
import { loadCurrentVersions, upsertRecords, type TableSpec } from '../ingest/store';
import type { PushDomain, PushResult } from '../ingest/types';
import { marketEntityIds, noMarketEntity } from '../market';
import { CreditRecordRow } from './credit-record.entity';
import { validateCreditRecord, type CreditRecordPush } from './credit-record.rules';
import {
  CREDIT_RECORD_TOPIC,
  CreditRecordStatus,
  CreditSubjectType,
  type CreditRecordData,
  type CreditRecordPayload,
} from './credit.model';
import { expertIds } from './expert.queries';

const CREDIT_RECORD_TABLE: TableSpec = {
  topic: CREDIT_RECORD_TOPIC,
  entity: CreditRecordRow,
  conflict: ['code'],
  keyExpr: 't.code',
};

/** Marks records for the publication scheduler's next tick (publication.scheduler.ts), in the writing transaction. */
export async function markPublicationDue(em: EntityManager, codes: readonly string[]): Promise<void> {
  if (!codes.length) return;
  await query(
    em,
    `insert into credit_publication (record_id, published, due_at)
     select id, false, '-infinity' from credit_record where code in ${TEXT_SET}
     on conflict (record_id) do update set due_at = '-infinity'`,
    [textSetParam(codes)],
  );
}

/**
 * Credit records (topic CREDIT_RECORD) in the push pipeline. The subject must
 * be held (a market entity or an expert of the pool). A repaired or revoked
 * record is closed: a push that would change it is refused (rule codes
 * RECORD_REPAIRED, RECORD_REVOKED), decided under the rows' locks.
 */
export const creditRecordPush: PushDomain<CreditRecordPush, CreditRecordData, undefined, CreditRecordPayload> = {
  topic: CREDIT_RECORD_TOPIC,
  prepare: async () => undefined,
  validate: (input) => validateCreditRecord(input ?? {}),
  key: (v) => v.code,
  rawKey: (input) => (typeof input?.code === 'string' && input.code.trim() ? input.code.trim() : null),
  content: (v) => v,

  async resolveReferences(em, records) {
    const errors: FieldErrors = new Map();
    const of = (t: CreditSubjectType) => records.filter((r) => r.value.subjectType === t);
    const entities = await marketEntityIds(
      em,
      of(CreditSubjectType.ENTITY).map((r) => r.value.subjectCode),
    );
    const experts = await expertIds(
      em,
      of(CreditSubjectType.EXPERT).map((r) => r.value.subjectCode),
    );
    for (const r of records) {
      const code = r.value.subjectCode;
      if (r.value.subjectType === CreditSubjectType.ENTITY && !entities.has(code))
        addError(errors, r.index, noMarketEntity('subjectCreditCode', code));
      if (r.value.subjectType === CreditSubjectType.EXPERT && !experts.has(code))
        addError(errors, r.index, {
          field: 'subjectExpertCode',
          code: ErrorCode.NOT_FOUND,
          message: `no expert with code ${code} in the pool; push it first`,
        });
    }
    return errors;
  },

  loadCurrent: (em, keys) => loadCurrentVersions(em, 'credit_record t', 't.code', keys),

  async lock(em, records) {
    const codes = records.map((r) => r.key).sort();
    await query(em, `select id from credit_record where code in ${TEXT_SET} order by code for no key update`, [
      textSetParam(codes),
    ]);
  },

  async recheck(em, records) {
    const rows = await query<{ code: string; status: CreditRecordStatus }>(
      em,
      `select code, status from credit_record where code in ${TEXT_SET}`,
      [textSetParam(records.map((r) => r.key))],
    );
    const status = new Map(rows.map((r) => [r.code, r.status]));
    const errors: FieldErrors = new Map();
    for (const r of records) {
      const s = status.get(r.key);
      if (s === CreditRecordStatus.REPAIRED)
        addError(errors, r.index, {
          field: '',
          code: ErrorCode.CONFLICT,
          rule: 'RECORD_REPAIRED',
          message: `${r.key} was repaired (信用修复); a repaired record is not changed any more`,
        });
      if (s === CreditRecordStatus.REVOKED)
        addError(errors, r.index, {
          field: '',
          code: ErrorCode.CONFLICT,
          rule: 'RECORD_REVOKED',
          message: `${r.key} was revoked by its authority; a revoked record is not changed any more`,
        });
    }
    return errors;
  },

  write: (em, records, principal) =>
    upsertRecords(
      em,
      CREDIT_RECORD_TABLE,
      records,
      ({ value: v }) => ({
        code: v.code,
        subject_type: v.subjectType,
        subject_code: v.subjectCode,
        subject_name: v.subjectName,
        subject_id_number: v.subjectIdNumber,
        kind: v.kind,
        severity: v.severity,
        status: v.status,
        decided_on: v.decidedOn,
        decision_number: v.decisionNumber,
        authority_name: v.authorityName,
        authority_credit_code: v.authorityCreditCode,
        summary: v.summary,
        legal_basis: v.legalBasis,
        violation_type: v.violationType,
        violation_facts: v.violationFacts,
        penalty_type: v.penaltyType,
        penalty_content: v.penaltyContent,
        fine_amount: v.fineAmount,
        confiscated_amount: v.confiscatedAmount,
        listed_on: v.listedOn,
        listing_ends_on: v.listingEndsOn,
        contract_code: v.contractCode,
        performance_rating: v.performanceRating,
        publication_ends_on: v.publicationEndsOn,
        effective_from: v.effectiveFrom,
        effective_until: v.effectiveUntil,
        published_from: v.publishedFrom,
        published_until: v.publishedUntil,
        repairable_from: v.repairableFrom,
        // A push never writes a repaired record (recheck), so it holds no repair.
        repaired_at: null,
        repair_decided_by: null,
        repair_grounds: null,
        repair_recorded_by: null,
        external_id: v.externalId,
      }),
      principal,
    ),

  afterWrite: (em, written) =>
    markPublicationDue(
      em,
      written.map((w) => w.key),
    ),

  snapshot: (record, written, principal) => ({ ...snapshotOf(record, written, principal), repair: null }),
};

/** Pushes a batch of credit records through the one pipeline. */
export function pushCreditRecords(
  em: EntityManager,
  principal: Principal,
  records: CreditRecordPush[],
  options: PushOptions,
): Promise<PushResult> {
  return runPush(em, principal, creditRecordPush, records, options);
}
