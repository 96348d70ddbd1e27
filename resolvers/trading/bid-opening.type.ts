import { Field, Int, ObjectType } from 'type-graphql';
import { PushedRecordType } from '../common/pushed-record.type';
import { DateTimeScalar } from '../common/scalars';

@ObjectType({ description: 'The bid opening record (开标记录) of a section.' })
export class BidOpening extends PushedRecordType {
  @Field(() => DateTimeScalar)
  openedAt!: Date;

  @Field(() => Int)
  bidderCount!: number;

  @Field(() => String, { nullable: true })
  location!: string | null;
}
