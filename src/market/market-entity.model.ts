import { PERSONAL_ID, PHONE, type SensitiveFields } from '../auth/masking';

/** The change-log topic of market entities; key: the credit code. */
export const MARKET_ENTITY_TOPIC = 'MARKET_ENTITY';

/** Kinds of market entity (市场主体类型). */
export enum EntityKind {
  ENTERPRISE = 'ENTERPRISE',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  SOCIAL_ORGANISATION = 'SOCIAL_ORGANISATION',
  OTHER = 'OTHER',
}

/** Roles an entity plays in trading (招标人, 投标人, 代理机构, 供应商, 采购人, 转让方). */
export enum MarketRole {
  TENDERER = 'TENDERER',
  BIDDER = 'BIDDER',
  AGENCY = 'AGENCY',
  SUPPLIER = 'SUPPLIER',
  PURCHASER = 'PURCHASER',
  TRANSFEROR = 'TRANSFEROR',
}

/** Registration status (存续, 注销, 吊销). */
export enum EntityStatus {
  ACTIVE = 'ACTIVE',
  CANCELLED = 'CANCELLED',
  REVOKED = 'REVOKED',
}

/** A qualification (资质) held by an entity. Dates are `YYYY-MM-DD`. */
export interface QualificationData {
  code: string;
  name: string;
  level: string | null;
  validUntil: string | null;
  issuer: string | null;
}

/**
 * A market entity's content after validation and normalisation: exactly what
 * is stored, hashed and published in the change log.
 */
export interface MarketEntityData {
  creditCode: string;
  name: string;
  kind: EntityKind;
  roles: MarketRole[];
  legalRepresentative: string | null;
  /** ID number of the legal representative (GB 11643); PERSONAL_ID, masked unless granted. */
  legalRepresentativeIdNumber: string | null;
  /** Contact phone; PHONE, masked unless granted. */
  contactPhone: string | null;
  /** Decimal string with two fraction digits, yuan. */
  registeredCapital: string | null;
  regionCode: string;
  address: string | null;
  establishedOn: string | null;
  status: EntityStatus;
  qualifications: QualificationData[];
  externalId: string | null;
}

/** Personal data of a market entity: masked in queries, feeds and exports unless the reader is granted the class. */
export const MARKET_ENTITY_SENSITIVE: SensitiveFields = {
  legalRepresentativeIdNumber: PERSONAL_ID,
  contactPhone: PHONE,
};
