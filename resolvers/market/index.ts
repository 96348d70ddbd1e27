import { marketFamily } from '../../src/market';
import type { FamilyApi } from '../common/api-family';
import { historyResolvers } from '../common/history';
import { CreditCodeExceptionResolver } from './credit-code-exception.resolver';
import { MarketEntityConnectionResolver, MarketEntityResolver } from './market-entity.resolver';
import { MarketEntity } from './market-entity.type';

/*
 * The API side of the market family: its resolvers for the schema (`api`,
 * loaded by resolvers/families.ts when the schema is built), and the GraphQL
 * types other families' APIs may use. Nothing else of resolvers/market/ is
 * imported from outside it.
 */
export { MarketEntity } from './market-entity.type';

export const api: FamilyApi = {
  resolvers: [
    MarketEntityResolver,
    MarketEntityConnectionResolver,
    CreditCodeExceptionResolver,
    ...historyResolvers(marketFamily, { MarketEntity }),
  ],
};
