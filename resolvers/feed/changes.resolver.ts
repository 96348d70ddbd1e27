import { Arg, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import { feedCursor, parseFeedCursor } from '../../src/feed/cursor';
import { ChangeTopic, type ChangeRecord } from '../../src/feed/topics';
import type { HubContext } from '../context';
import { ChangeEvent } from './change-event.type';

/** Maps a stored change to its API shape. */
export function toChangeEvent(e: ChangeRecord): ChangeEvent {
  return {
    cursor: feedCursor(e.seq),
    seq: String(e.seq),
    topic: e.topic,
    op: e.op,
    key: e.key,
    version: e.version,
    occurredAt: e.occurredAt,
    sourceSystem: e.sourceSystem,
    data: e.data,
    hash: e.hash,
  };
}

@Resolver(() => ChangeEvent)
export class ChangesResolver {
  @Subscription(() => ChangeEvent, {
    description:
      'Every accepted change after the cursor: first replayed from the change log, then live, with no gap and no duplicate at the seam. Keep the cursor of the last event you processed and pass it as `after` when you reconnect.',
    subscribe: ({ args, context }) => {
      const ctx = context as HubContext;
      return ctx.services.feed.subscribe({ after: parseFeedCursor(args.after as string | undefined), topics: args.topics as ChangeTopic[] | undefined });
    },
  })
  changes(
    @Root() event: ChangeRecord,
    @Arg('topics', () => [ChangeTopic], { nullable: true, description: 'Only these topics; all when absent.' }) _topics?: ChangeTopic[] | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event already processed; from the beginning when absent.' }) _after?: string | null,
    @Ctx() _ctx?: HubContext,
  ): ChangeEvent {
    return toChangeEvent(event);
  }
}
