import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { ErrorCode, HubError } from '../common/errors';
import { query } from '../common/sql';
import { VerdictStatus } from './certificates.model';

/** The request headers of a signed push. */
export const SIGNATURE_HEADER = 'x-hub-signature';
export const SIGNER_HEADER = 'x-hub-certificate';

/** Why a push's signature was refused: `extensions.reason` of the UNAUTHENTICATED error. */
export enum SignatureRefusal {
  /** The system's grants say signatureRequired and the push carries no signature. */
  SIGNATURE_REQUIRED = 'SIGNATURE_REQUIRED',
  /** One header without the other, a fingerprint that is no fingerprint, a signature that is not base64. */
  SIGNATURE_MALFORMED = 'SIGNATURE_MALFORMED',
  /** The hub holds no pushed certificate with that fingerprint. */
  SIGNER_UNKNOWN = 'SIGNER_UNKNOWN',
  /** The certificate was registered by another system (or the caller is no system). */
  SIGNER_NOT_OURS = 'SIGNER_NOT_OURS',
  /** The certificate does not verify now: expired, revoked, untrusted, ... (`extensions.verdict`). */
  SIGNER_INVALID = 'SIGNER_INVALID',
  /** The signature does not verify over the body under the certificate's key. */
  BAD_SIGNATURE = 'BAD_SIGNATURE',
}

/** The signature algorithm a certificate's key signs pushes with, by key algorithm. */
const PUSH_SIGNATURE_OIDS: Readonly<Record<string, string>> = {
  SM2: '1.2.156.10197.1.501', // SM2 with SM3, the default user ID
  'EC P-256': '1.2.840.10045.4.3.2', // ECDSA with SHA-256
  RSA: '1.2.840.113549.1.1.11', // RSASSA-PKCS1-v1_5 with SHA-256
};

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function refuse(reason: SignatureRefusal, message: string, extra: Record<string, unknown> = {}): HubError {
  return new HubError(ErrorCode.UNAUTHENTICATED, message, { details: { reason, ...extra }, httpStatus: 401 });
}

/** The headers of a push as received. */
export interface PushSignature {
  signature: string | undefined;
  certificate: string | undefined;
}

/**
 * Refuses an unsigned request of a system whose grants say signatureRequired
 * when it carries a mutation (`isMutation`, decided by the caller only then).
 */
export function requireSignature(principal: Principal, headers: PushSignature, isMutation: () => boolean): void {
  if (headers.signature !== undefined || headers.certificate !== undefined) return;
  if (principal.grants.signatureRequired && isMutation())
    throw refuse(
      SignatureRefusal.SIGNATURE_REQUIRED,
      `${principal.name} must sign its pushes: ${SIGNATURE_HEADER} (base64 signature over the body) and ${SIGNER_HEADER} (the certificate's fingerprint)`,
    );
}

/**
 * Verifies the signature of a push and returns the SHA-256 fingerprint of
 * the certificate that made it. The certificate (named by its SHA-256 or SM3
 * fingerprint) must be one the hub holds, registered by the calling system
 * itself (it owns the certificate's record: a system signs with its own
 * certificates, never another's), and must verify now (a path to a
 * recognised CA, unexpired, unrevoked by the CRLs held, usable for signing).
 * Then the signature over the exact body bytes under its key: SM2 with SM3
 * and the default user ID, ECDSA P-256 with SHA-256, or RSA with SHA-256, by
 * the same code that checks certificate signatures. Any failure is
 * UNAUTHENTICATED with a stable `reason`: a signature that is present must
 * verify, whether or not the system is required to sign.
 */
export async function verifyPushSignature(
  em: EntityManager,
  principal: Principal,
  headers: PushSignature,
  body: Buffer | undefined,
  now: Date,
): Promise<string> {
  // The X.509 and SM2 code (@peculiar/x509, asn1js, sm-crypto-v2: some 0.17 s to load) only when a signed push
  // arrives: this module is part of the family's surface, which every process loads, the `hub` command line too.
  const [{ normaliseFingerprint }, { trustStore }, { verifyChain }, { parseCertificateDer, signerKey, verifySigned }] =
    await Promise.all([
      import('./certificate.rules.js'),
      import('./trust-store.js'),
      import('./verify.rules.js'),
      import('./x509.js'),
    ]);
  const signature = headers.signature?.trim() ?? '';
  const named = normaliseFingerprint(headers.certificate ?? '');
  if (!signature || !named || !BASE64.test(signature) || !body)
    throw refuse(
      SignatureRefusal.SIGNATURE_MALFORMED,
      `a signed push carries both ${SIGNATURE_HEADER} (base64) and ${SIGNER_HEADER} (a SHA-256 or SM3 fingerprint, hex) over a JSON body`,
    );
  const [row] = await query<{ fingerprint: string; der: string; owner_system_id: number }>(
    em,
    `select fingerprint, der, owner_system_id from certificate where fingerprint = ? or sm3_fingerprint = ? limit 1`,
    [named, named],
  );
  if (!row) throw refuse(SignatureRefusal.SIGNER_UNKNOWN, `no certificate with fingerprint ${named} is registered`);
  if (!principal.sourceSystem || principal.sourceSystem.id !== row.owner_system_id)
    throw refuse(
      SignatureRefusal.SIGNER_NOT_OURS,
      `certificate ${row.fingerprint} was not registered by ${principal.name}: a system signs with its own certificates`,
    );
  const verdict = verifyChain(row.der, now, await trustStore(em));
  if (verdict.status !== VerdictStatus.VALID || !verdict.leaf)
    throw refuse(
      SignatureRefusal.SIGNER_INVALID,
      `certificate ${row.fingerprint} is ${verdict.status} now: ${verdict.reasons.map((r) => r.message).join('; ')}`,
      { verdict: verdict.status },
    );
  const leaf = parseCertificateDer(Buffer.from(row.der, 'base64'));
  const oid = PUSH_SIGNATURE_OIDS[leaf.keyAlgorithm];
  const ok =
    !!oid &&
    verifySigned({ tbs: body, signature: Buffer.from(signature, 'base64'), signatureOid: oid }, signerKey(leaf));
  if (!ok)
    throw refuse(
      SignatureRefusal.BAD_SIGNATURE,
      `the signature does not verify over the request body under certificate ${row.fingerprint} (${leaf.keyAlgorithm})`,
    );
  return row.fingerprint;
}
