import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode, HubError } from '../common/errors';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination';
import { isKnownRegion, regionPrefix } from '../common/regions';
import { query } from '../common/sql';
import { findingPayload, type FindingPayload } from '../ingest/findings';

/** The conditions of `findings` and `findingStatistics`; every one has its index. */
export interface FindingFilter {
  rule?: string[] | null;
  severity?: string[] | null;
  /** The topic of the records the finding rests on (BID, ANNOUNCEMENT, CONTRACT…). */
  topic?: string[] | null;
  /** GB/T 2260; a prefecture includes its counties. */
  regionCode?: string | null;
  category?: string[] | null;
  sourceSystem?: string[] | null;
  detectedFrom?: Date | null;
  detectedBefore?: Date | null;
  /** true: open findings only; false: cleared only; absent: both. */
  open?: boolean | null;
  projectCode?: string | null;
}

/** A finding with what its project says of it. */
export interface FindingRecord extends FindingPayload {
  regionCode: string;
  category: string;
  sourceSystem: string;
}

interface Row {
  id: string;
  topic: string;
  record_key: string;
  project_code: string;
  section_code: string | null;
  rule: string;
  severity: string;
  message: string;
  evidence: Record<string, unknown> | null;
  detected_at: Date;
  cleared_at: Date | null;
  region_code: string;
  category_code: string;
  source_system: string;
}

const COLS = 'id, topic, record_key, project_code, section_code, rule, severity, message, evidence, detected_at';

/**
 * The findings, open and cleared, with their project's region, category and
 * source system, filtered: the FROM (`sql`), the conditions on the joined
 * project (`where`) and the parameters of both, in order.
 * Conditions on the finding itself go into both branches of the union, so
 * each uses its table's indexes; those on the project use trading_project's.
 */
export function findingsFrom(filter: FindingFilter): { sql: string; where: string[]; params: unknown[] } {
  const own: string[] = [];
  const ownParams: unknown[] = [];
  const list = (col: string, values?: string[] | null) => {
    if (values?.length) {
      own.push(`${col} = any(?::text[])`);
      ownParams.push(values);
    }
  };
  list('rule', filter.rule);
  list('severity', filter.severity);
  list('topic', filter.topic);
  if (filter.detectedFrom) {
    own.push('detected_at >= ?');
    ownParams.push(filter.detectedFrom);
  }
  if (filter.detectedBefore) {
    own.push('detected_at < ?');
    ownParams.push(filter.detectedBefore);
  }
  if (filter.projectCode) {
    own.push('project_code = ?');
    ownParams.push(filter.projectCode);
  }
  const w = own.length ? ` where ${own.join(' and ')}` : '';
  const branches: string[] = [];
  const params: unknown[] = [];
  if (filter.open !== false) {
    branches.push(`select ${COLS}, null::timestamptz as cleared_at from finding${w}`);
    params.push(...ownParams);
  }
  if (filter.open !== true) {
    branches.push(`select ${COLS}, cleared_at from cleared_finding${w}`);
    params.push(...ownParams);
  }
  const outer: string[] = [];
  if (filter.regionCode) {
    if (!isKnownRegion(filter.regionCode))
      throw new HubError(
        ErrorCode.BAD_USER_INPUT,
        `regionCode ${filter.regionCode} is not a known Hubei GB/T 2260 code`,
        {
          field: 'filter.regionCode',
        },
      );
    outer.push('p.region_code like ?');
    params.push(`${regionPrefix(filter.regionCode)}%`);
  }
  if (filter.category?.length) {
    outer.push('p.category_code = any(?::text[])');
    params.push(filter.category);
  }
  if (filter.sourceSystem?.length) {
    outer.push('ss.code = any(?::text[])');
    params.push(filter.sourceSystem);
  }
  return {
    sql: `(${branches.join(' union all ')}) f
      join trading_project p on p.code = f.project_code
      join source_system ss on ss.id = p.source_system_id`,
    where: outer,
    params,
  };
}

const toRecord = (r: Row): FindingRecord => ({
  ...findingPayload(r),
  regionCode: r.region_code,
  category: r.category_code,
  sourceSystem: r.source_system,
});

