import { randomUUID } from 'node:crypto';
import { checkFeedCursorIssued, parseFeedCursor } from '../../src/feed/cursor';
import { acquireLease, consumerOfPrincipal } from '../../src/consumers/consumers.service';
import { LeasedStream } from '../../src/consumers/leased-stream';
import type { HubContext } from '../context';

/**
 * The `changes` stream of a named consumer, or undefined when the caller is
 * not one: after `cursor` if given, else after the consumer's acknowledged
 * position; the topics asked for within its own; under its lease, held by the
 * caller's connection.
 */
export async function followNamedConsumer(
  ctx: HubContext,
  topics: readonly string[],
  cursor: string | null | undefined,
): Promise<LeasedStream | undefined> {
  const em = ctx.services.orm.em.fork();
  const consumer = await consumerOfPrincipal(em, ctx.principal);
  if (!consumer) return undefined;
  const holder = ctx.connectionId ?? randomUUID();
  const seconds = ctx.services.config.consumerLeaseSeconds;
  const explicit = cursor !== null && cursor !== undefined && cursor !== '';
  const after = explicit ? parseFeedCursor(cursor) : 0;
  if (explicit) await checkFeedCursorIssued(em, after, ctx.services.feed.head);
  const leased = await acquireLease(em, consumer.id, holder, seconds);
  const own = topics.filter((t) => leased.topics.includes(t));
  const stream = ctx.services.feed.subscribe({
    after: explicit ? after : leased.ackedSeq,
    topics: own.length ? own : leased.topics,
  });
  return new LeasedStream(stream, leased.filter, {
    orm: ctx.services.orm,
    clock: ctx.services.clock,
    log: ctx.log,
    consumerId: consumer.id,
    holder,
    seconds,
    acked: leased.ackedSeq,
    window: ctx.services.config.consumerWindow,
  });
}
