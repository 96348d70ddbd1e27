import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted, no insignificant white space, undefined
 * dropped. Two equal values always give the same text, whatever the key order
 * they were built or stored with (PostgreSQL's jsonb reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** SHA-256 of the canonical JSON, hex. Used to tell changed content from a re-push. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** SM3 (GB/T 32905) of a string, hex: the national standard hash, used for the change-log chain. */
export function sm3(text: string): string {
  return createHash('sm3').update(text).digest('hex');
}
