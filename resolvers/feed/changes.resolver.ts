import { Arg, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import { maskRecord } from '../../src/auth/masking';
import { isAdmin, mayRead, type Principal } from '../../src/auth/principal';
import { ErrorCode, HubError } from '../../src/common/errors';
import { checkFeedCursorIssued, feedCursor, parseFeedCursor } from '../../src/feed/cursor';
import type { ChangeRecord } from '../../src/feed/topics';
import type { FamilyRegistry } from '../../src/registry/registry';
import { ChangeTopic } from '../common/hub-enums';
import type { CompiledSubscriptionRoot } from '../../src/server/shared-execution';
import type { HubContext } from '../context';
import { ChangeEvent } from './change-event.type';
import { followNamedConsumer } from '../consumers/follow';

/**
 * Maps a stored change to its API shape, masking what the principal may not see (the topic's sensitive fields, declared
 * by its family).
 */
export function toChangeEvent(e: ChangeRecord, principal: Principal, registry: FamilyRegistry): ChangeEvent {
  return {
    cursor: feedCursor(e.seq),
    seq: String(e.seq),
    topic: e.topic,
    op: e.op,
    key: e.key,
    version: e.version,
    occurredAt: e.occurredAt,
    sourceSystem: e.sourceSystem,
    signedBy: e.signedBy ?? null,
    data: maskRecord(registry.sensitiveOf(e.topic), e.data, principal),
    hash: e.hash,
  };
}

/**
 * The topics a principal follows: those asked for, each of which it must be
 * granted; or all its granted topics. ADMIN may follow every topic.
 */
export function feedTopics(
  principal: Principal,
  requested: readonly string[] | null | undefined,
  all: readonly string[],
): string[] {
  if (principal.id === 'anonymous') throw new HubError(ErrorCode.UNAUTHENTICATED, 'the change feed needs an API key');
  if (requested?.length) {
    const denied = requested.filter((t) => !mayRead(principal, t));
    if (denied.length)
      throw new HubError(ErrorCode.FORBIDDEN, `not granted the topics ${denied.join(', ')}`, { field: 'topics' });
    return [...new Set(requested)];
  }
  const granted = isAdmin(principal) ? [...all] : all.filter((t) => mayRead(principal, t));
  if (!granted.length)
    throw new HubError(
      ErrorCode.FORBIDDEN,
      'not granted any topic of the change feed (role FEED_CONSUMER with readTopics)',
    );
  return granted;
}

/**
 * The `changes` value of one event, for the compiled subscription path (src/server/shared-execution.ts): what the
 * resolver below returns.
 */
export const COMPILED_SUBSCRIPTIONS: Readonly<Record<string, CompiledSubscriptionRoot>> = {
  changes: (event, context) =>
    toChangeEvent(event as ChangeRecord, (context as HubContext).principal, (context as HubContext).services.registry),
};

@Resolver(() => ChangeEvent)
export class ChangesResolver {
  @Subscription(() => ChangeEvent, {
    description:
      'Every accepted change after the cursor: first replayed from the change log, then live, with no gap and no duplicate at the seam. Keep the cursor of the last event you processed and pass it as `after` when you reconnect. Needs FEED_CONSUMER with the topics granted (or ADMIN). A named consumer (registerFeedConsumer) without `after` starts right after its acknowledged cursor (acknowledgeChanges), and one connection at a time follows it: another gets CONFLICT (rule CONSUMER_LEASED) until the lease is free.',
    subscribe: async ({ args, context }) => {
      const ctx = context as HubContext;
      const { topics: asked, after: cursor } = args as { topics?: string[]; after?: string };
      const topics = feedTopics(ctx.principal, asked, ctx.services.registry.topics);
      // A named consumer starts after its acknowledged position, on its own topics, under its lease.
      const named = await followNamedConsumer(ctx, topics, cursor);
      if (named) return named;
      const after = parseFeedCursor(cursor);
      // Checked against the log's head as the subscription starts, so a cursor the feed never issued fails it at once.
      await checkFeedCursorIssued(ctx.services.orm.em.fork(), after, ctx.services.feed.head);
      return ctx.services.feed.subscribe({ after, topics });
    },
  })
  changes(
    @Root() event: ChangeRecord,
    @Ctx() ctx: HubContext,
    @Arg('topics', () => [ChangeTopic], {
      nullable: true,
      description: 'Only these topics; all granted topics when absent.',
    })
    _topics?: string[] | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor of the last event already processed; from the beginning when absent.',
    })
    _after?: string | null,
  ): ChangeEvent {
    return toChangeEvent(event, ctx.principal, ctx.services.registry);
  }
}
