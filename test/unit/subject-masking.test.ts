import { isPersonalSubject, maskSubject } from '../../src/certificates/subject-masking.rules';
import { withCheckChar } from '../../src/common/credit-code';

const CODE = withCheckChar('91420100MA4KRULE1');

describe('the holder of a personal certificate', () => {
  it('is a subject without an organisation, or with a resident ID number', () => {
    expect(isPersonalSubject('CN=张三丰, 2.5.4.5=420102199001011234')).toBe(true);
    expect(isPersonalSubject('CN=张三丰')).toBe(true);
    expect(isPersonalSubject('CN=李四, O=某公司, 2.5.4.5=42010219900101123X')).toBe(true);
    expect(isPersonalSubject(`CN=sm2 good, O=Test Co, OU=${CODE}`)).toBe(false);
  });

  it('keeps the organisation, places and credit codes; masks names and ID numbers', () => {
    expect(maskSubject('CN=张三丰, 2.5.4.5=420102199001011234')).toBe('CN=张**, 2.5.4.5=420102**********34');
    expect(maskSubject(`CN=李, O=某公司, C=CN, 2.5.4.5=${CODE}`)).toBe(`CN=李*, O=某公司, C=CN, 2.5.4.5=${CODE}`);
  });

  it('hides whole what is not a DN (the certificate itself)', () => {
    expect(maskSubject('MIIBszCCAVmgAwIBAgIBATAKBggqgRzPVQGDdTA=')).toBe('******');
    expect(maskSubject('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')).toBe('******');
  });
});
