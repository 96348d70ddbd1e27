import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toOcdsRelease, toOcdsReleasePackage } from './ocds';
import type {
  OcdsAnnouncementInput,
  OcdsOrganisationInput,
  OcdsProjectInput,
  OcdsReleasePackage,
  OcdsSectionInput,
  OcdsRelease,
} from './ocds.types';
import {
  findTradingProject,
  listTradingProjects,
  tradingProjectByCode,
  TradingProjectOrder,
  type TradingProjectFilter,
} from './trading-project.queries';
import type { AnnouncementType, TradingMethod, TradingStatus } from './trading.model';

/*
 * Loading what the OCDS mapping (./ocds.ts) needs, for a whole page of
 * projects at once: one statement per relation (projects with their tenderer
 * and agency, sections, bids with their bidders, openings, awards with their
 * winners, contracts, announcements), whatever the number of projects. The
 * project ids travel as one JSON parameter (see src/common/sql.ts).
 *
 * Bids are read column by column and never with their evidence (IP, device
 * fingerprint, hashes, bond account, project manager, certificate serial):
 * what is not read cannot leak into OCDS.
 *
 * All statements of a request run in one read-only REPEATABLE READ
 * transaction, so they see one snapshot: a push committing between two of
 * them would otherwise yield a release mixing two states under a release id
 * (a sum of record versions) that another state may also have.
 */

/** `(select ids)`: the page's project ids, bound as one JSON parameter. */
const PROJECT_IDS = '(select (jsonb_array_elements_text(?::jsonb))::bigint)';

/** The sections of the page's projects, as a subquery over section(project_id). */
const SECTION_IDS = `(select s.id from section s where s.project_id in ${PROJECT_IDS})`;

/** The public registry columns of a market entity joined as `alias`, prefixed `prefix_`. */
function entityColumns(alias: string, prefix: string): string {
  return `${alias}.credit_code as ${prefix}_code, ${alias}.name as ${prefix}_name, ${alias}.region_code as ${prefix}_region, ${alias}.address as ${prefix}_address`;
}

type Row = Record<string, unknown>;

function organisation(row: Row, prefix: string): OcdsOrganisationInput {
  return {
    creditCode: String(row[`${prefix}_code`]),
    name: String(row[`${prefix}_name`]),
    regionCode: (row[`${prefix}_region`] as string | null) ?? null,
    address: (row[`${prefix}_address`] as string | null) ?? null,
  };
}

function time(v: unknown): Date {
  return v instanceof Date ? v : new Date(String(v));
}

function optionalTime(v: unknown): Date | null {
  return v === null || v === undefined ? null : time(v);
}

/** A column the queries below cast to text. */
function text(v: unknown): string | null {
  return v === null || v === undefined ? null : (v as string);
}

function groupBy<T>(rows: Row[], key: string, map: (r: Row) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = String(r[key]);
    const list = out.get(k);
    if (list) list.push(map(r));
    else out.set(k, [map(r)]);
  }
  return out;
}

/**
 * Everything the OCDS mapping needs for the projects with the given ids, in
 * the order of the ids (unknown ids are left out). Seven statements for any
 * number of projects.
 */
