import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '../common/errors';
import { TEXT_SET, textSetParam, query } from '../common/sql';
import { snapshotOf, type Snapshot } from '../ingest/snapshot';
import { loadCurrentVersions, upsertRecords, type TableSpec } from '../ingest/store';
import type { PushedRecord } from '../ingest/pushed-record.entity';
import type { EntityClass } from '@mikro-orm/core';
import { AnnouncementRow } from './announcement.entity';
import { AwardRow } from './award.entity';
import { BidOpeningRow } from './bid-opening.entity';
import { BidRow } from './bid.entity';
import { ContractRow } from './contract.entity';
import { EvaluationRow } from './evaluation.entity';
import { syncFindings } from '../ingest/findings';
import type { Principal } from '../auth/principal';
import { runPush, type PushOptions } from '../ingest/pipeline';
import type { Accepted, FindingData, PushDomain, PushResult, Validated, Written } from '../ingest/types';
import { lockProjects, projectRefs, sectionRefs, touchProjects, type SectionRef } from './references';
import { AnnouncementType, TradingTopic, type TradingTopicName } from './trading.model';
import { marketEntityIds, noMarketEntity } from '../market';
import { addError, type FieldErrors } from '../common/field-error';
import {
  ANNOUNCEMENT_FINDING_RULES,
  BID_FINDING_RULES,
  CONTRACT_FINDING_RULES,
  announcementFindings,
  bidFindings,
  bidKey,
  contractFindings,
  openingTime,
  validateAnnouncement,
  validateAward,
  validateBid,
  validateBidOpening,
  validateContract,
  validateEvaluation,
  type AnnouncementData,
  type AnnouncementPush,
  type AwardData,
  type AwardPush,
  type BidData,
  type BidOpeningData,
  type BidOpeningPush,
  type BidPush,
  type ContractData,
  type ContractPush,
  type EvaluationData,
  type EvaluationPush,
} from './records.rules';

type Errors = FieldErrors;

/** Credit codes of the bidders of the given sections, as `<section>/<creditCode>` keys (one query). */
async function biddersOf(em: EntityManager, sectionCodes: string[], validOnly: boolean): Promise<Set<string>> {
  if (!sectionCodes.length) return new Set();
  const rows = await query<{ key: string }>(
    em,
    `select s.code || '/' || m.credit_code as key from bid b join section s on s.id = b.section_id join market_entity m on m.id = b.bidder_id
     where s.code in ${TEXT_SET}${validOnly ? ` and b.status = 'VALID'` : ''}`,
    [textSetParam(sectionCodes)],
  );
  return new Set(rows.map((r) => r.key));
}

/** Resolves `sectionCode` of every record; unknown sections are NOT_FOUND. Stores the section in refs.section. */
async function resolveSections<T extends { sectionCode: string }>(
  em: EntityManager,
  records: Accepted<T>[],
  errors: Errors,
): Promise<void> {
  const sections = await sectionRefs(
    em,
    records.map((r) => r.value.sectionCode),
  );
  for (const r of records) {
    const s = sections.get(r.value.sectionCode);
    if (s) r.refs.section = s;
    else
      addError(errors, r.index, {
        field: 'sectionCode',
        code: ErrorCode.NOT_FOUND,
        message: `no section ${r.value.sectionCode}; push its project first`,
      });
  }
}

const sectionOf = (r: Accepted<unknown>) => r.refs.section as SectionRef;

/** What a record of a project carries in its change event besides its own fields: which transaction it belongs to. */
interface ProjectLink {
  projectCode: string;
  unifiedTransactionCode: string;
}

/**
 * The change-event payload of a record of a section: the standard snapshot plus its project's code and unified
 * transaction identifier, so that a follower of the feed (the national platform's relay) can place the record in
 * its transaction without reading the section.
 */
function sectionSnapshot<T>(record: Accepted<T>, written: Written, principal: Principal): Snapshot<T> & ProjectLink {
  const s = sectionOf(record);
  return {
    ...snapshotOf(record, written, principal),
    projectCode: s.projectCode,
    unifiedTransactionCode: s.unifiedTransactionCode,
  };
}

/** A record of a section changes its project (see touchProjects). */
const touchSectionProjects = (em: EntityManager, records: Accepted<unknown>[]) =>
  touchProjects(
    em,
    records.map((r) => sectionOf(r).projectCode),
  );

/** Locks the projects of the records' sections before anything is written (see lockProjects). */
const lockSectionProjects = (em: EntityManager, records: Accepted<unknown>[]) =>
  lockProjects(
    em,
    records.map((r) => sectionOf(r).projectCode),
  );

const dateOrNull = (v: Date | string | null) => (v ? new Date(v) : null);

