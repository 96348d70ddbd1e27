import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode, HubError } from '../common/errors';
import { decodeCursor, encodeCursor, pageSize, type Page } from '../common/pagination';
import { isStorableText } from '../common/storable';
import { CertificateRow } from './certificate.entity';
import { CrlRow } from './crl.entity';
import { normaliseFingerprint } from './certificate.rules';
import { CertificateStatus } from './certificates.model';
import { DEFAULT_CREDIT_CODE_LOCATIONS } from './credit-code-locations';
import { trustStore } from './trust-store';
import { creditCodeOf } from './x509';
import { verifyChain, type Verdict } from './verify.rules';

/** One certificate by SHA-256 fingerprint (hex, colons and case ignored); null when not held. */
export async function findCertificate(em: EntityManager, fingerprint: string): Promise<CertificateRow | null> {
  const f = normaliseFingerprint(fingerprint);
  return f ? em.findOne(CertificateRow, { fingerprint: f }) : null;
}

/** Filter of the certificates connection. */
export interface CertificateFilter {
  creditCode?: string | null;
  caCode?: string | null;
  status?: CertificateStatus | null;
  serial?: string | null;
}

/**
 * Certificates matching the filter, newest change first (updatedAt, id), a
 * page at a time; each filter has an index.
 */
export async function listCertificates(
  em: EntityManager,
  args: { filter?: CertificateFilter | null; first?: number | null; after?: string | null },
  maxPage: number,
): Promise<Page<CertificateRow>> {
  const limit = pageSize(args.first, maxPage);
  const f = args.filter ?? {};
  const where: Record<string, unknown> = {};
  if (f.creditCode) where.creditCode = f.creditCode.trim().toUpperCase();
  if (f.caCode) where.caCode = f.caCode.trim().toUpperCase();
  if (f.status) where.status = f.status;
  if (f.serial) where.serial = f.serial.trim().toUpperCase();
  for (const v of Object.values(where))
    if (typeof v === 'string' && (v.length > 200 || !isStorableText(v)))
      throw new HubError(ErrorCode.BAD_USER_INPUT, 'a filter value is too long or not text', { field: 'filter' });
  const filtered = { ...where };
  if (args.after) {
    const [updatedAt, id] = decodeCursor(args.after, ['time', 'id']) as [string, string];
    where.$or = [{ updatedAt: { $lt: new Date(updatedAt) } }, { updatedAt: new Date(updatedAt), id: { $lt: id } }];
  }
  const rows = await em.find(CertificateRow, where, { orderBy: { updatedAt: 'desc', id: 'desc' }, limit: limit + 1 });
  const nodes = rows.slice(0, limit);
  return {
    nodes,
    cursors: nodes.map((n) => encodeCursor([n.updatedAt.toISOString(), n.id])),
    hasNextPage: rows.length > limit,
    totalCount: () => em.count(CertificateRow, filtered),
  };
}

/** Certificates bound to each of the credit codes, newest first (one statement for all). */
export function certificatesByCreditCodes(em: EntityManager, codes: readonly string[]): Promise<CertificateRow[]> {
  return em.find(
    CertificateRow,
    { creditCode: { $in: [...codes] } },
    { orderBy: { creditCode: 'asc', notAfter: 'desc', id: 'desc' } },
  );
}

/**
 * Verifies a certificate at `at` against the registry and the CRLs held (see
 * verifyChain), and reads its credit code where its CA puts it.
 */
export async function verifyCertificate(
  em: EntityManager,
  pem: string,
  at: Date,
): Promise<Verdict & { creditCode: string | null }> {
  const verdict = verifyChain(pem, at, await trustStore(em));
  const locations = verdict.issuer?.creditCodeLocations ?? DEFAULT_CREDIT_CODE_LOCATIONS;
  return { ...verdict, creditCode: verdict.leaf ? creditCodeOf(verdict.leaf, locations) : null };
}

/** The CRLs held of the given CAs' certificates (one statement). */
export function crlsOfCas(em: EntityManager, codes: readonly string[]): Promise<CrlRow[]> {
  return em.find(CrlRow, { caCode: { $in: [...codes] } }, { orderBy: { caCode: 'asc', issuer: 'asc' } });
}
