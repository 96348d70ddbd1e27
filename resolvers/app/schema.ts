import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { projectRoot } from '../../src/common/paths';
import { buildSchema, type PubSub } from 'type-graphql';
import { AdminResolver } from '../admin/admin.resolver';
import { authChecker } from '../auth-checker';
import type { FamilyApi } from '../common/api-family';
import { DateTimeScalar } from '../common/scalars';
import { FAMILIES } from '../families';
import { ChangesResolver } from '../feed/changes.resolver';
import { ConsumersResolver } from '../consumers/consumers.resolver';
import { SourceSystemResolver } from '../systems/source-system.resolver';

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

let apis: Promise<FamilyApi[]> | undefined;

/** The API of every family of resolvers/families.ts, loaded once per process. */
export function familyApis(): Promise<FamilyApi[]> {
  apis ??= Promise.all(FAMILIES.map((f) => f.api()));
  return apis;
}

let cached: Promise<GraphQLSchema> | undefined;

/** Builds (once per process) the executable schema: the generic API's resolvers and every family's. */
export function buildHubSchema(): Promise<GraphQLSchema> {
  cached ??= familyApis().then((families) =>
    buildSchema({
      resolvers: [
        AdminResolver,
        SourceSystemResolver,
        ChangesResolver,
        ConsumersResolver,
        ...families.flatMap((f) => f.resolvers),
      ],
      authChecker,
      pubSub: noPubSub,
      validate: false,
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      emitSchemaFile: false,
    }),
  );
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
