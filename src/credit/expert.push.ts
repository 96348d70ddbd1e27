import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { snapshotOf, type Snapshot } from '../ingest/snapshot';
import { runPush, type PushOptions } from '../ingest/pipeline';
import { loadCurrentVersions, upsertRecords, type TableSpec } from '../ingest/store';
import type { PushDomain, PushResult } from '../ingest/types';
import { EXPERT_TOPIC, type ExpertData } from './credit.model';
import { ExpertRow } from './expert.entity';
import { validateExpert, type ExpertPush } from './expert.rules';

/** The payload of an EXPERT change event: the expert as stored. */
export type ExpertSnapshot = Snapshot<ExpertData>;

const EXPERT_TABLE: TableSpec = { topic: EXPERT_TOPIC, entity: ExpertRow, conflict: ['code'], keyExpr: 't.code' };

/** Experts of the pool (topic EXPERT) in the push pipeline. */
export const expertPush: PushDomain<ExpertPush, ExpertData, undefined, ExpertSnapshot> = {
  topic: EXPERT_TOPIC,
  prepare: async () => undefined,
  validate: (input) => validateExpert(input ?? {}),
  key: (v) => v.code,
  rawKey: (input) => (typeof input?.code === 'string' && input.code.trim() ? input.code.trim() : null),
  content: (v) => v,
  loadCurrent: (em, keys) => loadCurrentVersions(em, 'expert t', 't.code', keys),
  regionOf: (record) => ({ regionCode: record.value.regionCode, field: 'regionCode' }),
  write: (em, records, principal) =>
    upsertRecords(
      em,
      EXPERT_TABLE,
      records,
      ({ value: v }) => ({
        code: v.code,
        kind: v.kind,
        name: v.name,
        id_number: v.idNumber,
        phone: v.phone,
        specialties: v.specialties,
        region_code: v.regionCode,
        employer_credit_code: v.employerCreditCode,
        status: v.status,
        external_id: v.externalId,
      }),
      principal,
    ),
  snapshot: snapshotOf,
};

/** Pushes a batch of experts through the one pipeline. */
export function pushExperts(
  em: EntityManager,
  principal: Principal,
  records: ExpertPush[],
  options: PushOptions,
): Promise<PushResult> {
  return runPush(em, principal, expertPush, records, options);
}