// ---------------------------------------------------------------- timing findings across records
//
// A timing finding is a function of the stored records, not of the order they
// were pushed in: a record's own findings are derived when it is written (from
// facts read after its project is locked), and a push that changes a fact other
// records' findings depend on re-derives theirs in the same transaction (a bid
// opening its section's bids, an award its section's contracts, an evaluation
// its project's announcements). Findings are not published as change events;
// the pushed record's own event and its project's updatedAt carry the change,
// and the records whose findings are re-derived belong to that same project.

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
async function rederiveContractFindings(em: EntityManager, sectionCodes: readonly string[]): Promise<void> {
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

/**
 * Stored announcements with the latest evaluation report of the sections each
 * concerns (all its project's sections when it names none), one query;
 * `by` picks them by announcement code or by project code.
 */
async function announcementFacts(em: EntityManager, by: 'a.code' | 'p.code', codes: readonly string[]) {
  const list = [...new Set(codes)];
  if (!list.length) return [];
  return query<{
    key: string;
    project_code: string;
    type: AnnouncementType;
    published_at: Date;
    period_start: string | null;
    period_end: string | null;
    last_report_at: Date | null;
  }>(
    em,
    `select a.code as key, p.code as project_code, a.type, a.published_at, a.period_start::text as period_start, a.period_end::text as period_end,
       (select max(e.reported_at) from evaluation e join section s on s.id = e.section_id
        where s.project_id = a.project_id and (cardinality(a.section_codes) = 0 or s.code = any(a.section_codes))) as last_report_at
     from announcement a join trading_project p on p.id = a.project_id
     where ${by} in ${TEXT_SET}`,
    [textSetParam(list)],
  );
}

/**
 * Re-derives the publicity findings of every announcement of these projects from the stored announcements and
 * evaluations.
 */
async function rederiveAnnouncementFindings(em: EntityManager, projectCodes: readonly string[]): Promise<void> {
  const rows = await announcementFacts(em, 'p.code', projectCodes);
  await syncFindings(
    em,
    TradingTopic.ANNOUNCEMENT,
    rows.map((r) => ({
      key: r.key,
      projectCode: r.project_code,
      items: announcementFindings(
        {
          type: r.type,
          publishedAt: new Date(r.published_at).toISOString(),
          periodStart: r.period_start,
          periodEnd: r.period_end,
        },
        dateOrNull(r.last_report_at),
      ),
    })),
    ANNOUNCEMENT_FINDING_RULES,
  );
}

interface SectionRecordSpec<In, T extends { sectionCode: string; externalId: string | null }> {
  topic: TradingTopicName;
  /** Its entity: one row per section (section_id unique). */
  entity: EntityClass<PushedRecord>;
  validate(input: In): Validated<T>;
  /** The record's own columns (section_id and external_id are the factory's). */
  toRow(r: Accepted<T>): Record<string, unknown>;
  /** Extra references and lifecycle checks, after the sections are resolved. */
  check?(em: EntityManager, records: Accepted<T>[], errors: Errors): Promise<void>;
  /**
   * The lifecycle checks a racing push can break, again in the write transaction with the project locked (see
   * PushDomain.recheck).
   */
  recheck?(em: EntityManager, records: Accepted<T>[], errors: Errors): Promise<void>;
  findings?(r: Accepted<T>): FindingData[];
  /** The rule codes `findings` may produce. */
  findingRules?: readonly string[];
  /** Re-derives the findings of other records that depend on the written ones (after their project is touched). */
  dependents?(em: EntityManager, records: Accepted<T>[]): Promise<void>;
  /** What the content hash covers, when not the whole validated record. */
  content?: (v: T) => unknown;
  /** Writes what hangs off the written rows (by `Written.meta.id`), in the same transaction. */
  writeChildren?(em: EntityManager, records: Accepted<T>[], written: Written[]): Promise<void>;
}

/** A record kept once per section (bid opening, evaluation, award): key = section code. */
function sectionRecord<In, T extends { sectionCode: string; externalId: string | null }>(
  spec: SectionRecordSpec<In, T>,
): PushDomain<In, T, void, Snapshot<T>> {
  const table: TableSpec = {
    entity: spec.entity,
    topic: spec.topic,
    conflict: ['section_id'],
    keyExpr: '(select code from section where id = t.section_id)',
  };
  return {
    topic: spec.topic,
    prepare: async () => undefined,
    validate: (input) => spec.validate(input ?? ({} as In)),
    key: (v) => v.sectionCode,
    rawKey: (input) => {
      const code = (input as { sectionCode?: unknown } | null)?.sectionCode;
      return typeof code === 'string' && code.trim() ? code.trim() : null;
    },
    content: spec.content ?? ((v) => v),
    async resolveReferences(em, records) {
      const errors: Errors = new Map();
      await resolveSections(em, records, errors);
      await spec.check?.(
        em,
        records.filter((r) => r.refs.section),
        errors,
      );
      return errors;
    },
    loadCurrent: (em, keys) =>
      loadCurrentVersions(
        em,
        `${em.getMetadata().find(spec.entity.name)!.tableName} t join section s on s.id = t.section_id`,
        's.code',
        keys,
      ),
    regionOf: (r) => ({ regionCode: sectionOf(r).regionCode, field: 'sectionCode' }),
    categoryOf: (r) => sectionOf(r).categoryCode,
    findings: (r) => ({ projectCode: sectionOf(r).projectCode, items: spec.findings?.(r) ?? [] }),
    findingRules: spec.findingRules ?? [],
    lock: lockSectionProjects,
    ...(spec.recheck
      ? {
          async recheck(em: EntityManager, records: Accepted<T>[]) {
            const errors: Errors = new Map();
            await spec.recheck!(em, records, errors);
            return errors;
          },
        }
      : {}),
    async write(em, records, principal) {
      const written = await upsertRecords(
        em,
        table,
        records,
        (r) => ({ section_id: sectionOf(r).id, ...spec.toRow(r), external_id: r.value.externalId }),
        principal,
      );
      await spec.writeChildren?.(em, records, written);
      return written;
    },
    async afterWrite(em, records) {
      await touchSectionProjects(em, records);
      await spec.dependents?.(em, records);
    },
    snapshot: sectionSnapshot,
  };
}

/** Bid opening records (topic BID_OPENING); its openedAt decides which bids of the section came late. */
export const bidOpeningPush = sectionRecord<BidOpeningPush, BidOpeningData>({
  topic: TradingTopic.BID_OPENING,
  entity: BidOpeningRow,
  validate: validateBidOpening,
  toRow: ({ value: v }) => ({ opened_at: v.openedAt, bidder_count: v.bidderCount, location: v.location }),
  dependents: (em, records) =>
    rederiveBidFindings(
      em,
      records.map((r) => r.value.sectionCode),
    ),
});

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

/** AWARD_WITHOUT_BID: the winner of each award must be among `validBidders` (bidKey of section and credit code). */
function awardsWithoutBid(
  records: readonly Accepted<AwardData>[],
  validBidders: ReadonlySet<string>,
  errors: Errors,
): void {
  for (const r of records) {
    if (validBidders.has(bidKey(r.value.sectionCode, r.value.winnerCreditCode))) continue;
    addError(errors, r.index, {
      field: 'winnerCreditCode',
      code: ErrorCode.CONFLICT,
      rule: 'AWARD_WITHOUT_BID',
      message: `${r.value.winnerCreditCode} holds no valid bid for section ${r.value.sectionCode}; an award names a bid of its section`,
    });
  }
}

/** Awards (topic AWARD): the winner must hold a valid bid of that section. */
export const awardPush = sectionRecord<AwardPush, AwardData>({
  topic: TradingTopic.AWARD,
  entity: AwardRow,
  validate: validateAward,
  toRow: ({ value: v, refs }) => ({ winner_id: refs.winnerId, amount: v.amount, awarded_on: v.awardedOn }),
  async check(em, records, errors) {
    const [bidders, ids] = await Promise.all([
      biddersOf(
        em,
        records.map((r) => r.value.sectionCode),
        true,
      ),
      marketEntityIds(
        em,
        records.map((r) => r.value.winnerCreditCode),
      ),
    ]);
    for (const r of records) {
      r.refs.winnerId = ids.get(r.value.winnerCreditCode);
      if (!r.refs.winnerId) {
        addError(errors, r.index, noMarketEntity('winnerCreditCode', r.value.winnerCreditCode));
      }
    }
    awardsWithoutBid(
      records.filter((r) => r.refs.winnerId),
      bidders,
      errors,
    );
  },
  // A bid pushed meanwhile may have withdrawn or been disqualified: bids of the section are written with its project
  // locked too.
  recheck: async (em, records, errors) =>
    awardsWithoutBid(
      records,
      await biddersOf(
        em,
        records.map((r) => r.value.sectionCode),
        true,
      ),
      errors,
    ),
  dependents: (em, records) =>
    rederiveContractFindings(
      em,
      records.map((r) => r.value.sectionCode),
    ),
});

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
    const errors: Errors = new Map();
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
    const errors: Errors = new Map();
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

const ANNOUNCEMENT_TABLE: TableSpec = {
  topic: TradingTopic.ANNOUNCEMENT,
  entity: AnnouncementRow,
  conflict: ['code'],
  keyExpr: 't.code',
};

interface ProjectRef {
  id: string;
  regionCode: string;
  categoryCode: string;
  unifiedTransactionCode: string;
}

/** Announcements (topic ANNOUNCEMENT), with the publicity timing rules as findings. */
export const announcementPush: PushDomain<AnnouncementPush, AnnouncementData, void, Snapshot<AnnouncementData>> = {
  topic: TradingTopic.ANNOUNCEMENT,
  prepare: async () => undefined,
  validate: (input) => validateAnnouncement(input ?? {}),
  key: (v) => v.code,
  rawKey: (input) => (typeof input?.code === 'string' && input.code.trim() ? input.code.trim() : null),
  content: (v) => v,
  async resolveReferences(em, records) {
    const errors: Errors = new Map();
    const [projects, sections] = await Promise.all([
      projectRefs(
        em,
        records.map((r) => r.value.projectCode),
      ),
      sectionRefs(
        em,
        records.flatMap((r) => r.value.sectionCodes),
      ),
    ]);
    for (const r of records) {
      const p = projects.get(r.value.projectCode);
      if (!p) {
        addError(errors, r.index, {
          field: 'projectCode',
          code: ErrorCode.NOT_FOUND,
          message: `no trading project ${r.value.projectCode}; push it first`,
        });
        continue;
      }
      r.refs.project = p;
      r.value.sectionCodes.forEach((code, i) => {
        if (sections.get(code)?.projectCode !== r.value.projectCode) {
          addError(errors, r.index, {
            field: `sectionCodes.${i}`,
            code: ErrorCode.NOT_FOUND,
            message: `project ${r.value.projectCode} has no section ${code}`,
          });
        }
      });
    }
    return errors;
  },
  loadCurrent: (em, keys) => loadCurrentVersions(em, 'announcement t', 't.code', keys),
  regionOf: (r) => ({ regionCode: (r.refs.project as ProjectRef).regionCode, field: 'projectCode' }),
  categoryOf: (r) => (r.refs.project as ProjectRef).categoryCode,
  findings: (r) => ({
    projectCode: r.value.projectCode,
    items: announcementFindings(r.value, r.refs.lastReportAt as Date | null),
  }),
  findingRules: ANNOUNCEMENT_FINDING_RULES,
  afterWrite: (em, records) =>
    touchProjects(
      em,
      records.map((r) => r.value.projectCode),
    ),
  lock: (em, records) =>
    lockProjects(
      em,
      records.map((r) => r.value.projectCode),
    ),
  async write(em, records, principal) {
    const written = await upsertRecords(
      em,
      ANNOUNCEMENT_TABLE,
      records,
      ({ value: v, refs }) => ({
        code: v.code,
        project_id: (refs.project as ProjectRef).id,
        type: v.type,
        title: v.title,
        published_at: v.publishedAt,
        period_start: v.periodStart,
        period_end: v.periodEnd,
        document_hash: v.documentHash,
        url: v.url,
        section_codes: v.sectionCodes,
        external_id: v.externalId,
      }),
      principal,
    );
    // The latest report of the sections each announcement concerns, read from the stored rows with the project locked.
    const last = new Map(
      (
        await announcementFacts(
          em,
          'a.code',
          written.map((w) => w.key),
        )
      ).map((f) => [f.key, dateOrNull(f.last_report_at)]),
    );
    for (const r of records) r.refs.lastReportAt = last.get(r.key) ?? null;
    return written;
  },
  snapshot: (record, written, principal) => ({
    ...snapshotOf(record, written, principal),
    unifiedTransactionCode: (record.refs.project as ProjectRef).unifiedTransactionCode,
  }),
};

// ---------------------------------------------------------------- the pushes, each through the one pipeline

export const pushAnnouncements = (
  em: EntityManager,
  p: Principal,
  records: AnnouncementPush[],
  o: PushOptions,
): Promise<PushResult> => runPush(em, p, announcementPush, records, o);
export const pushBids = (em: EntityManager, p: Principal, records: BidPush[], o: PushOptions): Promise<PushResult> =>
  runPush(em, p, bidPush, records, o);
export const pushBidOpenings = (
  em: EntityManager,
  p: Principal,
  records: BidOpeningPush[],
  o: PushOptions,
): Promise<PushResult> => runPush(em, p, bidOpeningPush, records, o);
export const pushEvaluations = (
  em: EntityManager,
  p: Principal,
  records: EvaluationPush[],
  o: PushOptions,
): Promise<PushResult> => runPush(em, p, evaluationPush, records, o);
export const pushAwards = (
  em: EntityManager,
  p: Principal,
  records: AwardPush[],
  o: PushOptions,
): Promise<PushResult> => runPush(em, p, awardPush, records, o);
export const pushContracts = (
  em: EntityManager,
  p: Principal,
  records: ContractPush[],
  o: PushOptions,
): Promise<PushResult> => runPush(em, p, contractPush, records, o);
