import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubConfig } from '../config';
import { ErrorCode, HubError } from '../common/errors';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination';
import { query } from '../common/sql';

/*
 * Disclosure quality per connected system (完整率、准确率、及时率), computed in
 * SQL over the stored records whose own time (award date, report time,
 * signing date, publication or submission time) lies in the period. Every
 * measure counts items that are fine or not; the items that are not are
 * listed by disclosureOffenders, with the same conditions.
 */

/** The measures. */
export enum DisclosureMeasure {
  /** Completeness: an awarded section has an award (or deal) notice. */
  AWARD_NOTICE = 'AWARD_NOTICE',
  /** Completeness: an evaluation report is followed by a candidate publicity within the legal delay. */
  CANDIDATE_PUBLICITY = 'CANDIDATE_PUBLICITY',
  /** Completeness: a contract reached the hub within the legal delay after signing. */
  CONTRACT_IN_TIME = 'CONTRACT_IN_TIME',
  /** Timeliness: a record reached the hub within the configured hours of its own time (p50, p95 of the delay). */
  TIMELY = 'TIMELY',
  /**
   * Accuracy: of the records stored (by own time) and the records rejected (by the China day of the push; never stored,
   * counted in push_rejection), the share stored and never corrected (still at version 1).
   */
  UNCORRECTED = 'UNCORRECTED',
}

export enum DisclosureGroup {
  SOURCE_SYSTEM = 'SOURCE_SYSTEM',
  CATEGORY = 'CATEGORY',
  REGION = 'REGION',
}

/** The thresholds, from DOMAIN.md "Rules with numbers"; configuration (HubConfig.disclosure). */
export interface DisclosureThresholds {
  /** Candidate publicity within this many days of the evaluation report (招标投标法实施条例 第五十四条: 3). */
  publicityDays: number;
  /** A contract published within this many days of signing (政府采购法实施条例 第五十条: 2 working days). */
  contractDays: number;
  /** A record is timely when it reaches the hub within this many hours of its own time. Default 24. */
  timelyHours: number;
}

export const DEFAULT_DISCLOSURE_THRESHOLDS: DisclosureThresholds = {
  publicityDays: 3,
  contractDays: 2,
  timelyHours: 24,
};

export const disclosureThresholdsOf = (config: HubConfig | undefined): DisclosureThresholds =>
  config?.disclosure ?? DEFAULT_DISCLOSURE_THRESHOLDS;

export interface Period {
  from: Date;
  to: Date;
}

const CN = `'Asia/Shanghai'`;
const dayStart = (col: string) => `(${col}::timestamp at time zone ${CN})`;
const covers = `(cardinality(n.section_codes) = 0 or s.code = any(n.section_codes))`;

