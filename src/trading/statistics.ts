import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode, HubError } from '../common/errors';
import { regions } from '../common/regions';
import { projectFilterSql, type TradingProjectFilter } from './trading-project.queries';
import { TradingMethod } from './trading.model';

/**
 * Trading statistics for dashboards (交易统计): counts and money of trading
 * projects grouped by catalog category, sub-item, prefecture, month and
 * method. Everything is aggregated by PostgreSQL in one statement; money stays
 * `numeric` there and travels as a decimal string, never a float.
 */

/** What statistics may be grouped by. */
export enum StatisticsDimension {
  /** Catalog category (交易目录大类). */
  CATEGORY = 'CATEGORY',
  /** Catalog sub-item (子项). */
  SUB_ITEM = 'SUB_ITEM',
  /**
   * Prefecture-level region: a county's projects count for its prefecture; 4290xx units directly under the province
   * stay themselves.
   */
  REGION = 'REGION',
  /** Calendar month of publication in China time (UTC+8), `YYYY-MM`. */
  MONTH = 'MONTH',
  /** Trading method (交易方式). */
  METHOD = 'METHOD',
}

/** Conditions on the projects counted; all given ones must hold. */
/** Which projects the statistics count: the filter of tradingProjects, without updatedSince. */
export type StatisticsFilter = Omit<TradingProjectFilter, 'updatedSince'>;

/** A catalog entry as a group key. */
export interface CatalogKey {
  code: string;
  name: string;
}

/** The figures of one group. Keys of dimensions not grouped by are null. */
export interface StatisticsRow {
  category: CatalogKey | null;
  subItem: CatalogKey | null;
  regionCode: string | null;
  regionName: string | null;
  month: string | null;
  method: TradingMethod | null;
  projectCount: number;
  sectionCount: number;
  /** Sum of project budgets, yuan, 2 places. */
  totalBudget: string;
  /** Sum of award amounts of the group's sections, yuan, 2 places. */
  totalAwarded: string;
  /**
   * 1 − awarded / budget over sections with both an award and a budget, 4 places; null when there is no such section.
   */
  savingRate: string | null;
  /** Valid bids per section, 2 places; null when the group has no section. */
  averageBiddersPerSection: string | null;
}

/** Figures as of one snapshot of the database. */
export interface StatisticsSnapshot {
  rows: StatisticsRow[];
  /** seq of the last change-log event visible to the statement: every change up to it is included, none after it. */
  seq: number;
  /** When the statement ran (database clock). */
  asOf: Date;
}

/** A checked statistics query: SQL and its bind parameters, ready to run. */
export interface StatisticsQuery {
  dimensions: readonly StatisticsDimension[];
  sql: string;
  params: unknown[];
}

/**
 * The prefecture-level code a region's figures roll up to: a county `42AABB`
 * to its prefecture `42AA00`; a prefecture and the province stay themselves;
 * county-level units directly under the province (4290xx: 仙桃, 潜江, 天门,
 * 神农架) have no prefecture and stay themselves. The JavaScript twin of
 * {@link PREFECTURE_SQL}.
 */
export function prefectureOf(regionCode: string): string {
  if (regionCode.startsWith('4290')) return regionCode;
  return `${regionCode.slice(0, 4)}00`;
}

/** The name of a (rolled-up) region code, from GB/T 2260; null for a code the reference data does not know. */
export function regionName(code: string): string | null {
  return regions().get(code)?.name ?? null;
}

/** SQL of {@link prefectureOf} over `p.region_code`. */
export const PREFECTURE_SQL = `case when p.region_code like '4290%' then p.region_code else substr(p.region_code, 1, 4) || '00' end`;

