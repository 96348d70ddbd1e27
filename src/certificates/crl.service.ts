import type { EntityManager } from '@mikro-orm/postgresql';
import { isAdmin, type Principal } from '../auth/principal';
import { ErrorCode } from '../common/errors';
import { LockScope, lockKeys } from '../common/locks';
import { query } from '../common/sql';
import { appendChanges } from '../feed/append';
import { ChangeOp, type NewChange } from '../feed/topics';
import { RecordStatus, type PushResult, type RecordResult } from '../ingest/types';
import type { CertificateAuthorityPayload } from './certificate-authority.service';
import type { CertificateSnapshot } from './certificate.push';
import { CERTIFICATE_AUTHORITY_TOPIC, CERTIFICATE_TOPIC, CertificateStatus } from './certificates.model';
import { trustStore } from './trust-store';
import { findIssuer } from './verify.rules';
import { MalformedError, parseCrl, type ParsedCrl } from './x509';

/** A CRL as pushed. */
export interface CrlPush {
  crlPem?: unknown;
}

/** A certificate row as the revocation update returns it. */
interface RevokedRow {
  fingerprint: string;
  sm3_fingerprint: string;
  serial: string;
  subject: string;
  issuer: string;
  not_before: Date;
  not_after: Date;
  key_algorithm: string;
  signature_algorithm: string;
  key_usage: string[] | null;
  extended_key_usage: string[];
  credit_code: string;
  ca_code: string;
  issuer_fingerprint: string;
  der: string;
  external_id: string | null;
  status: CertificateStatus;
  revoked_at: Date;
  version: number;
  updated_at: Date;
  source_code: string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

function snapshotOfRow(r: RevokedRow): CertificateSnapshot {
  return {
    fingerprint: r.fingerprint,
    sm3Fingerprint: r.sm3_fingerprint,
    serial: r.serial,
    subject: r.subject,
    issuer: r.issuer,
    notBefore: iso(r.not_before),
    notAfter: iso(r.not_after),
    keyAlgorithm: r.key_algorithm,
    signatureAlgorithm: r.signature_algorithm,
    keyUsage: r.key_usage,
    extendedKeyUsage: r.extended_key_usage,
    creditCode: r.credit_code,
    caCode: r.ca_code,
    issuerFingerprint: r.issuer_fingerprint,
    der: r.der,
    externalId: r.external_id,
    status: r.status,
    revokedAt: iso(r.revoked_at),
    sourceSystem: r.source_code,
    version: r.version,
    updatedAt: iso(r.updated_at),
  };
}

/**
 * Imports CRLs, each only after its signature verified against the
 * recognised CA certificate that issued it (NOT_FOUND: no recognised CA has
 * its issuer; BAD_USER_INPUT with rule BAD_SIGNATURE: the issuer's key
 * refuses it). A CRL older than or equal to the one held is UNCHANGED. In one
 * transaction per CRL: the CRL replaces the held one, the pushed certificates
 * it revokes become REVOKED with an UPDATE event each (every follower of the
 * feed learns it), and the CA gets a CRL_IMPORTED event. Operators and
 * systems granted the CERTIFICATE_AUTHORITY topic may import.
 */
export async function pushCertificateRevocationLists(
  em: EntityManager,
  principal: Principal,
  records: readonly CrlPush[],
  maxBatch: number,
): Promise<PushResult> {
  const results: RecordResult[] = records.map((_, index) => ({
    index,
    key: null,
    status: RecordStatus.REJECTED,
    version: null,
    errors: [],
    warnings: [],
  }));
  if (!isAdmin(principal) && !principal.grants.writeTopics.has(CERTIFICATE_AUTHORITY_TOPIC)) {
    for (const r of results)
      r.errors.push({
        field: '',
        code: ErrorCode.FORBIDDEN,
        message: `only operators and a source system granted topic ${CERTIFICATE_AUTHORITY_TOPIC} import CRLs`,
      });
    return summary(results);
  }
  if (records.length > maxBatch) {
    for (const r of results)
      r.errors.push({
        field: '',
        code: ErrorCode.LIMIT_EXCEEDED,
        message: `a push carries at most ${maxBatch} records`,
      });
    return summary(results);
  }
  const trust = await trustStore(em);
  for (const [index, record] of records.entries()) {
    const result = results[index];
    let crl: ParsedCrl;
    try {
      if (typeof record?.crlPem !== 'string' || !record.crlPem.trim()) throw new MalformedError('crlPem is required');
      crl = parseCrl(record.crlPem);
    } catch (err) {
      result.errors.push({
        field: 'crlPem',
        code: ErrorCode.BAD_USER_INPUT,
        message: `crlPem is not a CRL: ${err instanceof MalformedError ? err.message : 'unreadable'}`,
      });
      continue;
    }
    result.key = crl.sha256;
    const { found, named } = findIssuer(crl, trust);
    if (!found) {
      result.errors.push(
        named
          ? {
              field: 'crlPem',
              code: ErrorCode.BAD_USER_INPUT,
              rule: 'BAD_SIGNATURE',
              message: `the CRL's signature does not verify under its issuer ${crl.issuer}; nothing in it is trusted`,
            }
          : {
              field: 'crlPem',
              code: ErrorCode.NOT_FOUND,
              message: `unknown issuer: no recognised CA holds a certificate of ${crl.issuer}`,
            },
      );
      continue;
    }
    const outcome = await em.transactional(async (tx) => {
      // The issuer's first CRL has no row yet for a racing push or a second first CRL to wait on.
      await lockKeys(tx, LockScope.CRL_ISSUER, [found.cert.sha256]);
      const [stored] = await query<{ id: string }>(
        tx,
        `insert into crl as l (issuer_fingerprint, ca_code, issuer, fingerprint, this_update, next_update, revoked, der, imported_at)
         values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, now())
         on conflict (issuer_fingerprint) do update set ca_code = excluded.ca_code, issuer = excluded.issuer,
           fingerprint = excluded.fingerprint, this_update = excluded.this_update, next_update = excluded.next_update,
           revoked = excluded.revoked, der = excluded.der, imported_at = now()
         where excluded.this_update > l.this_update
         returning l.id`,
        [
          found.cert.sha256,
          found.caCode,
          crl.issuer,
          crl.sha256,
          crl.thisUpdate,
          crl.nextUpdate,
          JSON.stringify(crl.revoked.map((r) => ({ serial: r.serial, revokedAt: r.revokedAt.toISOString() }))),
          crl.der.toString('base64'),
        ],
      );
      if (!stored) return undefined;
      // A later statement: it sees certificates a push committed while it waited for the CRL row's lock.
      const revoked = await query<RevokedRow>(
        tx,
        `update certificate c set status = ?, revoked_at = r.revoked_at, version = c.version + 1, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as r(serial text, revoked_at timestamptz), source_system s
         where c.issuer_fingerprint = ? and c.serial = r.serial and c.status = ? and s.id = c.source_system_id
         returning c.*, s.code as source_code`,
        [
          CertificateStatus.REVOKED,
          JSON.stringify(crl.revoked.map((r) => ({ serial: r.serial, revoked_at: r.revokedAt.toISOString() }))),
          found.cert.sha256,
          CertificateStatus.GOOD,
        ],
      );
      const [ca] = await query<{ version: number; name: string; status: CertificateAuthorityPayload['status'] }>(
        tx,
        `update certificate_authority set version = version + 1, updated_at = now() where code = ? returning version, name, status`,
        [found.caCode],
      );
      const changes: NewChange[] = [
        ...revoked
          .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1))
          .map((r) => ({
            topic: CERTIFICATE_TOPIC,
            op: ChangeOp.UPDATE,
            key: r.fingerprint,
            version: r.version,
            data: snapshotOfRow(r),
          })),
        {
          topic: CERTIFICATE_AUTHORITY_TOPIC,
          op: ChangeOp.UPDATE,
          key: found.caCode,
          version: ca.version,
          data: {
            action: 'CRL_IMPORTED',
            code: found.caCode,
            name: ca.name,
            status: ca.status,
            crl: {
              fingerprint: crl.sha256,
              issuer: crl.issuer,
              issuerFingerprint: found.cert.sha256,
              thisUpdate: crl.thisUpdate.toISOString(),
              nextUpdate: crl.nextUpdate?.toISOString() ?? null,
              revokedCount: crl.revoked.length,
            },
            revokedCertificates: revoked.map((r) => r.fingerprint),
          } satisfies CertificateAuthorityPayload,
        },
      ];
      await appendChanges(tx, changes, principal);
      return ca.version;
    });
    Object.assign(result, {
      status: outcome === undefined ? RecordStatus.UNCHANGED : RecordStatus.ACCEPTED,
      version: outcome ?? null,
    });
  }
  return summary(results);
}

function summary(results: RecordResult[]): PushResult {
  const count = (s: RecordStatus) => results.filter((r) => r.status === s).length;
  return {
    accepted: count(RecordStatus.ACCEPTED),
    unchanged: count(RecordStatus.UNCHANGED),
    rejected: count(RecordStatus.REJECTED),
    results,
  };
}
