import { chinaDate } from '../common/datetime';
import {
  COLLUSIVE_BIDDING,
  CreditKind,
  CreditRecordStatus,
  CreditSeverity,
  PenaltyType,
  PerformanceRating,
} from './credit.model';

/*
 * Publication windows, credit-repair conditions and grades: the credit rules
 * as pure functions over dates and instants, unit-tested at their edges
 * (test/unit/publication.rules.test.ts). Every period is of China calendar
 * days, from its first day up to, not including, its end day; a day begins
 * at 00:00 China time (UTC+8).
 *
 * Windows (信用修复管理办法, in force from 2026-04-01): minor violations are
 * not published, or at most 3 months; general at least 3 months and at most
 * 1 year; serious at least 1 year and at most 3 years. Repair only after the
 * minimum; collusive bidding punished with suspension or licence revocation
 * runs the full 3 years and is never repaired. The rules apply by decision
 * date: a record decided before 2026-04-01 keeps the earlier rules (see
 * windowRulesFor).
 */

/** Minimum and maximum publication (and effect) of a bad record by severity, in months from its start. */
export type WindowMonths = Readonly<Record<CreditSeverity, { min: number; max: number }>>;

/** The window rules in force for records decided from a given day on. */
export interface WindowRules {
  /** The first decision date they apply to; null for the earliest rules. */
  readonly from: string | null;
  /** Where they come from. */
  readonly basis: string;
  readonly months: WindowMonths;
  /** Whether a minor record may be published at all (for at most its maximum). */
  readonly minorPublishable: boolean;
}

/** The decision date from which the 信用修复管理办法 windows apply. */
export const WINDOWS_2026_FROM = '2026-04-01';

/** Bad-record windows of records decided from 2026-04-01 on. */
export const WINDOW_MONTHS: WindowMonths = {
  [CreditSeverity.MINOR]: { min: 0, max: 3 },
  [CreditSeverity.GENERAL]: { min: 3, max: 12 },
  [CreditSeverity.SERIOUS]: { min: 12, max: 36 },
};

export const WINDOW_RULES_2026: WindowRules = {
  from: WINDOWS_2026_FROM,
  basis: '信用修复管理办法 (from 2026-04-01)',
  months: WINDOW_MONTHS,
  minorPublishable: true,
};

/**
 * The rules before 2026-04-01 (失信行为纠正后的信用信息修复管理办法（试行）):
 * general and serious windows as now, but a minor violation (warning,
 * criticism, a small fine) is not published at all; it still counts in
 * credit checks for 3 months.
 */
export const WINDOW_RULES_EARLIER: WindowRules = {
  from: null,
  basis: '失信行为纠正后的信用信息修复管理办法（试行） (before 2026-04-01)',
  months: WINDOW_MONTHS,
  minorPublishable: false,
};

/** The window rules of a record decided on `decidedOn` (YYYY-MM-DD): the decision date picks them, not the push. */
export function windowRulesFor(decidedOn: string): WindowRules {
  return decidedOn >= WINDOWS_2026_FROM ? WINDOW_RULES_2026 : WINDOW_RULES_EARLIER;
}

/** How long good records, commitments and good or qualified performance are published at most, in months. */
export const POSITIVE_MONTHS = 36;

/** A calendar date `months` later; the last day of the month when the day does not exist (01-31 + 1 → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The instant a China calendar day begins (ms since the epoch). */
export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}

/** Whether a record is a bad one (失信信息): it lowers the grade, has a bounded window and may be repaired. */
export function isPunitive(kind: CreditKind, rating: PerformanceRating | null): boolean {
  return (
    kind === CreditKind.BAD_CONDUCT ||
    kind === CreditKind.ADMINISTRATIVE_PENALTY ||
    kind === CreditKind.BLACKLIST ||
    (kind === CreditKind.CONTRACT_PERFORMANCE && rating === PerformanceRating.POOR)
  );
}

/** Collusive bidding punished with suspension or licence revocation: the full 3 years, never repaired. */
export function isUnrepairable(r: {
  severity: CreditSeverity;
  violationType: string | null;
  penaltyType: PenaltyType | null;
}): boolean {
  return (
    r.severity === CreditSeverity.SERIOUS &&
    r.violationType === COLLUSIVE_BIDDING &&
    (r.penaltyType === PenaltyType.SUSPENSION || r.penaltyType === PenaltyType.LICENCE_REVOCATION)
  );
}

