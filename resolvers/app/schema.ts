import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { projectRoot } from '../../src/common/paths';
import { buildSchema, type PubSub } from 'type-graphql';
import { AdminResolver } from '../admin/admin.resolver';
import { authChecker } from '../auth-checker';
import { TradingPushResolver } from '../trading/push.resolver';
import { DateTimeScalar } from '../common/scalars';
import { ChangesResolver } from '../feed/changes.resolver';
import { CreditCodeExceptionResolver } from '../market/credit-code-exception.resolver';
import { MarketEntityConnectionResolver, MarketEntityResolver } from '../market/market-entity.resolver';
import { SourceSystemResolver } from '../systems/source-system.resolver';
import { TradingStatisticsResolver } from '../trading/statistics.resolver';
import { TRADING_READ_RESOLVERS } from '../trading/trading-project.resolver';
import { OcdsResolver } from '../trading/ocds.resolver';
import { CatalogResolver } from '../trading/catalog.resolver';

/**
 * type-graphql insists on a PubSub whenever a subscription exists, even though
 * ours supply their own iterators from the change feed. This one is never used.
 */
const noPubSub: PubSub = {
  publish() {
    throw new Error('the hub publishes through the change log, not a PubSub');
  },
  subscribe() {
    throw new Error('the hub subscribes through the change feed, not a PubSub');
  },
};

let cached: Promise<GraphQLSchema> | undefined;

/** Builds (once per process) the executable schema from the resolver classes. */
export function buildHubSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [TradingPushResolver, AdminResolver, MarketEntityResolver, MarketEntityConnectionResolver, SourceSystemResolver, ChangesResolver,
      TradingStatisticsResolver,
      ...TRADING_READ_RESOLVERS,
      OcdsResolver,
      CatalogResolver,
      CreditCodeExceptionResolver,
    ],
    authChecker,
    pubSub: noPubSub,
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    emitSchemaFile: false,
  });
  return cached;
}

/** The schema as committed in schema/schema.graphql (sorted, so diffs are stable). */
export async function printHubSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildHubSchema()))}\n`;
}

export const SCHEMA_FILE = join(projectRoot(), 'schema', 'schema.graphql');

/** Writes schema/schema.graphql; `npm run schema`. */
export async function writeSchemaFile(path = SCHEMA_FILE): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, await printHubSchema());
  return path;
}
