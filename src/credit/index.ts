/*
 * The credit family's public surface: what other families (and the seed
 * tool) may import. Everything else under src/credit/ is the family's own.
 */
export { creditFamily } from './credit.family';
export {
  CREDIT_PUBLICATION_TOPIC,
  CREDIT_RECORD_TOPIC,
  EXPERT_TOPIC,
  type CreditRecordData,
  type ExpertData,
} from './credit.model';
export type { ExpertPush } from './expert.rules';
export type { CreditRecordPush } from './credit-record.rules';
