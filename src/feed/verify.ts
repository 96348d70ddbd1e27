import type { EntityManager } from '@mikro-orm/postgresql';
import { GENESIS_HASH, chainHash } from './append';
import { readChanges } from './read';

export interface ChainVerification {
  ok: boolean;
  /** Events checked. */
  checked: number;
  /** seq of the last event checked. */
  lastSeq: number;
  /** seq of the first event whose link is broken, when not ok. */
  firstBrokenSeq: number | null;
  reason: string | null;
}

/**
 * Walks the whole change log in seq order, in batches, recomputing each
 * event's SM3 hash from the previous hash and its stored content. The first
 * event that does not match (edited content, edited or missing link, a gap in
 * seq) is named.
 */
export async function verifyChain(em: EntityManager, batch = 5000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectSeq = 1;
  let checked = 0;
  for (;;) {
    const { events } = await readChanges(em, expectSeq - 1, undefined, batch);
    for (const e of events) {
      const broken = (reason: string): ChainVerification => ({ ok: false, checked, lastSeq: e.seq, firstBrokenSeq: e.seq, reason });
      if (e.seq !== expectSeq) return { ...broken(`seq ${expectSeq} is missing`), firstBrokenSeq: expectSeq };
      if (e.prevHash !== prevHash) return broken('prev_hash does not match the hash of the previous event');
      if (chainHash(prevHash, e) !== e.hash) return broken('content does not match its hash');
      prevHash = e.hash;
      expectSeq += 1;
      checked += 1;
    }
    if (events.length < batch) return { ok: true, checked, lastSeq: expectSeq - 1, firstBrokenSeq: null, reason: null };
    em.clear();
  }
}
