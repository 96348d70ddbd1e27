import type { MetadataStorage } from '@mikro-orm/core';
import type { FieldNode, GraphQLSchema } from 'graphql';
import type { NonEmptyArray } from 'type-graphql';
import type { Role } from '../../src/auth/principal';
import type { PlanInput } from '../../src/read/sql-tree';
import type { AnyFamily } from '../../src/registry/family';
import type { HubContext } from '../context';

/** A root query field the compiled read path (resolvers/app/compiled-reads.ts) can answer. */
export interface CompiledRoot {
  /** The roles of the field's @Authorized, checked the same way (accessError). */
  roles: readonly Role[];
  /** The field's answer for these field nodes, or null when the compiler does not cover the selection. */
  prepare(
    fieldNodes: readonly FieldNode[],
    input: PlanInput,
  ): ((ctx: HubContext, args: Record<string, unknown>) => Promise<unknown>) | null;
}

/** What the API side of a data family (`resolvers/<family>/index.ts`, export `api`) gives the schema. */
export interface FamilyApi {
  /** Its resolver classes (queries, mutations, subscriptions, field resolvers, `history`: see historyResolvers). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's type for resolver classes
  resolvers: NonEmptyArray<Function>;
  /** Root query fields the SQL compiler answers in one statement (optional; see src/read/sql-tree.ts). */
  compiledReads?(schema: GraphQLSchema, metadata: MetadataStorage): Readonly<Record<string, CompiledRoot>>;
}

/** One entry of the array of families: the family's descriptor and its API, loaded when the schema is built. */
export interface ApiFamily<F extends AnyFamily = AnyFamily> {
  family: F;
  api(): Promise<FamilyApi>;
}

/**
 * An entry of resolvers/families.ts: the family's descriptor (light: what
 * every process needs, the `hub` command included) and the import of its API
 * module, whose resolver classes only the server loads.
 */
export function apiFamily<F extends AnyFamily>(family: F, load: () => Promise<{ api: FamilyApi }>): ApiFamily<F> {
  return { family, api: async () => (await load()).api };
}
