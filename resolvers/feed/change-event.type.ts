import { Field, Int, ObjectType } from 'type-graphql';
import { ChangeOp } from '../../src/feed/topics';
import '../common/enums';
import { ChangeTopic } from '../common/hub-enums';
import { DateTimeScalar, JSONObjectScalar } from '../common/scalars';

@ObjectType({
  description: 'One accepted change from the change log. Delivery is at-least-once in seq order: deduplicate by seq.',
})
export class ChangeEvent {
  @Field({ description: 'Pass as `after` to resume right after this event.' })
  cursor!: string;

  @Field({ description: 'Position in the change log: gapless, increasing, in commit order. A decimal string.' })
  seq!: string;

  @Field(() => ChangeTopic)
  topic!: string;

  @Field(() => ChangeOp)
  op!: ChangeOp;

  @Field({ description: 'Business key of the record (credit code, ...).' })
  key!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Code of the pushing source system.' })
  sourceSystem!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'SHA-256 fingerprint of the certificate that signed the push (x-hub-signature); null when unsigned. The hash covers it.',
  })
  signedBy!: string | null;

  @Field(() => JSONObjectScalar, { description: 'The full record after the change.' })
  data!: Record<string, unknown>;

  @Field({ description: 'SM3 hash chaining this event to the previous one (tamper evidence).' })
  hash!: string;
}
