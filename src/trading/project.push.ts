import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '../common/errors';
import { LockScope, lockKeys } from '../common/locks';
import { TEXT_SET, textSetParam, query } from '../common/sql';
import { snapshotOf, type Snapshot } from '../ingest/snapshot';
import { loadCurrentVersions, upsertRecords, type TableSpec } from '../ingest/store';
import type { Principal } from '../auth/principal';
import { runPush, type PushOptions } from '../ingest/pipeline';
import type { Accepted, FieldError, PushDomain, PushResult } from '../ingest/types';
import { marketEntityIds, noMarketEntity } from '../market';
import { addError, type FieldErrors } from '../common/field-error';
import { TradingTopic } from './trading.model';
import { TradingProjectRow } from './trading-project.entity';
import { rederiveBidFindings } from './records.push';
import {
  PROJECT_FINDING_RULES,
  projectFindings,
  validateProject,
  type CatalogView,
  type ProjectData,
  type ProjectPush,
  unifiedTransactionCode,
} from './project.rules';

/** The catalog as the push of a batch sees it (one query; the catalog is small). */
export async function loadCatalogView(em: EntityManager): Promise<CatalogView> {
  const rows = await em.execute<
    { code: string; category_code: string; retired: boolean; details_schema: Record<string, unknown> | null }[]
  >(
    `select s.code, s.category_code, (s.retired_at is not null or c.retired_at is not null) as retired, s.details_schema
     from trading_sub_item s join trading_category c on c.code = s.category_code`,
  );
  return new Map(
    rows.map((r) => [r.code, { categoryCode: r.category_code, retired: r.retired, detailsSchema: r.details_schema }]),
  );
}

const PROJECT_TABLE: TableSpec = {
  topic: TradingTopic.TRADING_PROJECT,
  entity: TradingProjectRow,
  conflict: ['code'],
  keyExpr: 't.code',
};

/**
 * What validating a batch of projects needs: the catalog, and the stored sub-item of projects pushed under a retired
 * one.
 */
interface ProjectBatch {
  catalog: CatalogView;
  storedSubItems: ReadonlyMap<string, string>;
}

async function prepareProjects(em: EntityManager, inputs: readonly ProjectPush[]): Promise<ProjectBatch> {
  const catalog = await loadCatalogView(em);
  const underRetired = inputs
    .filter(
      (p) =>
        typeof p?.subItemCode === 'string' &&
        catalog.get(p.subItemCode.trim().toUpperCase())?.retired &&
        typeof p.code === 'string',
    )
    .map((p) => (p.code as string).trim());
  if (!underRetired.length) return { catalog, storedSubItems: new Map() };
  const rows = await query<{ code: string; sub_item_code: string }>(
    em,
    `select code, sub_item_code from trading_project where code in ${TEXT_SET}`,
    [textSetParam(underRetired)],
  );
  return { catalog, storedSubItems: new Map(rows.map((r) => [r.code, r.sub_item_code])) };
}

/**
 * A section code belongs to one project for ever: the records of the batch
 * that list a section of another project (stored, or listed by an earlier
 * record of the batch) are refused, at that section's index, naming the
 * project and its owner. Notes in `refs.newSections` the codes no project
 * has yet. One query.
 */
async function sectionConflicts(
  em: EntityManager,
  records: readonly Accepted<ProjectData>[],
  mayClaim: (r: Accepted<ProjectData>) => boolean = () => true,
): Promise<Map<number, FieldError[]>> {
  const errors = new Map<number, FieldError[]>();
  const codes = records.flatMap((r) => r.value.sections.map((s) => s.code));
  if (!codes.length) return errors;
  const rows = await query<{ code: string; project_code: string; owner_code: string }>(
    em,
    `select s.code, p.code as project_code, o.code as owner_code
     from section s join trading_project p on p.id = s.project_id join source_system o on o.id = p.owner_system_id
     where s.code in ${TEXT_SET}`,
    [textSetParam(codes)],
  );
  const claims = new Map<string, { projectCode: string; owner?: string; index?: number }>(
    rows.map((r) => [r.code, { projectCode: r.project_code, owner: r.owner_code }]),
  );
  for (const r of records) {
    r.refs.newSections = r.value.sections.filter((s) => !claims.has(s.code)).map((s) => s.code);
    const refused: FieldError[] = [];
    r.value.sections.forEach((s, i) => {
      const claim = claims.get(s.code);
      if (!claim || claim.projectCode === r.value.code) return;
      const where = claim.index === undefined ? '' : ` (index ${claim.index} of this batch)`;
      refused.push({
        field: `sections.${i}.code`,
        code: ErrorCode.CONFLICT,
        message: `section ${s.code} belongs to project ${claim.projectCode}${where}`,
        ...(claim.owner ? { owner: claim.owner } : {}),
      });
    });
    if (refused.length) errors.set(r.index, refused);
    // Sections of a refused record stay free for later records of the batch.
    else if (mayClaim(r))
      r.value.sections.forEach((s) =>
        claims.set(s.code, claims.get(s.code) ?? { projectCode: r.value.code, index: r.index }),
      );
  }
  return errors;
}

