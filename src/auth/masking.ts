import { mayReveal, type Principal } from './principal';

/**
 * A class of personal or confidential data and how its values are masked. A
 * field is declared sensitive once, beside its data family's model (e.g.
 * MARKET_ENTITY_SENSITIVE), and that one declaration masks it in query
 * results, change-feed payloads and exports. Readers granted the class (by its
 * `name`, principal.reveal) see values whole. The generic classes are below;
 * a data family adds its own in its descriptor (src/registry/family.ts).
 */
export interface MaskingClass {
  /** Stable name: what grants list (`reveal`) and the GraphQL enum Sensitivity shows. Upper-case. */
  readonly name: string;
  /**
   * The masked form of one value as text: enough left to tell values apart in a listing, never enough to use it (and,
   * when it has one, the same in SQL for the compiled read path).
   */
  readonly mask: SqlMask;
}

/**
 * A mask that the compiled read path (src/read/sql-tree.ts) can also apply in SQL: `sql(v)` builds, from a text
 * expression `v` that is never null and holds only characters of the BMP, the same text as the function.
 */
export interface SqlMask {
  (value: string): string;
  sql?: (v: string) => string;
}

/** Keeps `head` characters at the start and `tail` at the end, stars in between (all stars when too short). */
export function keepEnds(head: number, tail: number): SqlMask {
  const mask: SqlMask = (s) =>
    s.length <= head + tail
      ? '*'.repeat(s.length)
      : s.slice(0, head) + '*'.repeat(s.length - head - tail) + s.slice(s.length - tail);
  mask.sql = (v) =>
    `case when length(${v}) <= ${head + tail} then repeat('*', length(${v})) else left(${v}, ${head}) || repeat('*', length(${v}) - ${head + tail}) || right(${v}, ${tail}) end`;
  return mask;
}

/** Hides the value entirely. */
export const hideAll: SqlMask = Object.assign((): string => '******', { sql: () => `'******'` });

/** Resident ID numbers (公民身份号码): the region and the last two characters stay. */
export const PERSONAL_ID: MaskingClass = { name: 'PERSONAL_ID', mask: keepEnds(6, 2) };

/** Phone numbers: the first three and last four digits stay. */
export const PHONE: MaskingClass = { name: 'PHONE', mask: keepEnds(3, 4) };

/** The masking classes of the generic layers; families add theirs (see FamilyRegistry.sensitivities). */
export const GENERIC_MASKING_CLASSES: readonly MaskingClass[] = [PERSONAL_ID, PHONE];

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
  | MaskingClass
  | { readonly class: MaskingClass; readonly publicWhen?: (record: Record<string, unknown>) => boolean }
  | {
      readonly each: SensitiveFields;
      readonly lift?: { readonly class: MaskingClass; readonly when: (record: Record<string, unknown>) => boolean };
    };

/** Field name of a record → how it is sensitive. */
export type SensitiveFields = Readonly<Record<string, SensitiveField>>;

/** The classes a field's declaration involves (a reader granted all of them sees it whole). */
export function classesOf(field: SensitiveField): MaskingClass[] {
  if ('mask' in field) return [field];
  if ('class' in field) return [field.class];
  return [...new Set(Object.values(field.each).flatMap(classesOf))];
}

/**
 * The value of one field as the principal may see it; `record` is the object
 * holding it, `lifted` a class made public for it by an enclosing declaration.
 */
export function maskField(
  field: SensitiveField,
  value: unknown,
  record: Record<string, unknown>,
  principal: Principal,
  lifted?: MaskingClass,
): unknown {
  if (value === null || value === undefined) return value;
  const shown = (c: MaskingClass) => c === lifted || mayReveal(principal, c.name);
  if ('mask' in field) return shown(field) ? value : maskValue(field, value);
  if ('class' in field) return shown(field.class) || field.publicWhen?.(record) ? value : maskValue(field.class, value);
  const lift = field.lift?.when(record) ? field.lift.class : lifted;
  const each = (v: unknown) =>
    v !== null && typeof v === 'object' ? maskRecord(field.each, v as Record<string, unknown>, principal, lift) : v;
  return Array.isArray(value) ? value.map(each) : each(value);
}

/**
 * The masked form of a value: enough left to tell values apart in a listing
 * (region of an ID number, the last digits of a phone), never enough to use it.
 */
export function maskValue(sensitivity: MaskingClass, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => maskValue(sensitivity, v));
  // Sensitive fields hold text; anything else is masked as its JSON, never as "[object Object]".
  return sensitivity.mask(typeof value === 'string' ? value : JSON.stringify(value));
}

/** A copy of a record with every sensitive field the principal may not see masked. */
export function maskRecord<T extends Record<string, unknown>>(
  fields: SensitiveFields | undefined,
  record: T,
  principal: Principal,
  lifted?: MaskingClass,
): T {
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
