import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '../common/errors';
import { TEXT_SET, textSetParam, query } from '../common/sql';
import type { Snapshot } from '../ingest/snapshot';
import { loadCurrentVersions, upsertRecords, type TableSpec } from '../ingest/store';
import { ContractRow } from './contract.entity';
import { syncFindings } from '../ingest/findings';
import type { Principal } from '../auth/principal';
import { runPush, type PushOptions } from '../ingest/pipeline';
import type { Accepted, PushDomain, PushResult } from '../ingest/types';
import { TradingTopic } from './trading.model';
import { addError, type FieldErrors } from '../common/field-error';
import {
  CONTRACT_FINDING_RULES,
  contractFindings,
  validateContract,
  type ContractData,
  type ContractPush,
} from './contract.rules';
import {
  lockSectionProjects,
  resolveSections,
  sectionOf,
  sectionSnapshot,
  touchSectionProjects,
} from './section-record.push';

/** Award dates of sections by section code, one query. */
async function awardDates(em: EntityManager, sectionCodes: readonly string[]): Promise<Map<string, string>> {
  const list = [...new Set(sectionCodes)];
  if (!list.length) return new Map();
  const rows = await query<{ code: string; awarded_on: string }>(
    em,
    `select s.code, a.awarded_on::text as awarded_on from award a join section s on s.id = a.section_id where s.code in ${TEXT_SET}`,
    [textSetParam(list)],
  );
  return new Map(rows.map((a) => [a.code, a.awarded_on]));
}

/** Re-derives CONTRACT_BEFORE_AWARD of every contract of these sections from the stored contracts and awards. */
export async function rederiveContractFindings(em: EntityManager, sectionCodes: readonly string[]): Promise<void> {
  const list = [...new Set(sectionCodes)];
  if (!list.length) return;
  const rows = await query<{ key: string; project_code: string; signed_on: string; awarded_on: string | null }>(
    em,
    `select c.code as key, p.code as project_code, c.signed_on::text as signed_on, a.awarded_on::text as awarded_on
     from contract c join section s on s.id = c.section_id join trading_project p on p.id = s.project_id left join award a on a.section_id = c.section_id
     where s.code in ${TEXT_SET}`,
    [textSetParam(list)],
  );
  await syncFindings(
    em,
    TradingTopic.CONTRACT,
    rows.map((r) => ({
      key: r.key,
      projectCode: r.project_code,
      items: contractFindings({ signedOn: r.signed_on }, r.awarded_on),
    })),
    CONTRACT_FINDING_RULES,
  );
}

const CONTRACT_TABLE: TableSpec = {
  topic: TradingTopic.CONTRACT,
  entity: ContractRow,
  conflict: ['code'],
  keyExpr: 't.code',
};

/** Contracts (topic CONTRACT): a contract follows an award of its section. */
export const contractPush: PushDomain<ContractPush, ContractData, void, Snapshot<ContractData>> = {
  topic: TradingTopic.CONTRACT,
  prepare: async () => undefined,
  validate: (input) => validateContract(input ?? {}),
  key: (v) => v.code,
  rawKey: (input) => (typeof input?.code === 'string' && input.code.trim() ? input.code.trim() : null),
  content: (v) => v,
  async resolveReferences(em, records) {
    const errors: FieldErrors = new Map();
    await resolveSections(em, records, errors);
    const awards = await awardDates(
      em,
      records.filter((r) => r.refs.section).map((r) => r.value.sectionCode),
    );
    for (const r of records.filter((x) => x.refs.section)) {
      r.refs.awardedOn = awards.get(r.value.sectionCode) ?? null;
      if (!r.refs.awardedOn) {
        addError(errors, r.index, {
          field: 'sectionCode',
          code: ErrorCode.CONFLICT,
          rule: 'CONTRACT_WITHOUT_AWARD',
          message: `section ${r.value.sectionCode} has no award; a contract follows an award`,
        });
      }
    }
    return errors;
  },
  loadCurrent: (em, keys) => loadCurrentVersions(em, 'contract t', 't.code', keys),
  regionOf: (r) => ({ regionCode: sectionOf(r).regionCode, field: 'sectionCode' }),
  categoryOf: (r) => sectionOf(r).categoryCode,
  findings: (r) => ({
    projectCode: sectionOf(r).projectCode,
    items: contractFindings(r.value, r.refs.awardedOn as string | null),
  }),
  findingRules: CONTRACT_FINDING_RULES,
  afterWrite: touchSectionProjects,
  lock: lockSectionProjects,
  async recheck(em, records) {
    // The award as it stands with the project locked: one changed since the references were read counts.
    const awards = await awardDates(
      em,
      records.map((r) => r.value.sectionCode),
    );
    for (const r of records) r.refs.awardedOn = awards.get(r.value.sectionCode) ?? r.refs.awardedOn;
    return new Map();
  },
  write(em, records, principal) {
    return upsertRecords(
      em,
      CONTRACT_TABLE,
      records,
      ({ value: v, refs }) => ({
        code: v.code,
        section_id: sectionOf({ refs } as Accepted<unknown>).id,
        amount: v.amount,
        signed_on: v.signedOn,
        period_start: v.periodStart,
        period_end: v.periodEnd,
        external_id: v.externalId,
      }),
      principal,
    );
  },
  snapshot: sectionSnapshot,
};

export const pushContracts = (
  em: EntityManager,
  p: Principal,
  records: ContractPush[],
  o: PushOptions,
): Promise<PushResult> => runPush(em, p, contractPush, records, o);
