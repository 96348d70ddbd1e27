import { checkCreditCode, normaliseCreditCode, USCC_ALPHABET } from '../common/credit-code';
import { ErrorCode, HubError } from '../common/errors';
import { displayTextProblem } from '../common/storable';

/** An exception as an operator asks for it (GraphQL `addCreditCodeException`, `hub credit-codes add`). */
export interface CreditCodeExceptionInput {
  code: string;
  reason: string;
}

/** Longest reason kept with an exception. */
export const MAX_REASON = 500;

/**
 * Normalises a code named by an operator and checks its shape: 18 characters
 * of the GB 32100-2015 alphabet. BAD_USER_INPUT naming `field` otherwise.
 */
export function checkExceptionCodeShape(raw: string, field: string): string {
  const code = normaliseCreditCode(raw);
  const problem = checkCreditCode(code);
  if (problem === 'LENGTH')
    throw new HubError(ErrorCode.BAD_USER_INPUT, `${field} must be 18 characters; got ${code.length}`, { field });
  if (problem === 'CHARSET') {
    throw new HubError(
      ErrorCode.BAD_USER_INPUT,
      `${field} ${code} holds characters outside the credit-code alphabet ${USCC_ALPHABET} (GB 32100-2015)`,
      { field },
    );
  }
  return code;
}

/**
 * Checks a new exception: a well-formed code whose check character is wrong
 * (a legally issued early pilot code, DOMAIN.md "Identifiers") and a reason.
 * A code that passes the check needs no exception and is refused, so the list
 * only ever holds codes it changes the verdict for.
 */
export function validateCreditCodeException(input: CreditCodeExceptionInput): { code: string; reason: string } {
  const code = checkExceptionCodeShape(input.code, 'input.code');
  if (checkCreditCode(code) === undefined) {
    throw new HubError(
      ErrorCode.BAD_USER_INPUT,
      `${code} passes the GB 32100-2015 check character; it needs no exception`,
      {
        field: 'input.code',
        details: { rule: 'CODE_PASSES_CHECK' },
      },
    );
  }
  const reason = input.reason.trim();
  if (!reason)
    throw new HubError(
      ErrorCode.BAD_USER_INPUT,
      'reason must say why the code is legally issued (e.g. the registering authority’s confirmation)',
      { field: 'input.reason' },
    );
  if (reason.length > MAX_REASON)
    throw new HubError(ErrorCode.BAD_USER_INPUT, `reason must be at most ${MAX_REASON} characters`, {
      field: 'input.reason',
    });
  const problem = displayTextProblem(reason);
  if (problem) throw new HubError(ErrorCode.BAD_USER_INPUT, `reason ${problem}`, { field: 'input.reason' });
  return { code, reason };
}
