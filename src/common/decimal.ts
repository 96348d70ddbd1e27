/**
 * Money and other exact quantities travel as decimal strings ("1234.50") and
 * are stored as PostgreSQL `numeric`; they are never converted to a float.
 */

/** An unsigned plain decimal: digits, optionally a point and more digits. The sign is handled once, outside. */
const UNSIGNED_DECIMAL = /^(0|[1-9]\d*)(\.\d+)?$/;

/** Splits off one optional leading sign; a second sign ("--5", "+-5") stays in the body and fails the pattern. */
function splitSign(raw: string): { neg: boolean; body: string } {
  const s = raw.trim();
  const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
  return { neg: sign === '-', body: s.slice(sign.length).replace(/^0+(?=\d)/, '') };
}

/**
 * Canonicalises a decimal string: trims, drops a leading '+', strips leading
 * zeros, pads or checks the fraction to `scale` digits. Returns undefined when
 * the text is not a plain decimal or has more fraction digits than `scale`.
 */
export function canonicalDecimal(raw: string, scale = 2, maxIntegerDigits = 18): string | undefined {
  const { neg, body } = splitSign(raw);
  if (!UNSIGNED_DECIMAL.test(body)) return undefined;
  const [int, frac = ''] = body.split('.');
  const trimmedFrac = frac.replace(/0+$/, '');
  if (trimmedFrac.length > scale || int.length > maxIntegerDigits) return undefined;
  const out = scale > 0 ? `${int}.${trimmedFrac.padEnd(scale, '0')}` : int;
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}

/** True for a syntactically valid decimal string of any scale (one optional sign, no exponent). */
export function isDecimalString(raw: string): boolean {
  return UNSIGNED_DECIMAL.test(splitSign(raw).body);
}
