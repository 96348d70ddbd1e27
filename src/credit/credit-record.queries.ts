import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { chinaDate } from '../common/datetime';
import { ErrorCode, HubError } from '../common/errors';
import { pageSize, type Page } from '../common/pagination';
import { findOnePlain, findPlain, inSet, plainFromColumns } from '../common/plain';
import { queryPrepared } from '../common/sql';
import { isStorableText } from '../common/storable';
import { keysetOrder } from '../read/keyset';
import { CreditRecordRow } from './credit-record.entity';
import { CreditSubjectType, type CreditKind, type CreditRecordStatus, type CreditSeverity } from './credit.model';
import { creditGrade, isPunitive, type CreditGrade, type GradeReason } from './publication.rules';

/** One credit record by code; null when not held. */
export function findCreditRecord(em: EntityManager, code: string): Promise<CreditRecordRow | null> {
  if (!isStorableText(code)) return Promise.resolve(null);
  return findOnePlain(em, CreditRecordRow, { code: code.trim() });
}

/** An inclusive range of calendar dates; either end may be open. */
export interface DateRange {
  from?: string | null;
  to?: string | null;
}

export interface CreditRecordFilter {
  /** The subject's credit code or expert code. */
  subject?: string | null;
  kind?: CreditKind | null;
  severity?: CreditSeverity | null;
  /** The deciding authority's credit code. */
  authority?: string | null;
  status?: CreditRecordStatus | null;
  /** Records whose publication starts within the range. */
  publishedFrom?: DateRange | null;
  /** Records decided within the range. */
  decidedOn?: DateRange | null;
}

function range(where: Record<string, unknown>, column: string, r: DateRange | null | undefined): void {
  if (!r) return;
  const cond: Record<string, string> = {};
  if (r.from) cond.$gte = r.from;
  if (r.to) cond.$lte = r.to;
  if (Object.keys(cond).length) where[column] = cond;
}

/**
 * One page of credit records by code (keyset). Every condition has an index
 * (credit-record.entity.ts); the planner picks one and filters the rest.
 */
export async function listCreditRecords(
  em: EntityManager,
  args: { filter?: CreditRecordFilter | null; first?: number | null; after?: string | null },
  maxPage: number,
): Promise<Page<CreditRecordRow>> {
  const first = pageSize(args.first, maxPage);
  const f = args.filter ?? {};
  const base: FilterQuery<CreditRecordRow> & Record<string, unknown> = {};
  for (const [name, value] of [
    ['subject', f.subject],
    ['authority', f.authority],
  ] as const) {
    if (value && (!isStorableText(value) || value.length > 80))
      throw new HubError(ErrorCode.BAD_USER_INPUT, `${name} must be a credit code or an expert code`, {
        field: `filter.${name}`,
      });
  }
  if (f.subject) base.subjectCode = f.subject.trim();
  if (f.authority) base.authorityCreditCode = f.authority.trim().toUpperCase();
  if (f.kind) base.kind = f.kind;
  if (f.severity) base.severity = f.severity;
  if (f.status) base.status = f.status;
  range(base, 'publishedFrom', f.publishedFrom);
  range(base, 'decidedOn', f.decidedOn);
  const order = keysetOrder<CreditRecordRow, 'code'>('code', false, args.after);
  const where: FilterQuery<CreditRecordRow> = order.after ? { $and: [base, order.after] } : base;
  const rows =
    first === 0 ? [] : await findPlain(em, CreditRecordRow, where, { orderBy: order.orderBy, limit: first + 1 });
  const nodes = rows.slice(0, first);
  return {
    nodes,
    cursors: nodes.map(order.cursorOf),
    hasNextPage: rows.length > first,
    totalCount: () => em.count(CreditRecordRow, base),
  };
}

/** Every credit record of the given subjects (credit codes or expert codes), newest decision first; one statement. */
export function creditRecordsOfSubjects(em: EntityManager, codes: readonly string[]): Promise<CreditRecordRow[]> {
  return findPlain(em, CreditRecordRow, inSet('subject_code', codes, 'text'), {
    orderBy: [{ decidedOn: 'desc' }, { code: 'asc' }],
  });
}

/** A subject's credit at a moment. */
export interface CreditStatusResult {
  subjectCode: string;
  at: Date;
  grade: CreditGrade;
  blacklisted: boolean;
  reasons: GradeReason[];
  /** Bad records (violations, penalties, blacklistings, poor performance) in force. */
  badRecords: CreditRecordRow[];
  /** Good records, commitments and good or qualified performance in force. */
  goodRecords: CreditRecordRow[];
}

/**
 * The records in force at `at` of the given subjects, in one statement on
 * credit_record_subject_idx (subject_code, effective_until): what
 * isInForceAt (publication.rules.ts) says, in SQL.
 */
export async function recordsInForce(
  em: EntityManager,
  subjectType: CreditSubjectType,
  codes: readonly string[],
  at: Date,
): Promise<CreditRecordRow[]> {
  if (!codes.length) return [];
  const day = chinaDate(at);
  const rows = await queryPrepared<Record<string, unknown>>(
    em,
    `select r.* from credit_record r
     where r.subject_code = any($1::text[]) and r.effective_until > $2::date and r.effective_from <= $2::date
       and r.subject_type = $3 and r.status <> 'REVOKED' and (r.repaired_at is null or r.repaired_at > $4)
     order by r.subject_code, r.decided_on desc, r.code`,
    [codes, day, subjectType, at.toISOString()],
  );
  return plainFromColumns(em, CreditRecordRow, rows);
}

/** The credit status of each subject at `at` (see creditGrade for the grade rules), one statement for all. */
export async function creditStatuses(
  em: EntityManager,
  subjectType: CreditSubjectType,
  codes: readonly string[],
  at: Date,
): Promise<Map<string, CreditStatusResult>> {
  const rows = await recordsInForce(em, subjectType, codes, at);
  const out = new Map<string, CreditStatusResult>();
  for (const code of codes) {
    const mine = rows.filter((r) => r.subjectCode === code);
    const g = creditGrade(mine.map((r) => ({ ...r, performanceRating: r.performanceRating ?? null })));
    out.set(code, {
      subjectCode: code,
      at,
      grade: g.grade,
      blacklisted: g.blacklisted,
      reasons: g.reasons,
      badRecords: mine.filter((r) => isBad(r)),
      goodRecords: mine.filter((r) => !isBad(r)),
    });
  }
  return out;
}

function isBad(r: CreditRecordRow): boolean {
  return isPunitive(r.kind, r.performanceRating ?? null);
}

/** The credit status of one market entity by credit code at a moment. */
export async function creditStatusOf(em: EntityManager, creditCode: string, at: Date): Promise<CreditStatusResult> {
  const code = creditCode.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code))
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'creditCode is not a unified social credit code', {
      field: 'creditCode',
    });
  return (await creditStatuses(em, CreditSubjectType.ENTITY, [code], at)).get(code)!;
}
