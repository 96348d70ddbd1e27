import { chinaDate, daysBetween } from '../common/datetime';
import { Checker } from '../common/validate';
import { MAX_SECTIONS } from './project.rules';
import type { FindingData, Validated } from '../ingest/types';
import { AnnouncementType, MAX_PROJECT_CODE } from './trading.model';
import { done, type Loose } from './record-validation';

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
