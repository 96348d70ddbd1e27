import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FindingGroup } from '../../src/supervision/findings.queries';
import { ReviewOutcome, Severity } from '../../src/supervision';
import { FINDING_SENSITIVE } from '../../src/supervision/supervision.model';
import { Connection } from '../common/connection.type';
import { applySensitiveFields } from '../common/masking';
import { DateTimeScalar, JSONObjectScalar } from '../common/scalars';

registerEnumType(Severity, {
  name: 'Severity',
  description: 'How grave a finding is (HIGH → national alarm level 1).',
});
registerEnumType(ReviewOutcome, { name: 'ReviewOutcome', description: "A supervisor's verdict on a finding." });
registerEnumType(FindingGroup, { name: 'FindingGroup', description: 'How findingStatistics groups findings.' });

@ObjectType({ description: "A supervisor's review of a finding, kept with its author and time." })
export class FindingReview {
  @Field(() => Int, { description: 'Reviews of a finding are numbered 1, 2, …; the latest decides.' })
  number!: number;

  @Field(() => ReviewOutcome)
  outcome!: ReviewOutcome;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field({ description: 'The reviewing principal.' })
  author!: string;

  @Field(() => DateTimeScalar)
  reviewedAt!: Date;
}

@ObjectType('SupervisionFinding', {
  description:
    'A finding (预警): a collusion indicator on a section’s bids or a timing rule a record breaks, with its project, section, severity, the national alarm level (报警等级) and the evidence it rests on (masked as the bid fields are).',
})
export class SupervisionFinding {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stable rule code, e.g. SHARED_DEVICE or BID_AFTER_OPENING.' })
  rule!: string;

  @Field(() => Severity)
  severity!: Severity;

  @Field({
    description: 'The national specification’s project alarm level (项目报警信息 报警等级): 1 (most serious) to 3.',
  })
  alarmLevel!: string;

  @Field()
  message!: string;

  @Field({ description: 'The topic of the records it rests on (BID for collusion indicators).' })
  topic!: string;

  @Field({ description: 'The record it rests on: a bid key, or for a section’s bids as a set, the section code.' })
  recordKey!: string;

  @Field()
  projectCode!: string;

  @Field(() => String, { nullable: true })
  sectionCode!: string | null;

  @Field()
  regionCode!: string;

  @Field()
  category!: string;

  @Field()
  sourceSystem!: string;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description:
      'What it rests on: `bids` (keys), `shared` (the shared value under the bid field’s name: masked unless granted BID_EVIDENCE, or PERSONAL_ID for projectManagerId), `amounts`, `sections`, `winner`.',
  })
  evidence!: Record<string, unknown> | null;

  @Field(() => DateTimeScalar)
  detectedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a correction cleared it; null while open.' })
  clearedAt!: Date | null;

  @Field(() => FindingReview, { nullable: true, description: 'The latest review, if any.' })
  review?: FindingReview | null;
}
applySensitiveFields(SupervisionFinding, FINDING_SENSITIVE);

@ObjectType()
export class SupervisionFindingConnection extends Connection(SupervisionFinding, 'SupervisionFindingEdge') {}

@InputType({ description: 'Conditions on findings; every one has its index.' })
export class FindingFilterInput {
  @Field(() => [String], { nullable: true })
  rule?: string[] | null;

  @Field(() => [Severity], { nullable: true })
  severity?: Severity[] | null;

  @Field(() => [String], { nullable: true, description: 'Topic of the records it rests on.' })
  topic?: string[] | null;

  @Field(() => String, { nullable: true, description: 'GB/T 2260; a prefecture includes its counties.' })
  regionCode?: string | null;

  @Field(() => [String], { nullable: true, description: 'Catalog category codes.' })
  category?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Codes of the systems that pushed the projects.' })
  sourceSystem?: string[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Detected at or after.' })
  detectedFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Detected before.' })
  detectedBefore?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'true: open only; false: cleared only; absent: both.' })
  open?: boolean | null;

  @Field(() => String, { nullable: true })
  projectCode?: string | null;
}

@ArgsType()
export class FindingsArgs {
  @Field(() => FindingFilterInput, { nullable: true })
  filter?: FindingFilterInput | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@InputType()
export class ReviewFindingInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ReviewOutcome)
  outcome!: ReviewOutcome;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@ObjectType({ description: 'Counts of findings in one group.' })
export class FindingStatisticsRow {
  @Field(() => String, { nullable: true })
  rule!: string | null;

  @Field(() => String, { nullable: true, description: 'Prefecture.' })
  regionCode!: string | null;

  @Field(() => String, { nullable: true })
  category!: string | null;

  @Field(() => String, { nullable: true })
  sourceSystem!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM, China time, of detection.' })
  month!: string | null;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  open!: number;

  @Field(() => Int)
  high!: number;

  @Field(() => Int)
  medium!: number;

  @Field(() => Int)
  low!: number;

  @Field(() => Int, { description: 'Whose latest review confirmed them.' })
  confirmed!: number;

  @Field(() => Int, { description: 'Whose latest review dismissed them.' })
  dismissed!: number;
}