/** What the window of a record is computed from (validated fields). */
export interface WindowInput {
  kind: CreditKind;
  severity: CreditSeverity;
  decidedOn: string;
  listedOn: string | null;
  listingEndsOn: string | null;
  publicationEndsOn: string | null;
  violationType: string | null;
  penaltyType: PenaltyType | null;
  performanceRating: PerformanceRating | null;
}

/** The dates the rules derive for a record. */
export interface Window {
  effectiveFrom: string;
  effectiveUntil: string;
  publishedFrom: string | null;
  publishedUntil: string | null;
  repairableFrom: string | null;
}

/** A broken credit rule: the field at fault, a stable rule code and a message. */
export interface RuleBreach {
  field: string;
  rule: string;
  message: string;
}

/**
 * The window of a record, or the rules its dates break (rule codes
 * PUBLICATION_TOO_SHORT, PUBLICATION_TOO_LONG, PUBLICATION_MUST_BE_FULL,
 * BLACKLIST_END_REQUIRED, BLACKLIST_TOO_SHORT, BLACKLIST_TOO_LONG).
 *
 * A bad record starts on its decision date (a blacklisting on its listing
 * date) and is published until the end its authority decided, by default the
 * maximum of its severity; a minor one without an end is not published but
 * counts in credit checks for the 3 months. A blacklisting counts, and is
 * published, until its end date. Good records are published from their
 * decision date up to 3 years and are never repaired.
 */
export function publicationWindow(r: WindowInput): { ok: true; value: Window } | { ok: false; errors: RuleBreach[] } {
  const errors: RuleBreach[] = [];
  const start = r.kind === CreditKind.BLACKLIST ? (r.listedOn ?? r.decidedOn) : r.decidedOn;
  if (!isPunitive(r.kind, r.performanceRating)) {
    const max = addMonths(start, POSITIVE_MONTHS);
    const end = r.publicationEndsOn ?? max;
    if (end <= start)
      errors.push({
        field: 'publicationEndsOn',
        rule: 'PUBLICATION_TOO_SHORT',
        message: `ends on ${end}, not after its start ${start}`,
      });
    if (end > max)
      errors.push({
        field: 'publicationEndsOn',
        rule: 'PUBLICATION_TOO_LONG',
        message: `${end} is after ${max}, ${POSITIVE_MONTHS} months from ${start}`,
      });
    if (errors.length) return { ok: false, errors };
    return {
      ok: true,
      value: {
        effectiveFrom: start,
        effectiveUntil: end,
        publishedFrom: start,
        publishedUntil: end,
        repairableFrom: null,
      },
    };
  }
  const era = windowRulesFor(r.decidedOn);
  const bounds = era.months[r.severity];
  const minEnd = addMonths(start, bounds.min);
  const maxEnd = addMonths(start, bounds.max);
  const full = isUnrepairable(r);
  let field = 'publicationEndsOn';
  let end: string | null = r.publicationEndsOn;
  if (r.kind === CreditKind.BLACKLIST) {
    field = 'listingEndsOn';
    end = r.listingEndsOn;
    if (!end)
      errors.push({
        field,
        rule: 'BLACKLIST_END_REQUIRED',
        message: 'a blacklisting names the day it ends (listingEndsOn)',
      });
    else if (r.publicationEndsOn && r.publicationEndsOn !== end)
      errors.push({
        field: 'publicationEndsOn',
        rule: 'PUBLICATION_TOO_LONG',
        message:
          'a blacklisting is published exactly while it lasts; leave publicationEndsOn out or equal to listingEndsOn',
      });
  } else if (end === null && r.severity !== CreditSeverity.MINOR) end = maxEnd;
  if (r.kind !== CreditKind.BLACKLIST && r.severity === CreditSeverity.MINOR && end !== null && !era.minorPublishable) {
    errors.push({
      field,
      rule: 'PUBLICATION_TOO_LONG',
      message: `a minor record decided before ${WINDOWS_2026_FROM} is not published (${era.basis}); leave publicationEndsOn out`,
    });
    return { ok: false, errors };
  }
  const tooShort = r.kind === CreditKind.BLACKLIST ? 'BLACKLIST_TOO_SHORT' : 'PUBLICATION_TOO_SHORT';
  const tooLong = r.kind === CreditKind.BLACKLIST ? 'BLACKLIST_TOO_LONG' : 'PUBLICATION_TOO_LONG';
  if (end !== null) {
    if (full && end !== maxEnd) {
      errors.push({
        field,
        rule: 'PUBLICATION_MUST_BE_FULL',
        message: `collusive bidding with ${r.penaltyType} runs the full ${bounds.max} months, to ${maxEnd}; got ${end}`,
      });
    } else if (end <= start || end < minEnd) {
      errors.push({
        field,
        rule: tooShort,
        message: `a ${r.severity} record runs at least ${bounds.min} months from ${start}, to ${minEnd} or later (and past its start); got ${end}`,
      });
    } else if (end > maxEnd) {
      errors.push({
        field,
        rule: tooLong,
        message: `a ${r.severity} record runs at most ${bounds.max} months from ${start}, to ${maxEnd}; got ${end}`,
      });
    }
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      effectiveFrom: start,
      effectiveUntil: end ?? maxEnd,
      publishedFrom: end === null ? null : start,
      publishedUntil: end,
      repairableFrom: full ? null : minEnd,
    },
  };
}

