import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '../common/errors';
import { TEXT_SET, textSetParam, query } from '../common/sql';
import { snapshotOf, type Snapshot } from '../ingest/snapshot';
import { loadCurrentVersions, upsertRecords, type TableSpec } from '../ingest/store';
import { AnnouncementRow } from './announcement.entity';
import { syncFindings } from '../ingest/findings';
import type { Principal } from '../auth/principal';
import { runPush, type PushOptions } from '../ingest/pipeline';
import type { PushDomain, PushResult } from '../ingest/types';
import { lockProjects, projectRefs, sectionRefs, touchProjects } from './references';
import { AnnouncementType, TradingTopic } from './trading.model';
import { addError, type FieldErrors } from '../common/field-error';
import {
  ANNOUNCEMENT_FINDING_RULES,
  announcementFindings,
  validateAnnouncement,
  type AnnouncementData,
  type AnnouncementPush,
} from './announcement.rules';
import { dateOrNull } from './section-record.push';

/**
 * Stored announcements with the latest evaluation report of the sections each
 * concerns (all its project's sections when it names none), one query;
 * `by` picks them by announcement code or by project code.
 */
async function announcementFacts(em: EntityManager, by: 'a.code' | 'p.code', codes: readonly string[]) {
  const list = [...new Set(codes)];
  if (!list.length) return [];
  return query<{
    key: string;
    project_code: string;
    type: AnnouncementType;
    published_at: Date;
    period_start: string | null;
    period_end: string | null;
    last_report_at: Date | null;
  }>(
    em,
    `select a.code as key, p.code as project_code, a.type, a.published_at, a.period_start::text as period_start, a.period_end::text as period_end,
       (select max(e.reported_at) from evaluation e join section s on s.id = e.section_id
        where s.project_id = a.project_id and (cardinality(a.section_codes) = 0 or s.code = any(a.section_codes))) as last_report_at
     from announcement a join trading_project p on p.id = a.project_id
     where ${by} in ${TEXT_SET}`,
    [textSetParam(list)],
  );
}

/**
 * Re-derives the publicity findings of every announcement of these projects from the stored announcements and
 * evaluations.
 */
export async function rederiveAnnouncementFindings(em: EntityManager, projectCodes: readonly string[]): Promise<void> {
  const rows = await announcementFacts(em, 'p.code', projectCodes);
  await syncFindings(
    em,
    TradingTopic.ANNOUNCEMENT,
    rows.map((r) => ({
      key: r.key,
      projectCode: r.project_code,
      items: announcementFindings(
        {
          type: r.type,
          publishedAt: new Date(r.published_at).toISOString(),
          periodStart: r.period_start,
          periodEnd: r.period_end,
        },
        dateOrNull(r.last_report_at),
      ),
    })),
    ANNOUNCEMENT_FINDING_RULES,
  );
}

const ANNOUNCEMENT_TABLE: TableSpec = {
  topic: TradingTopic.ANNOUNCEMENT,
  entity: AnnouncementRow,
  conflict: ['code'],
  keyExpr: 't.code',
};

interface ProjectRef {
  id: string;
  regionCode: string;
  categoryCode: string;
  unifiedTransactionCode: string;
}

/** Announcements (topic ANNOUNCEMENT), with the publicity timing rules as findings. */
export const announcementPush: PushDomain<AnnouncementPush, AnnouncementData, void, Snapshot<AnnouncementData>> = {
  topic: TradingTopic.ANNOUNCEMENT,
  prepare: async () => undefined,
  validate: (input) => validateAnnouncement(input ?? {}),
  key: (v) => v.code,
  rawKey: (input) => (typeof input?.code === 'string' && input.code.trim() ? input.code.trim() : null),
  content: (v) => v,
  async resolveReferences(em, records) {
    const errors: FieldErrors = new Map();
    const [projects, sections] = await Promise.all([
      projectRefs(
        em,
        records.map((r) => r.value.projectCode),
      ),
      sectionRefs(
        em,
        records.flatMap((r) => r.value.sectionCodes),
      ),
    ]);
    for (const r of records) {
      const p = projects.get(r.value.projectCode);
      if (!p) {
        addError(errors, r.index, {
          field: 'projectCode',
          code: ErrorCode.NOT_FOUND,
          message: `no trading project ${r.value.projectCode}; push it first`,
        });
        continue;
      }
      r.refs.project = p;
      r.value.sectionCodes.forEach((code, i) => {
        if (sections.get(code)?.projectCode !== r.value.projectCode) {
          addError(errors, r.index, {
            field: `sectionCodes.${i}`,
            code: ErrorCode.NOT_FOUND,
            message: `project ${r.value.projectCode} has no section ${code}`,
          });
        }
      });
    }
    return errors;
  },
  loadCurrent: (em, keys) => loadCurrentVersions(em, 'announcement t', 't.code', keys),
  regionOf: (r) => ({ regionCode: (r.refs.project as ProjectRef).regionCode, field: 'projectCode' }),
  categoryOf: (r) => (r.refs.project as ProjectRef).categoryCode,
  findings: (r) => ({
    projectCode: r.value.projectCode,
    items: announcementFindings(r.value, r.refs.lastReportAt as Date | null),
  }),
  findingRules: ANNOUNCEMENT_FINDING_RULES,
  afterWrite: (em, records) =>
    touchProjects(
      em,
      records.map((r) => r.value.projectCode),
    ),
  lock: (em, records) =>
    lockProjects(
      em,
      records.map((r) => r.value.projectCode),
    ),
  async write(em, records, principal) {
    const written = await upsertRecords(
      em,
      ANNOUNCEMENT_TABLE,
      records,
      ({ value: v, refs }) => ({
        code: v.code,
        project_id: (refs.project as ProjectRef).id,
        type: v.type,
        title: v.title,
        published_at: v.publishedAt,
        period_start: v.periodStart,
        period_end: v.periodEnd,
        document_hash: v.documentHash,
        url: v.url,
        section_codes: v.sectionCodes,
        external_id: v.externalId,
      }),
      principal,
    );
    // The latest report of the sections each announcement concerns, read from the stored rows with the project locked.
    const last = new Map(
      (
        await announcementFacts(
          em,
          'a.code',
          written.map((w) => w.key),
        )
      ).map((f) => [f.key, dateOrNull(f.last_report_at)]),
    );
    for (const r of records) r.refs.lastReportAt = last.get(r.key) ?? null;
    return written;
  },
  snapshot: (record, written, principal) => ({
    ...snapshotOf(record, written, principal),
    unifiedTransactionCode: (record.refs.project as ProjectRef).unifiedTransactionCode,
  }),
};

export const pushAnnouncements = (
  em: EntityManager,
  p: Principal,
  records: AnnouncementPush[],
  o: PushOptions,
): Promise<PushResult> => runPush(em, p, announcementPush, records, o);
