import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { LockScope, lockKeys } from '../common/locks';
import { TEXT_SET, query, textSetParam } from '../common/sql';
import type { FieldError } from '../common/field-error';
import { runPush, type PushOptions } from '../ingest/pipeline';
import { snapshotOf, type Snapshot } from '../ingest/snapshot';
import { loadCurrentVersions, upsertRecords, type TableSpec } from '../ingest/store';
import type { PushDomain, PushResult } from '../ingest/types';
import { marketEntityIds, noMarketEntity } from '../market';
import { CertificateRow } from './certificate.entity';
import { validateCertificate, type CertificateData, type CertificatePush } from './certificate.rules';
import { CERTIFICATE_TOPIC, CertificateStatus } from './certificates.model';
import { trustStore, type TrustStore } from './trust-store';

/** The payload of a CERTIFICATE change event. */
export type CertificateSnapshot = Snapshot<CertificateData>;

const CERTIFICATE_TABLE: TableSpec = {
  topic: CERTIFICATE_TOPIC,
  entity: CertificateRow,
  conflict: ['fingerprint'],
  keyExpr: 't.fingerprint',
};

/** Certificates (topic CERTIFICATE) in the push pipeline; key: the SHA-256 fingerprint. */
export const certificatePush: PushDomain<CertificatePush, CertificateData, TrustStore, CertificateSnapshot> = {
  topic: CERTIFICATE_TOPIC,

  prepare: (em) => trustStore(em),
  validate: (input, trust) => validateCertificate(input ?? {}, trust),
  key: (v) => v.fingerprint,
  rawKey: () => null,
  // Status and revocation come from the CRLs, not from the pusher: a re-push of the same certificate is UNCHANGED.
  content: ({ status: _s, revokedAt: _r, ...content }) => content,

  async resolveReferences(em, records) {
    const ids = await marketEntityIds(
      em,
      records.map((r) => r.value.creditCode),
    );
    const errors = new Map<number, FieldError[]>();
    for (const r of records)
      if (!ids.has(r.value.creditCode)) errors.set(r.index, [noMarketEntity('pem', r.value.creditCode)]);
    return errors;
  },

  loadCurrent: (em, keys) => loadCurrentVersions(em, 'certificate t', 't.fingerprint', keys),

  // An issuer's CRL import and a push of its certificates run one after the other, even when the issuer
  // has no CRL row yet to lock (its first CRL).
  lock: (em, records) =>
    lockKeys(
      em,
      LockScope.CRL_ISSUER,
      records.map((r) => r.value.issuerFingerprint),
    ),

  // A CRL imported since validation must count: read in a later statement than the lock, so it sees an
  // import that committed while the push waited (and an import that waits reads these rows after this commit).
  async recheck(em, records) {
    const issuers = [...new Set(records.map((r) => r.value.issuerFingerprint))].sort();
    const rows = await query<{ issuer_fingerprint: string; revoked: { serial: string; revokedAt: string }[] }>(
      em,
      `select issuer_fingerprint, revoked from crl where issuer_fingerprint in ${TEXT_SET} order by issuer_fingerprint for share`,
      [textSetParam(issuers)],
    );
    const revoked = new Map(
      rows.map((r) => [r.issuer_fingerprint, new Map(r.revoked.map((x) => [x.serial, x.revokedAt]))]),
    );
    for (const r of records) {
      const at = revoked.get(r.value.issuerFingerprint)?.get(r.value.serial);
      r.value = {
        ...r.value,
        status: at ? CertificateStatus.REVOKED : CertificateStatus.GOOD,
        revokedAt: at ? new Date(at).toISOString() : null,
      };
    }
    return new Map();
  },

  write: (em, records, principal) =>
    upsertRecords(
      em,
      CERTIFICATE_TABLE,
      records,
      ({ value: v }) => ({
        fingerprint: v.fingerprint,
        sm3_fingerprint: v.sm3Fingerprint,
        serial: v.serial,
        subject: v.subject,
        issuer: v.issuer,
        not_before: v.notBefore,
        not_after: v.notAfter,
        key_algorithm: v.keyAlgorithm,
        signature_algorithm: v.signatureAlgorithm,
        key_usage: v.keyUsage,
        extended_key_usage: v.extendedKeyUsage,
        credit_code: v.creditCode,
        ca_code: v.caCode,
        issuer_fingerprint: v.issuerFingerprint,
        status: v.status,
        revoked_at: v.revokedAt,
        der: v.der,
        external_id: v.externalId,
      }),
      principal,
    ),

  snapshot: snapshotOf,
};

/** Pushes a batch of certificates through the one pipeline. */
export function pushCertificates(
  em: EntityManager,
  principal: Principal,
  records: CertificatePush[],
  options: PushOptions,
): Promise<PushResult> {
  return runPush(em, principal, certificatePush, records, options);
}
