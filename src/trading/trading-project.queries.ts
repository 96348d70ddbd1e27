// `raw` from the core, not the driver package (the same function): see src/common/plain.ts.
import { raw, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { couldBeCreditCode, normaliseCreditCode } from '../common/credit-code';
import { isStorableText } from '../common/storable';
import { findOnePlain, findPlain, inSet, plainFromColumns } from '../common/plain';
import { ErrorCode, HubError } from '../common/errors';
import { pageSize, type Page } from '../common/pagination';
import { keysetOrder } from '../read/keyset';
import { isKnownRegion, regionPrefix } from '../common/regions';
import { TradingCategoryRow, TradingSubItemRow } from './catalog.entity';
import { SectionRow } from './section.entity';
import { TradingProjectRow } from './trading-project.entity';
import { AnnouncementRow } from './announcement.entity';
import { AwardRow } from './award.entity';
import { BidOpeningRow } from './bid-opening.entity';
import { BidRow } from './bid.entity';
import { ContractRow } from './contract.entity';
import { EvaluationCandidateRow } from './evaluation-candidate.entity';
import { EvaluationRow } from './evaluation.entity';
import { FindingRow } from './finding.entity';
import { MAX_PROJECT_CODE, type TradingMethod, type TradingStatus } from './trading.model';

/*
 * The read side of trading records: one project, a filtered page of projects,
 * and the set-based batch reads behind the request-scoped DataLoaders
 * (./trading.loaders.ts). Every batch read is one SQL statement for all its
 * parents, whose keys travel as one JSON parameter (see src/common/sql.ts), so
 * a statement's bind parameters stay fixed however large the batch.
 */

/** A project by its code (surrounding spaces ignored); null when it is not held. */
export async function findTradingProject(em: EntityManager, code: string): Promise<TradingProjectRow | null> {
  const where = tradingProjectByCode(code);
  return where ? findOnePlain(em, TradingProjectRow, where) : null;
}

/** Filters of the tradingProjects connection; all given conditions must hold. */
export interface TradingProjectFilter {
  categoryCode?: string | null;
  subItemCode?: string | null;
  /** A GB/T 2260 code: a prefecture includes its counties, 420000 the whole province. */
  regionCode?: string | null;
  status?: TradingStatus | null;
  method?: TradingMethod | null;
  /** publishedAt at or after this time. */
  publishedFrom?: Date | null;
  /** publishedAt before this time (exclusive, so consecutive ranges do not overlap). */
  publishedTo?: Date | null;
  /** Budget at least this many yuan (a decimal string, compared as numeric). */
  budgetMin?: string | null;
  /** Budget at most this many yuan (a decimal string, compared as numeric). */
  budgetMax?: string | null;
  /** bidDeadline at or after this time. */
  bidDeadlineFrom?: Date | null;
  /** bidDeadline before this time (exclusive). */
  bidDeadlineTo?: Date | null;
  /** Some award of the project is at least this many yuan (with the other award conditions, on the same award). */
  awardAmountMin?: string | null;
  /** Some award of the project is at most this many yuan. */
  awardAmountMax?: string | null;
  /** Some award of the project is dated on or after this day (YYYY-MM-DD). */
  awardedFrom?: string | null;
  /** Some award of the project is dated on or before this day. */
  awardedTo?: string | null;
  updatedSince?: Date | null;
  /** Credit code of an entity taking part: the tenderer, the agency, or a bidder on any section. */
  participant?: string | null;
}

export enum TradingProjectOrder {
  CODE = 'CODE',
  UPDATED_AT = 'UPDATED_AT',
}

function checkTime(at: Date, field: string): Date {
  // PostgreSQL has no year 0: refuse such a time here rather than fail in the database.
  if (Number.isNaN(at.getTime()) || at.getUTCFullYear() < 1) {
    throw new HubError(ErrorCode.BAD_USER_INPUT, `${field.replace(/^filter\./, '')} must be a time after the year 1`, {
      field,
    });
  }
  return at;
}

function checkDay(day: string, field: string): string {
  // PostgreSQL has no year 0 either.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day.startsWith('0000')) {
    throw new HubError(
      ErrorCode.BAD_USER_INPUT,
      `${field.replace(/^filter\./, '')} must be a day after the year 1, YYYY-MM-DD`,
      { field },
    );
  }
  return day;
}

/** A catalog code as written by the caller: trimmed, upper-case; BAD_USER_INPUT for text PostgreSQL cannot hold. */
function catalogCode(raw: string, field: string): string {
  if (!isStorableText(raw))
    throw new HubError(
      ErrorCode.BAD_USER_INPUT,
      `${field.replace(/^filter\./, '')} must not contain NUL or a lone surrogate`,
      { field },
    );
  return raw.trim().toUpperCase();
}

