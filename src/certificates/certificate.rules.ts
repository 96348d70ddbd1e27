import { ErrorCode } from '../common/errors';
import type { FieldError } from '../common/field-error';
import { Checker } from '../common/validate';
import type { Validated } from '../ingest/types';
import { CertificateStatus } from './certificates.model';
import { DEFAULT_CREDIT_CODE_LOCATIONS } from './credit-code-locations';
import { findIssuer, type TrustView } from './verify.rules';
import { MalformedError, creditCodeOf, parseCertificate } from './x509';

/** A certificate as pushed (untrusted). */
export interface CertificatePush {
  /** PEM, or the DER as base64. */
  pem?: unknown;
  externalId?: unknown;
}

/** A pushed certificate as stored and published (the payload of CERTIFICATE events, with the snapshot's fields). */
export interface CertificateData {
  fingerprint: string;
  sm3Fingerprint: string;
  serial: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  keyAlgorithm: string;
  signatureAlgorithm: string;
  keyUsage: string[] | null;
  extendedKeyUsage: string[];
  creditCode: string;
  caCode: string;
  issuerFingerprint: string;
  /** The DER, base64. */
  der: string;
  externalId: string | null;
  status: CertificateStatus;
  revokedAt: string | null;
}

/** Largest PEM accepted (a certificate is a few kilobytes). */
const MAX_PEM = 64 * 1024;

/**
 * Reads a pushed certificate: parses it, finds the recognised CA certificate
 * that signed it, reads the credit code where that CA puts it, and its
 * revocation on the CRL held of the issuer. Pure over the trust view;
 * errors at `pem`: BAD_USER_INPUT for what is not a certificate or has no
 * credit code, NOT_FOUND for an issuer no recognised CA has, BAD_USER_INPUT
 * (rule BAD_SIGNATURE) for a signature the issuer's key refuses.
 */
export function validateCertificate(input: CertificatePush, trust: TrustView): Validated<CertificateData> {
  const c = new Checker();
  const externalId = c.text('externalId', input.externalId, { max: 200 }) ?? null;
  if (typeof input.pem !== 'string' || !input.pem.trim()) c.fail('pem', 'pem is required');
  else if (input.pem.length > MAX_PEM) c.fail('pem', `pem must be at most ${MAX_PEM} characters`);
  if (c.errors.length) return { ok: false, errors: c.errors };
  let cert;
  try {
    cert = parseCertificate(input.pem as string);
  } catch (err) {
    return fail({
      field: 'pem',
      code: ErrorCode.BAD_USER_INPUT,
      message: `pem is not a certificate: ${err instanceof MalformedError ? err.message : 'unreadable'}`,
    });
  }
  const { found, named } = findIssuer(cert, trust);
  if (!found)
    return fail(
      named
        ? {
            field: 'pem',
            code: ErrorCode.BAD_USER_INPUT,
            rule: 'BAD_SIGNATURE',
            message: `the signature of ${cert.subject} does not verify under its issuer ${cert.issuer}`,
          }
        : {
            field: 'pem',
            code: ErrorCode.NOT_FOUND,
            message: `unknown issuer: no recognised CA holds a certificate of ${cert.issuer}`,
          },
    );
  const creditCode = creditCodeOf(cert, found.creditCodeLocations ?? DEFAULT_CREDIT_CODE_LOCATIONS);
  if (!creditCode)
    return fail({
      field: 'pem',
      code: ErrorCode.BAD_USER_INPUT,
      message: `no unified social credit code where CA ${found.caCode} puts it in ${cert.subject}`,
    });
  const revokedAt = trust.crlOf(found.cert.sha256)?.revoked.get(cert.serial);
  return {
    ok: true,
    value: {
      fingerprint: cert.sha256,
      sm3Fingerprint: cert.sm3,
      serial: cert.serial,
      subject: cert.subject,
      issuer: cert.issuer,
      notBefore: cert.notBefore.toISOString(),
      notAfter: cert.notAfter.toISOString(),
      keyAlgorithm: cert.keyAlgorithm,
      signatureAlgorithm: cert.signatureAlgorithm,
      keyUsage: cert.keyUsage,
      extendedKeyUsage: cert.extendedKeyUsage,
      creditCode,
      caCode: found.caCode,
      issuerFingerprint: found.cert.sha256,
      der: cert.der.toString('base64'),
      externalId,
      status: revokedAt ? CertificateStatus.REVOKED : CertificateStatus.GOOD,
      revokedAt: revokedAt?.toISOString() ?? null,
    },
  };
}

function fail(e: FieldError): Validated<CertificateData> {
  return { ok: false, errors: [e] };
}

/** A fingerprint as asked for: hex with or without colons, any case; undefined when not 64 hex digits. */
export function normaliseFingerprint(raw: string): string | undefined {
  const f = raw.replace(/[:\s]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(f) ? f : undefined;
}
