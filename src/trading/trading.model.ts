import { Sensitivity, type SensitiveFields } from '../auth/masking';

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

/**
 * Bid evidence and the project manager's ID number: stored whole for
 * supervision (collusion analysis), masked in queries, feeds and exports
 * unless the reader is granted the class.
 */
export const BID_SENSITIVE: SensitiveFields = {
  caCertSerial: Sensitivity.BID_EVIDENCE,
  deviceFingerprint: Sensitivity.BID_EVIDENCE,
  ipAddress: Sensitivity.BID_EVIDENCE,
  documentHash: Sensitivity.BID_EVIDENCE,
  bondAccount: Sensitivity.BID_EVIDENCE,
  projectManagerId: Sensitivity.PERSONAL_ID,
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
  expertCode: Sensitivity.EXPERT_IDENTITY,
  name: Sensitivity.EXPERT_IDENTITY,
  organisation: Sensitivity.EXPERT_IDENTITY,
};

/**
 * An evaluation's committee is masked until the evaluation ends (its report is
 * delivered, `reportedAt` set), unless the reader is granted EXPERT_IDENTITY.
 * The record is the evaluation row, its API object or its feed snapshot: all
 * name the report time `reportedAt`.
 */
export const EVALUATION_SENSITIVE: SensitiveFields = {
  committee: { each: EXPERT_SENSITIVE, lift: { class: Sensitivity.EXPERT_IDENTITY, when: (evaluation) => evaluation.reportedAt != null } },
};
