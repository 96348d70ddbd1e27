import { Field, ObjectType } from 'type-graphql';
import { ExpertRole } from '../../src/trading/trading.model';
// The enums of these fields are registered with type-graphql there.
import './trading.enums';

@ObjectType({
  description:
    'A member of an evaluation committee (评标委员会成员). Who sits is confidential while the evaluation runs (专家信息保密).',
})
export class CommitteeMember {
  @Field({
    description:
      "The expert's code in the province-wide pool. Masked while the evaluation runs, unless granted EXPERT_IDENTITY.",
  })
  expertCode!: string;

  @Field({ description: 'Masked while the evaluation runs, unless granted EXPERT_IDENTITY.' })
  name!: string;

  @Field(() => ExpertRole)
  role!: ExpertRole;

  @Field(() => String, {
    nullable: true,
    description: 'Masked while the evaluation runs, unless granted EXPERT_IDENTITY.',
  })
  organisation!: string | null;
}
