import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './scalars';

/**
 * The fields every pushed record has, whatever its family (src/ingest/pushed-record.entity.ts):
 * a family's GraphQL type of a pushed record extends this class. Abstract: no
 * GraphQL type of its own, the fields appear on each record type.
 */
@ObjectType()
export abstract class PushedRecordType {
  @Field(() => String, { nullable: true, description: "The pushing system's own id of the record." })
  externalId!: string | null;

  @Field(() => Int)
  version!: number;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}
