import { Arg, Args, ArgsType, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { RECORD_READERS } from '../../src/auth/principal';
import { ErrorCode, HubError } from '../../src/common/errors';
import { findOcdsRelease, findOcdsReleases, listOcdsReleases, MAX_OCDS_RELEASES } from '../../src/trading/ocds.queries';
import { PageInfo } from '../common/page-info.type';
import { JSONObjectScalar } from '../common/scalars';
import type { HubContext } from '../context';
import { TradingProjectFilterInput } from './trading-project.input';

/**
 * Largest page of the OCDS export: a release carries a project's every bid,
 * award and contract, so its pages stay smaller than HUB_MAX_PAGE allows for
 * plain lists.
 */
export const OCDS_MAX_PAGE = 100;

@ArgsType()
export class OcdsReleasePackageArgs {
  @Field(() => TradingProjectFilterInput, { nullable: true, description: 'The filter of tradingProjects.' })
  filter?: TradingProjectFilterInput | null;

  @Field(() => Int, {
    nullable: true,
    description: `Projects (releases) per page; default 50, at most ${OCDS_MAX_PAGE} (or HUB_MAX_PAGE when lower).`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'endCursor of the previous page (the cursors of tradingProjects in its CODE order).',
  })
  after?: string | null;
}

@ObjectType({ description: 'A page of the OCDS export: the release package of its projects, and where to go on.' })
export class OcdsReleasePage {
  @Field(() => JSONObjectScalar, {
    nullable: true,
    description:
      'An OCDS 1.1 release package (with the bids and lots extensions) holding one release per project of the page, in project-code order; null when the page holds no project, since a package holds at least one release.',
  })
  package!: Record<string, unknown> | null;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

/** The OCDS 1.1 export of trading projects (interoperability with open-contracting tools). */
@Resolver()
export class OcdsResolver {
  @Authorized(...RECORD_READERS)
  @Query(() => JSONObjectScalar, {
    nullable: true,
    description:
      'The OCDS 1.1 release of a trading project (ocid <HUB_OCDS_PREFIX>-<projectCode>): tender with its sections as lots, bids (bids extension, never their evidence), awards and contracts, as of now. Null when the project is not held.',
  })
  async ocdsRelease(
    @Arg('projectCode', () => String) projectCode: string,
    @Ctx() ctx: HubContext,
  ): Promise<Record<string, unknown> | null> {
    const release = await findOcdsRelease(ctx.em, projectCode, ctx.services.config.ocdsPrefix);
    return release as unknown as Record<string, unknown> | null;
  }

  @Authorized(...RECORD_READERS)
  @Query(() => [JSONObjectScalar], {
    nullable: 'items',
    description: `The OCDS 1.1 releases of the trading projects with these codes (at most ${MAX_OCDS_RELEASES}), as ocdsRelease gives each, in the order of the codes, null where the project is not held; read in one snapshot with a fixed number of statements, however many codes. For a relay or an integrator that needs the releases of many known projects at once.`,
  })
  async ocdsReleases(
    @Arg('projectCodes', () => [String]) projectCodes: string[],
    @Ctx() ctx: HubContext,
  ): Promise<(Record<string, unknown> | null)[]> {
    if (projectCodes.length > MAX_OCDS_RELEASES)
      throw new HubError(ErrorCode.LIMIT_EXCEEDED, `at most ${MAX_OCDS_RELEASES} project codes at once`, {
        field: 'projectCodes',
        details: { limit: MAX_OCDS_RELEASES, actual: projectCodes.length },
      });
    const releases = await findOcdsReleases(ctx.em, projectCodes, ctx.services.config.ocdsPrefix);
    return releases as unknown as (Record<string, unknown> | null)[];
  }

  @Authorized(...RECORD_READERS)
  @Query(() => OcdsReleasePage, {
    description: 'Trading projects as OCDS 1.1 release packages, filtered like tradingProjects, a page at a time.',
  })
  async ocdsReleasePackage(
    @Args(() => OcdsReleasePackageArgs) args: OcdsReleasePackageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<OcdsReleasePage> {
    const { config } = ctx.services;
    const page = await listOcdsReleases(ctx.em, args, {
      maxPage: Math.min(config.maxPage, OCDS_MAX_PAGE),
      prefix: config.ocdsPrefix,
    });
    return {
      package: page.package as unknown as Record<string, unknown> | null,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}
