import { Field, ObjectType } from 'type-graphql';
import { TradingStatus } from '../../src/trading/trading.model';
import { DateTimeScalar, DecimalScalar } from '../common/scalars';
// The enums of these fields are registered with type-graphql there.
import './trading.enums';

@ObjectType({
  description: 'A section or lot (标段 / 包) of a project: bids, opening, evaluation, award and contracts hang off it.',
})
export class Section {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Budget of the section, yuan.' })
  budget!: string | null;

  @Field(() => TradingStatus)
  status!: TradingStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Bid opening time (开标时间).' })
  openingAt!: Date | null;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}
