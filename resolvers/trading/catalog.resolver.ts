import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../src/auth/principal';
import { listCatalog, retireCatalogEntry, upsertCategory, upsertSubItem } from '../../src/trading/catalog.service';
import type { HubContext } from '../context';
import { CatalogCategoryInput, CatalogSubItemInput } from './catalog.input';
import { CatalogCategory } from './catalog.type';

/** The trading catalog is data: anyone with a key reads it; operators widen and retire it without a code change. */
@Resolver()
export class CatalogResolver {
  @Authorized(Role.INTEGRATOR, Role.SOURCE_SYSTEM, Role.DASHBOARD, Role.FEED_CONSUMER)
  @Query(() => [CatalogCategory], {
    description: 'The trading catalog (交易目录): categories in order with their sub-items.',
  })
  async tradingCatalog(
    @Ctx() ctx: HubContext,
    @Arg('includeRetired', { defaultValue: false }) includeRetired: boolean,
  ): Promise<CatalogCategory[]> {
    const catalog = await listCatalog(ctx.em, includeRetired);
    return catalog.map(({ category: c, subItems }) => ({
      code: c.code,
      name: c.name,
      sortOrder: c.sortOrder,
      retiredAt: c.retiredAt ?? null,
      subItems: subItems.map((s) => ({
        code: s.code,
        categoryCode: c.code,
        name: s.name,
        detailsSchema: s.detailsSchema ?? null,
        sortOrder: s.sortOrder,
        retiredAt: s.retiredAt ?? null,
      })),
    }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Adds, renames or restores a catalog category (ADMIN).' })
  async upsertCatalogCategory(
    @Arg('input', () => CatalogCategoryInput) input: CatalogCategoryInput,
    @Ctx() ctx: HubContext,
  ): Promise<boolean> {
    await upsertCategory(ctx.em, ctx.principal, input);
    return true;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Adds or changes a sub-item and its details schema (ADMIN).' })
  async upsertCatalogSubItem(
    @Arg('input', () => CatalogSubItemInput) input: CatalogSubItemInput,
    @Ctx() ctx: HubContext,
  ): Promise<boolean> {
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
