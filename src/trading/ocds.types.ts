import type { AnnouncementType, TradingMethod, TradingStatus } from './trading.model';

/*
 * The Open Contracting Data Standard (OCDS 1.1) types the hub reads and emits;
 * the mapping is ./ocds.ts. Bid evidence (IP addresses, device fingerprints,
 * document hashes, bond accounts, project managers' ID numbers) never enters
 * OCDS: the input types do not even carry it.
 */

// ---------------------------------------------------------------------------
// Input: what the queries load. Deliberately without bid evidence.

/** A market entity as OCDS shows it: public registry data only. */
export interface OcdsOrganisationInput {
  creditCode: string;
  name: string;
  regionCode?: string | null;
  /** Registered address (public registry data). */
  address?: string | null;
}

/** A bid: who, how much, when, and its status. No evidence fields. */
export interface OcdsBidInput {
  bidder: OcdsOrganisationInput;
  /** Decimal string, yuan. */
  amount: string | null;
  submittedAt: Date;
  /** VALID, WITHDRAWN or DISQUALIFIED. */
  status: string;
  version: number;
  updatedAt: Date;
}

export interface OcdsOpeningInput {
  openedAt: Date;
  bidderCount: number;
  version: number;
  updatedAt: Date;
}

export interface OcdsAwardInput {
  winner: OcdsOrganisationInput;
  /** Decimal string, yuan. */
  amount: string;
  /** YYYY-MM-DD */
  awardedOn: string;
  version: number;
  updatedAt: Date;
}

export interface OcdsContractInput {
  code: string;
  amount: string;
  /** YYYY-MM-DD */
  signedOn: string;
  periodStart: string | null;
  periodEnd: string | null;
  version: number;
  updatedAt: Date;
}

export interface OcdsSectionInput {
  code: string;
  name: string;
  budget: string | null;
  status: TradingStatus;
  openingAt: Date | null;
  updatedAt: Date;
  bids: OcdsBidInput[];
  opening: OcdsOpeningInput | null;
  award: OcdsAwardInput | null;
  contracts: OcdsContractInput[];
}

export interface OcdsAnnouncementInput {
  code: string;
  type: AnnouncementType;
  title: string;
  publishedAt: Date;
  url: string | null;
  /** Sections concerned; all when empty. */
  sectionCodes: string[];
  version: number;
  updatedAt: Date;
}

/** A trading project with everything the release shows. */
export interface OcdsProjectInput {
  code: string;
  name: string;
  subItemCode: string;
  categoryCode: string;
  regionCode: string;
  budget: string | null;
  currency: string;
  method: TradingMethod;
  status: TradingStatus;
  publishedAt: Date | null;
  bidDeadline: Date | null;
  version: number;
  updatedAt: Date;
  tenderer: OcdsOrganisationInput;
  agency: OcdsOrganisationInput | null;
  sections: OcdsSectionInput[];
  announcements: OcdsAnnouncementInput[];
}

export interface OcdsOptions {
  /** The publisher's ocid prefix (config `ocdsPrefix`, HUB_OCDS_PREFIX). */
  prefix: string;
}

// ---------------------------------------------------------------------------
// Output: the OCDS objects the hub emits (the subset it fills).

export interface OcdsValue {
  amount: number;
  currency: string;
}

export interface OcdsPeriod {
  startDate?: string;
  endDate?: string;
}

export interface OcdsOrganizationReference {
  id: string;
  name: string;
}

export interface OcdsParty {
  id: string;
  name: string;
  identifier: { scheme: string; id: string; legalName: string };
  address: { streetAddress?: string; locality?: string; region?: string; countryName: string };
  roles: string[];
}

export interface OcdsDocument {
  id: string;
  documentType: string;
  title: string;
  url?: string;
  datePublished: string;
  language: string;
  relatedLots?: string[];
}

export interface OcdsLot {
  id: string;
  title: string;
  status?: string;
  value?: OcdsValue;
}

export interface OcdsTender {
  id: string;
  title: string;
  status?: string;
  procuringEntity: OcdsOrganizationReference;
  value?: OcdsValue;
  procurementMethod?: string;
  procurementMethodDetails: string;
  mainProcurementCategory?: string;
  tenderPeriod?: OcdsPeriod;
  numberOfTenderers?: number;
  tenderers?: OcdsOrganizationReference[];
  lots?: OcdsLot[];
  documents?: OcdsDocument[];
}

export interface OcdsBid {
  id: string;
  date: string;
  status: string;
  tenderers: OcdsOrganizationReference[];
  value?: OcdsValue;
  relatedLots: string[];
}

export interface OcdsBidStatistic {
  id: string;
  measure: string;
  value: number;
  date: string;
  relatedLot: string;
}

export interface OcdsAward {
  id: string;
  title: string;
  status: 'active';
  date: string;
  value: OcdsValue;
  suppliers: OcdsOrganizationReference[];
  relatedLots: string[];
  relatedBid?: string;
  documents?: OcdsDocument[];
}

export interface OcdsContract {
  id: string;
  awardID: string;
  status: 'active';
  value: OcdsValue;
  dateSigned: string;
  period?: OcdsPeriod;
}

export interface OcdsRelease {
  ocid: string;
  id: string;
  date: string;
  tag: string[];
  initiationType: 'tender';
  language: 'zh';
  parties: OcdsParty[];
  buyer?: OcdsOrganizationReference;
  tender: OcdsTender;
  bids?: { statistics?: OcdsBidStatistic[]; details?: OcdsBid[] };
  awards?: OcdsAward[];
  contracts?: OcdsContract[];
}

export interface OcdsReleasePackage {
  uri: string;
  version: string;
  extensions: string[];
  publishedDate: string;
  publisher: { name: string };
  releases: OcdsRelease[];
}

// ---------------------------------------------------------------------------
