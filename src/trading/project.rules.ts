import { daysBetween, chinaDate } from '../common/datetime';
import { ErrorCode } from '../common/errors';
import { isKnownRegion } from '../common/regions';
import { Checker } from '../common/validate';
import type { FindingData, Validated } from '../ingest/types';
import { validateDetails } from './catalog.rules';
import { MAX_PROJECT_CODE, TradingMethod, TradingStatus } from './trading.model';

/** A section as pushed inside its project. */
export interface SectionPush {
  code?: string | null;
  name?: string | null;
  budget?: string | null;
  status?: string | null;
  openingAt?: string | null;
}

/** A trading project as a trading system pushes it: untrusted, checked per record. */
export interface ProjectPush {
  code?: string | null;
  name?: string | null;
  subItemCode?: string | null;
  regionCode?: string | null;
  tendererCreditCode?: string | null;
  agencyCreditCode?: string | null;
  budget?: string | null;
  currency?: string | null;
  method?: string | null;
  status?: string | null;
  publishedAt?: string | null;
  bidDeadline?: string | null;
  details?: Record<string, unknown> | null;
  externalId?: string | null;
  /** 统一交易标识码, when the trading system has one. */
  unifiedTransactionCode?: string | null;
  sections?: (SectionPush | null)[] | null;
}

export interface SectionData {
  code: string;
  name: string;
  budget: string | null;
  status: TradingStatus;
  /** ISO 8601, UTC. */
  openingAt: string | null;
}

export interface ProjectData {
  code: string;
  name: string;
  subItemCode: string;
  categoryCode: string;
  regionCode: string;
  tendererCreditCode: string;
  agencyCreditCode: string | null;
  budget: string | null;
  currency: string;
  method: TradingMethod;
  status: TradingStatus;
  publishedAt: string | null;
  bidDeadline: string | null;
  details: Record<string, unknown> | null;
  externalId: string | null;
  /**
   * The unified transaction identifier (统一交易标识码) as pushed; absent when none was (then the hub forms one, see
   * {@link unifiedTransactionCode}). Only present when pushed, so that projects pushed before the field existed keep
   * their content hash.
   */
  unifiedTransactionCode?: string;
  sections: SectionData[];
}

/**
 * The unified transaction identifier (统一交易标识码) of a project: the one its trading system pushed, or else one the
 * hub forms as `HB` + the region code + `-` + the project code. The national specification's own composition is not
 * available here; the formed value is unique in the province (project codes are) and stable for the project's life.
 */
export function unifiedTransactionCode(project: {
  code: string;
  regionCode: string;
  unifiedTransactionCode?: string | null;
}): string {
  return project.unifiedTransactionCode || `HB${project.regionCode}-${project.code}`;
}

/** The catalog as validation sees it: sub-items with their category, schema and whether retired. */
export type CatalogView = ReadonlyMap<
  string,
  { categoryCode: string; retired: boolean; detailsSchema: Record<string, unknown> | null }
>;

/** Most sections (标段/包) one project may list. */
export const MAX_SECTIONS = 1000;

/**
 * Minimum bid period in days for projects that must be tendered (招标投标法 Art. 24; open government procurement likewise).
 */
export const MIN_BID_PERIOD_DAYS = 20;

/**
 * Validates and normalises a pushed project and its sections; pure. A retired
 * catalog entry takes no new project, but a project already stored under it
 * (`storedSubItems`: project code → its stored sub-item) carries on with its
 * lifecycle there.
 */
