import { Field, InputType, Int } from 'type-graphql';
import { JSONObjectScalar } from '../common/scalars';

@InputType()
export class CatalogCategoryInput {
  @Field({ description: 'Upper-case letters, digits, underscores; 2-40 characters.' }) code!: string;
  @Field() name!: string;
  @Field(() => Int, { nullable: true }) sortOrder?: number | null;
}

@InputType()
export class CatalogSubItemInput {
  @Field() code!: string;
  @Field() categoryCode!: string;
  @Field() name!: string;
  @Field(() => JSONObjectScalar, {
    nullable: true,
    description:
      'A JSON Schema for the details of its projects; checked to be valid, and held to the bounds of details (64 KB, 32 levels, no NUL or lone surrogate, exact numbers).',
  })
  detailsSchema?: Record<string, unknown> | null;
  @Field(() => Int, { nullable: true }) sortOrder?: number | null;
}
