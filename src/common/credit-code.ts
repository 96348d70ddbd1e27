/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters over a 31-character alphabet (no I, O, S, V, Z); the last one
 * is a check character over the first 17 with weights 3^i mod 31.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'LENGTH' | 'CHARSET' | 'CHECK_CHARACTER';

/** Trims and upper-cases a code as pushed; never throws. */
export function normaliseCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * True when a normalised code could be a stored key: 18 characters of
 * letters and digits (operators' exceptions included). A filter or lookup by
 * anything else matches nothing, and some text (NUL, a lone surrogate)
 * PostgreSQL would refuse outright, so it is never sent.
 */
export function couldBeCreditCode(code: string): boolean {
  return /^[0-9A-Z]{18}$/.test(code);
}

/** The check character for the first 17 characters, or undefined if they hold a character outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Checks a normalised code. Returns undefined when valid, or the problem.
 * `exceptions` holds legally issued codes that fail the check character
 * (early pilot codes), kept by the operators; they pass the check-character
 * test but still must have the right length and alphabet.
 */
export function checkCreditCode(code: string, exceptions?: ReadonlySet<string>): CreditCodeProblem | undefined {
  if (code.length !== 18) return 'LENGTH';
  for (const c of code) if (!USCC_ALPHABET.includes(c)) return 'CHARSET';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17] && !exceptions?.has(code)) return 'CHECK_CHARACTER';
  return undefined;
}

/** Builds a valid code from 17 leading characters (used by the demo data and tests). */
export function withCheckChar(first17: string): string {
  const c = creditCodeCheckChar(first17);
  if (!c) throw new RangeError(`not a credit-code prefix: ${first17}`);
  return first17 + c;
}
