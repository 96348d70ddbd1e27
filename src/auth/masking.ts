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

/**
 * How one field of a record is sensitive:
 * - a class: the value is masked unless the reader is granted the class;
 * - `{ class, publicWhen }`: the same, but only while `publicWhen(record)` is
 *   false;
 * - `{ each, lift? }`: the field holds objects (or a list of them) whose own
 *   fields are declared in `each`; `lift` makes one of their classes public
 *   once `lift.when(record)` holds, leaving the others masked (an expert's
 *   identity is confidential until the evaluation ends; an ID number stays so).
 */
export type SensitiveField =
  | Sensitivity
  | { readonly class: Sensitivity; readonly publicWhen?: (record: Record<string, unknown>) => boolean }
  | { readonly each: SensitiveFields; readonly lift?: { readonly class: Sensitivity; readonly when: (record: Record<string, unknown>) => boolean } };

/** Field name of a record → how it is sensitive. */
export type SensitiveFields = Readonly<Record<string, SensitiveField>>;

/** The classes a field's declaration involves (a reader granted all of them sees it whole). */
export function classesOf(field: SensitiveField): Sensitivity[] {
  if (typeof field === 'string') return [field];
  if ('class' in field) return [field.class];
  return [...new Set(Object.values(field.each).flatMap(classesOf))];
}

/**
 * The value of one field as the principal may see it; `record` is the object
 * holding it, `lifted` a class made public for it by an enclosing declaration.
 */
export function maskField(field: SensitiveField, value: unknown, record: Record<string, unknown>, principal: Principal, lifted?: Sensitivity): unknown {
  if (value === null || value === undefined) return value;
  const shown = (c: Sensitivity) => c === lifted || mayReveal(principal, c);
  if (typeof field === 'string') return shown(field) ? value : maskValue(field, value);
  if ('class' in field) return shown(field.class) || field.publicWhen?.(record) ? value : maskValue(field.class, value);
  const lift = field.lift?.when(record) ? field.lift.class : lifted;
  const each = (v: unknown) => (v !== null && typeof v === 'object' ? maskRecord(field.each, v as Record<string, unknown>, principal, lift) : v);
  return Array.isArray(value) ? value.map(each) : each(value);
}

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
export function maskRecord<T extends Record<string, unknown>>(fields: SensitiveFields | undefined, record: T, principal: Principal, lifted?: Sensitivity): T {
  if (!fields) return record;
  let out: T | undefined;
  for (const [name, field] of Object.entries(fields)) {
    const value = record[name];
    const shown = maskField(field, value, record, principal, lifted);
    if (shown === value) continue;
    out ??= { ...record };
    (out as Record<string, unknown>)[name] = shown;
  }
  return out ?? record;
}