/**
 * The filter as SQL conditions on the trading_project alias `a`, with their
 * parameters in order (the same for every alias); BAD_USER_INPUT naming the
 * field on a bad value. The one translation of the filter: tradingProjects,
 * the compiled reads and tradingStatistics all use it. Every condition has an
 * index (see trading-project.entity.ts): category, sub-item, region (text_pattern_ops
 * for the prefix), status, method, published time, budget, (updatedAt, id),
 * tenderer and agency, and for bidders bid(bidder_id) then section's key.
 */
export function projectFilterSql(filter: TradingProjectFilter, a: string): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    params.push(...values);
  };
  if (filter.categoryCode) add(`${a}.category_code = ?`, catalogCode(filter.categoryCode, 'filter.categoryCode'));
  if (filter.subItemCode) add(`${a}.sub_item_code = ?`, catalogCode(filter.subItemCode, 'filter.subItemCode'));
  if (filter.regionCode) {
    if (!isKnownRegion(filter.regionCode)) {
      throw new HubError(
        ErrorCode.BAD_USER_INPUT,
        `regionCode ${filter.regionCode} is not a known Hubei GB/T 2260 code`,
        { field: 'filter.regionCode' },
      );
    }
    add(`${a}.region_code like ?`, `${regionPrefix(filter.regionCode)}%`);
  }
  if (filter.status) add(`${a}.status = ?`, filter.status);
  if (filter.method) add(`${a}.method = ?`, filter.method);
  if (filter.publishedFrom) add(`${a}.published_at >= ?`, checkTime(filter.publishedFrom, 'filter.publishedFrom'));
  if (filter.publishedTo) add(`${a}.published_at < ?`, checkTime(filter.publishedTo, 'filter.publishedTo'));
  // Bound as text and cast to numeric by PostgreSQL: the comparison is exact, never through a float.
  if (filter.budgetMin) add(`${a}.budget >= ?::numeric`, filter.budgetMin.trim());
  if (filter.budgetMax) add(`${a}.budget <= ?::numeric`, filter.budgetMax.trim());
  if (filter.bidDeadlineFrom)
    add(`${a}.bid_deadline >= ?`, checkTime(filter.bidDeadlineFrom, 'filter.bidDeadlineFrom'));
  if (filter.bidDeadlineTo) add(`${a}.bid_deadline < ?`, checkTime(filter.bidDeadlineTo, 'filter.bidDeadlineTo'));
  // The award conditions hold for one and the same award: a semi-join through the award's own indexes.
  const award: string[] = [];
  const awardParams: unknown[] = [];
  const onAward = (condition: string, value: unknown) => {
    award.push(condition);
    awardParams.push(value);
  };
  if (filter.awardAmountMin) onAward('aw.amount >= ?::numeric', filter.awardAmountMin.trim());
  if (filter.awardAmountMax) onAward('aw.amount <= ?::numeric', filter.awardAmountMax.trim());
  if (filter.awardedFrom) onAward('aw.awarded_on >= ?::date', checkDay(filter.awardedFrom, 'filter.awardedFrom'));
  if (filter.awardedTo) onAward('aw.awarded_on <= ?::date', checkDay(filter.awardedTo, 'filter.awardedTo'));
  if (award.length)
    add(
      `${a}.id in (select s.project_id from award aw join section s on s.id = aw.section_id where ${award.join(' and ')})`,
      ...awardParams,
    );
  if (filter.updatedSince) add(`${a}.updated_at >= ?`, checkTime(filter.updatedSince, 'filter.updatedSince'));
  if (filter.participant !== null && filter.participant !== undefined) {
    const code = normaliseCreditCode(filter.participant);
    if (!couldBeCreditCode(code)) {
      add('false'); // no stored entity has such a code
    } else {
      // A semi-join on the union of the three ways to take part, each probing its own index (tenderer_id,
      // agency_id, bid(bidder_id) then section's key). Written as `tenderer = x or agency = x or exists
      // (bid ...)` PostgreSQL cannot use those indexes and filters every project instead, which grows with
      // the table rather than with the page.
      const who = '(select m.id from market_entity m where m.credit_code = ?)';
      add(
        `${a}.id in (select tp.id from trading_project tp where tp.tenderer_id = ${who}` +
          ` union all select tp.id from trading_project tp where tp.agency_id = ${who}` +
          ` union all select s.project_id from bid b join section s on s.id = b.section_id where b.bidder_id = ${who})`,
        code,
        code,
        code,
      );
    }
  }
  return { where, params };
}

