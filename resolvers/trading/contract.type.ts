import { Field, ObjectType } from 'type-graphql';
import { PushedRecordType } from '../common/pushed-record.type';
import { DateScalar, DecimalScalar } from '../common/scalars';

@ObjectType({ description: 'A contract (合同) signed after the award of a section.' })
export class Contract extends PushedRecordType {
  @Field()
  code!: string;

  @Field(() => DecimalScalar, { description: 'Contract amount, yuan.' })
  amount!: string;

  @Field(() => DateScalar)
  signedOn!: string;

  @Field(() => DateScalar, { nullable: true })
  periodStart!: string | null;

  @Field(() => DateScalar, { nullable: true })
  periodEnd!: string | null;
}
