import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCreditCode, creditCodeCheckChar, withCheckChar } from '../../src/common/credit-code';

/** Rows of the GB 32100 test vectors (copied from the shared reference set with their sources). */
function vectors(): { code: string; expected: string; computed: string }[] {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'uscc_test_vectors.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return text.map((line) => {
    const cols = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    return { code: cols[0], expected: cols[2], computed: cols[3] };
  });
}

const LEGAL_EXCEPTIONS = new Set(
  vectors()
    .filter((v) => v.expected.startsWith('real_but_fails'))
    .map((v) => v.code),
);

describe('unified social credit code (GB 32100-2015)', () => {
  const rows = vectors();

  it('has vectors of every kind to test against', () => {
    expect(rows.filter((r) => r.expected === 'valid').length).toBeGreaterThan(10);
    expect(LEGAL_EXCEPTIONS.size).toBe(3);
  });

  it.each(rows.filter((r) => r.expected === 'valid'))('accepts the valid code $code', ({ code }) => {
    expect(checkCreditCode(code)).toBeUndefined();
  });

  it.each(rows.filter((r) => r.computed !== ''))(
    'computes the check character of $code as $computed',
    ({ code, computed }) => {
      expect(creditCodeCheckChar(code.slice(0, 17))).toBe(computed);
    },
  );

  it.each(rows.filter((r) => r.expected.startsWith('invalid_checkdigit')))(
    'rejects $code for its wrong check character',
    ({ code }) => {
      expect(checkCreditCode(code)).toBe('CHECK_CHARACTER');
    },
  );

  it.each(rows.filter((r) => r.expected.startsWith('invalid_charset')))(
    'rejects $code for its illegal characters',
    ({ code }) => {
      expect(checkCreditCode(code)).toBe('CHARSET');
    },
  );

  it.each([...LEGAL_EXCEPTIONS])('rejects the pilot code %s unless the operators list it as an exception', (code) => {
    expect(checkCreditCode(code)).toBe('CHECK_CHARACTER');
    expect(checkCreditCode(code, LEGAL_EXCEPTIONS)).toBeUndefined();
  });

  it('rejects a code of the wrong length', () => {
    expect(checkCreditCode('91420100MA4K')).toBe('LENGTH');
    expect(checkCreditCode('914201007483102296X')).toBe('LENGTH');
  });

  it('rejects the letters I, O, S, V and Z that the standard leaves out', () => {
    for (const c of 'IOSVZ') expect(checkCreditCode(`9142010074831022${c}6`)).toBe('CHARSET');
  });

  it('does not let an exception list excuse a bad alphabet', () => {
    expect(checkCreditCode('9111000060003IOZSV', new Set(['9111000060003IOZSV']))).toBe('CHARSET');
  });

  it('builds valid codes from 17 characters', () => {
    expect(checkCreditCode(withCheckChar('91420100MA4K12345'))).toBeUndefined();
  });
});