export function validateProject(
  input: ProjectPush,
  catalog: CatalogView,
  storedSubItems: ReadonlyMap<string, string> = new Map(),
): Validated<ProjectData> {
  const c = new Checker();
  const code = c.code('code', input.code, { required: true, max: MAX_PROJECT_CODE });
  const name = c.text('name', input.name, { required: true, max: 300 });
  let subItemCode = c.text('subItemCode', input.subItemCode, { required: true, max: 60 });
  const sub = subItemCode ? catalog.get(subItemCode.toUpperCase()) : undefined;
  if (subItemCode && !sub) {
    c.errors.push({
      field: 'subItemCode',
      code: ErrorCode.NOT_FOUND,
      message: `subItemCode ${subItemCode} is not a sub-item of the trading catalog`,
    });
    subItemCode = undefined;
  } else if (subItemCode && sub!.retired && !(code && storedSubItems.get(code) === subItemCode.toUpperCase())) {
    c.errors.push({
      field: 'subItemCode',
      code: ErrorCode.NOT_FOUND,
      message: `subItemCode ${subItemCode} is retired from the trading catalog: it takes no new project`,
    });
    subItemCode = undefined;
  }
  let regionCode = c.text('regionCode', input.regionCode, { required: true, max: 6 });
  if (regionCode && !isKnownRegion(regionCode))
    regionCode = c.fail('regionCode', `regionCode ${regionCode} is not a known Hubei GB/T 2260 code`);
  const tendererCreditCode = c.creditCode('tendererCreditCode', input.tendererCreditCode, { required: true });
  const agencyCreditCode = c.creditCode('agencyCreditCode', input.agencyCreditCode, { required: false });
  const budget = c.decimal('budget', input.budget);
  const currency = (c.text('currency', input.currency, { max: 3 }) ?? 'CNY').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) c.fail('currency', 'currency must be an ISO 4217 code such as CNY');
  const method = c.oneOf('method', input.method, Object.values(TradingMethod));
  const status = c.oneOf('status', input.status, Object.values(TradingStatus), TradingStatus.TENDERING);
  const publishedAt = c.dateTime('publishedAt', input.publishedAt);
  const bidDeadline = c.dateTime('bidDeadline', input.bidDeadline);
  if (publishedAt && bidDeadline && bidDeadline < publishedAt)
    c.fail('bidDeadline', 'bidDeadline is before publishedAt');
  // Stored as it is (jsonb) once it is storable and within bounds; then the sub-item's schema judges it.
  const details = c.jsonObject('details', input.details);
  if (sub && details !== undefined) c.errors.push(...validateDetails(details, sub.detailsSchema));
  const externalId = c.text('externalId', input.externalId, { max: 100 });
  const transactionCode = c.code('unifiedTransactionCode', input.unifiedTransactionCode, { required: false, max: 80 });

  const sections: SectionData[] = [];
  const seen = new Map<string, number>();
  c.list<SectionPush | null>('sections', input.sections, MAX_SECTIONS).forEach((s, i) => {
    const p = `sections.${i}`;
    if (!s || typeof s !== 'object') return c.fail(p, `${p} must be an object`);
    const scode = c.code(`${p}.code`, s.code, { required: true, max: 80 });
    if (scode && seen.has(scode)) {
      c.fail(`${p}.code`, `${p}.code ${scode} is already listed at sections.${seen.get(scode)}`);
      return;
    }
    if (scode) seen.set(scode, i);
    const sname = c.text(`${p}.name`, s.name, { required: true, max: 300 });
    const sbudget = c.decimal(`${p}.budget`, s.budget);
    const sstatus = c.oneOf(`${p}.status`, s.status, Object.values(TradingStatus), status ?? TradingStatus.TENDERING);
    const openingAt = c.dateTime(`${p}.openingAt`, s.openingAt);
    if (scode && sname && sbudget !== undefined && sstatus && openingAt !== undefined) {
      sections.push({
        code: scode,
        name: sname,
        budget: sbudget,
        status: sstatus,
        openingAt: openingAt?.toISOString() ?? null,
      });
    }
  });
  sections.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  if (c.errors.length) return { ok: false, errors: c.errors };
  return {
    ok: true,
    value: {
      code: code!,
      name: name!,
      subItemCode: subItemCode!.toUpperCase(),
      categoryCode: sub!.categoryCode,
      regionCode: regionCode!,
      tendererCreditCode: tendererCreditCode!,
      agencyCreditCode: agencyCreditCode ?? null,
      budget: budget ?? null,
      currency,
      method: method!,
      status: status!,
      publishedAt: publishedAt?.toISOString() ?? null,
      bidDeadline: bidDeadline?.toISOString() ?? null,
      details: details ?? null,
      externalId: externalId ?? null,
      ...(transactionCode ? { unifiedTransactionCode: transactionCode } : {}),
      sections,
    },
  };
}

/** The rule codes of projectFindings. */
export const PROJECT_FINDING_RULES = ['BID_PERIOD_SHORT', 'OPENING_BEFORE_DEADLINE'] as const;

/**
 * Timing rules of a project, as data-quality findings: an open tender or
 * open procurement must leave at least 20 days between the notice and the
 * bid deadline (招标投标法 Art. 24, 政府采购法实施条例).
 */
export function projectFindings(p: ProjectData): FindingData[] {
  const out: FindingData[] = [];
  if (p.method === TradingMethod.OPEN_TENDER && p.publishedAt && p.bidDeadline) {
    const days = daysBetween(chinaDate(new Date(p.publishedAt)), chinaDate(new Date(p.bidDeadline)));
    if (days < MIN_BID_PERIOD_DAYS) {
      out.push({
        rule: 'BID_PERIOD_SHORT',
        message: `only ${days} days from the tender notice to the bid deadline; at least ${MIN_BID_PERIOD_DAYS} are required (招标投标法 第二十四条)`,
      });
    }
  }
  for (const s of p.sections) {
    if (s.openingAt && p.bidDeadline && s.openingAt < p.bidDeadline) {
      out.push({
        rule: 'OPENING_BEFORE_DEADLINE',
        message: `section ${s.code} opens at ${s.openingAt}, before the bid deadline ${p.bidDeadline}`,
      });
    }
  }
  return out;
}
