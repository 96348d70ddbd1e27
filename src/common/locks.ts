import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubError } from './errors';
import { query } from './sql';

/**
 * Kinds of key lock. Each is the first half (int4) of a two-key advisory
 * lock, so key locks never meet the single-bigint advisory locks of the
 * change log (src/feed/append.ts) or the demo seed, whatever their hashes.
 * A number is never reused for another kind.
 */
export enum LockScope {
  /** A section code claimed by a project push (a section belongs to one project for ever). */
  SECTION = 1,
  /** A principal name (source systems register under their code): create, grants. */
  PRINCIPAL = 2,
  /** An API key id: rotate, revoke. */
  API_KEY = 3,
  /** A credit-code exception: add, remove. */
  CREDIT_CODE_EXCEPTION = 4,
  /** A trading catalog entry (`category:CODE`, `sub-item:CODE`): upsert, retire. */
  CATALOG = 5,
  /** A finding's id: numbering its reviews. */
  FINDING = 6,
  /** A CA certificate's fingerprint: its CRL (the first one has no row to lock) against certificate pushes. */
  CRL_ISSUER = 7,
}

/**
 * Takes transaction-scoped advisory locks on keys that may not have a row
 * yet (a new section code, a name about to be registered), so that two
 * transactions deciding "is it taken?" for the same key run one after the
 * other and the second reads what the first committed. Held until commit or
 * rollback.
 *
 * Deadlock-free by order: the locks of one call are taken in one statement in
 * the order of their hashes, and a transaction takes its key locks once,
 * first, before any row lock and before the change log's lock. Keys that
 * share a hash merely wait for each other. Reads that must see the previous
 * holder's commit go in a later statement (a statement's snapshot is taken
 * before it waits).
 */
export async function lockKeys(em: EntityManager, scope: LockScope, keys: Iterable<string>): Promise<void> {
  // Hashed here, not by PostgreSQL: a key is locked before it is looked up, and a key
  // PostgreSQL could not even read as text (NUL, a lone surrogate) must not fail the lock.
  const hashes = [...new Set([...keys].map(lockHash))].sort((a, b) => a - b);
  if (!hashes.length) return;
  // The subquery's ORDER BY keeps it from being flattened: the locks are taken in hash order.
  await query(em, `select pg_advisory_xact_lock(?::int, s.h) from (select h from unnest(?::int[]) as h order by h) s`, [
    scope,
    `{${hashes.join(',')}}`,
  ]);
}

/**
 * The int4 a key is locked under: the first four bytes of its SHA-256 (of the UTF-16 code units, so any string hashes).
 */
function lockHash(key: string): number {
  return createHash('sha256').update(Buffer.from(key, 'utf16le')).digest().readInt32BE(0);
}

/**
 * Runs `write`, turning a unique violation (a twin that does not take the
 * same key lock, e.g. the demo seed, committed the same name first) into the
 * coded error `conflict` gives, instead of an INTERNAL fault. Nothing of the
 * failed transaction is kept, its change events included.
 */
export async function conflictOnDuplicate<T>(write: () => Promise<T>, conflict: () => HubError): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw conflict();
    throw err;
  }
}
