/*
 * The pushes of trading records other than projects, one file a record kind;
 * trading.family.ts loads them from here, when a push first needs one.
 */

export { rederiveBidFindings, bidPush, pushBids } from './bid.push';
export { contractPush, pushContracts } from './contract.push';
export { announcementPush, pushAnnouncements } from './announcement.push';
export { bidOpeningPush, pushBidOpenings } from './bid-opening.push';
export { evaluationPush, pushEvaluations } from './evaluation.push';
export { awardPush, pushAwards } from './award.push';