export async function loadOcdsProjects(em: EntityManager, projectIds: readonly string[]): Promise<OcdsProjectInput[]> {
  if (projectIds.length === 0) return [];
  const ids = [JSON.stringify(projectIds)];
  // One after another: the statements share the snapshot's one connection, which runs one query at a time.
  const projects = await em.execute<Row[]>(
    `select p.id::text as id, p.code, p.name, p.sub_item_code, p.category_code, p.region_code, p.budget::text as budget, p.currency,
            p.method, p.status, p.published_at, p.bid_deadline, p.version, p.updated_at,
            ${entityColumns('t', 'tenderer')}, ${entityColumns('a', 'agency')}
     from trading_project p
     join market_entity t on t.id = p.tenderer_id
     left join market_entity a on a.id = p.agency_id
     where p.id in ${PROJECT_IDS}`,
    ids,
  );
  const sections = await em.execute<Row[]>(
    `select s.id::text as id, s.project_id::text as project_id, s.code, s.name, s.budget::text as budget, s.status, s.opening_at, s.updated_at
     from section s where s.project_id in ${PROJECT_IDS} order by s.code`,
    ids,
  );
  // Named columns only: the evidence columns of bid are never read here.
  const bids = await em.execute<Row[]>(
    `select b.section_id::text as section_id, b.amount::text as amount, b.submitted_at, b.status, b.version, b.updated_at, ${entityColumns('m', 'bidder')}
     from bid b join market_entity m on m.id = b.bidder_id
     where b.section_id in ${SECTION_IDS} order by m.credit_code`,
    ids,
  );
  const openings = await em.execute<Row[]>(
    `select o.section_id::text as section_id, o.opened_at, o.bidder_count, o.version, o.updated_at
     from bid_opening o where o.section_id in ${SECTION_IDS}`,
    ids,
  );
  const awards = await em.execute<Row[]>(
    `select w.section_id::text as section_id, w.amount::text as amount, w.awarded_on::text as awarded_on, w.version, w.updated_at, ${entityColumns('m', 'winner')}
     from award w join market_entity m on m.id = w.winner_id
     where w.section_id in ${SECTION_IDS}`,
    ids,
  );
  const contracts = await em.execute<Row[]>(
    `select c.section_id::text as section_id, c.code, c.amount::text as amount, c.signed_on::text as signed_on,
            c.period_start::text as period_start, c.period_end::text as period_end, c.version, c.updated_at
     from contract c where c.section_id in ${SECTION_IDS} order by c.code`,
    ids,
  );
  const announcements = await em.execute<Row[]>(
    `select n.project_id::text as project_id, n.code, n.type, n.title, n.published_at, n.url, n.section_codes, n.version, n.updated_at
     from announcement n where n.project_id in ${PROJECT_IDS} order by n.published_at, n.code`,
    ids,
  );

  const bidsBySection = groupBy(bids, 'section_id', (r) => ({
    bidder: organisation(r, 'bidder'),
    amount: text(r.amount),
    submittedAt: time(r.submitted_at),
    status: String(r.status),
    version: Number(r.version),
    updatedAt: time(r.updated_at),
  }));
  const openingBySection = groupBy(openings, 'section_id', (r) => ({
    openedAt: time(r.opened_at),
    bidderCount: Number(r.bidder_count),
    version: Number(r.version),
    updatedAt: time(r.updated_at),
  }));
  const awardBySection = groupBy(awards, 'section_id', (r) => ({
    winner: organisation(r, 'winner'),
    amount: String(r.amount),
    awardedOn: String(r.awarded_on),
    version: Number(r.version),
    updatedAt: time(r.updated_at),
  }));
  const contractsBySection = groupBy(contracts, 'section_id', (r) => ({
    code: String(r.code),
    amount: String(r.amount),
    signedOn: String(r.signed_on),
    periodStart: text(r.period_start),
    periodEnd: text(r.period_end),
    version: Number(r.version),
    updatedAt: time(r.updated_at),
  }));
  const sectionsByProject = groupBy(sections, 'project_id', (r): OcdsSectionInput => ({
    code: String(r.code),
    name: String(r.name),
    budget: text(r.budget),
    status: r.status as TradingStatus,
    openingAt: optionalTime(r.opening_at),
    updatedAt: time(r.updated_at),
    bids: bidsBySection.get(String(r.id)) ?? [],
    opening: openingBySection.get(String(r.id))?.[0] ?? null,
    award: awardBySection.get(String(r.id))?.[0] ?? null,
    contracts: contractsBySection.get(String(r.id)) ?? [],
  }));
  const announcementsByProject = groupBy(announcements, 'project_id', (r): OcdsAnnouncementInput => ({
    code: String(r.code),
    type: r.type as AnnouncementType,
    title: String(r.title),
    publishedAt: time(r.published_at),
    url: text(r.url),
    sectionCodes: (r.section_codes as string[] | null) ?? [],
    version: Number(r.version),
    updatedAt: time(r.updated_at),
  }));

  const byId = new Map(
    projects.map((r): [string, OcdsProjectInput] => [
      String(r.id),
      {
        code: String(r.code),
        name: String(r.name),
        subItemCode: String(r.sub_item_code),
        categoryCode: String(r.category_code),
        regionCode: String(r.region_code),
        budget: text(r.budget),
        currency: String(r.currency),
        method: r.method as TradingMethod,
        status: r.status as TradingStatus,
        publishedAt: optionalTime(r.published_at),
        bidDeadline: optionalTime(r.bid_deadline),
        version: Number(r.version),
        updatedAt: time(r.updated_at),
        tenderer: organisation(r, 'tenderer'),
        agency: r.agency_code === null || r.agency_code === undefined ? null : organisation(r, 'agency'),
        sections: sectionsByProject.get(String(r.id)) ?? [],
        announcements: announcementsByProject.get(String(r.id)) ?? [],
      },
    ]),
  );
  return projectIds.map((id) => byId.get(id)).filter((p): p is OcdsProjectInput => p !== undefined);
}

