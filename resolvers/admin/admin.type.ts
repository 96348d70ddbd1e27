import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../src/auth/principal';
import { ChangeTopic, Sensitivity } from '../common/hub-enums';
import { DateTimeScalar } from '../common/scalars';
import { SourceSystem } from '../systems/source-system.type';

registerEnumType(Role, { name: 'Role', description: 'Roles of a principal; a principal can hold several.' });

@ObjectType('ApiKey', { description: 'An API key (never the key itself: only its prefix).' })
export class ApiKey {
  @Field(() => Int) id!: number;
  @Field() prefix!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) expiresAt?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Recorded at most once a minute.' })
  lastUsedAt?: Date | null;
  @Field(() => Int, { nullable: true, description: 'The key this one replaced by rotation.' }) rotatedFrom?:
    number | null;
}

@ObjectType('Principal', { description: 'A caller of the hub with its roles and grants.' })
export class Principal {
  @Field() name!: string;
  @Field(() => SourceSystem, { nullable: true }) sourceSystem?: SourceSystem | null;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => [ChangeTopic], { description: 'Topics it may push.' }) writeTopics!: string[];
  @Field(() => [ChangeTopic], { description: 'Topics it may follow on the change feed.' }) readTopics!: string[];
  @Field(() => [String], {
    description:
      'GB/T 2260 codes inside which it may write records (a prefecture covers its counties). A write grant only: reads are province-wide, as the platform discloses trading information across Hubei.',
  })
  regions!: string[];
  @Field(() => [Sensitivity], { description: 'Data classes it sees unmasked.' }) reveal!: string[];
  @Field(() => [ChangeTopic], { description: "Topics where it may update other systems' records." })
  authoritativeTopics!: string[];
  @Field(() => [String], { description: "Catalog categories whose trading records it may write; '*' for all." })
  categories!: string[];
  @Field({ description: 'Its pushes must be signed (x-hub-signature, x-hub-certificate); unsigned ones are refused.' })
  signatureRequired!: boolean;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType({ description: 'A newly issued key. The key is shown only this once.' })
export class IssuedApiKey {
  @Field(() => Principal) principal!: Principal;
  @Field(() => ApiKey) key!: ApiKey;
  @Field({ description: 'Bearer key for Authorization headers. Store it now: the hub keeps only its hash.' })
  apiKey!: string;
}

@InputType({ description: 'Grants; every list given replaces the old one, absent lists stay.' })
export class GrantsInput {
  @Field(() => [Role], { nullable: true }) roles?: Role[] | null;
  @Field(() => [ChangeTopic], { nullable: true }) writeTopics?: string[] | null;
  @Field(() => [ChangeTopic], { nullable: true }) readTopics?: string[] | null;
  @Field(() => [String], {
    nullable: true,
    description:
      'GB/T 2260 codes inside which it may write records. Limits pushes only; reads are not scoped by region.',
  })
  regions?: string[] | null;
  @Field(() => [Sensitivity], { nullable: true }) reveal?: string[] | null;
  @Field(() => [ChangeTopic], { nullable: true }) authoritativeTopics?: string[] | null;
  @Field(() => [String], { nullable: true, description: "Catalog category codes, or '*' for all." }) categories?:
    string[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Pushes must be signed with a certificate the system registered (x-hub-signature); unsigned ones are refused.',
  })
  signatureRequired?: boolean | null;
}

@InputType({
  description: 'A client: an integrator, a feed consumer (national platform, Credit Hubei) or a dashboard.',
})
export class CreateClientInput extends GrantsInput {
  @Field({ description: '2-64 letters, digits, dots, dashes or underscores.' }) name!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When its first key expires; never when absent.' })
  expiresAt?: Date | null;
}

@ObjectType({ description: 'Result of checking the hash chain of the change log.' })
export class ChainVerificationType {
  @Field() ok!: boolean;
  @Field(() => Int) checked!: number;
  @Field() lastSeq!: string;
  @Field(() => String, { nullable: true, description: 'seq of the first event whose link is broken.' })
  firstBrokenSeq!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}