/**
 * The filter as an ORM condition (one raw fragment of {@link projectFilterSql}).
 * Builds a fresh raw fragment on every call, so call it once per statement.
 */
export function tradingProjectWhere(filter: TradingProjectFilter = {}): FilterQuery<TradingProjectRow> {
  const { where, params } = projectFilterSql(filter, 'p');
  if (!where.length) return {};
  return {
    [raw((a: string) => projectFilterSql(filter, a).where.join(' and '), params)]: [],
  };
}

/** The arguments of tradingProjects. */
export interface TradingProjectsQuery {
  filter?: TradingProjectFilter | null;
  first?: number | null;
  after?: string | null;
  orderBy?: TradingProjectOrder | null;
}

/** What one tradingProjects page reads: the condition (filter and cursor), the order and the page size, validated. */
export interface TradingProjectPageSpec {
  first: number;
  where: FilterQuery<TradingProjectRow>;
  orderBy: QueryOrderMap<TradingProjectRow>[];
  /** The cursor of a row of the page. */
  cursorOf: (row: { code: string; id: string; updatedAt: Date }) => string;
  /** The condition of the whole connection (for totalCount), built afresh on each call. */
  filterWhere(): FilterQuery<TradingProjectRow>;
}

/**
 * The page a tradingProjects call asks for, in a stable order: by code, or by
 * (updatedAt, id) for integrators that sync "what changed since". Keyset
 * pagination: the cursor holds the sort key of the last row. Throws
 * BAD_USER_INPUT for a bad filter or cursor.
 */
export function tradingProjectPage(args: TradingProjectsQuery, maxPage: number): TradingProjectPageSpec {
  const first = pageSize(args.first, maxPage);
  const filter = args.filter ?? {};
  const order = keysetOrder<TradingProjectRow, 'code'>(
    'code',
    args.orderBy === TradingProjectOrder.UPDATED_AT,
    args.after,
  );
  const base = tradingProjectWhere(filter); // validates the filter even for an empty page
  return {
    first,
    where: order.after ? { $and: [base, order.after] } : base,
    orderBy: order.orderBy,
    cursorOf: order.cursorOf,
    filterWhere: () => tradingProjectWhere(filter),
  };
}

/** One page of projects (see tradingProjectPage). */
export async function listTradingProjects(
  em: EntityManager,
  args: TradingProjectsQuery,
  maxPage: number,
): Promise<Page<TradingProjectRow>> {
  const page = tradingProjectPage(args, maxPage);
  const rows =
    page.first === 0
      ? []
      : await findPlain(em, TradingProjectRow, page.where, { orderBy: page.orderBy, limit: page.first + 1 });
  const nodes = rows.slice(0, page.first);
  return {
    nodes,
    cursors: nodes.map(page.cursorOf),
    hasNextPage: rows.length > page.first,
    totalCount: () => em.count(TradingProjectRow, page.filterWhere()),
  };
}

/** The condition of tradingProject(code), or null when no stored project can have that code. */
export function tradingProjectByCode(code: string): FilterQuery<TradingProjectRow> | null {
  const c = code.trim();
  return !c || c.length > MAX_PROJECT_CODE || !isStorableText(c) ? null : { code: c };
}

// ---------------------------------------------------------------------------
// Batch reads for the loaders: one statement per call, whatever the number of keys.

/** Projects by surrogate id. */
export function projectsByIds(em: EntityManager, ids: readonly string[]): Promise<TradingProjectRow[]> {
  return findPlain(em, TradingProjectRow, inSet('id', ids, 'bigint'));
}

/** Sections by surrogate id. */
export function sectionsByIds(em: EntityManager, ids: readonly string[]): Promise<SectionRow[]> {
  return findPlain(em, SectionRow, inSet('id', ids, 'bigint'));
}

/** The sections of the projects, by code. */
export function sectionsOfProjects(em: EntityManager, projectIds: readonly string[]): Promise<SectionRow[]> {
  return findPlain(em, SectionRow, inSet('project_id', projectIds, 'bigint'), { orderBy: { code: 'asc' } });
}

/** The announcements of the projects, oldest first. */
export function announcementsOfProjects(em: EntityManager, projectIds: readonly string[]): Promise<AnnouncementRow[]> {
  return findPlain(em, AnnouncementRow, inSet('project_id', projectIds, 'bigint'), {
    orderBy: [{ publishedAt: 'asc' }, { code: 'asc' }],
  });
}

