import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode } from '../../src/common/errors';
import { RecordStatus } from '../../src/ingest/types';

registerEnumType(RecordStatus, {
  name: 'RecordStatus',
  description: 'What happened to one pushed record.',
  valuesConfig: {
    ACCEPTED: { description: 'Stored as a new version; a change event was published.' },
    UNCHANGED: { description: 'Identical to the stored version; nothing was written.' },
    REJECTED: { description: 'Not stored; see errors.' },
  },
});

registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'Stable error codes, also used in extensions.code of GraphQL errors.',
});

@ObjectType({ description: 'One located problem with a pushed record.' })
export class FieldError {
  @Field({
    description:
      'Path of the field inside the record, e.g. "creditCode" or "qualifications.0.validUntil"; empty for the whole record.',
  })
  field!: string;

  @Field(() => ErrorCode)
  code!: ErrorCode;

  @Field()
  message!: string;

  @Field(() => String, {
    nullable: true,
    description: 'For lifecycle rules, the stable rule code, e.g. AWARD_WITHOUT_BID.',
  })
  rule?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'For CONFLICT over a record another system owns: the code of that system (the record can be changed by it, or by a system the operator made authoritative for the topic).',
  })
  owner?: string | null;
}

@ObjectType({
  description:
    'A data-quality finding of a stored record: a timing rule it breaks. Stored and queryable; the record is accepted.',
})
export class Warning {
  @Field({ description: 'Stable rule code, e.g. BID_AFTER_OPENING.' })
  rule!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'The outcome for one record of a push, in the order pushed.' })
export class RecordResult {
  @Field(() => Int, { description: 'Position of the record in the pushed list (0-based).' })
  index!: number;

  @Field(() => String, { nullable: true, description: 'The business key of the record, when it could be read.' })
  key!: string | null;

  @Field(() => RecordStatus)
  status!: RecordStatus;

  @Field(() => Int, { nullable: true, description: 'The stored version after the push.' })
  version!: number | null;

  @Field(() => [FieldError])
  errors!: FieldError[];

  @Field(() => [Warning], { description: 'Findings of an accepted record (empty otherwise).' })
  warnings!: Warning[];
}

@ObjectType({ description: 'Result of a batch push: counts and one result per record.' })
export class PushResult {
  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [RecordResult])
  results!: RecordResult[];
}
