import type { RelayEvent, TargetMapping, TargetRecord } from './target';

/** Credit Hubei's mapping version (changes whenever its output does). */
export const CREDIT_HUBEI_MAPPING = 'credit-hubei/2';

/** What Credit Hubei shows: the credit records public now (CREDIT_PUBLICATION). */
export const CREDIT_HUBEI_TOPIC = 'CREDIT_PUBLICATION';

/** The topics the relay may follow instead: market entities prove the mechanism without credit records. */
export const CREDIT_HUBEI_TOPICS: readonly string[] = [CREDIT_HUBEI_TOPIC, 'MARKET_ENTITY'];

/**
 * Credit Hubei (信用湖北) publishes the credit records whose publication window
 * is open: the hub's CREDIT_PUBLICATION topic says when a record's
 * publication starts (CREATE), when a public record changes (UPDATE) and when
 * it ends (DELETE: its window closed, it was repaired or revoked, the
 * `reason`). The relay turns these into PUBLISH with the record (personal data
 * masked by the hub) and WITHDRAW with the record's code and the reason.
 * `--topic MARKET_ENTITY` relays market entities the same way instead.
 */
export function creditHubei(topic: string = CREDIT_HUBEI_TOPIC): TargetMapping {
  if (!CREDIT_HUBEI_TOPICS.includes(topic))
    throw new Error(`--topic must be one of ${CREDIT_HUBEI_TOPICS.join(', ')} for Credit Hubei`);
  return {
    name: 'credit-hubei',
    topics: [topic],
    map(event: RelayEvent): TargetRecord {
      const withdraw = event.op === 'DELETE';
      const reason = typeof event.data.reason === 'string' ? event.data.reason : null;
      return {
        id: String(event.seq),
        cursor: event.cursor,
        dataSet: event.topic,
        mapping: CREDIT_HUBEI_MAPPING,
        action: withdraw ? 'WITHDRAW' : 'PUBLISH',
        key: event.key,
        version: event.version,
        occurredAt: event.occurredAt,
        payload: withdraw ? { key: event.key, reason } : event.data,
      };
    },
  };
}