/** The data-quality findings of the projects, oldest first. */
export function findingsOfProjects(em: EntityManager, projectCodes: readonly string[]): Promise<FindingRow[]> {
  return findPlain(em, FindingRow, inSet('project_code', projectCodes, 'text'), {
    orderBy: [{ detectedAt: 'asc' }, { id: 'asc' }],
  });
}

/** The bids on the sections, in order of submission. */
export function bidsOfSections(em: EntityManager, sectionIds: readonly string[]): Promise<BidRow[]> {
  return findPlain(em, BidRow, inSet('section_id', sectionIds, 'bigint'), {
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
  });
}

/** The bid openings of the sections (at most one each). */
export function openingsOfSections(em: EntityManager, sectionIds: readonly string[]): Promise<BidOpeningRow[]> {
  return findPlain(em, BidOpeningRow, inSet('section_id', sectionIds, 'bigint'));
}

/** The evaluations of the sections (at most one each). */
export function evaluationsOfSections(em: EntityManager, sectionIds: readonly string[]): Promise<EvaluationRow[]> {
  return findPlain(em, EvaluationRow, inSet('section_id', sectionIds, 'bigint'));
}

/** The ranked candidates of the evaluations, by rank. */
export function candidatesOfEvaluations(
  em: EntityManager,
  evaluationIds: readonly string[],
): Promise<EvaluationCandidateRow[]> {
  return findPlain(em, EvaluationCandidateRow, inSet('evaluation_id', evaluationIds, 'bigint'), {
    orderBy: [{ evaluation: 'asc' }, { rank: 'asc' }],
  });
}

/** The awards of the sections (at most one each). */
export function awardsOfSections(em: EntityManager, sectionIds: readonly string[]): Promise<AwardRow[]> {
  return findPlain(em, AwardRow, inSet('section_id', sectionIds, 'bigint'));
}

/** The contracts of the sections, in order of signing. */
export function contractsOfSections(em: EntityManager, sectionIds: readonly string[]): Promise<ContractRow[]> {
  return findPlain(em, ContractRow, inSet('section_id', sectionIds, 'bigint'), {
    orderBy: [{ signedOn: 'asc' }, { code: 'asc' }],
  });
}

/** Catalog sub-items by code. */
export function subItemsByCodes(em: EntityManager, codes: readonly string[]): Promise<TradingSubItemRow[]> {
  return findPlain(em, TradingSubItemRow, inSet('code', codes, 'text'));
}

/** Catalog categories by code. */
export function categoriesByCodes(em: EntityManager, codes: readonly string[]): Promise<TradingCategoryRow[]> {
  return findPlain(em, TradingCategoryRow, inSet('code', codes, 'text'));
}

/**
 * The latest `limit` projects of each entity as tenderer or agency (most
 * recently published first, unpublished last), in one statement: the entity
 * ids are joined laterally, each probing trading_project's tenderer and agency
 * indexes. Returns each project with the entity it was found for.
 */
export async function projectsOfEntities(
  em: EntityManager,
  entityIds: readonly string[],
  limit: number,
): Promise<{ entityId: string; project: TradingProjectRow }[]> {
  const rows = await em.execute<(Record<string, unknown> & { entity_key: string })[]>(
    `select k.id as entity_key, p.* from (select (jsonb_array_elements_text(?::jsonb))::bigint as id) k
     cross join lateral (
       select * from trading_project p where p.tenderer_id = k.id or p.agency_id = k.id
       order by p.published_at desc nulls last, p.code limit ?
     ) p`,
    [JSON.stringify(entityIds), limit],
  );
  const projects = plainFromColumns(em, TradingProjectRow, rows);
  return rows.map((r, i) => ({ entityId: String(r.entity_key), project: projects[i] }));
}

/**
 * The latest `limit` bids of each entity as bidder (most recent first), in one
 * statement: the entity ids are joined laterally, each probing bid(bidder_id).
 */
export async function bidsOfBidders(
  em: EntityManager,
  entityIds: readonly string[],
  limit: number,
): Promise<{ entityId: string; bid: BidRow }[]> {
  const rows = await em.execute<(Record<string, unknown> & { entity_key: string })[]>(
    `select k.id as entity_key, b.* from (select (jsonb_array_elements_text(?::jsonb))::bigint as id) k
     cross join lateral (
       select * from bid b where b.bidder_id = k.id order by b.submitted_at desc, b.id desc limit ?
     ) b`,
    [JSON.stringify(entityIds), limit],
  );
  const bids = plainFromColumns(em, BidRow, rows);
  return rows.map((r, i) => ({ entityId: String(r.entity_key), bid: bids[i] }));
}