/** A page of findings, newest first (detectedAt, then id), with an opaque cursor. */
export async function findingsPage(
  em: EntityManager,
  filter: FindingFilter,
  first: number,
  after?: string | null,
): Promise<Page<FindingRecord>> {
  const { sql, where, params } = findingsFrom(filter);
  const conditions = [...where];
  const all = [...params];
  const total = { conditions: [...where], params: [...params] };
  if (after) {
    const [at, id] = decodeCursor(after, ['time', 'id']) as [string, string];
    conditions.push('(f.detected_at, f.id) < (?::timestamptz, ?::bigint)');
    all.push(at, id);
  }
  const rows = await query<Row>(
    em,
    `select f.*, p.region_code, p.category_code, ss.code as source_system from ${sql}
     ${conditions.length ? `where ${conditions.join(' and ')}` : ''}
     order by f.detected_at desc, f.id desc limit ?`,
    [...all, first + 1],
  );
  const page = rows.slice(0, first);
  return {
    nodes: page.map(toRecord),
    cursors: page.map((r) => encodeCursor([new Date(r.detected_at).toISOString(), String(r.id)])),
    hasNextPage: rows.length > first,
    totalCount: async () => {
      const w = total.conditions.length ? ` where ${total.conditions.join(' and ')}` : '';
      const [c] = await query<{ n: string }>(em, `select count(*) as n from ${sql}${w}`, total.params);
      return Number(c.n);
    },
  };
}

/** How findingStatistics groups. */
export enum FindingGroup {
  RULE = 'RULE',
  REGION = 'REGION',
  CATEGORY = 'CATEGORY',
  SOURCE_SYSTEM = 'SOURCE_SYSTEM',
  MONTH = 'MONTH',
}

const GROUP_SQL: Record<FindingGroup, string> = {
  RULE: 'f.rule',
  // Rolled up to the prefecture, as tradingStatistics does.
  REGION: `case when substr(p.region_code, 1, 4) = '4290' then p.region_code else substr(p.region_code, 1, 4) || '00' end`,
  CATEGORY: 'p.category_code',
  SOURCE_SYSTEM: 'ss.code',
  // China time.
  MONTH: `to_char(f.detected_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
};

export interface FindingStatisticsRow {
  rule: string | null;
  regionCode: string | null;
  category: string | null;
  sourceSystem: string | null;
  month: string | null;
  total: number;
  open: number;
  high: number;
  medium: number;
  low: number;
  confirmed: number;
  dismissed: number;
}

/** Counts of findings per group, in SQL: total, open, by severity, and by the latest review's outcome. */
export async function findingStatistics(
  em: EntityManager,
  groupBy: readonly FindingGroup[],
  filter: FindingFilter,
): Promise<FindingStatisticsRow[]> {
  const { sql, where, params } = findingsFrom(filter);
  const groups = [...new Set(groupBy)];
  const col = (g: FindingGroup) => (groups.includes(g) ? GROUP_SQL[g] : 'null');
  const keys = groups.map((g) => GROUP_SQL[g]);
  const rows = await query<Record<string, string | null>>(
    em,
    `select ${col(FindingGroup.RULE)} as rule, ${col(FindingGroup.REGION)} as region_code,
       ${col(FindingGroup.CATEGORY)} as category, ${col(FindingGroup.SOURCE_SYSTEM)} as source_system,
       ${col(FindingGroup.MONTH)} as month,
       count(*) as total, count(*) filter (where f.cleared_at is null) as open,
       count(*) filter (where f.severity = 'HIGH') as high, count(*) filter (where f.severity = 'MEDIUM') as medium,
       count(*) filter (where f.severity = 'LOW') as low,
       count(*) filter (where r.outcome = 'CONFIRMED') as confirmed, count(*) filter (where r.outcome = 'DISMISSED') as dismissed
     from ${sql.replace(
       'join source_system ss on ss.id = p.source_system_id',
       `join source_system ss on ss.id = p.source_system_id
        left join lateral (select outcome from finding_review v where v.finding_id = f.id order by v.number desc limit 1) r on true`,
     )}
     ${where.length ? `where ${where.join(' and ')}` : ''}
     ${keys.length ? `group by ${keys.join(', ')} order by ${keys.join(', ')}` : ''}`,
    params,
  );
  const n = (v: string | null) => Number(v ?? 0);
  return rows.map((r) => ({
    rule: r.rule,
    regionCode: r.region_code,
    category: r.category,
    sourceSystem: r.source_system,
    month: r.month,
    total: n(r.total),
    open: n(r.open),
    high: n(r.high),
    medium: n(r.medium),
    low: n(r.low),
    confirmed: n(r.confirmed),
    dismissed: n(r.dismissed),
  }));
}
