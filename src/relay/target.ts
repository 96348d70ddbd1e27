/** One change event as the relay receives it from the hub's `changes` subscription. */
export interface RelayEvent {
  cursor: string;
  seq: number;
  topic: string;
  op: string;
  key: string;
  version: number;
  occurredAt: string;
  sourceSystem: string | null;
  data: Record<string, unknown>;
}

/** One record of a batch as a target receives it: one per event, in seq order. */
export interface TargetRecord {
  /** The event's seq, as a string: what a target names when it refuses a record. */
  id: string;
  /** The hub's change-feed cursor of the event. */
  cursor: string;
  /** The data set (national platform) or kind (Credit Hubei) the record belongs to. */
  dataSet: string;
  /** `<module>/<version>` of the mapping that produced the payload. */
  mapping: string;
  /** What the target is to do: the event's op, or the target's own verb (PUBLISH, WITHDRAW). */
  action: string;
  /** The record's business key in the hub. */
  key: string;
  version: number;
  occurredAt: string;
  payload: Record<string, unknown>;
}

/** What a target's relay does with events: a pure mapping, plus optional extras for a whole batch. */
export interface TargetMapping {
  /** `national-platform`, `credit-hubei`. */
  name: string;
  /** The topics to follow; undefined: all of the consumer's. */
  topics?: readonly string[];
  /** Maps one event to its record (pure). */
  map(event: RelayEvent): TargetRecord;
}

/** The body of one POST to a target. */
export interface BatchBody {
  target: string;
  /** After `from`, up to and including `to` (seqs), and the idempotency key made of them. */
  batch: { from: string; to: string; idempotencyKey: string };
  records: TargetRecord[];
  /** National platform: the batch's trading projects as OCDS 1.1 release packages. */
  ocds?: unknown[];
}
