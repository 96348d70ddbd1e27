import { Field, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info.type';

/** What a connection's resolver returns: a page of edges, and its total count, counted only when asked for. */
export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Resolved by the connection's `totalCount` field resolver only when asked for. */
  count: () => Promise<number>;
}

/**
 * A Relay connection of `node` (forward pagination), as type-graphql's
 * generic-types example builds them: extend it with the connection's own
 * `@ObjectType`, e.g. `class MarketEntityConnection extends Connection(MarketEntity, 'MarketEntityEdge') {}`,
 * and give it a `totalCount` field resolver.
 */
export function Connection<T extends object>(node: ClassType<T>, edgeName: string) {
  @ObjectType(edgeName)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  // Inherited by the connection's own @ObjectType; no field refers to it, so it is no type of the schema.
  @ObjectType()
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    count!: () => Promise<number>;
  }
  return ConnectionType;
}
