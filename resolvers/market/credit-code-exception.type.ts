import { Field, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';

@ObjectType('CreditCodeException', {
  description:
    'A legally issued unified social credit code that fails the GB 32100-2015 check character (an early pilot code); pushes accept it as valid.',
})
export class CreditCodeException {
  @Field({ description: '18 characters of the credit-code alphabet.' }) code!: string;
  @Field(() => String, { nullable: true, description: 'Why it is excused, as the operator recorded it.' }) reason!:
    string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@InputType({ description: 'A credit code to excuse from the check-character test.' })
export class CreditCodeExceptionInput {
  @Field({
    description:
      '18 characters of the credit-code alphabet whose check character is wrong; a code that passes the check is refused.',
  })
  code!: string;
  @Field({
    description:
      'Why the code is legally issued (e.g. the registering authority’s confirmation); at most 500 characters.',
  })
  reason!: string;
}
