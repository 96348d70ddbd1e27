import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../common/scalars';

@ObjectType({ description: 'A ranked candidate (中标候选人) of an evaluation.' })
export class EvaluationCandidate {
  @Field(() => Int)
  rank!: number;

  @Field(() => DecimalScalar, { nullable: true })
  score!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Evaluated price, yuan.' })
  amount!: string | null;
}
