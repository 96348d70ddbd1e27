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