/** The first China calendar day (YYYY-MM-DD) whose start is at or after `at`. */
function firstDayFrom(at: Date): string {
  const china = new Date(at.getTime() + 8 * 3_600_000);
  const day = china.toISOString().slice(0, 10);
  const startsAt = Date.parse(`${day}T00:00:00+08:00`);
  return startsAt >= at.getTime() ? day : new Date(startsAt + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The own time of a kind of record, and its period condition on the stored
 * column itself, so that each branch of the union reads its own index
 * (award_awarded_on_idx, evaluation_reported_at_idx, contract_signed_on_idx,
 * bid_submitted_at_idx, bid_opening_opened_at_idx, announcement_published_at_idx).
 * A day's own time is its China start, so "start in [from, to)" is "day in
 * [first day starting at or after from, first day starting at or after to)".
 */
interface OwnTime {
  at: string;
  inPeriod: string;
  params: (p: Period) => unknown[];
}
const instant = (col: string): OwnTime => ({
  at: col,
  inPeriod: `${col} >= ?::timestamptz and ${col} < ?::timestamptz`,
  params: (p) => [p.from, p.to],
});
const day = (col: string): OwnTime => ({
  at: dayStart(col),
  inPeriod: `${col} >= ?::date and ${col} < ?::date`,
  params: (p) => [firstDayFrom(p.from), firstDayFrom(p.to)],
});

/** Record kinds of the timeliness and accuracy measures: table, topic, key, own time. */
const RECORDS: [string, string, string, OwnTime][] = [
  ['bid', 'BID', 'r.record_key', instant('r.submitted_at')],
  ['bid_opening', 'BID_OPENING', 's.code', instant('r.opened_at')],
  ['evaluation', 'EVALUATION', 's.code', instant('r.reported_at')],
  ['award', 'AWARD', 's.code', day('r.awarded_on')],
  ['contract', 'CONTRACT', 'r.code', day('r.signed_on')],
  ['announcement', 'ANNOUNCEMENT', 'r.code', instant('r.published_at')],
];

/** The topics of RECORDS as an SQL list of literals (fixed words, not input). */
const MEASURED_TOPICS = RECORDS.map((r) => `'${r[1]}'`).join(', ');

/**
 * Every item of every measure whose own time lies in the period: measure,
 * system, category, region, topic, key, project, own time, whether it is
 * fine, the delay in hours. The period is a condition of every branch of the
 * union (on the indexed column), not of the union as a whole. Parameters:
 * the thresholds and the period bounds, in order of their `?`.
 */
function itemsSql(t: DisclosureThresholds, period: Period): { sql: string; params: unknown[] } {
  const base = (measure: string, topic: string, key: string, at: string, ok: string, delay = 'null::float8') =>
    `select '${measure}' as measure, r.source_system_id, p.category_code, p.region_code, '${topic}' as topic,
       ${key} as record_key, p.code as project_code, ${at} as at, ${ok} as ok, ${delay} as delay_hours, 1 as n`;
  const parts: string[] = [];
  const params: unknown[] = [];
  const sectioned = 'join section s on s.id = r.section_id join trading_project p on p.id = s.project_id';
  const own = (table: string) => RECORDS.find((r) => r[0] === table)![3];
  const award = own('award');
  parts.push(
    `${base(
      DisclosureMeasure.AWARD_NOTICE,
      'AWARD',
      's.code',
      award.at,
      `exists (select 1 from announcement n where n.project_id = p.id and n.type in ('AWARD_NOTICE', 'DEAL_NOTICE') and ${covers})`,
    )} from award r ${sectioned} where ${award.inPeriod}`,
  );
  params.push(...award.params(period));
  const report = own('evaluation');
  parts.push(
    `${base(
      DisclosureMeasure.CANDIDATE_PUBLICITY,
      'EVALUATION',
      's.code',
      report.at,
      `exists (select 1 from announcement n where n.project_id = p.id and n.type = 'CANDIDATE_PUBLICITY' and ${covers}
         and n.published_at <= r.reported_at + make_interval(days => ?::int))`,
    )} from evaluation r ${sectioned} where ${report.inPeriod}`,
  );
  params.push(t.publicityDays, ...report.params(period));
  const signed = own('contract');
  parts.push(
    `${base(
      DisclosureMeasure.CONTRACT_IN_TIME,
      'CONTRACT',
      'r.code',
      signed.at,
      `r.created_at < ${dayStart('(r.signed_on + (?::int + 1))')}`,
    )} from contract r ${sectioned} where ${signed.inPeriod}`,
  );
  params.push(t.contractDays, ...signed.params(period));
  const delay = (at: string) => `extract(epoch from (r.created_at - ${at})) / 3600.0`;
  for (const [table, topic, key, time] of RECORDS) {
    const from =
      table === 'announcement'
        ? 'from announcement r join trading_project p on p.id = r.project_id'
        : `from ${table} r ${sectioned}`;
    parts.push(
      `${base(DisclosureMeasure.TIMELY, topic, key, time.at, `${delay(time.at)} <= ?::float8`, delay(time.at))} ${from} where ${time.inPeriod}`,
    );
    params.push(t.timelyHours, ...time.params(period));
    parts.push(
      `${base(DisclosureMeasure.UNCORRECTED, topic, key, time.at, 'r.version = 1')} ${from} where ${time.inPeriod}`,
    );
    params.push(...time.params(period));
  }
  return { sql: parts.join('\nunion all\n'), params };
}

/**
 * The rejected records of the period as items of the accuracy measure: one row per system, day, topic and reason
 * (`n` records), never fine, with neither category nor region (a rejected record is not stored; its project may not
 * even exist). The period condition is on push_rejection's day, the leading column of its unique key. Only the kinds of
 * record whose stored versions the measure counts (RECORDS): a rejected market entity is counted in push_rejection but
 * is no disclosed trading record.
 */
function rejectedSql(period: Period): { sql: string; params: unknown[] } {
  return {
    sql: `select '${DisclosureMeasure.UNCORRECTED}' as measure, x.source_system_id, null::text as category_code,
       null::text as region_code, x.topic, null::text as record_key, null::text as project_code, ${dayStart('x.day')} as at,
       false as ok, null::float8 as delay_hours, x.count as n
       from push_rejection x where x.day >= ?::date and x.day < ?::date and x.topic in (${MEASURED_TOPICS})`,
    params: [firstDayFrom(period.from), firstDayFrom(period.to)],
  };
}

const GROUP_SQL: Record<DisclosureGroup, string> = {
  SOURCE_SYSTEM: 'ss.code',
  CATEGORY: 'i.category_code',
  REGION: `case when substr(i.region_code, 1, 4) = '4290' then i.region_code else substr(i.region_code, 1, 4) || '00' end`,
};

function checkPeriod(period: Period): void {
  if (!(period.from < period.to))
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'period.from must be before period.to', { field: 'period' });
}

export interface DisclosureQualityRow {
  measure: DisclosureMeasure;
  sourceSystem: string | null;
  category: string | null;
  regionCode: string | null;
  total: number;
  ok: number;
  /** ok / total, null when there is nothing to measure. */
  share: number | null;
  /** UNCORRECTED: how many of `total` are rejected records (never stored); 0 for the other measures. */
  rejected: number;
  /**
   * UNCORRECTED: the rejected records by topic and reason code, most frequent first, at most
   * {@link MAX_REJECTION_REASONS}; empty for the other measures.
   */
  rejections: RejectionCount[];
  /** Push delay percentiles in hours (TIMELY only). */
  p50Hours: number | null;
  p95Hours: number | null;
}

/** The statement of disclosureQuality (exported so that a test can read its plan). */
export function disclosureQualitySql(
  period: Period,
  groupBy: readonly DisclosureGroup[],
  t: DisclosureThresholds,
): { sql: string; params: unknown[] } {
  const items = itemsSql(t, period);
  const rejected = rejectedSql(period);
  const groups = [...new Set(groupBy)];
  const col = (g: DisclosureGroup) => (groups.includes(g) ? GROUP_SQL[g] : 'null');
  const keys = ['i.measure', ...groups.map((g) => GROUP_SQL[g])];
  return {
    sql: `with i as (${items.sql}\nunion all\n${rejected.sql})
     select i.measure, ${col(DisclosureGroup.SOURCE_SYSTEM)} as source_system, ${col(DisclosureGroup.CATEGORY)} as category,
       ${col(DisclosureGroup.REGION)} as region_code, sum(i.n) as total, coalesce(sum(i.n) filter (where i.ok), 0) as ok,
       coalesce(sum(i.n) filter (where i.record_key is null), 0) as rejected,
       percentile_cont(0.5) within group (order by i.delay_hours) as p50, percentile_cont(0.95) within group (order by i.delay_hours) as p95
     from i join source_system ss on ss.id = i.source_system_id
     group by ${keys.join(', ')} order by ${keys.join(', ')}`,
    params: [...items.params, ...rejected.params],
  };
}

/** The rejected records of a group, of one topic and reason code. */
export interface RejectionCount {
  topic: string;
  /** The stable error code of the records' first error. */
  code: string;
  count: number;
}

/**
 * The most (topic, reason) pairs listed per row. Topics and codes are both small closed sets, so this bounds the list
 * without ever cutting it in practice; the row's `rejected` is the whole count.
 */
export const MAX_REJECTION_REASONS = 50;

/**
 * The rejected records of the period by topic and reason per group: only the source system can group them (they have
 * neither category nor region). One statement; at most MAX_REJECTION_REASONS pairs per group.
 */
async function rejectionReasons(
  em: EntityManager,
  period: Period,
  bySystem: boolean,
): Promise<Map<string | null, RejectionCount[]>> {
  const rejected = rejectedSql(period);
  const system = bySystem ? 'ss.code' : 'null::text';
  const rows = await query<{ source_system: string | null; topic: string; code: string; n: string }>(
    em,
    `select source_system, topic, code, n from (
       select ${system} as source_system, x.topic, x.code, sum(x.count) as n,
         row_number() over (partition by ${system} order by sum(x.count) desc, x.topic, x.code) as rank
       from push_rejection x join source_system ss on ss.id = x.source_system_id
       where x.day >= ?::date and x.day < ?::date and x.topic in (${MEASURED_TOPICS})
       group by 1, x.topic, x.code) r
     where rank <= ? order by source_system, rank`,
    [...rejected.params, MAX_REJECTION_REASONS],
  );
  const out = new Map<string | null, RejectionCount[]>();
  for (const r of rows) {
    const list = out.get(r.source_system) ?? [];
    list.push({ topic: r.topic, code: r.code, count: Number(r.n) });
    out.set(r.source_system, list);
  }
  return out;
}

/** The measures per group over the period, in SQL. */
export async function disclosureQuality(
  em: EntityManager,
  period: Period,
  groupBy: readonly DisclosureGroup[],
  t: DisclosureThresholds,
): Promise<DisclosureQualityRow[]> {
  checkPeriod(period);
  const q = disclosureQualitySql(period, groupBy, t);
  const rows = await query<Record<string, string | number | null>>(em, q.sql, q.params);
  const num = (v: string | number | null) => (v === null ? null : Math.round(Number(v) * 100) / 100);
  // The reasons only when some row has rejections: the rows of the accuracy measure without category or region.
  const reasons = rows.some((r) => Number(r.rejected) > 0)
    ? await rejectionReasons(em, period, groupBy.includes(DisclosureGroup.SOURCE_SYSTEM))
    : new Map<string | null, RejectionCount[]>();
  return rows.map((r) => {
    const total = Number(r.total);
    const ok = Number(r.ok);
    const rejected = Number(r.rejected);
    return {
      measure: r.measure as DisclosureMeasure,
      sourceSystem: r.source_system as string | null,
      category: r.category as string | null,
      regionCode: r.region_code as string | null,
      total,
      ok,
      share: total ? ok / total : null,
      rejected,
      rejections: rejected ? (reasons.get(r.source_system as string | null) ?? []) : [],
      p50Hours: num(r.p50),
      p95Hours: num(r.p95),
    };
  });
}

/** A record that fails a measure. */
export interface OffendingRecord {
  measure: DisclosureMeasure;
  topic: string;
  key: string;
  projectCode: string;
  sourceSystem: string;
  at: Date;
  delayHours: number | null;
}

/** The conditions that select the offenders of one row of disclosureQuality. */
export interface OffenderFilter {
  sourceSystem?: string | null;
  category?: string | null;
  regionCode?: string | null;
}

/** The records failing `measure` in the period (and the row's group), oldest first, paged. */
export async function disclosureOffenders(
  em: EntityManager,
  measure: DisclosureMeasure,
  period: Period,
  filter: OffenderFilter,
  t: DisclosureThresholds,
  first: number,
  after?: string | null,
): Promise<Page<OffendingRecord>> {
  checkPeriod(period);
  const items = itemsSql(t, period);
  const where = ['i.measure = ?', 'not i.ok'];
  const params: unknown[] = [...items.params, measure];
  if (filter.sourceSystem) {
    where.push('ss.code = ?');
    params.push(filter.sourceSystem);
  }
  if (filter.category) {
    where.push('i.category_code = ?');
    params.push(filter.category);
  }
  if (filter.regionCode) {
    where.push(`${GROUP_SQL.REGION} = ?`);
    params.push(filter.regionCode);
  }
  const total = { where: [...where], params: [...params] };
  if (after) {
    const [at, topic, key] = decodeCursor(after, ['time', 'text', 'text']) as [string, string, string];
    where.push('(i.at, i.topic, i.record_key) > (?::timestamptz, ?, ?)');
    params.push(at, topic, key);
  }
  const from = `with i as (${items.sql}) select i.*, ss.code as source_system from i join source_system ss on ss.id = i.source_system_id`;
  const rows = await query<{
    topic: string;
    record_key: string;
    project_code: string;
    source_system: string;
    at: Date;
    delay_hours: number | null;
  }>(em, `${from} where ${where.join(' and ')} order by i.at, i.topic, i.record_key limit ?`, [...params, first + 1]);
  const page = rows.slice(0, first);
  return {
    nodes: page.map((r) => ({
      measure,
      topic: r.topic,
      key: r.record_key,
      projectCode: r.project_code,
      sourceSystem: r.source_system,
      at: new Date(r.at),
      delayHours: r.delay_hours === null ? null : Math.round(Number(r.delay_hours) * 100) / 100,
    })),
    cursors: page.map((r) => encodeCursor([new Date(r.at).toISOString(), r.topic, r.record_key])),
    hasNextPage: rows.length > first,
    totalCount: async () => {
      const [c] = await query<{ n: string }>(
        em,
        `select count(*) as n from (${from} where ${total.where.join(' and ')}) x`,
        total.params,
      );
      return Number(c.n);
    },
  };
}
