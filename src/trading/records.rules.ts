/*
 * The pure rules of trading records other than projects (validation and
 * findings), one file a record kind.
 */

export {
  type AnnouncementData,
  type AnnouncementPush,
  validateAnnouncement,
  PUBLICITY_MIN_DAYS,
  PUBLICITY_WITHIN_DAYS,
  ANNOUNCEMENT_FINDING_RULES,
  announcementFindings,
} from './announcement.rules';
export {
  BidStatus,
  type BidData,
  type BidPush,
  bidKey,
  validateBid,
  openingTime,
  BID_FINDING_RULES,
  bidFindings,
} from './bid.rules';
export { type BidOpeningData, type BidOpeningPush, validateBidOpening } from './bid-opening.rules';
export {
  type CandidateData,
  type CommitteeMemberData,
  MAX_COMMITTEE,
  MAX_CANDIDATES,
  type EvaluationData,
  type EvaluationPush,
  validateEvaluation,
} from './evaluation.rules';
export { type AwardData, type AwardPush, validateAward } from './award.rules';
export {
  type ContractData,
  type ContractPush,
  validateContract,
  CONTRACT_FINDING_RULES,
  contractFindings,
} from './contract.rules';
