import { Checker } from '../common/validate';
import type { FieldError } from '../common/field-error';
import type { CaCertificateData } from './certificate-authority.entity';
import { locationProblems, type CreditCodeLocation } from './credit-code-locations';
import { MalformedError, parseCertificates, signerKey, verifySigned, type ParsedCertificate } from './x509';

/** The input of recognizeCertificateAuthority. */
export interface RecognizeCaInput {
  code: string;
  name: string;
  certificatesPem: string;
  creditCodeLocations?: CreditCodeLocation[] | null;
}

/** A checked recognition. */
export interface CheckedCa {
  code: string;
  name: string;
  certificates: CaCertificateData[];
  crlDistributionPoints: string[];
  creditCodeLocations: CreditCodeLocation[] | null;
}

/** The shape of a CA code: upper-case letters, digits, `-` and `_`. */
export function caCodeProblem(code: string): string | undefined {
  return /^[A-Z0-9][A-Z0-9_-]{0,31}$/.test(code)
    ? undefined
    : 'must be 1-32 upper-case letters, digits, - or _, starting with a letter or digit';
}

const data = (c: ParsedCertificate, root: boolean): CaCertificateData => ({
  fingerprint: c.sha256,
  subject: c.subject,
  issuer: c.issuer,
  serial: c.serial,
  notBefore: c.notBefore.toISOString(),
  notAfter: c.notAfter.toISOString(),
  root,
  der: c.der.toString('base64'),
});

/**
 * Checks a CA as an operator gives it: a code, a name, and a PEM bundle of CA
 * certificates (basicConstraints cA) with at least one self-signed root whose
 * signature verifies, each other certificate signed by one of the bundle.
 * Pure; every problem located in `input.*`.
 */
export function checkCa(input: RecognizeCaInput): { ok: true; value: CheckedCa } | { ok: false; errors: FieldError[] } {
  const c = new Checker();
  const code = typeof input.code === 'string' ? input.code.trim().toUpperCase() : '';
  const codeProblem = caCodeProblem(code);
  if (codeProblem) c.fail('input.code', `code ${codeProblem}`);
  const name = c.text('input.name', input.name, { required: true, max: 200 });
  let certs: ParsedCertificate[] = [];
  try {
    certs = typeof input.certificatesPem === 'string' ? parseCertificates(input.certificatesPem) : [];
    if (!certs.length) c.fail('input.certificatesPem', 'certificatesPem holds no certificate');
  } catch (err) {
    c.fail('input.certificatesPem', `certificatesPem: ${err instanceof MalformedError ? err.message : 'unreadable'}`);
  }
  const roots = new Set<string>();
  for (const cert of certs) {
    if (!cert.isCa) c.fail('input.certificatesPem', `${cert.subject} is not a CA certificate (basicConstraints cA)`);
    const issuers = certs.filter((i) => i.subjectKey === cert.issuerKey);
    const signer = issuers.find((i) => verifySigned(cert, signerKey(i)));
    if (!signer)
      c.fail('input.certificatesPem', `${cert.subject}: no certificate of the bundle verifies its signature`);
    else if (signer === cert) roots.add(cert.sha256);
  }
  if (certs.length && !roots.size) c.fail('input.certificatesPem', 'the bundle holds no self-signed root certificate');
  const locations = input.creditCodeLocations ?? null;
  if (locations) for (const p of locationProblems(locations)) c.fail(`input.creditCodeLocations.${p.split(' ')[0]}`, p);
  if (c.errors.length) return { ok: false, errors: c.errors };
  return {
    ok: true,
    value: {
      code,
      name: name!,
      certificates: certs.map((cert) => data(cert, roots.has(cert.sha256))),
      crlDistributionPoints: [...new Set(certs.flatMap((cert) => cert.crlDistributionPoints))],
      creditCodeLocations: locations,
    },
  };
}
