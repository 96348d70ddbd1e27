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
    // JSON.stringify calls toJSON before the replacer: inside stringifyWithRaw, stay as is for it to write the text.
    return writingRaw ? this : JSON.parse(this.text);
  }
}

/** True while stringifyWithRaw runs (JSON.stringify is synchronous). */
let writingRaw = false;

/** A marker no data can contain: a per-process random nonce. */
const MARK = `rawjson-${randomBytes(16).toString('hex')}-`;
const MARKED = new RegExp(`"${MARK}(\\d+)"`, 'g');

/** JSON.stringify that writes each RawJson's text in its place. */
export function stringifyWithRaw(value: unknown): string {
  const texts: string[] = [];
  let out: string;
  writingRaw = true;
  try {
    out = JSON.stringify(value, (_key: string, v: unknown) =>
      v instanceof RawJson ? `${MARK}${texts.push(v.text) - 1}` : v,
    );
  } finally {
    writingRaw = false;
  }
  return texts.length ? out.replace(MARKED, (_m, i: string) => texts[Number(i)]) : out;
}
