import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root, type ClassType } from 'type-graphql';
import { maskRecord } from '../../src/auth/masking';
import { toVersions } from '../../src/feed/history';
import { ChangeOp } from '../../src/feed/topics';
import type { AnyFamily, HistorySpec } from '../../src/registry/family';
import type { HubContext } from '../context';
import './enums';
import { DateTimeScalar, JSONObjectScalar } from './scalars';

@ObjectType({ description: 'One version of a record, from the change log: who changed it, when, and to what.' })
export class RecordVersion {
  @Field(() => Int)
  version!: number;

  @Field(() => ChangeOp)
  op!: ChangeOp;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Code of the source system that pushed this version.' })
  sourceSystem!: string | null;

  @Field({ description: 'The principal that made the change: key:<id> or admin.' })
  principal!: string;

  @Field(() => [String], {
    description: 'Top-level fields that differ from the previous version (all fields for the first).',
  })
  changedFields!: string[];

  @Field(() => JSONObjectScalar, { description: 'The full record as of this version.' })
  data!: Record<string, unknown>;

  @Field({ description: 'Change-feed cursor of this version.' })
  cursor!: string;
}

/** The `history` field of one object type, as its family's descriptor says it is read. */
function historyResolver(type: ClassType, spec: HistorySpec) {
  @Resolver(() => type)
  class HistoryResolver {
    @FieldResolver(() => [RecordVersion], { description: spec.description })
    async history(
      @Root() row: Record<string, unknown>,
      @Ctx() ctx: HubContext,
      @Arg('last', () => Int, { nullable: true }) last?: number | null,
    ): Promise<RecordVersion[]> {
      const versions = toVersions(await ctx.loaders.history(spec.topic).load(String(row[spec.key])));
      const shown = last ? versions.slice(-last) : versions;
      const sensitive = ctx.services.registry.sensitiveOf(spec.topic);
      return shown.map((v) => ({ ...v, data: maskRecord(sensitive, v.data, ctx.principal) }));
    }
  }
  return HistoryResolver;
}

/**
 * The one generic history reader: a `history` field resolver for every type
 * of the family's descriptor `history`, given the GraphQL classes by type name.
 * Throws at start-up when a class is missing.
 */
export function historyResolvers(family: AnyFamily, types: Readonly<Record<string, ClassType>>): ClassType[] {
  return Object.entries((family.history ?? {}) as Record<string, HistorySpec>).map(([name, spec]) => {
    const type = types[name];
    if (!type) throw new Error(`family ${family.name} declares the history of ${name} but its API gives no such type`);
    return historyResolver(type, spec);
  });
}