/** SQL of {@link chinaMonth} over `p.published_at`. */
export const MONTH_SQL = `to_char((p.published_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;

/** Per dimension: the key columns it selects and groups by, and the join it needs for names. */
const DIMENSION_SQL: Record<StatisticsDimension, { columns: string[]; join?: string; order: string[] }> = {
  [StatisticsDimension.CATEGORY]: {
    columns: ['p.category_code as category_code', 'c.name as category_name', 'c.sort_order as category_sort'],
    join: 'left join trading_category c on c.code = p.category_code',
    order: ['category_sort', 'category_code'],
  },
  [StatisticsDimension.SUB_ITEM]: {
    // A sub-item's sort order counts within its category: order by the category's first.
    columns: [
      'p.sub_item_code as sub_item_code',
      'si.name as sub_item_name',
      'sc.sort_order as sub_item_category_sort',
      'si.sort_order as sub_item_sort',
    ],
    join: 'left join trading_sub_item si on si.code = p.sub_item_code left join trading_category sc on sc.code = si.category_code',
    order: ['sub_item_category_sort', 'sub_item_sort', 'sub_item_code'],
  },
  [StatisticsDimension.REGION]: { columns: [`${PREFECTURE_SQL} as region_code`], order: ['region_code'] },
  [StatisticsDimension.MONTH]: { columns: [`${MONTH_SQL} as month`], order: ['month'] },
  [StatisticsDimension.METHOD]: { columns: ['p.method as method'], order: ['method'] },
};

/** The dimensions asked for, each once, in a fixed order (so equal requests build equal SQL). */
export function normaliseDimensions(groupBy: readonly StatisticsDimension[]): StatisticsDimension[] {
  const wanted = new Set(groupBy);
  for (const d of wanted) {
    if (!(d in DIMENSION_SQL))
      throw new HubError(ErrorCode.BAD_USER_INPUT, `${String(d)} is not a statistics dimension`, { field: 'groupBy' });
  }
  return Object.values(StatisticsDimension).filter((d) => wanted.has(d));
}

/** Catalog codes are upper-case ASCII; anything else cannot match (and some text PostgreSQL would refuse). */
function checkCatalogCode(raw: string | null | undefined, field: string): void {
  if (raw === null || raw === undefined || raw.trim() === '') return;
  if (!/^[0-9A-Z_]{1,60}$/.test(raw.trim().toUpperCase()))
    throw new HubError(ErrorCode.BAD_USER_INPUT, `${field} is not a catalog code`, { field });
}

/**
 * The filter as SQL conditions on `p` (trading_project) with their parameters:
 * the projects' filter ({@link projectFilterSql}), checked more strictly, since
 * a dashboard's mistake should be an error, not an empty figure. BAD_USER_INPUT
 * (with the field) on a bad value.
 */
export function filterSql(filter: StatisticsFilter = {}): { where: string[]; params: unknown[] } {
  checkCatalogCode(filter.categoryCode, 'filter.categoryCode');
  checkCatalogCode(filter.subItemCode, 'filter.subItemCode');
  if (filter.publishedFrom && filter.publishedTo && filter.publishedFrom.getTime() > filter.publishedTo.getTime()) {
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'publishedFrom must not be after publishedTo', {
      field: 'filter.publishedFrom',
    });
  }
  if (filter.method && !Object.values(TradingMethod).includes(filter.method)) {
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'method is not a trading method', { field: 'filter.method' });
  }
  return projectFilterSql(
    { ...filter, categoryCode: filter.categoryCode?.trim() || null, subItemCode: filter.subItemCode?.trim() || null },
    'p',
  );
}

/**
 * Builds the one statement that computes the figures of every group, checking
 * the request first (BAD_USER_INPUT on a bad filter). Each project lies in
 * exactly one group, because every dimension is an attribute of the project:
 * the statement sums sections, awards and valid bids per project first, then
 * sums projects per group, so nothing is counted twice however many sections,
 * bids or awards a project has. The change-log position is read in the same
 * statement, hence from the same snapshot as the figures.
 */
export function statisticsQuery(
  groupBy: readonly StatisticsDimension[],
  filter: StatisticsFilter = {},
): StatisticsQuery {
  const dimensions = normaliseDimensions(groupBy);
  const { where, params } = filterSql(filter);
  const parts = dimensions.map((d) => DIMENSION_SQL[d]);
  const keyColumns = parts.flatMap((p) => p.columns);
  const keyNames = keyColumns.map((c) => c.slice(c.lastIndexOf(' as ') + 4));
  const joins = parts.flatMap((p) => (p.join ? [p.join] : []));
  const order = parts.flatMap((p) => p.order);
  const sql = `
