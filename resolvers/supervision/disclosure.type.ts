import { ArgsType, Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DisclosureGroup, DisclosureMeasure, MAX_REJECTION_REASONS } from '../../src/supervision/disclosure.queries';
import { Connection } from '../common/connection.type';
import { DateTimeScalar } from '../common/scalars';

registerEnumType(DisclosureMeasure, {
  name: 'DisclosureMeasure',
  description:
    'Completeness (AWARD_NOTICE, CANDIDATE_PUBLICITY, CONTRACT_IN_TIME), timeliness (TIMELY) and accuracy (UNCORRECTED: of the records stored and the records rejected, the share stored and never corrected) of disclosed records.',
});
registerEnumType(DisclosureGroup, { name: 'DisclosureGroup', description: 'How disclosureQuality groups.' });

@InputType({ description: 'A span of the records’ own time (award date, report time, signing date, submission…).' })
export class PeriodInput {
  @Field(() => DateTimeScalar)
  from!: Date;

  @Field(() => DateTimeScalar, { description: 'Exclusive.' })
  to!: Date;
}

@ObjectType({ description: 'Rejected records of one topic and reason code (a rejected record is never stored).' })
export class RejectionCount {
  @Field({ description: 'The topic pushed: BID, AWARD, MARKET_ENTITY, …' })
  topic!: string;

  @Field({ description: 'The stable error code of the records’ first error: BAD_USER_INPUT, FORBIDDEN, CONFLICT, …' })
  code!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'One measure of one group: items counted, items fine, the share, push-delay percentiles.' })
export class DisclosureQualityRow {
  @Field(() => DisclosureMeasure)
  measure!: DisclosureMeasure;

  @Field(() => String, { nullable: true })
  sourceSystem!: string | null;

  @Field(() => String, { nullable: true })
  category!: string | null;

  @Field(() => String, { nullable: true, description: 'Prefecture.' })
  regionCode!: string | null;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  ok!: number;

  @Field(() => Float, { nullable: true, description: 'ok / total (a ratio, not money); null when total is 0.' })
  share!: number | null;

  @Field(() => Int, {
    description:
      'UNCORRECTED: how many of total are records the hub rejected (counted by the China day of the push); 0 for the other measures. Rejected records have neither category nor region: grouped by CATEGORY or REGION, they are in the row whose category and regionCode are null.',
  })
  rejected!: number;

  @Field(() => [RejectionCount], {
    description: `UNCORRECTED: the rejected records by topic and reason code, most frequent first (at most ${MAX_REJECTION_REASONS}); the offending records of accuracy that are not stored, where disclosureOffenders lists the corrected ones. Empty for the other measures.`,
  })
  rejections!: RejectionCount[];

  @Field(() => Float, { nullable: true, description: 'TIMELY: median push delay in hours.' })
  p50Hours!: number | null;

  @Field(() => Float, { nullable: true, description: 'TIMELY: 95th percentile of the push delay in hours.' })
  p95Hours!: number | null;
}

@ObjectType({ description: 'A record that fails a disclosure measure.' })
export class OffendingRecord {
  @Field(() => DisclosureMeasure)
  measure!: DisclosureMeasure;

  @Field()
  topic!: string;

  @Field()
  key!: string;

  @Field()
  projectCode!: string;

  @Field()
  sourceSystem!: string;

  @Field(() => DateTimeScalar, { description: 'The record’s own time.' })
  at!: Date;

  @Field(() => Float, { nullable: true, description: 'Hours from its own time to its arrival at the hub (TIMELY).' })
  delayHours!: number | null;
}

@ObjectType()
export class OffendingRecordConnection extends Connection(OffendingRecord, 'OffendingRecordEdge') {}

@ArgsType()
export class DisclosureOffendersArgs {
  @Field(() => DisclosureMeasure)
  measure!: DisclosureMeasure;

  @Field(() => PeriodInput)
  period!: PeriodInput;

  @Field(() => String, { nullable: true, description: 'The row’s group values, as disclosureQuality gave them.' })
  sourceSystem?: string | null;

  @Field(() => String, { nullable: true })
  category?: string | null;

  @Field(() => String, { nullable: true })
  regionCode?: string | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
