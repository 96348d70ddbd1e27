import { tradingFamily } from '../../src/trading/trading.family';
import type { FamilyApi } from '../common/api-family';
import { historyResolvers } from '../common/history';
import { CatalogResolver } from './catalog.resolver';
import { OcdsResolver } from './ocds.resolver';
import { TradingPushResolver } from './push.resolver';
import { TradingStatisticsResolver } from './statistics.resolver';
import { TRADING_READ_RESOLVERS } from './trading-project.resolver';
import { tradingReadRoots } from './trading-project.sql';
import { TradingProject } from './trading-project.type';

/*
 * The API side of the trading family: its resolvers and compiled reads for
 * the schema (`api`, loaded by resolvers/families.ts when the schema is built).
 */
export const api: FamilyApi = {
  resolvers: [
    TradingPushResolver,
    TradingStatisticsResolver,
    ...TRADING_READ_RESOLVERS,
    OcdsResolver,
    CatalogResolver,
    ...historyResolvers(tradingFamily, { TradingProject }),
  ],
  compiledReads: tradingReadRoots,
};
