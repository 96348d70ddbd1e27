/*
 * Topics of the change log. A topic is a string: each data family declares
 * its own topics with their payload types and sensitive fields in its
 * descriptor (src/registry/family.ts), and the hub's central list is built
 * from the families (resolvers/families.ts). The feed itself knows only the
 * generic ADMIN topic; writer and subscribers share a topic's payload type
 * through the family that declares it.
 */

/** Operator actions (keys, grants, systems, exception lists): only ADMIN may follow it. */
export const ADMIN_TOPIC = 'ADMIN';

export enum ChangeOp {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}

/** The payload of an ADMIN event: what was done to what, and details (never a key, only its id and prefix). */
export interface AdminPayload {
  action: string;
  target: string;
  [detail: string]: unknown;
}

/** A change to append: the writer's side. `P` is the payload type of its topic (a push domain's snapshot). */
export interface NewChange<P = unknown> {
  topic: string;
  op: ChangeOp;
  key: string;
  version: number;
  data: P;
}

/**
 * A change as stored and streamed: the subscribers' side. A family narrows
 * `T` and `P` to one of its topics and that topic's payload (see
 * `isChangeOf` in src/registry/family.ts).
 */
export interface ChangeRecord<T extends string = string, P = Record<string, unknown>> {
  seq: number;
  topic: T;
  op: ChangeOp;
  key: string;
  version: number;
  data: P;
  sourceSystem: string | null;
  principal: string;
  occurredAt: Date;
  /** SHA-256 fingerprint of the certificate that signed the push (x-hub-signature); null when unsigned. */
  signedBy?: string | null;
  prevHash: string;
  hash: string;
}

/** The PostgreSQL channel whose NOTIFY wakes the feed tail readers of every hub process. */
export const FEED_CHANNEL = 'hub_changes';
