import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Role } from '../../src/auth/principal';
import { listCatalog, retireCatalogEntry, upsertCategory, upsertSubItem } from '../../src/trading/catalog.service';
import type { HubContext } from '../context';
import { DateTimeScalar, JSONObjectScalar } from '../common/scalars';

@ObjectType({ description: 'A sub-item of the trading catalog, with the JSON Schema its projects’ details must meet.' })
export class CatalogSubItem {
  @Field() code!: string;
  @Field() categoryCode!: string;
  @Field() name!: string;
  @Field(() => JSONObjectScalar, { nullable: true }) detailsSchema!: Record<string, unknown> | null;
  @Field(() => Int) sortOrder!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Retired entries take no new projects; old projects keep them.' }) retiredAt!: Date | null;
}

@ObjectType({ description: 'A category of the provincial trading catalog (交易目录大类) with its sub-items.' })
export class CatalogCategory {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Int) sortOrder!: number;
  @Field(() => DateTimeScalar, { nullable: true }) retiredAt!: Date | null;
  @Field(() => [CatalogSubItem]) subItems!: CatalogSubItem[];
}

@InputType()
export class CatalogCategoryInput {
  @Field({ description: 'Upper-case letters, digits, underscores; 2-40 characters.' }) code!: string;
  @Field() name!: string;
  @Field(() => Int, { nullable: true }) sortOrder?: number | null;
}

@InputType()
export class CatalogSubItemInput {
  @Field() code!: string;
  @Field() categoryCode!: string;
  @Field() name!: string;
  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: 'A JSON Schema for the details of its projects; checked to be valid, and held to the bounds of details (64 KB, 32 levels, no NUL or lone surrogate, exact numbers).',
  })
  detailsSchema?: Record<string, unknown> | null;
  @Field(() => Int, { nullable: true }) sortOrder?: number | null;
}

/** The trading catalog is data: anyone with a key reads it; operators widen and retire it without a code change. */
@Resolver()
export class CatalogResolver {
  @Authorized(Role.INTEGRATOR, Role.SOURCE_SYSTEM, Role.DASHBOARD, Role.FEED_CONSUMER)
  @Query(() => [CatalogCategory], { description: 'The trading catalog (交易目录): categories in order with their sub-items.' })
  async tradingCatalog(@Ctx() ctx: HubContext, @Arg('includeRetired', { defaultValue: false }) includeRetired: boolean): Promise<CatalogCategory[]> {
    const catalog = await listCatalog(ctx.em, includeRetired);
    return catalog.map(({ category: c, subItems }) => ({
      code: c.code,
      name: c.name,
      sortOrder: c.sortOrder,
      retiredAt: c.retiredAt ?? null,
      subItems: subItems.map((s) => ({ code: s.code, categoryCode: c.code, name: s.name, detailsSchema: s.detailsSchema ?? null, sortOrder: s.sortOrder, retiredAt: s.retiredAt ?? null })),
    }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Adds, renames or restores a catalog category (ADMIN).' })
  async upsertCatalogCategory(@Arg('input', () => CatalogCategoryInput) input: CatalogCategoryInput, @Ctx() ctx: HubContext): Promise<boolean> {
    await upsertCategory(ctx.em, ctx.principal, input);
    return true;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Adds or changes a sub-item and its details schema (ADMIN).' })
  async upsertCatalogSubItem(@Arg('input', () => CatalogSubItemInput) input: CatalogSubItemInput, @Ctx() ctx: HubContext): Promise<boolean> {
    await upsertSubItem(ctx.em, ctx.principal, input);
    return true;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Retires a category: its sub-items take no new projects (ADMIN).' })
  async retireCatalogCategory(@Arg('code') code: string, @Ctx() ctx: HubContext): Promise<boolean> {
    await retireCatalogEntry(ctx.em, ctx.principal, 'category', code);
    return true;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Retires a sub-item: it takes no new projects (ADMIN).' })
  async retireCatalogSubItem(@Arg('code') code: string, @Ctx() ctx: HubContext): Promise<boolean> {
    await retireCatalogEntry(ctx.em, ctx.principal, 'sub-item', code);
    return true;
  }
}
