import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, JSONObjectScalar } from '../common/scalars';

@ObjectType({ description: 'A sub-item of the trading catalog, with the JSON Schema its projects’ details must meet.' })
export class CatalogSubItem {
  @Field() code!: string;
  @Field() categoryCode!: string;
  @Field() name!: string;
  @Field(() => JSONObjectScalar, { nullable: true }) detailsSchema!: Record<string, unknown> | null;
  @Field(() => Int) sortOrder!: number;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Retired entries take no new projects; old projects keep them.',
  })
  retiredAt!: Date | null;
}

@ObjectType({ description: 'A category of the provincial trading catalog (交易目录大类) with its sub-items.' })
export class CatalogCategory {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Int) sortOrder!: number;
  @Field(() => DateTimeScalar, { nullable: true }) retiredAt!: Date | null;
  @Field(() => [CatalogSubItem]) subItems!: CatalogSubItem[];
}
