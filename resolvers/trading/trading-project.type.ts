import { Field, ObjectType } from 'type-graphql';
import { TradingMethod, TradingStatus } from '../../src/trading/trading.model';
import { PushedRecordType } from '../common/pushed-record.type';
import { DateTimeScalar, DecimalScalar, JSONObjectScalar } from '../common/scalars';
// The enums of these fields are registered with type-graphql there.
import './trading.enums';

@ObjectType({ description: 'A trading project (交易项目) of any catalog category, keyed by its code.' })
export class TradingProject extends PushedRecordType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'GB/T 2260 region code.' })
  regionCode!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Budget or reserve price, yuan.' })
  budget!: string | null;

  @Field({ description: 'ISO 4217 currency of the amounts; CNY unless stated.' })
  currency!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The unified transaction identifier (统一交易标识码): as pushed, or `HB<regionCode>-<code>` formed by the hub.',
  })
  unifiedTransactionCode!: string | null;

  @Field(() => TradingMethod)
  method!: TradingMethod;

  @Field(() => TradingStatus)
  status!: TradingStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the tender notice (or listing) was published.' })
  publishedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Bid deadline, or end of the listing period.' })
  bidDeadline!: Date | null;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: "Category-specific details, valid against the sub-item's JSON Schema.",
  })
  details!: Record<string, unknown> | null;

  @Field(() => DateTimeScalar, {
    description:
      'When the project or any record under it (section, announcement, bid, opening, evaluation, award, contract) last changed: what filter.updatedSince and orderBy UPDATED_AT follow.',
  })
  declare updatedAt: Date;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}
