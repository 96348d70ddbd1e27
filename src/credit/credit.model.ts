import { PERSONAL_ID, PHONE, type SensitiveFields } from '../auth/masking';

/** The change-log topic of the province-wide expert pool (全省一库); key: the expert code. */
export const EXPERT_TOPIC = 'EXPERT';
/** The change-log topic of credit records as pushed, repaired or revoked; key: the record code. */
export const CREDIT_RECORD_TOPIC = 'CREDIT_RECORD';
/**
 * What Credit Hubei (信用湖北) may show: CREATE when a record's publication
 * starts, DELETE when it ends, UPDATE when a published record changes; key:
 * the record code. Appended by the publication scheduler (publication.scheduler.ts).
 */
export const CREDIT_PUBLICATION_TOPIC = 'CREDIT_PUBLICATION';

/** Which pool lists an expert: 评标专家 (tendering), 评审专家 (government procurement), or both. */
export enum ExpertKind {
  TENDERING = 'TENDERING',
  PROCUREMENT = 'PROCUREMENT',
  BOTH = 'BOTH',
}

/** Whether an expert may sit on committees. */
export enum ExpertStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  RETIRED = 'RETIRED',
}

/** Kinds of credit record (信用记录), mapped onto the credit data sets of the national data specification. */
export enum CreditKind {
  /** 良好行为 (奖励) */
  GOOD_CONDUCT = 'GOOD_CONDUCT',
  /** 不良行为记录 (违法违规信息) */
  BAD_CONDUCT = 'BAD_CONDUCT',
  /** 行政处罚, with the 双公示 disclosure items */
  ADMINISTRATIVE_PENALTY = 'ADMINISTRATIVE_PENALTY',
  /** 黑名单 (失信联合惩戒对象), with its listing and end dates */
  BLACKLIST = 'BLACKLIST',
  /** 履约信息: how a winner performed its contract */
  CONTRACT_PERFORMANCE = 'CONTRACT_PERFORMANCE',
  /** 信用承诺 */
  CREDIT_COMMITMENT = 'CREDIT_COMMITMENT',
}

export enum CreditSeverity {
  MINOR = 'MINOR',
  GENERAL = 'GENERAL',
  SERIOUS = 'SERIOUS',
}

/** A record's standing: in force, repaired (信用修复), or revoked by its authority (the decision was withdrawn). */
export enum CreditRecordStatus {
  IN_FORCE = 'IN_FORCE',
  REPAIRED = 'REPAIRED',
  REVOKED = 'REVOKED',
}

/** How a winner performed its contract (履约评价). POOR is a bad record. */
export enum PerformanceRating {
  GOOD = 'GOOD',
  QUALIFIED = 'QUALIFIED',
  POOR = 'POOR',
}

/** Types of administrative penalty (行政处罚种类, 行政处罚法 Art. 9), as the 双公示 items name them. */
export enum PenaltyType {
  WARNING = 'WARNING',
  FINE = 'FINE',
  CONFISCATION = 'CONFISCATION',
  QUALIFICATION_DOWNGRADE = 'QUALIFICATION_DOWNGRADE',
  /** 责令停产停业 / 暂停投标资格 */
  SUSPENSION = 'SUSPENSION',
  /** 吊销许可证件 */
  LICENCE_REVOCATION = 'LICENCE_REVOCATION',
  /** 限制从业 */
  DEBARMENT = 'DEBARMENT',
  OTHER = 'OTHER',
}

/** The violation type of collusive bidding (串通投标), which with suspension or licence revocation is never repaired. */
export const COLLUSIVE_BIDDING = 'COLLUSIVE_BIDDING';

/** Who a credit record is about. */
export enum CreditSubjectType {
  ENTITY = 'ENTITY',
  EXPERT = 'EXPERT',
}

/** An expert of the pool after validation: what is stored, hashed and published under EXPERT. */
export interface ExpertData {
  code: string;
  kind: ExpertKind;
  name: string;
  /** 公民身份号码 (GB 11643, check digit verified); PERSONAL_ID. */
  idNumber: string;
  /** PHONE. */
  phone: string | null;
  /** Specialty codes (评标专业), sorted, distinct. */
  specialties: string[];
  regionCode: string;
  employerCreditCode: string | null;
  status: ExpertStatus;
  externalId: string | null;
}

/**
 * A credit record after validation: the content an authority pushed plus the
 * dates the rules derive from it (publication.rules.ts). Dates are China
 * calendar dates `YYYY-MM-DD`; a period runs from its first day up to, not
 * including, its end day.
 */
export interface CreditRecordData {
  code: string;
  subjectType: CreditSubjectType;
  /** The subject's credit code (ENTITY) or expert code (EXPERT). */
  subjectCode: string;
  subjectName: string | null;
  /** A natural person's ID number (an expert, a sole trader); PERSONAL_ID. */
  subjectIdNumber: string | null;
  kind: CreditKind;
  severity: CreditSeverity;
  /** As pushed: IN_FORCE, or REVOKED when the authority withdrew its decision. */
  status: CreditRecordStatus;
  decidedOn: string;
  decisionNumber: string;
  authorityName: string;
  authorityCreditCode: string;
  summary: string;
  legalBasis: string | null;
  violationType: string | null;
  violationFacts: string | null;
  penaltyType: PenaltyType | null;
  penaltyContent: string | null;
  /** Decimal yuan. */
  fineAmount: string | null;
  confiscatedAmount: string | null;
  listedOn: string | null;
  listingEndsOn: string | null;
  contractCode: string | null;
  performanceRating: PerformanceRating | null;
  /** The end of publication the authority decided (公示截止日期), within the rules' bounds; null: the rules' default. */
  publicationEndsOn: string | null;
  /** Derived: the days the record counts in credit checks, [effectiveFrom, effectiveUntil). */
  effectiveFrom: string;
  effectiveUntil: string;
  /** Derived: the days it is published, [publishedFrom, publishedUntil); null when it is never published. */
  publishedFrom: string | null;
  publishedUntil: string | null;
  /** Derived: the first day a repair may be decided; null when it can never be repaired. */
  repairableFrom: string | null;
  externalId: string | null;
}

/** A repair (信用修复) as decided, kept with the record. */
export interface CreditRepairData {
  decidedBy: string;
  decidedAt: string;
  grounds: string;
  /** The principal that recorded it. */
  recordedBy: string;
}

/** The payload of a CREDIT_RECORD event: the record, its standing and repair. */
export type CreditRecordPayload = CreditRecordData & {
  status: CreditRecordStatus;
  repair: CreditRepairData | null;
  sourceSystem: string;
  version: number;
  updatedAt: string;
};

/** Personal data of an expert: masked in queries, feeds and exports unless the reader is granted the class. */
export const EXPERT_SENSITIVE: SensitiveFields = { idNumber: PERSONAL_ID, phone: PHONE };

/** Personal data of a credit record. */
export const CREDIT_RECORD_SENSITIVE: SensitiveFields = { subjectIdNumber: PERSONAL_ID };
