import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { ChangeOp } from '../../src/feed/topics';
import '../common/enums';
import { ChangeTopic } from '../common/hub-enums';
import { DateTimeScalar } from '../common/scalars';
import { ChangeEvent } from '../feed/change-event.type';

@ObjectType('FeedConsumerFilter', { description: 'Narrower conditions on the events of its topics.' })
export class FeedConsumerFilter {
  @Field(() => [ChangeOp], { nullable: true, description: 'Only these operations.' }) ops?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Only events pushed by these source systems (codes).' })
  sourceSystems?: string[] | null;
}

@InputType('FeedConsumerFilterInput')
export class FeedConsumerFilterInput {
  @Field(() => [ChangeOp], { nullable: true }) ops?: string[] | null;
  @Field(() => [String], { nullable: true }) sourceSystems?: string[] | null;
}

@InputType('RegisterFeedConsumerInput')
export class RegisterFeedConsumerInput {
  @Field({ description: "The consumer's name, also its principal's: 2-64 letters, digits, dots, dashes, underscores." })
  name!: string;
  @Field(() => [ChangeTopic], { description: 'The topics it follows (its read grants).' }) topics!: string[];
  @Field(() => FeedConsumerFilterInput, { nullable: true }) filter?: FeedConsumerFilterInput | null;
}

@ObjectType('FeedConsumer', {
  description:
    'A named consumer of the change feed, with the checkpoint the hub keeps for it and how far behind it is.',
})
export class FeedConsumer {
  @Field() name!: string;
  @Field(() => [ChangeTopic]) topics!: string[];
  @Field(() => FeedConsumerFilter, { nullable: true }) filter?: FeedConsumerFilter | null;
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last event acknowledged; null: none yet (it starts from the beginning).',
  })
  acknowledgedCursor!: string | null;
  @Field({ description: 'seq of the last event acknowledged (0: none). A decimal string.' }) acknowledgedSeq!: string;
  @Field(() => DateTimeScalar, { nullable: true }) lastAcknowledgedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'End of the batch being delivered (startDelivery), while beyond the acknowledged cursor.',
  })
  deliveringCursor!: string | null;
  @Field(() => Int, { description: 'Events after the acknowledged cursor within its topics and filter.' })
  lagEvents!: number;
  @Field(() => Float, { description: 'Age in seconds of the oldest unacknowledged event (0 when none).' })
  lagSeconds!: number;
  @Field({ description: 'A connection holds its lease (follows it) now.' }) connected!: boolean;
  @Field(() => DateTimeScalar, { nullable: true }) leaseExpiresAt!: Date | null;
}

@ObjectType('RegisteredFeedConsumer')
export class RegisteredFeedConsumer {
  @Field(() => FeedConsumer) consumer!: FeedConsumer;
  @Field({ description: 'Its API key (role FEED_CONSUMER), shown once.' }) apiKey!: string;
}

@InputType('DeadLetterInput', { description: 'A record the target refused, as the relay reports it.' })
export class DeadLetterInput {
  @Field({ description: "The event's cursor." }) cursor!: string;
  @Field(() => Int, { description: 'The HTTP status the target answered.' }) status!: number;
  @Field({ description: 'What the target said about the record.' }) answer!: string;
}

@ObjectType('DeadLetter', { description: "A record a consumer's target refused, with the target's answer." })
export class DeadLetter {
  @Field() consumer!: string;
  @Field() cursor!: string;
  @Field({ description: 'A decimal string.' }) seq!: string;
  @Field(() => ChangeTopic) topic!: string;
  @Field() key!: string;
  @Field(() => Int) status!: number;
  @Field() answer!: string;
  @Field(() => Int, { description: 'How many times the target refused it.' }) attempts!: number;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When a re-send was confirmed.' })
  resolvedAt!: Date | null;
  @Field(() => ChangeEvent, { nullable: true, description: 'The event itself.' }) event?: ChangeEvent | null;
}
