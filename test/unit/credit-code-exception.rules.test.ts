import { withCheckChar } from '../../src/common/credit-code';
import { HubError } from '../../src/common/errors';
import { checkExceptionCodeShape, validateCreditCodeException } from '../../src/market/credit-code-exception.rules';

/** A well-formed code whose check character is wrong. */
const VALID = withCheckChar('91420100MA4K12345');
const WRONG = VALID.slice(0, 17) + (VALID[17] === '0' ? '1' : '0');

function refusal(fn: () => unknown): { code: string; field?: string; message: string; rule?: unknown } {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof HubError)) throw err;
    return { code: err.code, field: err.field, message: err.message, rule: err.extensions.rule };
  }
  throw new Error('expected a HubError');
}

describe('validateCreditCodeException', () => {
  it('accepts a well-formed code with a wrong check character, normalised, with its trimmed reason', () => {
    expect(
      validateCreditCodeException({ code: ` ${WRONG.toLowerCase()} `, reason: '  市场监管局确认的早期试点代码 ' }),
    ).toEqual({ code: WRONG, reason: '市场监管局确认的早期试点代码' });
  });

  it('refuses a code that passes the check: it needs no exception', () => {
    const r = refusal(() => validateCreditCodeException({ code: VALID, reason: 'x' }));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code', rule: 'CODE_PASSES_CHECK' });
    expect(r.message).toBe(`${VALID} passes the GB 32100-2015 check character; it needs no exception`);
  });

  it.each([
    ['91420100MA4K1234', /18 characters; got 16/],
    ['91420100MA4KIOZSVX', /outside the credit-code alphabet/],
  ])('refuses the malformed code %s naming input.code', (code, message) => {
    const r = refusal(() => validateCreditCodeException({ code, reason: 'r' }));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    expect(r.message).toMatch(message);
  });

  it('refuses an empty or overlong reason naming input.reason', () => {
    expect(refusal(() => validateCreditCodeException({ code: WRONG, reason: '   ' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    expect(refusal(() => validateCreditCodeException({ code: WRONG, reason: 'x'.repeat(501) }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
  });
});

describe('checkExceptionCodeShape', () => {
  it('accepts any well-formed code, passing the check or not, and names the given field otherwise', () => {
    expect(checkExceptionCodeShape(VALID.toLowerCase(), 'code')).toBe(VALID);
    expect(checkExceptionCodeShape(WRONG, 'code')).toBe(WRONG);
    expect(refusal(() => checkExceptionCodeShape('ABC', 'code'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'code',
    });
  });
});
