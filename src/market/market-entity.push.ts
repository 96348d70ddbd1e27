import type { EntityManager } from '@mikro-orm/postgresql';
import { TEXT_SET, textSetParam, query } from '../common/sql';
import { checkCreditCode, normaliseCreditCode } from '../common/credit-code';
import { snapshotOf, type Snapshot } from '../ingest/snapshot';
import { loadCurrentVersions, upsertRecords, type TableSpec } from '../ingest/store';
import { runPush, type PushOptions } from '../ingest/pipeline';
import type { PushDomain, PushResult } from '../ingest/types';
import type { Principal } from '../auth/principal';
import { MarketEntityRow } from './market-entity.entity';
import { MARKET_ENTITY_TOPIC, type MarketEntityData } from './market-entity.model';
import { validateMarketEntity, type MarketEntityPush } from './market-entity.rules';

/** The payload of a MARKET_ENTITY change event: the whole record as stored. */
export type MarketEntitySnapshot = Snapshot<MarketEntityData>;

/** Loads the operator-kept credit-code exceptions among the given codes. */
export async function loadCreditCodeExceptions(em: EntityManager, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await query<{ code: string }>(em, `select code from credit_code_exception where code in ${TEXT_SET}`, [
    textSetParam(codes),
  ]);
  return new Set(rows.map((r) => r.code));
}

/** How market entities are stored (src/ingest/store.ts builds the upsert from it and the entity's columns). */
const MARKET_ENTITY_TABLE: TableSpec = {
  topic: MARKET_ENTITY_TOPIC,
  entity: MarketEntityRow,
  conflict: ['credit_code'],
  keyExpr: 't.credit_code',
};

/** Market entities (topic MARKET_ENTITY) in the push pipeline. */
export const marketEntityPush: PushDomain<
  MarketEntityPush,
  MarketEntityData,
  ReadonlySet<string>,
  MarketEntitySnapshot
> = {
  topic: MARKET_ENTITY_TOPIC,

  async prepare(em, inputs) {
    // Only a well-formed code with a wrong check character can be excused; asking about
    // anything else is useless, and text such as NUL would make PostgreSQL fail the batch.
    const codes = inputs
      .map((i) => (typeof i?.creditCode === 'string' ? normaliseCreditCode(i.creditCode) : ''))
      .filter((c) => checkCreditCode(c) === 'CHECK_CHARACTER');
    return loadCreditCodeExceptions(em, codes);
  },

  validate: (input, exceptions) => validateMarketEntity(input ?? {}, exceptions),
  key: (v) => v.creditCode,
  rawKey: (input) =>
    typeof input?.creditCode === 'string' && input.creditCode.trim() ? normaliseCreditCode(input.creditCode) : null,
  content: (v) => v,

  loadCurrent: (em, keys) => loadCurrentVersions(em, 'market_entity t', 't.credit_code', keys),

  regionOf: (record) => ({ regionCode: record.value.regionCode, field: 'regionCode' }),

  write: (em, records, principal) =>
    upsertRecords(
      em,
      MARKET_ENTITY_TABLE,
      records,
      ({ value: v }) => ({
        credit_code: v.creditCode,
        name: v.name,
        kind: v.kind,
        roles: v.roles,
        legal_representative: v.legalRepresentative,
        legal_representative_id_number: v.legalRepresentativeIdNumber,
        contact_phone: v.contactPhone,
        registered_capital: v.registeredCapital,
        region_code: v.regionCode,
        address: v.address,
        established_on: v.establishedOn,
        status: v.status,
        qualifications: v.qualifications,
        external_id: v.externalId,
      }),
      principal,
    ),

  snapshot: snapshotOf,
};

/** Pushes a batch of market entities through the one pipeline. */
export function pushMarketEntities(
  em: EntityManager,
  principal: Principal,
  records: MarketEntityPush[],
  options: PushOptions,
): Promise<PushResult> {
  return runPush(em, principal, marketEntityPush, records, options);
}
