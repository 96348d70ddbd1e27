import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { Arg, Authorized, Ctx, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { hasRole, Role, type Principal } from '../../src/auth/principal';
import { ErrorCode, HubError } from '../../src/common/errors';
import {
  acknowledgeChanges,
  listConsumers,
  listDeadLetters,
  recordDeadLetters,
  registerFeedConsumer,
  resetConsumer,
  resolveDeadLetters,
  startDelivery,
  type Checkpoint,
  type DeadLetter as StoredDeadLetter,
  type FeedConsumer as StoredConsumer,
  type FeedConsumerStatus,
} from '../../src/consumers/consumers.service';
import { readChangesBySeq } from '../../src/consumers/events';
import { feedCursor } from '../../src/feed/cursor';
import type { HubContext } from '../context';
import { toChangeEvent } from '../feed/changes.resolver';
import {
  DeadLetter,
  DeadLetterInput,
  FeedConsumer,
  RegisterFeedConsumerInput,
  RegisteredFeedConsumer,
} from './consumer.type';

function toApi(c: FeedConsumerStatus): FeedConsumer {
  return {
    name: c.name,
    topics: c.topics,
    filter: c.filter,
    acknowledgedCursor: c.ackedSeq ? feedCursor(c.ackedSeq) : null,
    acknowledgedSeq: String(c.ackedSeq),
    lastAcknowledgedAt: c.ackedAt,
    deliveringCursor: c.deliveringSeq && c.deliveringSeq > c.ackedSeq ? feedCursor(c.deliveringSeq) : null,
    lagEvents: c.lagEvents,
    lagSeconds: c.lagSeconds,
    connected: c.connected,
    leaseExpiresAt: c.connected ? c.leaseExpiresAt : null,
  };
}

async function status(ctx: HubContext, c: StoredConsumer): Promise<FeedConsumer> {
  const [s] = await listConsumers(ctx.em, [c.name]);
  return toApi(s);
}

/** Whether the operation selects any of `names` on the field being resolved (through fragments too). */
function selects(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  const within = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((s) => {
      if (s.kind === Kind.FIELD) return names.includes(s.name.value);
      if (s.kind === Kind.INLINE_FRAGMENT) return within(s.selectionSet);
      return within(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((f) => within(f.selectionSet));
}

/**
 * A checkpoint write's answer: the consumer as the write left it. Its lag is counted (a statement over the events
 * after the checkpoint, on another pooled connection) only when the operation asks for it: a relay acknowledging batch
 * after batch asks for none of it.
 */
async function written(ctx: HubContext, info: GraphQLResolveInfo, w: Checkpoint): Promise<FeedConsumer> {
  if (selects(info, ['lagEvents', 'lagSeconds'])) return status(ctx, w.consumer);
  const c = w.consumer;
  const connected = c.leaseHolder !== null && c.leaseExpiresAt !== null && c.leaseExpiresAt > w.now;
  return toApi({ ...c, lagEvents: 0, lagSeconds: 0, connected, ackAgeSeconds: null });
}

/** Operators and dashboards see every consumer; a consumer sees itself. */
function mayInspect(p: Principal, consumer: string): boolean {
  return hasRole(p, Role.DASHBOARD) || (p.roles.has(Role.FEED_CONSUMER) && p.name === consumer);
}

/**
 * Named feed consumers: their registration, their checkpoints, how far behind
 * they are, and the records their targets refused.
 */
@Resolver()
export class ConsumersResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => RegisteredFeedConsumer, {
    description:
      'Registers a named feed consumer (a relay): a principal with role FEED_CONSUMER on the topics, and its key (ADMIN).',
  })
  async registerFeedConsumer(
    @Arg('input', () => RegisterFeedConsumerInput) input: RegisterFeedConsumerInput,
    @Ctx() ctx: HubContext,
  ): Promise<RegisteredFeedConsumer> {
    const { consumer, apiKey } = await registerFeedConsumer(ctx.em, ctx.principal, input, ctx.services.registry);
    ctx.services.keyCache.clear();
    return { consumer: await status(ctx, consumer), apiKey };
  }

  @Authorized(Role.FEED_CONSUMER)
  @Mutation(() => FeedConsumer, {
    description:
      "Moves the caller's checkpoint to this cursor: `changes` without `after` resumes right after it. Refused beyond the head of the log (BAD_USER_INPUT, rule ACK_BEYOND_HEAD) or behind the checkpoint (CONFLICT, rule ACK_BEHIND); the same cursor again is harmless. Over graphql-ws, refused while another connection holds the consumer (rule CONSUMER_LEASED).",
  })
  async acknowledgeChanges(
    @Arg('cursor') cursor: string,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('next', () => String, {
      nullable: true,
      description:
        'The end of the next batch the caller is about to deliver, recorded as startDelivery does (checked against the new checkpoint) in the same transaction: an acknowledgement and the next start in one round trip.',
    })
    next?: string | null,
  ): Promise<FeedConsumer> {
    return written(ctx, info, await acknowledgeChanges(ctx.em, ctx.principal, cursor, ctx.connectionId, next));
  }

  @Authorized(Role.FEED_CONSUMER)
  @Mutation(() => FeedConsumer, {
    description:
      'Records the end of the batch the caller is about to deliver: after a crash, whoever follows the consumer next re-sends exactly up to it (same idempotency key). Same checks as acknowledgeChanges.',
  })
  async startDelivery(
    @Arg('until') until: string,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FeedConsumer> {
    return written(ctx, info, await startDelivery(ctx.em, ctx.principal, until, ctx.connectionId));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => FeedConsumer, {
    description: "Moves a consumer's checkpoint to any issued cursor, back or forth (ADMIN).",
  })
  async resetFeedConsumer(
    @Arg('name') name: string,
    @Arg('to') to: string,
    @Ctx() ctx: HubContext,
  ): Promise<FeedConsumer> {
    return status(ctx, await resetConsumer(ctx.em, ctx.principal, name, to));
  }

  @Authorized(Role.ADMIN, Role.DASHBOARD)
  @Query(() => [FeedConsumer], {
    description: 'Every named feed consumer with its checkpoint, lag and whether it is connected (ADMIN, DASHBOARD).',
  })
  async feedConsumers(@Ctx() ctx: HubContext): Promise<FeedConsumer[]> {
    return (await listConsumers(ctx.em)).map(toApi);
  }

  @Authorized(Role.ADMIN, Role.DASHBOARD, Role.FEED_CONSUMER)
  @Query(() => FeedConsumer, {
    nullable: true,
    description: 'One consumer (ADMIN, DASHBOARD); a consumer may ask for itself, and is itself when no name is given.',
  })
  async feedConsumer(
    @Ctx() ctx: HubContext,
    @Arg('name', () => String, { nullable: true }) name?: string | null,
  ): Promise<FeedConsumer | null> {
    const which = name ?? ctx.principal.name;
    if (!mayInspect(ctx.principal, which))
      throw new HubError(ErrorCode.FORBIDDEN, 'a consumer may see only itself', { field: 'name' });
    const [c] = await listConsumers(ctx.em, [which]);
    return c ? toApi(c) : null;
  }

  @Authorized(Role.FEED_CONSUMER)
  @Mutation(() => [DeadLetter], {
    description:
      "Parks records the caller's target refused, with its answer (once per event; a repeat counts an attempt).",
  })
  async reportDeadLetters(
    @Arg('records', () => [DeadLetterInput]) records: DeadLetterInput[],
    @Ctx() ctx: HubContext,
  ): Promise<DeadLetter[]> {
    if (records.length > 1000)
      throw new HubError(ErrorCode.LIMIT_EXCEEDED, 'at most 1000 records at once', { field: 'records' });
    return (await recordDeadLetters(ctx.em, ctx.principal, records)).map(deadLetterOut);
  }

  @Authorized(Role.FEED_CONSUMER)
  @Mutation(() => Int, {
    description: "Marks the caller's dead letters of these events resolved (re-sent and confirmed).",
  })
  async resolveDeadLetters(@Arg('cursors', () => [String]) cursors: string[], @Ctx() ctx: HubContext): Promise<number> {
    if (cursors.length > 1000)
      throw new HubError(ErrorCode.LIMIT_EXCEEDED, 'at most 1000 cursors at once', { field: 'cursors' });
    return resolveDeadLetters(ctx.em, ctx.principal, cursors);
  }

  @Authorized(Role.ADMIN, Role.DASHBOARD, Role.FEED_CONSUMER)
  @Query(() => [DeadLetter], {
    description:
      "A consumer's dead letters in seq order, with the events (ADMIN, DASHBOARD, or the consumer itself). At most `first` (1000).",
  })
  async deadLetters(
    @Arg('consumer') consumer: string,
    @Ctx() ctx: HubContext,
    @Arg('unresolvedOnly', { defaultValue: false }) unresolvedOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
  ): Promise<DeadLetter[]> {
    if (!mayInspect(ctx.principal, consumer))
      throw new HubError(ErrorCode.FORBIDDEN, 'a consumer may see only its own dead letters', { field: 'consumer' });
    if (first < 1 || first > 1000)
      throw new HubError(ErrorCode.BAD_USER_INPUT, 'first must be from 1 to 1000', { field: 'first' });
    const letters = await listDeadLetters(ctx.em, consumer, { unresolved: unresolvedOnly, first });
    const events = await readChangesBySeq(
      ctx.em,
      letters.map((d) => d.seq),
    );
    return letters.map((d) => {
      const e = events.get(d.seq);
      return { ...deadLetterOut(d), event: e ? toChangeEvent(e, ctx.principal, ctx.services.registry) : null };
    });
  }
}

function deadLetterOut(d: StoredDeadLetter): DeadLetter {
  return {
    consumer: d.consumer,
    cursor: feedCursor(d.seq),
    seq: String(d.seq),
    topic: d.topic,
    key: d.key,
    status: d.status,
    answer: d.answer,
    attempts: d.attempts,
    createdAt: d.createdAt,
    resolvedAt: d.resolvedAt,
  };
}
