import type { RelayEvent, TargetMapping, TargetRecord } from './target';

/** Credit Hubei's mapping version (changes whenever its output does). */
export const CREDIT_HUBEI_MAPPING = 'credit-hubei/1';

/**
 * Credit Hubei (信用湖北) publishes what the hub holds on a subject: a record
 * is published on CREATE (and republished on UPDATE) and withdrawn on DELETE.
 * The topic is a setting: MARKET_ENTITY now, CREDIT_PUBLICATION once the hub
 * has credit records.
 */
export function creditHubei(topic = 'MARKET_ENTITY'): TargetMapping {
  return {
    name: 'credit-hubei',
    topics: [topic],
    map(event: RelayEvent): TargetRecord {
      return {
        id: String(event.seq),
        cursor: event.cursor,
        dataSet: event.topic,
        mapping: CREDIT_HUBEI_MAPPING,
        action: event.op === 'DELETE' ? 'WITHDRAW' : 'PUBLISH',
        key: event.key,
        version: event.version,
        occurredAt: event.occurredAt,
        payload: event.op === 'DELETE' ? { key: event.key } : event.data,
      };
    },
  };
}
