import { createHash } from 'node:crypto';
import { chinaDayBoundary } from '../common/datetime';
import { regions } from '../common/regions';
import { AnnouncementType, TradingMethod, TradingStatus } from './trading.model';
import type {
  OcdsOrganisationInput,
  OcdsAnnouncementInput,
  OcdsProjectInput,
  OcdsOptions,
  OcdsValue,
  OcdsPeriod,
  OcdsOrganizationReference,
  OcdsParty,
  OcdsDocument,
  OcdsLot,
  OcdsTender,
  OcdsBid,
  OcdsBidStatistic,
  OcdsAward,
  OcdsContract,
  OcdsRelease,
  OcdsReleasePackage,
} from './ocds.types';

/*
 * The Open Contracting Data Standard (OCDS 1.1) view of trading projects:
 * pure functions from plain records to releases and release packages. The
 * records are loaded by ./ocds.queries.ts; nothing here touches a database.
 *
 * One project is one contracting process (one ocid); the hub publishes one
 * release per project: a snapshot of everything it holds, whose id changes
 * whenever any record of the project changes.
 *
 * Bid evidence (IP addresses, device fingerprints, document hashes, bond
 * accounts, project managers' ID numbers) never enters OCDS: the input types
 * (./ocds.types.ts) do not even carry it, and the mapping copies named fields only.
 */

/** Publisher name of every release package. */
export const OCDS_PUBLISHER = '湖北省公共资源交易监管数据交换枢纽';

/** The OCDS schema version the releases follow (major.minor, as release packages state it). */
export const OCDS_VERSION = '1.1';

/**
 * Extensions the releases use, as the URLs of their extension.json at the tag
 * whose schemas the tests validate against (test/fixtures/ocds/extensions).
 */
export const OCDS_EXTENSIONS: readonly string[] = [
  // Bid statistics and details: bids.details, bids.statistics, awards.relatedBid.
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json',
  // Lots: tender.lots (one per section, 标段/包) and relatedLots on bids, awards and documents.
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json',
];

/** Organisation identifier scheme of the unified social credit code (org-id.guide). */
export const CREDIT_CODE_SCHEME = 'CN-USCI';
// Code lists.

/**
 * TradingStatus → tenderStatus (closed codelist, codelists/tenderStatus.csv). Evaluation is still part of the tender
 * process.
 */
const TENDER_STATUS: Record<TradingStatus, string> = {
  [TradingStatus.PLANNED]: 'planned',
  [TradingStatus.TENDERING]: 'active',
  [TradingStatus.EVALUATING]: 'active',
  [TradingStatus.AWARDED]: 'complete',
  [TradingStatus.CONTRACTED]: 'complete',
  [TradingStatus.TERMINATED]: 'cancelled',
  [TradingStatus.FAILED]: 'unsuccessful',
};

/** The tenderStatus code of a project or section status. */
export function tenderStatus(status: TradingStatus): string | undefined {
  return TENDER_STATUS[status];
}

/**
 * TradingMethod → procurementMethod (closed codelist, codelists/method.csv).
 * 邀请招标 invites qualified suppliers only (selective); negotiation,
 * consultation and quotation invite suppliers of the buyer's choosing
 * (limited, 政府采购法 Arts. 38-40); single source and 协议 have no
 * competition (direct); auctions and listings admit anyone (open).
 * OTHER has no code; procurementMethodDetails keeps the Chinese name.
 */
const PROCUREMENT_METHOD: Record<TradingMethod, string | undefined> = {
  [TradingMethod.OPEN_TENDER]: 'open',
  [TradingMethod.INVITED_TENDER]: 'selective',
  [TradingMethod.COMPETITIVE_NEGOTIATION]: 'limited',
  [TradingMethod.COMPETITIVE_CONSULTATION]: 'limited',
  [TradingMethod.REQUEST_FOR_QUOTATION]: 'limited',
  [TradingMethod.SINGLE_SOURCE]: 'direct',
  [TradingMethod.AUCTION]: 'open',
  [TradingMethod.LISTING]: 'open',
  [TradingMethod.AGREEMENT]: 'direct',
  [TradingMethod.OTHER]: undefined,
};

