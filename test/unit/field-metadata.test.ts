import 'reflect-metadata';
import {
  Authorized,
  buildSchema,
  Field,
  FieldResolver,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
  type AuthChecker,
} from 'type-graphql';
import { fieldsDoingMore } from '../../resolvers/field-metadata';

/*
 * resolvers/field-metadata.ts reads type-graphql's metadata storage (not a
 * public API) to learn which fields do more than read a property. If a new
 * type-graphql stores its metadata otherwise, the compiled read and
 * subscription paths would silently skip resolvers: this fails first.
 */

@ObjectType('ProbeItem')
class ProbeItem {
  @Field() plain!: string;
  @UseMiddleware(async (_, next) => next())
  @Field()
  withMiddleware!: string;
  @Authorized('ADMIN')
  @Field()
  guarded!: string;
}

@Resolver(() => ProbeItem)
class ProbeResolver {
  @Query(() => ProbeItem)
  probe(): ProbeItem {
    return { plain: 'a', withMiddleware: 'b', guarded: 'c' };
  }

  @FieldResolver(() => String)
  computed(@Root() item: ProbeItem): string {
    return item.plain;
  }
}

describe('fields that do more than read a property (type-graphql metadata)', () => {
  beforeAll(async () => {
    const authChecker: AuthChecker = () => true;
    await buildSchema({ resolvers: [ProbeResolver], authChecker, validate: false });
  });

  it('finds field resolvers by GraphQL type and field name', () => {
    expect(fieldsDoingMore({ middlewares: false })).toEqual(new Set(['ProbeItem.computed']));
  });

  it('finds fields with middlewares or roles too when asked', () => {
    expect(fieldsDoingMore({ middlewares: true })).toEqual(
      new Set(['ProbeItem.computed', 'ProbeItem.withMiddleware', 'ProbeItem.guarded']),
    );
  });
});
