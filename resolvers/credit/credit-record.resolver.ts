import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RECORD_READERS, Role } from '../../src/auth/principal';
import { creditFamily } from '../../src/credit';
import type { CreditRecordRow } from '../../src/credit/credit-record.entity';
import { pushCreditRecords } from '../../src/credit/credit-record.push';
import {
  creditStatusOf,
  findCreditRecord,
  listCreditRecords,
  type CreditStatusResult,
} from '../../src/credit/credit-record.queries';
import { repairCreditRecord } from '../../src/credit/credit-repair.service';
import { CREDIT_RECORD_TOPIC } from '../../src/credit/credit.model';
import { MarketEntity } from '../market';
import type { MarketEntityRow } from '../../src/market';
import { pushOptions } from '../common/push-options';
import { PushResult } from '../common/push-result.type';
import { DateTimeScalar } from '../common/scalars';
import type { HubContext } from '../context';
import { CreditRecordsArgs, CreditRecordInput, CreditRepairInput } from './credit-record.input';
import { CreditRecord, CreditRecordConnection, CreditStatus } from './credit.type';

/** The moment a status is asked for: `at`, or now on the hub's clock. */
function moment(ctx: HubContext, at: Date | null | undefined): Date {
  return at ?? new Date(ctx.services.clock.now());
}

@Resolver(() => CreditRecord)
export class CreditRecordResolver {
  @Authorized(...RECORD_READERS)
  @Query(() => CreditRecord, { nullable: true, description: 'One credit record by code.' })
  creditRecord(@Arg('code', () => String) code: string, @Ctx() ctx: HubContext): Promise<CreditRecordRow | null> {
    return findCreditRecord(ctx.em, code);
  }

  @Authorized(...RECORD_READERS)
  @Query(() => CreditRecordConnection, { description: 'Credit records, filtered, by code, a page at a time.' })
  async creditRecords(
    @Args(() => CreditRecordsArgs) args: CreditRecordsArgs,
    @Ctx() ctx: HubContext,
  ): Promise<CreditRecordConnection> {
    const page = await listCreditRecords(ctx.em, args, ctx.services.config.maxPage);
    return {
      edges: page.nodes.map((node, i) => ({ node: node as unknown as CreditRecord, cursor: page.cursors[i] })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      count: page.totalCount,
    };
  }

  @Authorized(...RECORD_READERS)
  @Query(() => CreditStatus, {
    description:
      'A market entity’s credit at a moment (default now): blacklisted, the bad and good records in force, and a grade A-D with its reasons. One indexed query; what a trading system asks before it admits a bidder.',
  })
  creditStatus(
    @Arg('creditCode', () => String) creditCode: string,
    @Arg('at', () => DateTimeScalar, { nullable: true }) at: Date | null,
    @Ctx() ctx: HubContext,
  ): Promise<CreditStatusResult> {
    return creditStatusOf(ctx.em, creditCode, moment(ctx, at));
  }

  @Authorized(Role.SOURCE_SYSTEM)
  @Mutation(() => PushResult, {
    description:
      'Pushes credit records (topic CREDIT_RECORD; granted systems only). Each record is ACCEPTED, UNCHANGED or REJECTED on its own; credit rules carry their rule code.',
  })
  pushCreditRecords(
    @Arg('records', () => [CreditRecordInput]) records: CreditRecordInput[],
    @Ctx() ctx: HubContext,
  ): Promise<PushResult> {
    return pushCreditRecords(ctx.em, ctx.principal, records, pushOptions(ctx, CREDIT_RECORD_TOPIC));
  }

  @Authorized(Role.SOURCE_SYSTEM, Role.ADMIN)
  @Mutation(() => CreditRecord, {
    description:
      'Records a credit repair (信用修复): the record becomes REPAIRED and its publication ends at decidedAt. By the system that recorded it, one authoritative for CREDIT_RECORD, or an operator. Refusals carry extensions.details.rule: REPAIR_BEFORE_MINIMUM, REPAIR_NOT_ALLOWED, REPAIR_NOT_NEGATIVE, REPAIR_IN_FUTURE, ALREADY_REPAIRED, RECORD_REVOKED.',
  })
  repairCreditRecord(
    @Arg('input', () => CreditRepairInput) input: CreditRepairInput,
    @Ctx() ctx: HubContext,
  ): Promise<CreditRecordRow> {
    return repairCreditRecord(ctx.em, ctx.principal, input, ctx.services.clock);
  }
}

@Resolver(() => CreditRecordConnection)
export class CreditRecordConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of records matching the filter (counted only when asked for).' })
  totalCount(@Root() conn: CreditRecordConnection): Promise<number> {
    return conn.count();
  }
}

/** The credit family's fields on market entities, through its loaders (one statement per field and page). */
@Resolver(() => MarketEntity)
export class MarketEntityCreditResolver {
  @FieldResolver(() => [CreditRecord], { description: 'The entity’s credit records, newest decision first.' })
  creditRecords(@Root() row: MarketEntityRow, @Ctx() ctx: HubContext): Promise<CreditRecordRow[]> {
    return ctx.loaders.of(creditFamily).creditRecordsBySubject.load(row.creditCode);
  }

  @FieldResolver(() => CreditStatus, { description: 'The entity’s credit at a moment (default now).' })
  creditStatus(
    @Root() row: MarketEntityRow,
    @Arg('at', () => DateTimeScalar, { nullable: true }) at: Date | null,
    @Ctx() ctx: HubContext,
  ): Promise<CreditStatusResult> {
    return ctx.loaders.of(creditFamily).creditStatusAt(moment(ctx, at)).load(row.creditCode);
  }
}