/** Chinese names of the trading methods (交易方式), for procurementMethodDetails. */
export const METHOD_NAME_ZH: Record<TradingMethod, string> = {
  [TradingMethod.OPEN_TENDER]: '公开招标',
  [TradingMethod.INVITED_TENDER]: '邀请招标',
  [TradingMethod.COMPETITIVE_NEGOTIATION]: '竞争性谈判',
  [TradingMethod.COMPETITIVE_CONSULTATION]: '竞争性磋商',
  [TradingMethod.REQUEST_FOR_QUOTATION]: '询价',
  [TradingMethod.SINGLE_SOURCE]: '单一来源',
  [TradingMethod.AUCTION]: '拍卖',
  [TradingMethod.LISTING]: '挂牌',
  [TradingMethod.AGREEMENT]: '协议',
  [TradingMethod.OTHER]: '其他',
};

/** The procurementMethod code of a trading method; undefined when none fits. */
export function procurementMethod(method: TradingMethod): string | undefined {
  return PROCUREMENT_METHOD[method];
}

/**
 * mainProcurementCategory (closed codelist procurementCategory.csv) from the
 * catalog sub-item: engineering projects are works; government procurement
 * says which in its sub-item. Other catalog items (land, equity, rights) are
 * not procurement and get no category.
 */
export function mainProcurementCategory(subItemCode: string): 'goods' | 'works' | 'services' | undefined {
  if (subItemCode === 'GP_GOODS') return 'goods';
  if (subItemCode === 'GP_WORKS' || subItemCode.startsWith('ENG_')) return 'works';
  if (subItemCode === 'GP_SERVICES') return 'services';
  return undefined;
}

/**
 * Catalog categories in which the tenderer spends its own budget, so is the
 * OCDS buyer. In the others (land, equity, rights transfers) it sells, and
 * is shown only as the procuring entity that runs the process.
 */
const BUYING_CATEGORIES = new Set(['ENGINEERING', 'GOV_PROCUREMENT', 'MEDICAL']);

/** Bid status → bidStatus (closed codelist of the bids extension, bidStatus.csv). */
const BID_STATUS: Record<string, string> = { VALID: 'valid', WITHDRAWN: 'withdrawn', DISQUALIFIED: 'disqualified' };

/** The bidStatus code of a bid status; a status the hub does not know yet reads as submitted but not evaluated. */
export function bidStatus(status: string): string {
  return BID_STATUS[status.toUpperCase()] ?? 'pending';
}

/** Announcement type → documentType (open codelist documentType.csv). */
const DOCUMENT_TYPE: Record<AnnouncementType, string> = {
  [AnnouncementType.TENDER_NOTICE]: 'tenderNotice',
  // 变更公告: a new notice amending the tender notice.
  [AnnouncementType.AMENDMENT]: 'tenderNotice',
  // 中标候选人公示 publishes the outcome of the evaluation.
  [AnnouncementType.CANDIDATE_PUBLICITY]: 'evaluationReports',
  [AnnouncementType.AWARD_NOTICE]: 'awardNotice',
  [AnnouncementType.DEAL_NOTICE]: 'awardNotice',
  [AnnouncementType.TERMINATION]: 'cancellationDetails',
};

// ---------------------------------------------------------------------------
// Values.

/**
 * An OCDS amount from a decimal string. This is the one place the hub turns
 * money into a float: OCDS Value.amount is a JSON number, so it must. The
 * strings are numeric(20,2) with at most 2 fraction digits, and a double keeps
 * 15 significant digits, so every amount below 10 trillion yuan (10^13, far
 * above any single deal) converts to the nearest double, and JSON prints it
 * back as the same decimal ("1234.50" → 1234.5). The hub's own API keeps the
 * exact strings.
 */
export function ocdsAmount(decimal: string): number {
  const n = Number(decimal);
  if (!Number.isFinite(n)) throw new RangeError(`not a decimal amount: ${decimal}`);
  return n;
}

function value(amount: string | null | undefined, currency: string): OcdsValue | undefined {
  return amount === null || amount === undefined ? undefined : { amount: ocdsAmount(amount), currency };
}

/** An instant as OCDS date-time (RFC 3339, UTC). */
function dateTime(d: Date): string {
  return d.toISOString();
}

