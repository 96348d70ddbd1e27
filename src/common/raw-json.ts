import { randomBytes } from 'node:crypto';

/**
 * JSON text built by PostgreSQL (the compiled read path's trees), carried to
 * the HTTP response as it is: not parsed into objects and serialised again.
 * `stringifyWithRaw` writes it in place; any other serialiser gets the parsed
 * value through toJSON, so a RawJson never turns into wrong JSON.
 */
export class RawJson {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** A marker no data can contain: a per-process random nonce. */
const MARK = `rawjson-${randomBytes(16).toString('hex')}-`;
const MARKED = new RegExp(`"${MARK}(\\d+)"`, 'g');

/** JSON.stringify that writes each RawJson's text in its place. */
export function stringifyWithRaw(value: unknown): string {
  const texts: string[] = [];
  const out = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    // `this[key]` is the value before toJSON: a RawJson becomes a marker, then its text.
    const original = this[key];
    return original instanceof RawJson ? `${MARK}${texts.push(original.text) - 1}` : v;
  });
  return texts.length ? out.replace(MARKED, (_m, i: string) => texts[Number(i)]) : out;
}
