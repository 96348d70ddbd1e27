import { hideAll, PERSONAL_ID, type MaskingClass, type SensitiveFields } from '../auth/masking';

/**
 * The change-log topics of trading records; keys: project code, announcement code, `<section>/<bidder>`, section code
 * (opening, evaluation, award), contract code.
 */
export const TradingTopic = {
  TRADING_PROJECT: 'TRADING_PROJECT',
  ANNOUNCEMENT: 'ANNOUNCEMENT',
  BID: 'BID',
  BID_OPENING: 'BID_OPENING',
  EVALUATION: 'EVALUATION',
  AWARD: 'AWARD',
  CONTRACT: 'CONTRACT',
} as const;

export type TradingTopicName = (typeof TradingTopic)[keyof typeof TradingTopic];

/** Topics of trading records, for consumers that follow trading as a whole (statistics, the national platform). */
export const TRADING_TOPICS: readonly TradingTopicName[] = Object.values(TradingTopic);

/** Longest project code (项目编号): the column's length, what a push may send and what a lookup may ask for. */
export const MAX_PROJECT_CODE = 64;

/** Trading methods (交易方式). The list grows with the catalog; the API keeps them as an enum. */
export enum TradingMethod {
  OPEN_TENDER = 'OPEN_TENDER',
  INVITED_TENDER = 'INVITED_TENDER',
  COMPETITIVE_NEGOTIATION = 'COMPETITIVE_NEGOTIATION',
  COMPETITIVE_CONSULTATION = 'COMPETITIVE_CONSULTATION',
  REQUEST_FOR_QUOTATION = 'REQUEST_FOR_QUOTATION',
  SINGLE_SOURCE = 'SINGLE_SOURCE',
  AUCTION = 'AUCTION',
  LISTING = 'LISTING',
  AGREEMENT = 'AGREEMENT',
  OTHER = 'OTHER',
}

/** Status of a project or section. */
export enum TradingStatus {
  PLANNED = 'PLANNED',
  TENDERING = 'TENDERING',
  EVALUATING = 'EVALUATING',
  AWARDED = 'AWARDED',
  CONTRACTED = 'CONTRACTED',
  TERMINATED = 'TERMINATED',
  FAILED = 'FAILED',
}

/** Announcement types (公告类型). */
export enum AnnouncementType {
  TENDER_NOTICE = 'TENDER_NOTICE',
  AMENDMENT = 'AMENDMENT',
  CANDIDATE_PUBLICITY = 'CANDIDATE_PUBLICITY',
  AWARD_NOTICE = 'AWARD_NOTICE',
  DEAL_NOTICE = 'DEAL_NOTICE',
  TERMINATION = 'TERMINATION',
}

/** Bid evidence: IP addresses, device fingerprints, document hashes, bond accounts. */
export const BID_EVIDENCE: MaskingClass = { name: 'BID_EVIDENCE', mask: hideAll };

/** Evaluation experts' identities before the evaluation ends. */
export const EXPERT_IDENTITY: MaskingClass = { name: 'EXPERT_IDENTITY', mask: hideAll };

/**
 * Bid evidence and the project manager's ID number: stored whole for
 * supervision (collusion analysis), masked in queries, feeds and exports
 * unless the reader is granted the class.
 */
export const BID_SENSITIVE: SensitiveFields = {
  caCertSerial: BID_EVIDENCE,
  deviceFingerprint: BID_EVIDENCE,
  ipAddress: BID_EVIDENCE,
  documentHash: BID_EVIDENCE,
  bondAccount: BID_EVIDENCE,
  projectManagerId: PERSONAL_ID,
};

/** Roles in an evaluation committee (评标委员会). */
export enum ExpertRole {
  /** 评标委员会主任 */
  CHAIR = 'CHAIR',
  /** An expert drawn from the province-wide pool (评标专家). */
  MEMBER = 'MEMBER',
  /** The tenderer's own representative (招标人代表). */
  TENDERER_REPRESENTATIVE = 'TENDERER_REPRESENTATIVE',
}

/** Who a committee member is: confidential while the evaluation runs (专家信息保密). */
export const EXPERT_SENSITIVE: SensitiveFields = {
  expertCode: EXPERT_IDENTITY,
  name: EXPERT_IDENTITY,
  organisation: EXPERT_IDENTITY,
};

/**
 * An evaluation's committee is masked until the evaluation ends (its report is
 * delivered, `reportedAt` set), unless the reader is granted EXPERT_IDENTITY.
 * The record is the evaluation row, its API object or its feed snapshot: all
 * name the report time `reportedAt`.
 */
export const EVALUATION_SENSITIVE: SensitiveFields = {
  committee: {
    each: EXPERT_SENSITIVE,
    lift: { class: EXPERT_IDENTITY, when: (evaluation) => evaluation.reportedAt != null },
  },
};
