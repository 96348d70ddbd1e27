import { Field, ObjectType } from 'type-graphql';

@ObjectType('TradingCategory', { description: 'A category of the provincial trading catalog (交易目录大类).' })
export class TradingCategory {
  @Field()
  code!: string;

  @Field()
  name!: string;
}
