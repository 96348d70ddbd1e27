import { canonicalDecimal, isDecimalString } from '../../src/common/decimal';

describe('canonicalDecimal', () => {
  it.each([
    ['100.5', '100.50'],
    ['100', '100.00'],
    ['0', '0.00'],
    ['0.1', '0.10'],
    ['007.10', '7.10'],
    ['  12.30\n', '12.30'],
    ['+5', '5.00'],
    ['-12.5', '-12.50'],
    ['-0.00', '0.00'],
    ['-000', '0.00'],
    ['1.500000', '1.50'],
    ['999999999999999999.99', '999999999999999999.99'],
  ])('writes %j as %j with two fraction digits', (raw, out) => {
    expect(canonicalDecimal(raw)).toBe(out);
  });

  it('pads or checks the fraction to the scale asked for', () => {
    expect(canonicalDecimal('12', 0)).toBe('12');
    expect(canonicalDecimal('12.000', 0)).toBe('12');
    expect(canonicalDecimal('12.5', 0)).toBeUndefined();
    expect(canonicalDecimal('1.2345', 4)).toBe('1.2345');
    expect(canonicalDecimal('1.5', 4)).toBe('1.5000');
    expect(canonicalDecimal('1.23456', 4)).toBeUndefined();
  });

  it('refuses more fraction digits than the scale, rather than rounding', () => {
    expect(canonicalDecimal('1.005')).toBeUndefined();
    expect(canonicalDecimal('0.001')).toBeUndefined();
  });

  it('limits the number of integer digits (numeric(20,2) holds 18), leading zeros aside', () => {
    expect(canonicalDecimal('1'.repeat(18))).toBe(`${'1'.repeat(18)}.00`);
    expect(canonicalDecimal(`000${'1'.repeat(18)}`)).toBe(`${'1'.repeat(18)}.00`);
    expect(canonicalDecimal('1'.repeat(19))).toBeUndefined();
    expect(canonicalDecimal('1'.repeat(6), 2, 5)).toBeUndefined();
  });

  it.each([
    '',
    ' ',
    '.5',
    '5.',
    '1e3',
    '1E3',
    '1.5e-2',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x1F',
    '0b1',
    '1,000',
    '1 000',
    '１２',
    '١٢',
    '12a',
    '--5',
    '+-5',
    '-+5',
    '++5',
    '-',
    '+',
    '5-',
  ])('refuses %j, which is not a plain decimal', (raw) => {
    expect(canonicalDecimal(raw)).toBeUndefined();
  });
});

describe('isDecimalString', () => {
  it.each(['0', '1', '-1.5', '+0.001', '007', ' 12.345678 ', '123456789012345678901234567890'])('accepts %j', (raw) => {
    expect(isDecimalString(raw)).toBe(true);
  });

  it.each(['', '.5', '5.', '1e5', 'abc', '--1', '+-1', '-+1', '1.2.3', 'NaN'])('refuses %j', (raw) => {
    expect(isDecimalString(raw)).toBe(false);
  });
});