/** An absolute http(s) URL in its normalised (percent-encoded) form, or undefined; a document's url must be a URI. */
function httpUrl(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const u = new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The ocid of a project: the publisher's prefix, a dash, the project code. */
export function ocid(prefix: string, projectCode: string): string {
  return `${prefix}-${projectCode}`;
}

/** Party id: the identifier scheme and the credit code, unique within a release. */
export function partyId(creditCode: string): string {
  return `${CREDIT_CODE_SCHEME}-${creditCode}`;
}

/**
 * Address parts from a GB/T 2260 code: the province as region, the prefecture
 * and county names as locality (without the grouping names 市辖区 and
 * 省直辖县级行政单位, which are no place).
 */
export function regionAddress(regionCode: string | null | undefined): { region?: string; locality?: string } {
  if (!regionCode) return {};
  const all = regions();
  const here = all.get(regionCode);
  if (!here) return {};
  const province = all.get('420000')?.name;
  if (here.level === 'PROVINCE') return { region: here.name };
  const names: string[] = [];
  if (here.level === 'COUNTY' && here.parent) {
    const prefecture = all.get(here.parent);
    if (prefecture && prefecture.code !== '429000') names.push(prefecture.name);
  }
  if (here.name !== '市辖区' && here.code !== '429000') names.push(here.name);
  return { region: province, ...(names.length ? { locality: names.join('') } : {}) };
}

function reference(org: OcdsOrganisationInput): OcdsOrganizationReference {
  return { id: partyId(org.creditCode), name: org.name };
}

/** Collects parties by credit code, merging the roles of an organisation that appears more than once. */
class Parties {
  private readonly byCode = new Map<string, { org: OcdsOrganisationInput; roles: Set<string> }>();

  add(org: OcdsOrganisationInput, ...roles: string[]): OcdsOrganizationReference {
    const hit = this.byCode.get(org.creditCode);
    if (hit) for (const r of roles) hit.roles.add(r);
    else this.byCode.set(org.creditCode, { org, roles: new Set(roles) });
    return reference(org);
  }

  list(): OcdsParty[] {
    return [...this.byCode.values()].map(({ org, roles }) => ({
      id: partyId(org.creditCode),
      name: org.name,
      identifier: { scheme: CREDIT_CODE_SCHEME, id: org.creditCode, legalName: org.name },
      address: {
        ...(org.address ? { streetAddress: org.address } : {}),
        ...regionAddress(org.regionCode),
        countryName: '中国',
      },
      roles: [...roles],
    }));
  }
}

// ---------------------------------------------------------------------------
// Releases.

/**
 * The release's revision: the project's version, then the sum of the versions
 * of its records. Any accepted change raises one of them (a changed record
 * its version, a new record adds at least 1; sections change only with their
 * project), so the revision names the content: the same data gives the same
 * release id, changed data a new one, as OCDS requires of release ids.
 */
export function releaseRevision(p: OcdsProjectInput): string {
  let records = 0;
  for (const s of p.sections) {
    for (const b of s.bids) records += b.version;
    records += (s.opening?.version ?? 0) + (s.award?.version ?? 0);
    for (const c of s.contracts) records += c.version;
  }
  for (const a of p.announcements) records += a.version;
  return `${p.version}.${records}`;
}

/** The latest change to anything the release shows: the release date. */
export function releaseDate(p: OcdsProjectInput): Date {
  let latest = p.updatedAt.getTime();
  const see = (d: Date | undefined | null) => {
    if (d && d.getTime() > latest) latest = d.getTime();
  };
  for (const s of p.sections) {
    see(s.updatedAt);
    for (const b of s.bids) see(b.updatedAt);
    see(s.opening?.updatedAt);
    see(s.award?.updatedAt);
    for (const c of s.contracts) see(c.updatedAt);
  }
  for (const a of p.announcements) see(a.updatedAt);
  return new Date(latest);
}

/**
 * Release tags (closed codelist releaseTag.csv) from the lifecycle: the
 * latest stages the release reports (award, contract); else the tender stage:
 * `tenderCancellation` once terminated, `tender` while the release holds
 * nothing beyond the first version of the project and its tender notices,
 * `tenderUpdate` after that (amendments, bids, openings, new versions).
 */
export function releaseTags(p: OcdsProjectInput): string[] {
  const awarded = p.sections.some((s) => s.award);
  const contracted = p.sections.some((s) => s.contracts.length > 0);
  if (awarded || contracted) return [...(awarded ? ['award'] : []), ...(contracted ? ['contract'] : [])];
  if (p.status === TradingStatus.TERMINATED) return ['tenderCancellation'];
  const firstNotice =
    p.version <= 1 &&
    p.announcements.every((a) => a.type === AnnouncementType.TENDER_NOTICE && a.version <= 1) &&
    p.sections.every((s) => s.bids.length === 0 && !s.opening);
  return [firstNotice ? 'tender' : 'tenderUpdate'];
}

function document(a: OcdsAnnouncementInput): OcdsDocument {
  const url = httpUrl(a.url);
  return {
    id: a.code,
    documentType: DOCUMENT_TYPE[a.type] ?? 'tenderNotice',
    title: a.title,
    ...(url ? { url } : {}),
    datePublished: dateTime(a.publishedAt),
    language: 'zh',
    ...(a.sectionCodes.length ? { relatedLots: [...a.sectionCodes] } : {}),
  };
}

/** Code-point order of codes (locale-independent, as PostgreSQL's "C" collation orders them). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The OCDS 1.1 release of one project: a snapshot of the tender (with its
 * sections as lots), the bids (bids extension, without evidence), awards and
 * contracts, and every organisation involved as a party identified by its
 * unified social credit code.
 */
export function toOcdsRelease(p: OcdsProjectInput, options: OcdsOptions): OcdsRelease {
  const parties = new Parties();
  const buys = BUYING_CATEGORIES.has(p.categoryCode);
  // The agency (招标代理机构) manages the procurement for the tenderer; without one the tenderer manages it itself.
  const tendererRoles = [...(buys ? ['buyer'] : []), ...(p.agency ? [] : ['procuringEntity'])];
  const buyer = parties.add(p.tenderer, ...tendererRoles);
  const procuringEntity = p.agency ? parties.add(p.agency, 'procuringEntity') : buyer;

  const sections = [...p.sections].sort((a, b) => compare(a.code, b.code));
  const bidIds = new Map<string, string>();
  const details: OcdsBid[] = [];
  const statistics: OcdsBidStatistic[] = [];
  const tenderers = new Map<string, OcdsOrganizationReference>();
  for (const s of sections) {
    for (const b of [...s.bids].sort((x, y) => compare(x.bidder.creditCode, y.bidder.creditCode))) {
      const ref = parties.add(b.bidder, 'tenderer');
      tenderers.set(b.bidder.creditCode, ref);
      const id = `${s.code}/${b.bidder.creditCode}`;
      bidIds.set(id, id);
      const v = value(b.amount, p.currency);
      details.push({
        id,
        date: dateTime(b.submittedAt),
        status: bidStatus(b.status),
        tenderers: [ref],
        ...(v ? { value: v } : {}),
        relatedLots: [s.code],
      });
    }
    if (s.opening) {
      statistics.push({
        id: `${s.code}/bidders`,
        measure: 'bidders',
        value: s.opening.bidderCount,
        date: dateTime(s.opening.openedAt),
        relatedLot: s.code,
      });
    }
  }

  const awardDocs = new Map<string, OcdsDocument[]>();
  const tenderDocs: OcdsDocument[] = [];
  const awardedSections = new Set(sections.filter((s) => s.award).map((s) => s.code));
  for (const a of [...p.announcements].sort(
    (x, y) => x.publishedAt.getTime() - y.publishedAt.getTime() || compare(x.code, y.code),
  )) {
    const doc = document(a);
    const concerned = a.sectionCodes.length ? a.sectionCodes : sections.map((s) => s.code);
    const toAwards = DOCUMENT_TYPE[a.type] === 'awardNotice' ? concerned.filter((c) => awardedSections.has(c)) : [];
    // An award notice belongs to the awards it announces; anything else, or a notice of an award not yet held, to the
    // tender.
    if (toAwards.length) for (const c of toAwards) awardDocs.set(c, [...(awardDocs.get(c) ?? []), doc]);
    else tenderDocs.push(doc);
  }

  const awards: OcdsAward[] = [];
  const contracts: OcdsContract[] = [];
  for (const s of sections) {
    if (s.award) {
      const supplier = parties.add(s.award.winner, 'supplier');
      const bidId = `${s.code}/${s.award.winner.creditCode}`;
      const docs = awardDocs.get(s.code);
      awards.push({
        id: s.code,
        title: s.name,
        status: 'active',
        // Business dates are days in China; OCDS wants a date-time: the day's first (ending a period, last) second.
        date: chinaDayBoundary(s.award.awardedOn),
        value: { amount: ocdsAmount(s.award.amount), currency: p.currency },
        suppliers: [supplier],
        relatedLots: [s.code],
        ...(bidIds.has(bidId) ? { relatedBid: bidId } : {}),
        ...(docs ? { documents: docs } : {}),
      });
    }
    for (const c of s.contracts) {
      const period: OcdsPeriod = {
        ...(c.periodStart ? { startDate: chinaDayBoundary(c.periodStart) } : {}),
        ...(c.periodEnd ? { endDate: chinaDayBoundary(c.periodEnd, true) } : {}),
      };
      // A contract the hub holds has been signed (it records dateSigned), so it is in force: active. Whether it has
      // since come to a close ('terminated') is not reported to the hub, and must not depend on the reading time,
      // or the same release id would name different content on different days.
      contracts.push({
        id: c.code,
        awardID: s.code,
        status: 'active',
        value: { amount: ocdsAmount(c.amount), currency: p.currency },
        dateSigned: chinaDayBoundary(c.signedOn),
        ...(Object.keys(period).length ? { period } : {}),
      });
    }
  }
  contracts.sort((a, b) => compare(a.id, b.id));

  const status = tenderStatus(p.status);
  const method = procurementMethod(p.method);
  const category = mainProcurementCategory(p.subItemCode);
  const budget = value(p.budget, p.currency);
  const tenderPeriod: OcdsPeriod = {
    ...(p.publishedAt ? { startDate: dateTime(p.publishedAt) } : {}),
    ...(p.bidDeadline ? { endDate: dateTime(p.bidDeadline) } : {}),
  };
  const lots: OcdsLot[] = sections.map((s) => {
    const lotStatus = tenderStatus(s.status);
    const lotValue = value(s.budget, p.currency);
    return {
      id: s.code,
      title: s.name,
      ...(lotStatus ? { status: lotStatus } : {}),
      ...(lotValue ? { value: lotValue } : {}),
    };
  });
  const tender: OcdsTender = {
    id: p.code,
    title: p.name,
    ...(status ? { status } : {}),
    procuringEntity,
    ...(budget ? { value: budget } : {}),
    ...(method ? { procurementMethod: method } : {}),
    procurementMethodDetails: METHOD_NAME_ZH[p.method] ?? p.method,
    ...(category ? { mainProcurementCategory: category } : {}),
    ...(Object.keys(tenderPeriod).length ? { tenderPeriod } : {}),
    ...(details.length ? { numberOfTenderers: tenderers.size, tenderers: [...tenderers.values()] } : {}),
    ...(lots.length ? { lots } : {}),
    ...(tenderDocs.length ? { documents: tenderDocs } : {}),
  };

  return {
    ocid: ocid(options.prefix, p.code),
    id: `${p.code}-${releaseRevision(p)}`,
    date: dateTime(releaseDate(p)),
    tag: releaseTags(p),
    initiationType: 'tender',
    language: 'zh',
    parties: parties.list(),
    ...(buys ? { buyer } : {}),
    tender,
    ...(details.length || statistics.length
      ? { bids: { ...(statistics.length ? { statistics } : {}), ...(details.length ? { details } : {}) } }
      : {}),
    ...(awards.length ? { awards } : {}),
    ...(contracts.length ? { contracts } : {}),
  };
}

/**
 * A name-based URN for a package: a UUID (RFC 4122 version 5 layout) over
 * the ids of its releases, so the same releases always make the same URI.
 */
export function packageUri(releases: readonly Pick<OcdsRelease, 'ocid' | 'id'>[]): string {
  const h = createHash('sha1');
  for (const r of releases) h.update(`${r.ocid}\u0000${r.id}\u0000`);
  const b = h.digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A release package of the given releases, or null when there are none (an
 * OCDS package holds at least one release). Built on demand, so its
 * publishedDate is the latest release date, as OCDS asks of such packages.
 */
export function toOcdsReleasePackage(releases: OcdsRelease[]): OcdsReleasePackage | null {
  if (releases.length === 0) return null;
  const publishedDate = releases.reduce((max, r) => (r.date > max ? r.date : max), releases[0].date);
  return {
    uri: packageUri(releases),
    version: OCDS_VERSION,
    extensions: [...OCDS_EXTENSIONS],
    publishedDate,
    publisher: { name: OCDS_PUBLISHER },
    releases,
  };
}
