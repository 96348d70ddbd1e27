/**
 * Money and other exact quantities travel as decimal strings ("1234.50") and
 * are stored as PostgreSQL `numeric`; they are never converted to a float.
 */
const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * Canonicalises a decimal string: trims, drops a leading '+', strips leading
 * zeros, pads or checks the fraction to `scale` digits. Returns undefined when
 * the text is not a plain decimal or has more fraction digits than `scale`.
 */
export function canonicalDecimal(raw: string, scale = 2, maxIntegerDigits = 18): string | undefined {
  let s = raw.trim().replace(/^\+/, '');
  const neg = s.startsWith('-');
  if (neg) s = s.slice(1);
  s = s.replace(/^0+(?=\d)/, '');
  if (!DECIMAL.test(s)) return undefined;
  const [int, frac = ''] = s.split('.');
  const trimmedFrac = frac.replace(/0+$/, '');
  if (trimmedFrac.length > scale || int.length > maxIntegerDigits) return undefined;
  const out = scale > 0 ? `${int}.${trimmedFrac.padEnd(scale, '0')}` : int;
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}

/** True for a syntactically valid decimal string of any scale. */
export function isDecimalString(raw: string): boolean {
  return DECIMAL.test(raw.trim().replace(/^[+-]/, '').replace(/^0+(?=\d)/, ''));
}
