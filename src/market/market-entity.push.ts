import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { ErrorCode } from '../common/errors';
import { TEXT_SET, textSetParam } from '../common/sql';
import { checkCreditCode, normaliseCreditCode } from '../common/credit-code';
import { ChangeTopic } from '../feed/topics';
import type { Accepted, CurrentVersion, PushDomain, Written } from '../ingest/types';
import type { MarketEntityData } from './market-entity.model';
import { validateMarketEntity, type MarketEntityPush } from './market-entity.rules';

/** The payload of a MARKET_ENTITY change event: the whole record as stored. */
export interface MarketEntitySnapshot extends MarketEntityData {
  sourceSystem: string;
  version: number;
  updatedAt: string;
}

/** Loads the operator-kept credit-code exceptions among the given codes. */
export async function loadCreditCodeExceptions(em: EntityManager, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await em.execute<{ code: string }[]>(`select code from credit_code_exception where code in ${TEXT_SET}`, [textSetParam(codes)]);
  return new Set(rows.map((r) => r.code));
}

/** Market entities (topic MARKET_ENTITY) in the push pipeline. */
export const marketEntityPush: PushDomain<MarketEntityPush, MarketEntityData, ReadonlySet<string>> = {
  topic: ChangeTopic.MARKET_ENTITY,

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
  rawKey: (input) => (typeof input?.creditCode === 'string' && input.creditCode.trim() ? normaliseCreditCode(input.creditCode) : null),
  content: (v) => v,

  async loadCurrent(em, keys) {
    const rows = await em.execute<{ credit_code: string; version: number; content_hash: string }[]>(
      `select credit_code, version, content_hash from market_entity where credit_code in ${TEXT_SET}`,
      [textSetParam(keys)],
    );
    return new Map<string, CurrentVersion>(rows.map((r) => [r.credit_code, { version: r.version, contentHash: r.content_hash }]));
  },

  authorise(principal: Principal) {
    if (!principal.sourceSystem) {
      return { field: '', code: ErrorCode.FORBIDDEN, message: 'only a connected source system can push records' };
    }
    return undefined;
  },

  async write(em, records: Accepted<MarketEntityData>[], principal) {
    // Rows are written (and locked) in credit-code order, so that two pushes of
    // the same records in different orders wait for each other instead of deadlocking.
    const sorted = [...records].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const rows = sorted.map(({ value: v, contentHash }) => ({
      credit_code: v.creditCode,
      name: v.name,
      kind: v.kind,
      roles: v.roles,
      legal_representative: v.legalRepresentative,
      registered_capital: v.registeredCapital,
      region_code: v.regionCode,
      address: v.address,
      established_on: v.establishedOn,
      status: v.status,
      qualifications: v.qualifications,
      external_id: v.externalId,
      content_hash: contentHash,
    }));
    const written = await em.execute<{ credit_code: string; version: number; created: boolean; updated_at: Date }[]>(
      `insert into market_entity as t (credit_code, name, kind, roles, legal_representative, registered_capital, region_code,
         address, established_on, status, qualifications, source_system_id, external_id, version, content_hash, created_at, updated_at)
       select r.credit_code, r.name, r.kind, r.roles, r.legal_representative, r.registered_capital, r.region_code,
         r.address, r.established_on, r.status, r.qualifications, ?, r.external_id, 1, r.content_hash, now(), now()
       from jsonb_to_recordset(?::jsonb) as r(credit_code text, name text, kind text, roles text[], legal_representative text,
         registered_capital numeric, region_code text, address text, established_on date, status text, qualifications jsonb,
         external_id text, content_hash text)
       on conflict (credit_code) do update set
         name = excluded.name, kind = excluded.kind, roles = excluded.roles, legal_representative = excluded.legal_representative,
         registered_capital = excluded.registered_capital, region_code = excluded.region_code, address = excluded.address,
         established_on = excluded.established_on, status = excluded.status, qualifications = excluded.qualifications,
         source_system_id = excluded.source_system_id, external_id = excluded.external_id, content_hash = excluded.content_hash,
         version = t.version + 1, updated_at = now()
       where t.content_hash is distinct from excluded.content_hash
       returning t.credit_code, t.version, (t.xmax = 0) as created, t.updated_at`,
      [principal.sourceSystem!.id, JSON.stringify(rows)],
    );
    return written.map(
      (w): Written => ({ key: w.credit_code, version: w.version, created: w.created, meta: { updatedAt: new Date(w.updated_at).toISOString() } }),
    );
  },

  snapshot(record, written, principal): MarketEntitySnapshot {
    return { ...record.value, sourceSystem: principal.sourceSystem!.code, version: written.version, updatedAt: String(written.meta?.updatedAt) };
  },
};
