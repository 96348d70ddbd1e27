import { creditFamily } from '../../src/credit';
import type { FamilyApi } from '../common/api-family';
import { historyResolvers } from '../common/history';
import {
  CreditRecordConnectionResolver,
  CreditRecordResolver,
  MarketEntityCreditResolver,
} from './credit-record.resolver';
import { CreditRecord, Expert } from './credit.type';
import { ExpertConnectionResolver, ExpertResolver } from './expert.resolver';

/*
 * The API side of the credit family: its resolvers for the schema (`api`,
 * loaded by resolvers/families.ts when the schema is built), including the
 * fields it adds to MarketEntity.
 */
export const api: FamilyApi = {
  resolvers: [
    ExpertResolver,
    ExpertConnectionResolver,
    CreditRecordResolver,
    CreditRecordConnectionResolver,
    MarketEntityCreditResolver,
    ...historyResolvers(creditFamily, { Expert, CreditRecord }),
  ],
};
