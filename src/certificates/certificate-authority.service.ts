import type { EntityManager } from '@mikro-orm/postgresql';
import { isAdmin, type Principal } from '../auth/principal';
import { ErrorCode, HubError } from '../common/errors';
import { query } from '../common/sql';
import { appendChanges } from '../feed/append';
import { ChangeOp } from '../feed/topics';
import { CertificateAuthorityRow } from './certificate-authority.entity';
import { caCodeProblem, checkCa, type RecognizeCaInput } from './certificate-authority.rules';
import { CaStatus, CERTIFICATE_AUTHORITY_TOPIC } from './certificates.model';

/*
 * The registry of recognised certificate authorities (CA互认), kept by
 * operators. Each change is an event of topic CERTIFICATE_AUTHORITY (key: the
 * CA's code), appended in the transaction that makes it; the trust store of
 * every process reloads when it sees the registry moved.
 */

/** The payload of a CERTIFICATE_AUTHORITY event. */
export interface CertificateAuthorityPayload {
  action: 'RECOGNIZED' | 'WITHDRAWN' | 'CRL_IMPORTED';
  code: string;
  name: string;
  status: CaStatus;
  /** Fingerprints and subjects of its certificates (RECOGNIZED), or the CRL imported (CRL_IMPORTED). */
  [detail: string]: unknown;
}

/** Every CA of the registry, by code (withdrawn ones too). */
export function listCertificateAuthorities(em: EntityManager): Promise<CertificateAuthorityRow[]> {
  return em.find(CertificateAuthorityRow, {}, { orderBy: { code: 'asc' } });
}

function requireAdmin(actor: Principal): void {
  if (!isAdmin(actor)) throw new HubError(ErrorCode.FORBIDDEN, 'only operators (ADMIN) manage the CA registry');
}

/**
 * Recognises a CA (or recognises again one withdrawn, with the certificates
 * given now). BAD_USER_INPUT for a bad bundle; CONFLICT when the code is
 * recognised already, also by a racing operator: the insert's own condition
 * decides.
 */
export async function recognizeCertificateAuthority(
  em: EntityManager,
  actor: Principal,
  input: RecognizeCaInput,
): Promise<CertificateAuthorityRow> {
  requireAdmin(actor);
  const v = checkCa(input);
  if (!v.ok) {
    const [first] = v.errors;
    throw new HubError(ErrorCode.BAD_USER_INPUT, v.errors.map((e) => e.message).join('; '), { field: first.field });
  }
  const ca = v.value;
  return em.transactional(async (tx) => {
    const [row] = await query<{ id: string; version: number }>(
      tx,
      `insert into certificate_authority as a (code, name, status, certificates, crl_distribution_points, credit_code_locations, version, created_at, updated_at)
       values (?, ?, ?, ?::jsonb, ?::text[], ?::jsonb, 1, now(), now())
       on conflict (code) do update set name = excluded.name, status = excluded.status, certificates = excluded.certificates,
         crl_distribution_points = excluded.crl_distribution_points, credit_code_locations = excluded.credit_code_locations,
         version = a.version + 1, updated_at = now()
       where a.status = ?
       returning a.id, a.version`,
      [
        ca.code,
        ca.name,
        CaStatus.RECOGNISED,
        JSON.stringify(ca.certificates),
        `{${ca.crlDistributionPoints.map((p) => JSON.stringify(p)).join(',')}}`,
        ca.creditCodeLocations ? JSON.stringify(ca.creditCodeLocations) : null,
        CaStatus.WITHDRAWN,
      ],
    );
    if (!row) throw new HubError(ErrorCode.CONFLICT, `CA ${ca.code} is recognised already`, { field: 'input.code' });
    await appendChanges(
      tx,
      [
        {
          topic: CERTIFICATE_AUTHORITY_TOPIC,
          op: row.version === 1 ? ChangeOp.CREATE : ChangeOp.UPDATE,
          key: ca.code,
          version: row.version,
          data: {
            action: 'RECOGNIZED',
            code: ca.code,
            name: ca.name,
            status: CaStatus.RECOGNISED,
            certificates: ca.certificates.map((c) => ({
              fingerprint: c.fingerprint,
              subject: c.subject,
              root: c.root,
            })),
            crlDistributionPoints: ca.crlDistributionPoints,
          } satisfies CertificateAuthorityPayload,
        },
      ],
      actor,
    );
    return await tx.findOneOrFail(CertificateAuthorityRow, { id: row.id }, { refresh: true });
  });
}

/**
 * Withdraws recognition: certificates of the CA no longer verify (UNTRUSTED).
 * NOT_FOUND for an unknown code, CONFLICT when withdrawn already (of two
 * racing withdrawals, one succeeds).
 */
export async function withdrawCertificateAuthority(
  em: EntityManager,
  actor: Principal,
  rawCode: string,
): Promise<CertificateAuthorityRow> {
  requireAdmin(actor);
  const code = typeof rawCode === 'string' ? rawCode.trim().toUpperCase() : '';
  const problem = caCodeProblem(code);
  if (problem) throw new HubError(ErrorCode.BAD_USER_INPUT, `code ${problem}`, { field: 'code' });
  return em.transactional(async (tx) => {
    const [row] = await query<{ id: string; version: number; name: string }>(
      tx,
      `update certificate_authority set status = ?, version = version + 1, updated_at = now()
       where code = ? and status = ? returning id, version, name`,
      [CaStatus.WITHDRAWN, code, CaStatus.RECOGNISED],
    );
    if (!row) {
      const exists = await tx.count(CertificateAuthorityRow, { code });
      throw exists
        ? new HubError(ErrorCode.CONFLICT, `CA ${code} is withdrawn already`, { field: 'code' })
        : new HubError(ErrorCode.NOT_FOUND, `no CA ${code} in the registry`, { field: 'code' });
    }
    await appendChanges(
      tx,
      [
        {
          topic: CERTIFICATE_AUTHORITY_TOPIC,
          op: ChangeOp.UPDATE,
          key: code,
          version: row.version,
          data: {
            action: 'WITHDRAWN',
            code,
            name: row.name,
            status: CaStatus.WITHDRAWN,
          } satisfies CertificateAuthorityPayload,
        },
      ],
      actor,
    );
    return await tx.findOneOrFail(CertificateAuthorityRow, { id: row.id }, { refresh: true });
  });
}