/** What publication at a moment depends on. */
export interface PublicationState {
  status: CreditRecordStatus;
  publishedFrom: string | null;
  publishedUntil: string | null;
  /** When a repair ended it (the repair's decidedAt); null if never repaired. */
  repairedAt: Date | null;
}

/** Whether a record is public at instant `at` (ms): inside its window, not revoked, not yet repaired. */
export function isPublishedAt(r: PublicationState, at: number): boolean {
  if (r.status === CreditRecordStatus.REVOKED || !r.publishedFrom || !r.publishedUntil) return false;
  if (r.repairedAt && r.repairedAt.getTime() <= at) return false;
  return dayStart(r.publishedFrom) <= at && at < dayStart(r.publishedUntil);
}

/** The next instant after `at` when isPublishedAt changes, or null when it never will. */
export function nextPublicationChange(r: PublicationState, at: number): number | null {
  if (r.status === CreditRecordStatus.REVOKED || !r.publishedFrom || !r.publishedUntil) return null;
  const from = dayStart(r.publishedFrom);
  const until = Math.min(dayStart(r.publishedUntil), r.repairedAt?.getTime() ?? Infinity);
  if (at < from) return from < until ? from : null;
  return at < until ? until : null;
}

/** What counting in a credit check depends on. */
export interface EffectState {
  kind: CreditKind;
  severity: CreditSeverity;
  status: CreditRecordStatus;
  performanceRating: PerformanceRating | null;
  effectiveFrom: string;
  effectiveUntil: string;
  repairedAt: Date | null;
}

/**
 * Whether a record counts in a credit check at instant `at`: its effective
 * days hold `at`, it was not revoked, and not repaired by then. The SQL of
 * creditStatus (credit.queries.ts) selects the same rows.
 */
export function isInForceAt(r: EffectState, at: number): boolean {
  if (r.status === CreditRecordStatus.REVOKED) return false;
  if (r.repairedAt && r.repairedAt.getTime() <= at) return false;
  const day = chinaDate(new Date(at));
  return r.effectiveFrom <= day && day < r.effectiveUntil;
}