/** Runs the reads of one request on one snapshot (see the note at the top). */
function onOneSnapshot<T>(em: EntityManager, read: (em: EntityManager) => Promise<T>): Promise<T> {
  return em.transactional((tem) => read(tem), {
    isolationLevel: IsolationLevel.REPEATABLE_READ,
    readOnly: true,
  });
}

/** The OCDS release of one project by its code; null when the project is not held. */
export function findOcdsRelease(em: EntityManager, projectCode: string, prefix: string): Promise<OcdsRelease | null> {
  return onOneSnapshot(em, async (tem) => {
    const row = await findTradingProject(tem, projectCode);
    if (!row) return null;
    const [project] = await loadOcdsProjects(tem, [row.id]);
    return project ? toOcdsRelease(project, { prefix }) : null;
  });
}

/** Most project codes one `findOcdsReleases` call takes (the OCDS export's largest page). */
export const MAX_OCDS_RELEASES = 100;

/**
 * The OCDS releases of the projects with these codes, in the order of the codes, null where the project is not held
 * (or the code could not be one): one statement for the ids (through the unique index on trading_project.code) and
 * the seven of loadOcdsProjects, whatever the number of codes, on one snapshot. What a relay reads for the projects of
 * a batch of events in one round trip, instead of one `ocdsRelease` per project.
 */
export function findOcdsReleases(
  em: EntityManager,
  codes: readonly string[],
  prefix: string,
): Promise<(OcdsRelease | null)[]> {
  const wanted = [...new Set(codes.map((c) => c.trim()).filter((c) => tradingProjectByCode(c) !== null))];
  if (!wanted.length) return Promise.resolve(codes.map(() => null));
  return onOneSnapshot(em, async (tem) => {
    // `= any(array(...))` rather than `in (select ...)`: probed through the index (see inSet in src/common/plain.ts).
    const rows = await tem.execute<{ id: string }[]>(
      `select p.id::text as id from trading_project p
        where p.code = any(array(select jsonb_array_elements_text(?::jsonb)))`,
      [JSON.stringify(wanted)],
    );
    const projects = await loadOcdsProjects(
      tem,
      rows.map((r) => r.id),
    );
    const byCode = new Map(projects.map((p) => [p.code, toOcdsRelease(p, { prefix })]));
    return codes.map((c) => byCode.get(c.trim()) ?? null);
  });
}

/** A page of the OCDS export: the release package of the page (null when the page is empty) and where to go on. */
export interface OcdsReleasePage {
  package: OcdsReleasePackage | null;
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * One page of projects as an OCDS release package, filtered like
 * tradingProjects and in the same keyset order (by project code), so its
 * cursors are the same: a page size above `maxPage` is LIMIT_EXCEEDED.
 */
export function listOcdsReleases(
  em: EntityManager,
  args: { filter?: TradingProjectFilter | null; first?: number | null; after?: string | null },
  options: { maxPage: number; prefix: string },
): Promise<OcdsReleasePage> {
  return onOneSnapshot(em, async (tem) => {
    const page = await listTradingProjects(tem, { ...args, orderBy: TradingProjectOrder.CODE }, options.maxPage);
    const projects = await loadOcdsProjects(
      tem,
      page.nodes.map((p) => p.id),
    );
    const releases = projects.map((p) => toOcdsRelease(p, { prefix: options.prefix }));
    return {
      package: toOcdsReleasePackage(releases),
      hasNextPage: page.hasNextPage,
      endCursor: page.cursors.at(-1) ?? null,
    };
  });
}
