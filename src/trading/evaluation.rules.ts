import { Checker } from '../common/validate';
import type { Validated } from '../ingest/types';
import { ExpertRole } from './trading.model';
import { creditCode, done, type Loose } from './record-validation';

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
