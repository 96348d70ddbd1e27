import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Relay page information (forward pagination).' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
