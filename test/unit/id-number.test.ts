import { isValidIdNumber } from '../../src/common/id-number';

/** Appends the GB 11643 check character to 17 digits: an implementation of its own, to test against. */
function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('resident identity number (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '440524188001010014', withCheck('42010219900307001'), withCheck('42900419851128123')])(
    'accepts the valid number %s',
    (id) => {
      expect(isValidIdNumber(id)).toBe(true);
    },
  );

  it('accepts a lower-case x and surrounding white space', () => {
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber(' 11010519491231002X\n')).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('440524188001010015')).toBe(false);
    expect(isValidIdNumber('44052418800101001X')).toBe(false);
  });

  it('rejects every single-digit typo of a valid number', () => {
    const id = '440524188001010014';
    for (let i = 0; i < 17; i++) {
      const d = Number(id[i]);
      const typo = id.slice(0, i) + String((d + 1) % 10) + id.slice(i + 1);
      expect(isValidIdNumber(typo)).toBe(false);
    }
  });

  it.each([
    '',
    '11010519491231002',
    '11010519491231002XX',
    '1101051949123100X2',
    '11010519491231002Y',
    'A1010519491231002X',
    '110105 19491231002X',
    '１１０１０５１９４９１２３１００２Ｘ',
  ])('rejects the malformed %j', (id) => {
    expect(isValidIdNumber(id)).toBe(false);
  });

  it.each([
    ['30 February', '11010519900230123'],
    ['month 13', '11010519901301123'],
    ['day 0', '11010519900100123'],
    ['29 February of a common year', '11010520230229123'],
  ])('rejects a number whose birth date (positions 7-14) is impossible: %s', (_what, first17) => {
    expect(isValidIdNumber(withCheck(first17))).toBe(false);
  });

  it('accepts a birth date of 29 February in a leap year', () => {
    expect(isValidIdNumber(withCheck('11010520000229123'))).toBe(true);
  });
});
