import type { EntityManager } from '@mikro-orm/postgresql';
import { GENESIS_HASH, chainHash } from './append';
import { readChanges } from './read';

export interface ChainVerification {
  ok: boolean;
  /** Events checked. */
  checked: number;
  /** seq of the last event checked (or of the starting point when none was new). */
  lastSeq: number;
  /**
   * Hash of the last event that verified (of the starting point when none did): where a later verification may
   * continue.
   */
  lastHash: string;
  /** seq of the first event whose link is broken, when not ok. */
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** Where a verification starts: after an event already verified (its seq and hash). */
export interface ChainPoint {
  seq: number;
  hash: string;
}

/**
 * Walks the change log in seq order, in batches, recomputing each event's SM3
 * hash from the previous hash and its stored content. The first event that
 * does not match (edited content, edited or missing link, a gap in seq) is
 * named. From the genesis by default; `from` continues after an event an
 * earlier verification ended on (a long-running checker verifies only what
 * is new).
 */
export async function verifyChain(
  em: EntityManager,
  batch = 5000,
  from: ChainPoint = { seq: 0, hash: GENESIS_HASH },
): Promise<ChainVerification> {
  let prevHash = from.hash;
  let expectSeq = from.seq + 1;
  let checked = 0;
  for (;;) {
    const { events } = await readChanges(em, expectSeq - 1, undefined, batch);
    for (const e of events) {
      const broken = (reason: string): ChainVerification => ({
        ok: false,
        checked,
        lastSeq: e.seq,
        lastHash: prevHash,
        firstBrokenSeq: e.seq,
        reason,
      });
      if (e.seq !== expectSeq) return { ...broken(`seq ${expectSeq} is missing`), firstBrokenSeq: expectSeq };
      if (e.prevHash !== prevHash) return broken('prev_hash does not match the hash of the previous event');
      if (chainHash(prevHash, e) !== e.hash) return broken('content does not match its hash');
      prevHash = e.hash;
      expectSeq += 1;
      checked += 1;
    }
    if (events.length < batch)
      return { ok: true, checked, lastSeq: expectSeq - 1, lastHash: prevHash, firstBrokenSeq: null, reason: null };
    em.clear();
  }
}
