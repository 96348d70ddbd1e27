/*
 * Names of the certificates family that writer, readers and the API share:
 * its topics, the states of a certificate authority and of a certificate, and
 * the verdicts of a verification.
 */

/** Topics of the family. */
export const CERTIFICATE_TOPIC = 'CERTIFICATE';
export const CERTIFICATE_AUTHORITY_TOPIC = 'CERTIFICATE_AUTHORITY';

/** Whether the hub trusts a certificate authority (CA互认). */
export enum CaStatus {
  RECOGNISED = 'RECOGNISED',
  WITHDRAWN = 'WITHDRAWN',
}

/** What the hub knows of a pushed certificate's revocation. */
export enum CertificateStatus {
  /** Not on any CRL the hub holds. */
  GOOD = 'GOOD',
  /** On a CRL of its issuer, signed by that issuer. */
  REVOKED = 'REVOKED',
}

/** The outcome of verifying a certificate. */
export enum VerdictStatus {
  VALID = 'VALID',
  EXPIRED = 'EXPIRED',
  NOT_YET_VALID = 'NOT_YET_VALID',
  REVOKED = 'REVOKED',
  UNTRUSTED = 'UNTRUSTED',
  BAD_SIGNATURE = 'BAD_SIGNATURE',
  WRONG_USAGE = 'WRONG_USAGE',
  MALFORMED = 'MALFORMED',
}

/** Stable codes of the reasons a verdict gives (besides its status). */
export enum VerdictReason {
  MALFORMED = 'MALFORMED',
  NO_PATH = 'NO_PATH',
  CA_WITHDRAWN = 'CA_WITHDRAWN',
  BAD_SIGNATURE = 'BAD_SIGNATURE',
  UNSUPPORTED_ALGORITHM = 'UNSUPPORTED_ALGORITHM',
  EXPIRED = 'EXPIRED',
  NOT_YET_VALID = 'NOT_YET_VALID',
  NOT_A_CA = 'NOT_A_CA',
  NO_SIGNING_USAGE = 'NO_SIGNING_USAGE',
  REVOKED = 'REVOKED',
  NO_CRL = 'NO_CRL',
  STALE_CRL = 'STALE_CRL',
}

/** Finding rules the family contributes on bids. */
export enum CertificateFinding {
  BID_CERTIFICATE_OTHER_ENTITY = 'BID_CERTIFICATE_OTHER_ENTITY',
  BID_CERTIFICATE_REVOKED = 'BID_CERTIFICATE_REVOKED',
  BID_CERTIFICATE_EXPIRED = 'BID_CERTIFICATE_EXPIRED',
}

/** The SM2 signer ID of GM/T 0009 that CAs use by default (the Z value of GM/T 0003 is computed over it). */
export const SM2_DEFAULT_USER_ID = '1234567812345678';
