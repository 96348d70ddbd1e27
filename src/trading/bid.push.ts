import type { EntityManager } from '@mikro-orm/postgresql';
import { TEXT_SET, textSetParam, query } from '../common/sql';
import type { Snapshot } from '../ingest/snapshot';
import { loadCurrentVersions, upsertRecords, type TableSpec } from '../ingest/store';
import { BidRow } from './bid.entity';
import { syncFindings } from '../ingest/findings';
import type { Principal } from '../auth/principal';
import { runPush, type PushOptions } from '../ingest/pipeline';
import type { Accepted, PushDomain, PushResult } from '../ingest/types';
import { sectionRefs } from './references';
import { TradingTopic } from './trading.model';
import { marketEntityIds, noMarketEntity } from '../market';
import { addError, type FieldErrors } from '../common/field-error';
import {
  BID_FINDING_RULES,
  bidFindings,
  bidKey,
  openingTime,
  validateBid,
  type BidData,
  type BidPush,
} from './bid.rules';
import {
  dateOrNull,
  lockSectionProjects,
  resolveSections,
  sectionOf,
  sectionSnapshot,
  touchSectionProjects,
} from './section-record.push';

/** Re-derives BID_AFTER_OPENING of every bid of these sections from the stored bids, bid openings and sections. */
export async function rederiveBidFindings(em: EntityManager, sectionCodes: readonly string[]): Promise<void> {
  const list = [...new Set(sectionCodes)];
  if (!list.length) return;
  const rows = await query<{
    key: string;
    project_code: string;
    submitted_at: Date;
    opened_at: Date | null;
    opening_at: Date | null;
  }>(
    em,
    `select b.record_key as key, p.code as project_code, b.submitted_at, o.opened_at, s.opening_at
     from bid b join section s on s.id = b.section_id join trading_project p on p.id = s.project_id left join bid_opening o on o.section_id = s.id
     where s.code in ${TEXT_SET}`,
    [textSetParam(list)],
  );
  await syncFindings(
    em,
    TradingTopic.BID,
    rows.map((r) => ({
      key: r.key,
      projectCode: r.project_code,
      items: bidFindings(
        { submittedAt: new Date(r.submitted_at).toISOString() },
        openingTime(dateOrNull(r.opened_at), dateOrNull(r.opening_at)),
      ),
    })),
    BID_FINDING_RULES,
  );
}

const BID_TABLE: TableSpec = {
  topic: TradingTopic.BID,
  entity: BidRow,
  conflict: ['record_key'],
  keyExpr: 't.record_key',
};

/** Bids with their evidence (topic BID), key `<sectionCode>/<bidderCreditCode>`. */
export const bidPush: PushDomain<BidPush, BidData, void, Snapshot<BidData>> = {
  topic: TradingTopic.BID,
  prepare: async () => undefined,
  validate: (input) => validateBid(input ?? {}),
  key: (v) => bidKey(v.sectionCode, v.bidderCreditCode),
  rawKey: (input) =>
    typeof input?.sectionCode === 'string' && typeof input?.bidderCreditCode === 'string'
      ? bidKey(input.sectionCode.trim(), input.bidderCreditCode.trim().toUpperCase())
      : null,
  content: (v) => v,
  async resolveReferences(em, records) {
    const errors: FieldErrors = new Map();
    const [, ids] = await Promise.all([
      resolveSections(em, records, errors),
      marketEntityIds(
        em,
        records.map((r) => r.value.bidderCreditCode),
      ),
    ]);
    for (const r of records) {
      r.refs.bidderId = ids.get(r.value.bidderCreditCode);
      if (!r.refs.bidderId) addError(errors, r.index, noMarketEntity('bidderCreditCode', r.value.bidderCreditCode));
    }
    return errors;
  },
  loadCurrent: (em, keys) => loadCurrentVersions(em, 'bid t', 't.record_key', keys),
  regionOf: (r) => ({ regionCode: sectionOf(r).regionCode, field: 'sectionCode' }),
  categoryOf: (r) => sectionOf(r).categoryCode,
  findings: (r) => ({
    projectCode: sectionOf(r).projectCode,
    items: bidFindings(r.value, openingTime(sectionOf(r).openedAt, sectionOf(r).openingAt)),
  }),
  findingRules: BID_FINDING_RULES,
  afterWrite: touchSectionProjects,
  lock: lockSectionProjects,
  async recheck(em, records) {
    // The sections as they stand with their projects locked: a bid opening committed since the references were read
    // counts.
    const fresh = await sectionRefs(
      em,
      records.map((r) => r.value.sectionCode),
    );
    for (const r of records) r.refs.section = fresh.get(r.value.sectionCode) ?? r.refs.section;
    return new Map();
  },
  write(em, records, principal) {
    return upsertRecords(
      em,
      BID_TABLE,
      records,
      ({ key, value: v, refs }) => ({
        record_key: key,
        section_id: sectionOf({ refs } as Accepted<unknown>).id,
        bidder_id: refs.bidderId,
        amount: v.amount,
        submitted_at: v.submittedAt,
        status: v.status,
        ca_cert_serial: v.caCertSerial,
        device_fingerprint: v.deviceFingerprint,
        ip_address: v.ipAddress,
        document_hash: v.documentHash,
        project_manager_id: v.projectManagerId,
        bond_account: v.bondAccount,
        external_id: v.externalId,
      }),
      principal,
    );
  },
  snapshot: sectionSnapshot,
};

export const pushBids = (em: EntityManager, p: Principal, records: BidPush[], o: PushOptions): Promise<PushResult> =>
  runPush(em, p, bidPush, records, o);
