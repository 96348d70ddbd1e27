import { Field, ObjectType } from 'type-graphql';

@ObjectType('TradingSubItem', { description: 'A sub-item of the trading catalog (交易目录子项).' })
export class TradingSubItem {
  @Field()
  code!: string;

  @Field()
  name!: string;
}
