import { Field, ObjectType } from 'type-graphql';
import { PushedRecordType } from '../common/pushed-record.type';
import { DateScalar, DecimalScalar } from '../common/scalars';

@ObjectType({ description: 'The award (中标 / 成交) of a section.' })
export class Award extends PushedRecordType {
  @Field(() => DecimalScalar, { description: 'Awarded amount, yuan.' })
  amount!: string;

  @Field(() => DateScalar)
  awardedOn!: string;
}
