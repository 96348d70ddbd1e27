import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { SourceSystemKind } from '../../src/systems/source-system.entity';
import { DateTimeScalar } from '../common/scalars';

registerEnumType(SourceSystemKind, {
  name: 'SourceSystemKind',
  description: 'Built by the government (政府建设) or the market (市场建设).',
});

@ObjectType('SourceSystem', { description: 'A connected electronic trading system (交易系统).' })
export class SourceSystem {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => SourceSystemKind)
  kind!: SourceSystemKind;

  @Field()
  regionCode!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it last pushed, whatever the outcome, to the second (最近推送时间); null if it never has.',
  })
  lastPushAt?: Date | null;
}

@ObjectType({ description: 'A newly registered system and its API key. The key is shown only this once.' })
export class RegisteredSourceSystem {
  @Field(() => SourceSystem)
  system!: SourceSystem;

  @Field({ description: 'Bearer key for Authorization headers. Store it now: the hub keeps only its hash.' })
  apiKey!: string;
}