/** Credit grades, best first. */
export enum CreditGrade {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

/** One reason for a grade: the grade rule and the record that triggered it. */
export interface GradeReason {
  rule: string;
  recordCode: string | null;
  message: string;
}

/**
 * The grade of a subject from the records in force at a moment:
 * - D (GRADE_D_BLACKLISTED): a blacklisting in force (失信联合惩戒对象);
 * - C (GRADE_C_SERIOUS, GRADE_C_REPEATED): a serious bad record, or three or more bad records;
 * - B (GRADE_B_BAD_RECORD): one or two minor or general bad records;
 * - A (GRADE_A_NO_BAD_RECORD): no bad record in force. Good records never offset bad ones.
 * Every record that triggered the grade is a reason.
 */
export function creditGrade(
  inForce: readonly {
    code: string;
    kind: CreditKind;
    severity: CreditSeverity;
    performanceRating: PerformanceRating | null;
    effectiveUntil: string;
  }[],
): { grade: CreditGrade; blacklisted: boolean; reasons: GradeReason[] } {
  const bad = inForce.filter((r) => isPunitive(r.kind, r.performanceRating));
  const blacklists = bad.filter((r) => r.kind === CreditKind.BLACKLIST);
  if (blacklists.length) {
    return {
      grade: CreditGrade.D,
      blacklisted: true,
      reasons: blacklists.map((r) => ({
        rule: 'GRADE_D_BLACKLISTED',
        recordCode: r.code,
        message: `blacklisted (失信联合惩戒对象) until ${r.effectiveUntil}`,
      })),
    };
  }
  const serious = bad.filter((r) => r.severity === CreditSeverity.SERIOUS);
  if (serious.length) {
    return {
      grade: CreditGrade.C,
      blacklisted: false,
      reasons: serious.map((r) => ({
        rule: 'GRADE_C_SERIOUS',
        recordCode: r.code,
        message: `serious ${r.kind} in force until ${r.effectiveUntil}`,
      })),
    };
  }
  if (bad.length >= 3) {
    return {
      grade: CreditGrade.C,
      blacklisted: false,
      reasons: bad.map((r) => ({
        rule: 'GRADE_C_REPEATED',
        recordCode: r.code,
        message: `one of ${bad.length} bad records in force (three or more)`,
      })),
    };
  }
  if (bad.length) {
    return {
      grade: CreditGrade.B,
      blacklisted: false,
      reasons: bad.map((r) => ({
        rule: 'GRADE_B_BAD_RECORD',
        recordCode: r.code,
        message: `${r.severity} ${r.kind} in force until ${r.effectiveUntil}`,
      })),
    };
  }
  return {
    grade: CreditGrade.A,
    blacklisted: false,
    reasons: [{ rule: 'GRADE_A_NO_BAD_RECORD', recordCode: null, message: 'no bad record in force' }],
  };
}

/** What a repair decision is judged on. */
export interface RepairCase {
  status: CreditRecordStatus;
  kind: CreditKind;
  performanceRating: PerformanceRating | null;
  repairableFrom: string | null;
}

/**
 * Why a repair decided at `decidedAt` may not be recorded at `now`, or
 * undefined when it may: RECORD_REVOKED, ALREADY_REPAIRED, REPAIR_NOT_NEGATIVE
 * (good records need none), REPAIR_NOT_ALLOWED (never repairable),
 * REPAIR_IN_FUTURE, REPAIR_BEFORE_MINIMUM (before the minimum window has passed).
 */
export function repairRefusal(r: RepairCase, decidedAt: Date, now: number): Omit<RuleBreach, 'field'> | undefined {
  if (r.status === CreditRecordStatus.REVOKED)
    return { rule: 'RECORD_REVOKED', message: 'the decision was revoked; there is nothing to repair' };
  if (r.status === CreditRecordStatus.REPAIRED)
    return { rule: 'ALREADY_REPAIRED', message: 'the record is repaired already' };
  if (!isPunitive(r.kind, r.performanceRating))
    return { rule: 'REPAIR_NOT_NEGATIVE', message: `a ${r.kind} record is not a bad record; it needs no repair` };
  if (r.repairableFrom === null)
    return {
      rule: 'REPAIR_NOT_ALLOWED',
      message: 'collusive bidding punished with suspension or licence revocation is never repaired',
    };
  if (decidedAt.getTime() > now) return { rule: 'REPAIR_IN_FUTURE', message: 'decidedAt is in the future' };
  const day = chinaDate(decidedAt);
  if (day < r.repairableFrom)
    return {
      rule: 'REPAIR_BEFORE_MINIMUM',
      message: `the minimum publication runs until ${r.repairableFrom}; a repair decided on ${day} is too early`,
    };
  return undefined;
}
