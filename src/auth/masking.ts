import { mayReveal, type Principal } from './principal';

/**
 * Classes of personal or confidential data. A field is declared sensitive once,
 * beside its data family's model (e.g. MARKET_ENTITY_SENSITIVE), and that one
 * declaration masks it in query results, change-feed payloads and exports.
 */
export enum Sensitivity {
  /** Resident ID numbers (公民身份号码). */
  PERSONAL_ID = 'PERSONAL_ID',
  /** Phone numbers. */
  PHONE = 'PHONE',
  /** Bid evidence: IP addresses, device fingerprints, document hashes, bond accounts. */
  BID_EVIDENCE = 'BID_EVIDENCE',
  /** Evaluation experts' identities before the evaluation ends. */
  EXPERT_IDENTITY = 'EXPERT_IDENTITY',
}

/** Field name (top level of a record) → its sensitivity class. */
export type SensitiveFields = Readonly<Record<string, Sensitivity>>;

function keepEnds(s: string, head: number, tail: number): string {
  if (s.length <= head + tail) return '*'.repeat(s.length);
  return s.slice(0, head) + '*'.repeat(s.length - head - tail) + s.slice(s.length - tail);
}

/**
 * The masked form of a value: enough left to tell values apart in a listing
 * (region of an ID number, the last digits of a phone), never enough to use it.
 */
export function maskValue(sensitivity: Sensitivity, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => maskValue(sensitivity, v));
  const s = String(value);
  switch (sensitivity) {
    case Sensitivity.PERSONAL_ID:
      return keepEnds(s, 6, 2);
    case Sensitivity.PHONE:
      return keepEnds(s, 3, 4);
    case Sensitivity.BID_EVIDENCE:
    case Sensitivity.EXPERT_IDENTITY:
      return '******';
  }
}

/** A copy of a record with every sensitive field the principal may not see masked. */
export function maskRecord<T extends Record<string, unknown>>(fields: SensitiveFields | undefined, record: T, principal: Principal): T {
  if (!fields) return record;
  let out: T | undefined;
  for (const [field, sensitivity] of Object.entries(fields)) {
    if (record[field] === undefined || record[field] === null || mayReveal(principal, sensitivity)) continue;
    out ??= { ...record };
    (out as Record<string, unknown>)[field] = maskValue(sensitivity, record[field]);
  }
  return out ?? record;
}
