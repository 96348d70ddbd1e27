import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';

@ObjectType({
  description:
    'A data-quality finding (数据质量问题): a timing rule a stored record breaks. The record is stored; supervisors follow up.',
})
export class Finding {
  @Field({ description: 'Change-feed topic of the record, e.g. BID.' })
  topic!: string;

  @Field({ description: 'Business key of the record within its topic.' })
  recordKey!: string;

  @Field({ description: 'Stable rule code, e.g. BID_AFTER_OPENING.' })
  rule!: string;

  @Field()
  message!: string;

  @Field(() => DateTimeScalar)
  detectedAt!: Date;
}
