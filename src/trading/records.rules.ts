import { isIP } from 'node:net';
import { chinaDate, daysBetween } from '../common/datetime';
import { isValidIdNumber } from '../common/id-number';
import { Checker } from '../common/validate';
import { MAX_SECTIONS } from './project.rules';
import type { FindingData, Validated } from '../ingest/types';
import { AnnouncementType, ExpertRole, MAX_PROJECT_CODE } from './trading.model';

type Loose<T> = { [K in keyof T]?: unknown };

function creditCode(c: Checker, field: string, raw: unknown): string | undefined {
  return c.creditCode(field, raw) ?? undefined;
}

function done<T>(c: Checker, value: () => T): Validated<T> {
  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, value: value() };
}

// ---------------------------------------------------------------- announcements

export interface AnnouncementData {
  code: string;
  projectCode: string;
  type: AnnouncementType;
  title: string;
  publishedAt: string;
  periodStart: string | null;
  periodEnd: string | null;
  documentHash: string | null;
  url: string | null;
  sectionCodes: string[];
  externalId: string | null;
}
export type AnnouncementPush = Loose<AnnouncementData>;

export function validateAnnouncement(input: AnnouncementPush): Validated<AnnouncementData> {
  const c = new Checker();
  const code = c.code('code', input.code);
  const projectCode = c.code('projectCode', input.projectCode, { required: true, max: MAX_PROJECT_CODE });
  const type = c.oneOf('type', input.type, Object.values(AnnouncementType));
  const title = c.text('title', input.title, { required: true, max: 500 });
  const publishedAt = c.dateTime('publishedAt', input.publishedAt, { required: true });
  const periodStart = c.date('periodStart', input.periodStart);
  const periodEnd = c.date('periodEnd', input.periodEnd);
  if (periodStart && periodEnd && periodEnd < periodStart) c.fail('periodEnd', 'periodEnd is before periodStart');
  const documentHash = c.text('documentHash', input.documentHash, { max: 128 });
  const url = c.text('url', input.url, { max: 1000 });
  if (url && !/^https?:\/\//.test(url)) c.fail('url', 'url must be an http(s) address');
  const sectionCodes = [
    ...new Set(
      c
        .list<unknown>('sectionCodes', input.sectionCodes, MAX_SECTIONS)
        .map((s, i) => c.code(`sectionCodes.${i}`, s))
        .filter((s): s is string => !!s),
    ),
  ].sort();
  const externalId = c.text('externalId', input.externalId, { max: 100 });
  return done(c, () => ({
    code: code!,
    projectCode: projectCode!,
    type: type!,
    title: title!,
    publishedAt: publishedAt!.toISOString(),
    periodStart: periodStart ?? null,
    periodEnd: periodEnd ?? null,
    documentHash: documentHash ?? null,
    url: url ?? null,
    sectionCodes,
    externalId: externalId ?? null,
  }));
}

/** Candidate publicity (中标候选人公示): within 3 days of the evaluation report, for at least 3 days (招标投标法实施条例 第五十四条). */
export const PUBLICITY_MIN_DAYS = 3;
export const PUBLICITY_WITHIN_DAYS = 3;

/** The rule codes of announcementFindings. */
export const ANNOUNCEMENT_FINDING_RULES = [
  'PUBLICITY_PERIOD_MISSING',
  'PUBLICITY_TOO_SHORT',
  'PUBLICITY_LATE',
] as const;

/**
 * Timing findings of an announcement; `lastReportAt` is the latest evaluation
 * report of its sections (all the project's sections when it names none), if any.
 */
export function announcementFindings(
  a: Pick<AnnouncementData, 'type' | 'publishedAt' | 'periodStart' | 'periodEnd'>,
  lastReportAt: Date | null,
): FindingData[] {
  if (a.type !== AnnouncementType.CANDIDATE_PUBLICITY) return [];
  const out: FindingData[] = [];
  const start = a.periodStart ?? chinaDate(new Date(a.publishedAt));
  if (!a.periodEnd) {
    out.push({ rule: 'PUBLICITY_PERIOD_MISSING', message: 'a candidate publicity must state its period' });
  } else {
    const days = daysBetween(start, a.periodEnd) + 1;
    if (days < PUBLICITY_MIN_DAYS)
      out.push({
        rule: 'PUBLICITY_TOO_SHORT',
        message: `the publicity lasts ${days} days; at least ${PUBLICITY_MIN_DAYS} are required (招标投标法实施条例 第五十四条)`,
      });
  }
  if (lastReportAt) {
    const late = daysBetween(chinaDate(lastReportAt), chinaDate(new Date(a.publishedAt)));
    if (late > PUBLICITY_WITHIN_DAYS)
      out.push({
        rule: 'PUBLICITY_LATE',
        message: `published ${late} days after the evaluation report; at most ${PUBLICITY_WITHIN_DAYS} are allowed (招标投标法实施条例 第五十四条)`,
      });
  }
  return out;
}

// ---------------------------------------------------------------- bids

export enum BidStatus {
  VALID = 'VALID',
  WITHDRAWN = 'WITHDRAWN',
  DISQUALIFIED = 'DISQUALIFIED',
}

export interface BidData {
  sectionCode: string;
  bidderCreditCode: string;
  amount: string | null;
  submittedAt: string;
  status: BidStatus;
  caCertSerial: string | null;
  deviceFingerprint: string | null;
  ipAddress: string | null;
  documentHash: string | null;
  projectManagerId: string | null;
  bondAccount: string | null;
  externalId: string | null;
}
export type BidPush = Loose<BidData>;

export const bidKey = (sectionCode: string, bidderCreditCode: string) => `${sectionCode}/${bidderCreditCode}`;

export function validateBid(input: BidPush): Validated<BidData> {
  const c = new Checker();
  const sectionCode = c.code('sectionCode', input.sectionCode);
  const bidderCreditCode = creditCode(c, 'bidderCreditCode', input.bidderCreditCode);
  const amount = c.decimal('amount', input.amount);
  const submittedAt = c.dateTime('submittedAt', input.submittedAt, { required: true });
  const status = c.oneOf('status', input.status, Object.values(BidStatus), BidStatus.VALID);
  const caCertSerial = c.text('caCertSerial', input.caCertSerial, { max: 128 });
  const deviceFingerprint = c.text('deviceFingerprint', input.deviceFingerprint, { max: 256 });
  let ipAddress = c.text('ipAddress', input.ipAddress, { max: 45 });
  if (ipAddress && !isIP(ipAddress))
    ipAddress = c.fail('ipAddress', `ipAddress ${ipAddress} is not an IPv4 or IPv6 address`);
  const documentHash = c.text('documentHash', input.documentHash, { max: 128 });
  let projectManagerId = c.text('projectManagerId', input.projectManagerId, { max: 18 });
  if (projectManagerId) {
    projectManagerId = projectManagerId.toUpperCase();
    if (!isValidIdNumber(projectManagerId))
      projectManagerId = c.fail('projectManagerId', 'projectManagerId is not a valid resident ID number (GB 11643)');
  }
  const bondAccount = c.text('bondAccount', input.bondAccount, { max: 64 });
  const externalId = c.text('externalId', input.externalId, { max: 100 });
  return done(c, () => ({
    sectionCode: sectionCode!,
    bidderCreditCode: bidderCreditCode!,
    amount: amount ?? null,
    submittedAt: submittedAt!.toISOString(),
    status: status!,
    caCertSerial: caCertSerial ?? null,
    deviceFingerprint: deviceFingerprint ?? null,
    ipAddress: ipAddress ?? null,
    documentHash: documentHash ?? null,
    projectManagerId: projectManagerId ?? null,
    bondAccount: bondAccount ?? null,
    externalId: externalId ?? null,
  }));
}

/**
 * When a section's bids were opened, for the timing of its bids: the openedAt
 * of its bid opening record once that is pushed, else the opening planned
 * when the project was pushed; null when neither is known.
 */
export function openingTime(openedAt: Date | null, plannedAt: Date | null): Date | null {
  return openedAt ?? plannedAt;
}

/** The rule codes of bidFindings. */
export const BID_FINDING_RULES = ['BID_AFTER_OPENING'] as const;

/** A bid must be submitted before its section's bid opening (`openingAt`, see openingTime). */
export function bidFindings(b: Pick<BidData, 'submittedAt'>, openingAt: Date | null): FindingData[] {
  if (openingAt && new Date(b.submittedAt) > openingAt) {
    return [
      {
        rule: 'BID_AFTER_OPENING',
        message: `submitted at ${b.submittedAt}, after the bid opening at ${openingAt.toISOString()}`,
      },
    ];
  }
  return [];
}

// ---------------------------------------------------------------- section records

export interface BidOpeningData {
  sectionCode: string;
  openedAt: string;
  bidderCount: number;
  location: string | null;
  externalId: string | null;
}
export type BidOpeningPush = Loose<BidOpeningData>;

export function validateBidOpening(input: BidOpeningPush): Validated<BidOpeningData> {
  const c = new Checker();
  const sectionCode = c.code('sectionCode', input.sectionCode);
  const openedAt = c.dateTime('openedAt', input.openedAt, { required: true });
  const bidderCount = c.integer('bidderCount', input.bidderCount, { required: true, min: 0, max: 100000 });
  const location = c.text('location', input.location, { max: 200 });
  const externalId = c.text('externalId', input.externalId, { max: 100 });
  return done(c, () => ({
    sectionCode: sectionCode!,
    openedAt: openedAt!.toISOString(),
    bidderCount: bidderCount!,
    location: location ?? null,
    externalId: externalId ?? null,
  }));
}

export interface CandidateData {
  rank: number;
  bidderCreditCode: string;
  score: string | null;
  amount: string | null;
}

/** A member of an evaluation committee (评标委员会成员). */
export interface CommitteeMemberData {
  /** The expert's code in the province-wide pool, or the representative's own identifier. */
  expertCode: string;
  name: string;
  role: ExpertRole;
  organisation: string | null;
}

/** Largest committee accepted; the law asks for five or more members, an odd number (招标投标法 第三十七条). */
export const MAX_COMMITTEE = 49;

/** Most ranked candidates one evaluation report may name (usually one to three). */
export const MAX_CANDIDATES = 100;

export interface EvaluationData {
  sectionCode: string;
  /** When the committee started (评标开始). */
  startedAt: string | null;
  /** When the report was delivered; null while the evaluation runs. The evaluation has ended once it is set. */
  reportedAt: string | null;
  committee: CommitteeMemberData[];
  candidates: CandidateData[];
  externalId: string | null;
}
export interface EvaluationPush {
  sectionCode?: unknown;
  startedAt?: unknown;
  reportedAt?: unknown;
  committee?: (Loose<CommitteeMemberData> | null)[] | null;
  candidates?: (Loose<CandidateData> | null)[] | null;
  externalId?: unknown;
}

/**
 * An evaluation is pushed when its committee sits (committee, no report, no
 * candidates) and again with its report (reportedAt and ranked candidates).
 */
export function validateEvaluation(input: EvaluationPush): Validated<EvaluationData> {
  const c = new Checker();
  const sectionCode = c.code('sectionCode', input.sectionCode);
  const startedAt = c.dateTime('startedAt', input.startedAt);
  const reportedAt = c.dateTime('reportedAt', input.reportedAt);
  if (startedAt && reportedAt && reportedAt < startedAt) c.fail('reportedAt', 'reportedAt is before startedAt');
  const committee: CommitteeMemberData[] = [];
  const members = c.list<Loose<CommitteeMemberData> | null>('committee', input.committee, MAX_COMMITTEE);
  const experts = new Set<string>();
  members.forEach((m, i) => {
    const p = `committee.${i}`;
    if (!m || typeof m !== 'object') return c.fail(p, `${p} must be an object`);
    const expertCode = c.code(`${p}.expertCode`, m.expertCode);
    if (expertCode && experts.has(expertCode)) c.fail(`${p}.expertCode`, `expert ${expertCode} is named twice`);
    if (expertCode) experts.add(expertCode);
    const name = c.text(`${p}.name`, m.name, { required: true, max: 100 });
    const role = c.oneOf(`${p}.role`, m.role, Object.values(ExpertRole), ExpertRole.MEMBER);
    const organisation = c.text(`${p}.organisation`, m.organisation, { max: 200 });
    if (expertCode && name && role) committee.push({ expertCode, name, role, organisation: organisation ?? null });
  });
  if (committee.filter((m) => m.role === ExpertRole.CHAIR).length > 1) c.fail('committee', 'a committee has one chair');
  const candidates: CandidateData[] = [];
  const before = c.errors.length;
  const list = c.list<Loose<CandidateData> | null>('candidates', input.candidates, MAX_CANDIDATES);
  const listRefused = c.errors.length > before;
  if (reportedAt && !list.length && !listRefused)
    c.fail('candidates', 'a delivered evaluation report names at least one candidate');
  // An unreadable reportedAt is reported once, at its field, not again as missing.
  if (reportedAt === null && list.length) c.fail('reportedAt', 'candidates come with the report: give reportedAt');
  if (!reportedAt && !members.length && !c.errors.length)
    c.fail('reportedAt', 'an evaluation names its committee, its report, or both');
  const ranks = new Set<number>();
  list.forEach((k, i) => {
    const p = `candidates.${i}`;
    if (!k || typeof k !== 'object') return c.fail(p, `${p} must be an object`);
    const rank = c.integer(`${p}.rank`, k.rank, { required: true, min: 1, max: 1000 });
    if (rank && ranks.has(rank)) c.fail(`${p}.rank`, `rank ${rank} is given twice`);
    if (rank) ranks.add(rank);
    const bidder = creditCode(c, `${p}.bidderCreditCode`, k.bidderCreditCode);
    const score = c.decimal(`${p}.score`, k.score, { scale: 4 });
    const amount = c.decimal(`${p}.amount`, k.amount);
    if (rank && bidder && score !== undefined && amount !== undefined)
      candidates.push({ rank, bidderCreditCode: bidder, score, amount });
  });
  candidates.sort((a, b) => a.rank - b.rank);
  const externalId = c.text('externalId', input.externalId, { max: 100 });
  return done(c, () => ({
    sectionCode: sectionCode!,
    startedAt: startedAt?.toISOString() ?? null,
    reportedAt: reportedAt?.toISOString() ?? null,
    committee,
    candidates,
    externalId: externalId ?? null,
  }));
}

export interface AwardData {
  sectionCode: string;
  winnerCreditCode: string;
  amount: string;
  awardedOn: string;
  externalId: string | null;
}
export type AwardPush = Loose<AwardData>;

export function validateAward(input: AwardPush): Validated<AwardData> {
  const c = new Checker();
  const sectionCode = c.code('sectionCode', input.sectionCode);
  const winnerCreditCode = creditCode(c, 'winnerCreditCode', input.winnerCreditCode);
  const amount = c.decimal('amount', input.amount, { required: true });
  const awardedOn = c.date('awardedOn', input.awardedOn);
  if (awardedOn === null) c.fail('awardedOn', 'awardedOn is required');
  const externalId = c.text('externalId', input.externalId, { max: 100 });
  return done(c, () => ({
    sectionCode: sectionCode!,
    winnerCreditCode: winnerCreditCode!,
    amount: amount!,
    awardedOn: awardedOn!,
    externalId: externalId ?? null,
  }));
}

export interface ContractData {
  code: string;
  sectionCode: string;
  amount: string;
  signedOn: string;
  periodStart: string | null;
  periodEnd: string | null;
  externalId: string | null;
}
export type ContractPush = Loose<ContractData>;

export function validateContract(input: ContractPush): Validated<ContractData> {
  const c = new Checker();
  const code = c.code('code', input.code);
  const sectionCode = c.code('sectionCode', input.sectionCode);
  const amount = c.decimal('amount', input.amount, { required: true });
  const signedOn = c.date('signedOn', input.signedOn);
  if (signedOn === null) c.fail('signedOn', 'signedOn is required');
  const periodStart = c.date('periodStart', input.periodStart);
  const periodEnd = c.date('periodEnd', input.periodEnd);
  if (periodStart && periodEnd && periodEnd < periodStart) c.fail('periodEnd', 'periodEnd is before periodStart');
  const externalId = c.text('externalId', input.externalId, { max: 100 });
  return done(c, () => ({
    code: code!,
    sectionCode: sectionCode!,
    amount: amount!,
    signedOn: signedOn!,
    periodStart: periodStart ?? null,
    periodEnd: periodEnd ?? null,
    externalId: externalId ?? null,
  }));
}

/** The rule codes of contractFindings. */
export const CONTRACT_FINDING_RULES = ['CONTRACT_BEFORE_AWARD'] as const;

/** A contract signed before the award it follows is a timing finding. */
export function contractFindings(k: Pick<ContractData, 'signedOn'>, awardedOn: string | null): FindingData[] {
  return awardedOn && k.signedOn < awardedOn
    ? [{ rule: 'CONTRACT_BEFORE_AWARD', message: `signed on ${k.signedOn}, before the award on ${awardedOn}` }]
    : [];
}
