import { withCheckChar } from '../../src/common/credit-code';
import {
  bidCertificateFindings,
  normaliseSerial,
  type KnownCertificate,
} from '../../src/certificates/bid-certificate.rules';
import { checkCa } from '../../src/certificates/certificate-authority.rules';
import { normaliseFingerprint } from '../../src/certificates/certificate.rules';
import {
  DEFAULT_CREDIT_CODE_LOCATIONS,
  findCreditCode,
  locationProblems,
  type CodeSources,
} from '../../src/certificates/credit-code-locations';
import { derBlocks, MalformedError, parseCertificate, serialHex } from '../../src/certificates/x509';

const CODE = withCheckChar('91420100MA4KUNT01');
const sources = (attributes: [string, string][], extensions: [string, string][] = []): CodeSources => ({
  attributes: new Map(attributes.map(([k, v]) => [k, [v]])),
  extensions: new Map(extensions.map(([k, v]) => [k, [v]])),
});

describe('credit-code locations', () => {
  it('finds the code in the organizationIdentifier with its NTRCN- prefix before a CN', () => {
    expect(
      findCreditCode(
        sources([
          ['2.5.4.3', `Other ${withCheckChar('91420100MA4KUNT02')}`],
          ['2.5.4.97', `NTRCN-${CODE}`],
        ]),
        DEFAULT_CREDIT_CODE_LOCATIONS,
      ),
    ).toBe(CODE);
  });

  it('finds it inside a CN among other words, but not a code with a wrong check character', () => {
    expect(findCreditCode(sources([['2.5.4.3', `湖北某公司(${CODE})`]]), DEFAULT_CREDIT_CODE_LOCATIONS)).toBe(CODE);
    const wrong = CODE.slice(0, 17) + (CODE[17] === '0' ? '1' : '0');
    expect(findCreditCode(sources([['2.5.4.5', wrong]]), DEFAULT_CREDIT_CODE_LOCATIONS)).toBeNull();
  });

  it('reads a CA-specific extension when a CA names one', () => {
    const locations = [{ kind: 'extension' as const, oid: '1.2.156.10260.4.1.4', pattern: '^([0-9A-Z]{18})$' }];
    expect(findCreditCode(sources([], [['1.2.156.10260.4.1.4', CODE]]), locations)).toBe(CODE);
    expect(findCreditCode(sources([['2.5.4.5', CODE]]), locations)).toBeNull();
  });

  it('refuses locations with a bad kind, OID or pattern', () => {
    expect(locationProblems([{ kind: 'attribute', oid: '2.5.4.5', pattern: '(' }])).toEqual([
      '0.pattern must be a regular expression of at most 200 characters',
    ]);
    expect(locationProblems([{ kind: 'x' as 'attribute', oid: 'cn', pattern: '.' }])).toHaveLength(2);
  });
});

describe('reading certificates', () => {
  it('refuses what is not PEM or base64 DER, and PEM of another kind', () => {
    expect(() => parseCertificate('hello, world')).toThrow(MalformedError);
    expect(() => parseCertificate('-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----')).toThrow(
      /expected one certificate, found 0/,
    );
    expect(() => parseCertificate('MIIB')).toThrow(MalformedError);
    expect(derBlocks('AAEC', ['CERTIFICATE'])).toEqual([Buffer.from([0, 1, 2])]);
  });

  it('prints serials as OpenSSL does', () => {
    expect(serialHex(new Uint8Array([0, 0x80, 1]))).toBe('8001');
    expect(serialHex(new Uint8Array([0x10, 0]))).toBe('1000');
    expect(serialHex(new Uint8Array([0]))).toBe('00');
  });

  it('normalises fingerprints written with colons and capitals', () => {
    const f = 'ab'.repeat(32);
    expect(normaliseFingerprint(f.toUpperCase().match(/../g)!.join(':'))).toBe(f);
    expect(normaliseFingerprint('abc')).toBeUndefined();
  });

  it('refuses a CA without certificates, with every problem located', () => {
    const r = checkCa({ code: 'bad code!', name: '', certificatesPem: 'garbage' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['input.code', 'input.name', 'input.certificatesPem']);
  });
});

describe('bids and the certificates the hub knows', () => {
  const known = (over: Partial<KnownCertificate> = {}): KnownCertificate => ({
    creditCode: CODE,
    caCode: 'HBCA',
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2027-01-01T00:00:00Z'),
    revokedAt: null,
    ...over,
  });
  const bid = { bidderCreditCode: CODE, submittedAt: '2026-09-20T02:00:00.000Z', caCertSerial: '0A1B' };
  const rules = (k: KnownCertificate[], b = bid) => bidCertificateFindings(b, k).map((f) => f.rule);

  it('finds nothing for an unknown serial or a valid certificate of the bidder', () => {
    expect(rules([])).toEqual([]);
    expect(rules([known()])).toEqual([]);
    expect(rules([known({ revokedAt: new Date('2026-10-01T00:00:00Z') })])).toEqual([]);
  });

  it('flags a certificate of another entity, a revoked one and one outside its validity', () => {
    expect(rules([known({ creditCode: withCheckChar('91420100MA4KUNT02') })])).toEqual([
      'BID_CERTIFICATE_OTHER_ENTITY',
    ]);
    expect(rules([known({ revokedAt: new Date('2026-09-20T01:59:59Z') })])).toEqual(['BID_CERTIFICATE_REVOKED']);
    expect(rules([known({ notAfter: new Date('2026-09-01T00:00:00Z') })])).toEqual(['BID_CERTIFICATE_EXPIRED']);
  });

  it('reads serials the way OpenSSL prints them', () => {
    expect(normaliseSerial('0a:1b')).toBe('0A1B');
    expect(normaliseSerial('00 8F')).toBe('8F');
    expect(normaliseSerial('abc')).toBe('0ABC');
  });
});
