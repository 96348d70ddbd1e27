import { Field, ObjectType } from 'type-graphql';
import { EVALUATION_SENSITIVE } from '../../src/trading/trading.model';
import { applySensitiveFields } from '../common/masking';
import { PushedRecordType } from '../common/pushed-record.type';
import { DateTimeScalar } from '../common/scalars';
import { CommitteeMember } from './committee-member.type';

@ObjectType({ description: 'The evaluation (评标) of a section: its committee while it runs, then its report.' })
export class Evaluation extends PushedRecordType {
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the committee started.' })
  startedAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the evaluation report was delivered; null while the evaluation runs.',
  })
  reportedAt!: Date | null;

  @Field(() => [CommitteeMember], {
    description:
      "The evaluation committee (评标委员会). Members' identities are masked until the report is delivered, unless the reader is granted EXPERT_IDENTITY.",
  })
  committee!: CommitteeMember[];
}
applySensitiveFields(Evaluation, EVALUATION_SENSITIVE);