const newSections = (r: Accepted<ProjectData>) => (r.refs.newSections as string[] | undefined) ?? [];

/** Trading projects with their sections (topic TRADING_PROJECT) in the push pipeline. */
export const projectPush: PushDomain<ProjectPush, ProjectData, ProjectBatch, Snapshot<ProjectData>> = {
  topic: TradingTopic.TRADING_PROJECT,
  prepare: prepareProjects,
  validate: (input, batch) => validateProject(input ?? {}, batch.catalog, batch.storedSubItems),
  key: (v) => v.code,
  rawKey: (input) => (typeof input?.code === 'string' && input.code.trim() ? input.code.trim() : null),
  content: (v) => v,

  async resolveReferences(em, records) {
    const errors: FieldErrors = new Map();
    const add = (i: number, e: FieldError) => addError(errors, i, e);
    const ids = await marketEntityIds(
      em,
      records.flatMap((r) => [r.value.tendererCreditCode, r.value.agencyCreditCode].filter((c): c is string => !!c)),
    );
    for (const r of records) {
      const v = r.value;
      r.refs.tendererId = ids.get(v.tendererCreditCode);
      if (!r.refs.tendererId) add(r.index, noMarketEntity('tendererCreditCode', v.tendererCreditCode));
      if (v.agencyCreditCode) {
        r.refs.agencyId = ids.get(v.agencyCreditCode);
        if (!r.refs.agencyId) add(r.index, noMarketEntity('agencyCreditCode', v.agencyCreditCode));
      }
    }
    for (const [i, errs] of await sectionConflicts(em, records, (r) => !errors.has(r.index)))
      errs.forEach((e) => add(i, e));
    return errors;
  },

  // A new section code has no row to lock: two projects claiming it at once are serialised by a key lock on it,
  // and the second reads, under the lock, that the first took it. A section that was stored already stays with its
  // project for ever, so a push that claims no new section takes no lock and reads nothing again.
  lock: (em, records) => lockKeys(em, LockScope.SECTION, records.flatMap(newSections)),
  async recheck(em, records) {
    const claiming = records.filter((r) => newSections(r).length);
    return claiming.length ? sectionConflicts(em, claiming) : new Map();
  },

  loadCurrent: (em, keys) => loadCurrentVersions(em, 'trading_project t', 't.code', keys),
  regionOf: (r) => ({ regionCode: r.value.regionCode, field: 'regionCode' }),
  categoryOf: (r) => r.value.categoryCode,
  findings: (r) => ({ projectCode: r.value.code, items: projectFindings(r.value) }),
  findingRules: PROJECT_FINDING_RULES,

  async write(em, records, principal) {
    const written = await upsertRecords(
      em,
      PROJECT_TABLE,
      records,
      ({ value: v, refs }: Accepted<ProjectData>) => ({
        code: v.code,
        name: v.name,
        sub_item_code: v.subItemCode,
        category_code: v.categoryCode,
        region_code: v.regionCode,
        tenderer_id: refs.tendererId,
        agency_id: refs.agencyId ?? null,
        budget: v.budget,
        currency: v.currency,
        method: v.method,
        status: v.status,
        published_at: v.publishedAt,
        bid_deadline: v.bidDeadline,
        details: v.details,
        external_id: v.externalId,
        unified_transaction_code: unifiedTransactionCode(v),
      }),
      principal,
    );
    const idByCode = new Map(written.map((w) => [w.key, w.meta!.id]));
    const sections = records
      .filter((r) => idByCode.has(r.key))
      .flatMap((r) =>
        r.value.sections.map((s) => ({
          code: s.code,
          project_id: idByCode.get(r.key),
          name: s.name,
          budget: s.budget,
          status: s.status,
          opening_at: s.openingAt,
        })),
      )
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    if (sections.length) {
      // Sections present in an earlier version but missing now are kept: bids may hang off them.
      await query(
        em,
        `insert into section as s (code, project_id, name, budget, status, opening_at, updated_at)
         select r.code, r.project_id, r.name, r.budget, r.status, r.opening_at, now()
         from jsonb_to_recordset(?::jsonb) as r(code text, project_id bigint, name text, budget numeric, status text, opening_at timestamptz)
         on conflict (code) do update set name = excluded.name, budget = excluded.budget, status = excluded.status,
           opening_at = excluded.opening_at, updated_at = now()
         where s.project_id = excluded.project_id`,
        [JSON.stringify(sections)],
      );
    }
    return written;
  },

  // A section's opening time may have moved: its bids' BID_AFTER_OPENING findings follow (unless a bid opening record
  // says otherwise).
  afterWrite: (em, records) =>
    rederiveBidFindings(
      em,
      records.flatMap((r) => r.value.sections.map((s) => s.code)),
    ),

  snapshot: snapshotOf,
};

/** Pushes a batch of trading projects with their sections through the one pipeline. */
export const pushTradingProjects = (
  em: EntityManager,
  p: Principal,
  records: ProjectPush[],
  o: PushOptions,
): Promise<PushResult> => runPush(em, p, projectPush, records, o);
