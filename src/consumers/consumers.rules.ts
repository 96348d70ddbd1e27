import { ErrorCode, HubError } from '../common/errors';
import { ChangeOp } from '../feed/topics';
import type { ConsumerFilter } from './feed-consumer.entity';

/*
 * Pure rules of named feed consumers: what a filter may say, which events it
 * lets through, and whether an acknowledgement moves the checkpoint.
 */

/** Rule codes of the consumer operations (in `extensions.rule`). */
export const ConsumerRule = {
  /** The cursor acknowledged lies beyond the head of the change log. */
  ACK_BEYOND_HEAD: 'ACK_BEYOND_HEAD',
  /** The cursor acknowledged lies behind the consumer's acknowledged position. */
  ACK_BEHIND: 'ACK_BEHIND',
  /** Another connection holds the consumer's lease. */
  CONSUMER_LEASED: 'CONSUMER_LEASED',
  /** The lease was lost (expired and taken by another connection). */
  LEASE_LOST: 'LEASE_LOST',
  /** The caller is not a named feed consumer. */
  NOT_A_CONSUMER: 'NOT_A_CONSUMER',
} as const;

const OPS = new Set<string>(Object.values(ChangeOp));

/** Checks a filter as given; an empty filter is none (null). */
export function checkFilter(
  raw: { ops?: string[] | null; sourceSystems?: string[] | null } | null | undefined,
): ConsumerFilter | null {
  if (!raw) return null;
  const out: ConsumerFilter = {};
  if (raw.ops?.length) {
    const bad = raw.ops.filter((o) => !OPS.has(o));
    if (bad.length)
      throw new HubError(ErrorCode.BAD_USER_INPUT, `unknown ops ${bad.join(', ')}`, { field: 'input.filter.ops' });
    out.ops = [...new Set(raw.ops)].sort();
  }
  if (raw.sourceSystems?.length) {
    const bad = raw.sourceSystems.filter((s) => !/^[A-Za-z0-9._-]{2,64}$/.test(s));
    if (bad.length)
      throw new HubError(ErrorCode.BAD_USER_INPUT, 'sourceSystems are system codes', {
        field: 'input.filter.sourceSystems',
      });
    out.sourceSystems = [...new Set(raw.sourceSystems)].sort();
  }
  return out.ops || out.sourceSystems ? out : null;
}

/** True when an event passes the filter. */
export function passes(
  filter: ConsumerFilter | null | undefined,
  e: { op: string; sourceSystem: string | null },
): boolean {
  if (!filter) return true;
  if (filter.ops && !filter.ops.includes(e.op)) return false;
  if (filter.sourceSystems && (e.sourceSystem === null || !filter.sourceSystems.includes(e.sourceSystem))) return false;
  return true;
}

/**
 * What an acknowledgement of `seq` does to a checkpoint at `acked` with the
 * log's head at `head`: moves it, leaves it (the same cursor again: a retry),
 * or is refused with a rule code.
 */
export function ackDecision(acked: number, seq: number, head: number, field = 'cursor'): 'move' | 'same' | HubError {
  if (seq > head)
    return new HubError(
      ErrorCode.BAD_USER_INPUT,
      `the cursor is beyond the head of the change log (seq ${head}): not a cursor the feed issued`,
      { field, details: { rule: ConsumerRule.ACK_BEYOND_HEAD, head: String(head) } },
    );
  if (seq < acked)
    return new HubError(
      ErrorCode.CONFLICT,
      `the cursor is behind the acknowledged position (seq ${acked}); an operator moves it back with consumers reset`,
      { field, details: { rule: ConsumerRule.ACK_BEHIND, acknowledged: String(acked) } },
    );
  return seq === acked ? 'same' : 'move';
}

/** The idempotency key of a batch: the consumer and the cursor range it covers (after `from`, up to `to`). */
export function batchKey(consumer: string, from: number, to: number): string {
  return `${consumer}:${from}-${to}`;
}