with w as (select coalesce(max(seq), 0) as seq, statement_timestamp() as as_of from change_event),
proj as (
  select p.id, p.budget${keyColumns.map((c) => `, ${c}`).join('')}
  from trading_project p ${joins.join(' ')}
  ${where.length ? `where ${where.join(' and ')}` : ''}
),
sec as (
  select s.id, s.project_id, s.budget from section s where s.project_id in (select id from proj)
),
valid_bids as (
  select b.section_id, count(*) as n from bid b
  where b.status = 'VALID' and b.section_id in (select id from sec)
  group by b.section_id
),
per_project as (
  select sec.project_id,
    count(*) as sections,
    sum(a.amount) as awarded,
    sum(sec.budget) filter (where a.id is not null and sec.budget is not null) as saving_budget,
    sum(a.amount) filter (where sec.budget is not null) as saving_awarded,
    coalesce(sum(vb.n), 0) as valid_bids
  from sec
  left join award a on a.section_id = sec.id
  left join valid_bids vb on vb.section_id = sec.id
  group by sec.project_id
)
select w.seq as watermark, w.as_of, g.* from w left join lateral (
  select ${keyNames.map((k) => `proj.${k}, `).join('')}
    count(*)::int as project_count,
    coalesce(sum(pp.sections), 0)::int as section_count,
    round(coalesce(sum(proj.budget), 0), 2)::text as total_budget,
    round(coalesce(sum(pp.awarded), 0), 2)::text as total_awarded,
    round((sum(pp.saving_budget) - sum(pp.saving_awarded)) / nullif(sum(pp.saving_budget), 0), 4)::text as saving_rate,
    round(sum(pp.valid_bids)::numeric / nullif(sum(pp.sections), 0), 2)::text as average_bidders
  from proj left join per_project pp on pp.project_id = proj.id
  ${keyNames.length ? `group by ${keyNames.map((k) => `proj.${k}`).join(', ')}` : ''}
) g on true
${order.length ? `order by ${order.map((k) => `g.${k} nulls last`).join(', ')}` : ''}`;
  return { dimensions, sql, params };
}

/** A row as the statement returns it. */
export interface StatisticsSqlRow {
  watermark: string | number;
  as_of: Date | string;
  category_code?: string | null;
  category_name?: string | null;
  sub_item_code?: string | null;
  sub_item_name?: string | null;
  region_code?: string | null;
  month?: string | null;
  method?: string | null;
  project_count: number | null;
  section_count: number | null;
  total_budget: string | null;
  total_awarded: string | null;
  saving_rate: string | null;
  average_bidders: string | null;
}

/**
 * Maps the statement's rows to API rows (names of rolled-up regions come from
 * GB/T 2260). No aggregation happens here. A result without groups still
 * carries the snapshot's position as one row with no figures, which is dropped.
 */
export function toSnapshot(
  dimensions: readonly StatisticsDimension[],
  rows: readonly StatisticsSqlRow[],
): StatisticsSnapshot {
  const has = new Set(dimensions);
  const first = rows[0];
  return {
    seq: first ? Number(first.watermark) : 0,
    asOf: first ? new Date(first.as_of) : new Date(),
    rows: rows
      .filter((r) => r.project_count !== null)
      .map((r) => ({
        category: has.has(StatisticsDimension.CATEGORY)
          ? { code: r.category_code!, name: r.category_name ?? r.category_code! }
          : null,
        subItem: has.has(StatisticsDimension.SUB_ITEM)
          ? { code: r.sub_item_code!, name: r.sub_item_name ?? r.sub_item_code! }
          : null,
        regionCode: has.has(StatisticsDimension.REGION) ? (r.region_code ?? null) : null,
        regionName: has.has(StatisticsDimension.REGION) && r.region_code ? regionName(r.region_code) : null,
        month: has.has(StatisticsDimension.MONTH) ? (r.month ?? null) : null,
        method: has.has(StatisticsDimension.METHOD) ? ((r.method as TradingMethod | null) ?? null) : null,
        projectCount: Number(r.project_count),
        sectionCount: Number(r.section_count),
        totalBudget: r.total_budget ?? '0.00',
        totalAwarded: r.total_awarded ?? '0.00',
        savingRate: r.saving_rate,
        averageBiddersPerSection: r.average_bidders,
      })),
  };
}

/** Runs a checked statistics query: one SQL statement. */
export async function runStatistics(em: EntityManager, query: StatisticsQuery): Promise<StatisticsSnapshot> {
  const rows = await em.execute<StatisticsSqlRow[]>(query.sql, query.params);
  return toSnapshot(query.dimensions, rows);
}

/**
 * Computations of one database in flight, by statement and parameters: when a change reaches every dashboard at once,
 * those asking the same figures share one statement instead of each taking a pooled connection for its own (fifty
 * dashboards on one view: one aggregation, not fifty). Only computations in flight are shared, never kept: a
 * dashboard that joins one started before a change it saw gets figures without that change, and computes again
 * after its interval (StatisticsStream recomputes while the feed is ahead of its figures).
 */
export class SharedStatistics {
  private readonly running = new Map<string, Promise<StatisticsSnapshot>>();

  /** Computations in flight now. */
  get inFlight(): number {
    return this.running.size;
  }

  run(em: () => EntityManager, query: StatisticsQuery): Promise<StatisticsSnapshot> {
    const key = JSON.stringify([query.sql, query.params]);
    let p = this.running.get(key);
    if (!p) {
      p = runStatistics(em(), query).finally(() => this.running.delete(key));
      this.running.set(key, p);
    }
    return p;
  }
}

/** The figures of trading projects grouped by the given dimensions (none: one row for everything). */
export function tradingStatistics(
  em: EntityManager,
  groupBy: readonly StatisticsDimension[],
  filter?: StatisticsFilter | null,
): Promise<StatisticsSnapshot> {
  return runStatistics(em, statisticsQuery(groupBy, filter ?? {}));
}
