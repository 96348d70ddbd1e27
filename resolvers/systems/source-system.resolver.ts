import { Arg, Authorized, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { RECORD_READERS, Role } from '../../src/auth/principal';
import { listSourceSystems, registerSourceSystem } from '../../src/systems/source-system.service';
import { SourceSystemKind } from '../../src/systems/source-system.entity';
import { ChangeTopic } from '../common/hub-enums';
import type { HubContext } from '../context';
import { RegisteredSourceSystem, SourceSystem } from './source-system.type';

@InputType()
export class RegisterSourceSystemInput {
  @Field({ description: 'Business key, 2-64 upper-case letters, digits or dashes.' }) code!: string;
  @Field() name!: string;
  @Field(() => SourceSystemKind, { description: 'Who built it: GOVERNMENT or MARKET.' }) kind!: SourceSystemKind;
  @Field(() => String, { nullable: true, description: 'GB/T 2260 code in Hubei; default 420000.' }) regionCode?:
    string | null;
  @Field(() => [ChangeTopic], { nullable: true, description: 'Topics it may push; default every data topic.' })
  topics?: string[] | null;
  @Field(() => [String], {
    nullable: true,
    description: 'GB/T 2260 codes inside which it may write; default its regionCode.',
  })
  regions?: string[] | null;
  @Field(() => [String], {
    nullable: true,
    description: "Catalog categories of trading records it may write; default '*' (all).",
  })
  categories?: string[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Its pushes must be signed (x-hub-signature, x-hub-certificate); default false.',
  })
  signatureRequired?: boolean | null;
}

@Resolver(() => SourceSystem)
export class SourceSystemResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => RegisteredSourceSystem, {
    description: 'Registers a connected trading system and issues its API key (ADMIN).',
  })
  registerSourceSystem(
    @Arg('input', () => RegisterSourceSystemInput) input: RegisterSourceSystemInput,
    @Ctx() ctx: HubContext,
  ): Promise<RegisteredSourceSystem> {
    return registerSourceSystem(ctx.em, ctx.principal, input, ctx.services.registry);
  }

  // Supervisors' dashboards list the systems beside their figures (codes, names and regions only).
  @Authorized(...RECORD_READERS, Role.DASHBOARD)
  @Query(() => [SourceSystem], { description: 'The connected trading systems (also for DASHBOARD keys).' })
  sourceSystems(@Ctx() ctx: HubContext): Promise<SourceSystem[]> {
    return listSourceSystems(ctx.em);
  }
}
