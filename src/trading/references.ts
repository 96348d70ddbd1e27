import type { EntityManager } from '@mikro-orm/postgresql';
import { TEXT_SET, textSetParam, query } from '../common/sql';
import { unifiedTransactionCode } from './project.rules';

/** What a record hanging off a section needs to know of it and its project. */
export interface SectionRef {
  id: string;
  projectId: string;
  projectCode: string;
  /** The project's unified transaction identifier (统一交易标识码): as pushed, or formed by the hub. */
  unifiedTransactionCode: string;
  regionCode: string;
  categoryCode: string;
  /** The planned opening of the section, as its project was pushed. */
  openingAt: Date | null;
  /** When the section's bids were actually opened: the openedAt of its bid opening record, once pushed. */
  openedAt: Date | null;
}

/**
 * Sections (with their project's code, region and category, and their bid opening's time) by section code, one query.
 */
export async function sectionRefs(em: EntityManager, codes: Iterable<string>): Promise<Map<string, SectionRef>> {
  const list = [...new Set(codes)];
  if (!list.length) return new Map();
  const rows = await query<{
    id: string;
    code: string;
    project_id: string;
    project_code: string;
    unified_transaction_code: string | null;
    region_code: string;
    category_code: string;
    opening_at: Date | null;
    opened_at: Date | null;
  }>(
    em,
    `select s.id, s.code, s.project_id, p.code as project_code, p.unified_transaction_code, p.region_code, p.category_code,
            s.opening_at, o.opened_at
     from section s join trading_project p on p.id = s.project_id left join bid_opening o on o.section_id = s.id where s.code in ${TEXT_SET}`,
    [textSetParam(list)],
  );
  return new Map(
    rows.map((r) => [
      r.code,
      {
        id: String(r.id),
        projectId: String(r.project_id),
        projectCode: r.project_code,
        unifiedTransactionCode: unifiedTransactionCode({
          code: r.project_code,
          regionCode: r.region_code,
          unifiedTransactionCode: r.unified_transaction_code,
        }),
        regionCode: r.region_code,
        categoryCode: r.category_code,
        openingAt: r.opening_at ? new Date(r.opening_at) : null,
        openedAt: r.opened_at ? new Date(r.opened_at) : null,
      },
    ]),
  );
}

/** Projects by code, one query. */
export async function projectRefs(
  em: EntityManager,
  codes: Iterable<string>,
): Promise<Map<string, { id: string; regionCode: string; categoryCode: string; unifiedTransactionCode: string }>> {
  const list = [...new Set(codes)];
  if (!list.length) return new Map();
  const rows = await query<{
    id: string;
    code: string;
    region_code: string;
    category_code: string;
    unified_transaction_code: string | null;
  }>(
    em,
    `select id, code, region_code, category_code, unified_transaction_code from trading_project where code in ${TEXT_SET}`,
    [textSetParam(list)],
  );
  return new Map(
    rows.map((r) => [
      r.code,
      {
        id: String(r.id),
        regionCode: r.region_code,
        categoryCode: r.category_code,
        unifiedTransactionCode: unifiedTransactionCode({
          code: r.code,
          regionCode: r.region_code,
          unifiedTransactionCode: r.unified_transaction_code,
        }),
      },
    ]),
  );
}

/**
 * Moves the updatedAt of the projects with these codes to now: a change to
 * any record of a project (section, announcement, bid, opening, evaluation,
 * award, contract) is a change of the project for readers that sync "what
 * changed since" (tradingProjects filter.updatedSince, orderBy UPDATED_AT).
 * Rows are locked in code order, the order every push writes projects in,
 * and FOR NO KEY UPDATE, which the foreign-key checks of concurrent child
 * writes do not wait for. As with any "updated since" sync, a change commits
 * a moment after its time: readers re-read a small overlap (README).
 */
export async function touchProjects(em: EntityManager, codes: Iterable<string>): Promise<void> {
  const list = [...new Set(codes)];
  if (!list.length) return;
  // `collate "C"`: byte order, the order pushes write projects in (sorted keys), whatever the database's collation.
  // clock_timestamp(), not the transaction's start, and never backwards: the time is as late as it can be before the
  // commit.
  await query(
    em,
    `with p as (select id from trading_project where code in ${TEXT_SET} order by code collate "C" for no key update)
     update trading_project t set updated_at = greatest(t.updated_at, clock_timestamp()) from p where t.id = p.id`,
    [textSetParam(list)],
  );
}

/**
 * Locks the projects with these codes (FOR NO KEY UPDATE, in code order) at
 * the start of a trading record push's transaction, before any record or
 * finding row is written. Timing findings cross records (a bid opening
 * re-derives the findings of its section's bids, an award those of its
 * contracts, an evaluation those of its project's announcements), so every
 * push that writes findings of a project first takes that project's lock:
 * pushes of one project serialise in one order, never deadlock on each
 * other's finding rows, and each reads what the one before it committed.
 */
export async function lockProjects(em: EntityManager, codes: Iterable<string>): Promise<void> {
  const list = [...new Set(codes)];
  if (!list.length) return;
  await query(
    em,
    `select 1 from trading_project where code in ${TEXT_SET} order by code collate "C" for no key update`,
    [textSetParam(list)],
  );
}
