import { postBatch } from './deliver';
import { HubLink } from './hub-link';
import type { RelaySettings } from './settings';
import type { TargetMapping } from './target';

const LIST = `query RelayDeadLetters($consumer: String!) {
  deadLetters(consumer: $consumer, unresolvedOnly: true, first: 1000) {
    cursor seq event { cursor seq topic op key version occurredAt sourceSystem data }
  }
}`;
const RESOLVE = `mutation RelayResolve($cursors: [String!]!) { resolveDeadLetters(cursors: $cursors) }`;
const DEAD = `mutation RelayDead($records: [DeadLetterInput!]!) { reportDeadLetters(records: $records) { seq } }`;

/**
 * Re-sends a consumer's unresolved dead letters, one record per POST (idempotency key `<consumer>:dead:<seq>`):
 * confirmed ones are marked resolved, refused ones stay with the target's new answer. Returns the counts.
 */
export async function retryDeadLetters(
  settings: RelaySettings,
  consumer: string,
  mapping: TargetMapping,
): Promise<{ resent: number; refused: number; failed: number }> {
  const link = new HubLink(settings.hub, settings.key);
  const out = { resent: 0, refused: 0, failed: 0 };
  try {
    const { deadLetters } = await link.request<{
      deadLetters: {
        cursor: string;
        seq: string;
        event: {
          cursor: string;
          seq: string;
          topic: string;
          op: string;
          key: string;
          version: number;
          occurredAt: string;
          sourceSystem: string | null;
          data: Record<string, unknown>;
        } | null;
      }[];
    }>(LIST, { consumer });
    for (const d of deadLetters) {
      if (!d.event) continue;
      const record = mapping.map({ ...d.event, seq: Number(d.event.seq) });
      const outcome = await postBatch(
        settings.target,
        {
          target: mapping.name,
          batch: { from: String(Number(d.seq) - 1), to: d.seq, idempotencyKey: `${consumer}:dead:${d.seq}` },
          records: [record],
        },
        settings.timeoutMs,
      );
      if (outcome.kind === 'confirmed') {
        await link.request(RESOLVE, { cursors: [d.cursor] });
        out.resent += 1;
      } else if (outcome.kind === 'refused') {
        await link.request(DEAD, {
          records: [{ cursor: d.cursor, status: outcome.status, answer: outcome.records[0].answer }],
        });
        out.refused += 1;
      } else out.failed += 1;
    }
    return out;
  } finally {
    await link.close();
  }
}
