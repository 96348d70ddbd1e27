import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../common/sql';
import { CaStatus } from './certificates.model';
import type { CaCertificateData } from './certificate-authority.entity';
import type { CreditCodeLocation } from './credit-code-locations';
import type { HeldCrl, TrustView, TrustedCertificate } from './verify.rules';
import { parseCertificateDer, signerKey, verifySigned, type SignerKey, type Signed } from './x509';

/** Largest number of signature outcomes remembered per store. */
const MAX_REMEMBERED = 50_000;

/**
 * The recognised CAs' certificates and the CRLs held, parsed, with their
 * keys prepared and signature outcomes remembered: what verifyCertificate and
 * the pushes read. A store is immutable; {@link trustStore} replaces it when
 * the registry or a CRL changed (in any process: the stamp is read from the
 * database on each use).
 */
export class TrustStore implements TrustView {
  private readonly subjects = new Map<string, TrustedCertificate[]>();
  private readonly keys = new Map<string, SignerKey>();
  private readonly crls = new Map<string, HeldCrl>();
  private readonly outcomes = new Map<string, boolean>();
  /** Every CA certificate by fingerprint. */
  readonly byFingerprint = new Map<string, TrustedCertificate>();

  constructor(
    readonly stamp: string,
    cas: readonly { code: string; certificates: CaCertificateData[]; locations: CreditCodeLocation[] | null }[],
    crls: readonly {
      issuerFingerprint: string;
      thisUpdate: Date;
      nextUpdate: Date | null;
      revoked: { serial: string; revokedAt: string }[];
    }[],
  ) {
    for (const ca of cas)
      for (const c of ca.certificates) {
        const cert = parseCertificateDer(Buffer.from(c.der, 'base64'));
        const t: TrustedCertificate = { cert, caCode: ca.code, root: c.root, creditCodeLocations: ca.locations };
        this.subjects.set(cert.subjectKey, [...(this.subjects.get(cert.subjectKey) ?? []), t]);
        this.byFingerprint.set(cert.sha256, t);
      }
    for (const crl of crls)
      this.crls.set(crl.issuerFingerprint, {
        thisUpdate: crl.thisUpdate,
        nextUpdate: crl.nextUpdate,
        revoked: new Map(crl.revoked.map((r) => [r.serial, new Date(r.revokedAt)])),
      });
  }

  bySubject(subjectKey: string): readonly TrustedCertificate[] {
    return this.subjects.get(subjectKey) ?? [];
  }

  crlOf(issuerFingerprint: string): HeldCrl | undefined {
    return this.crls.get(issuerFingerprint);
  }

  verifies(signed: Signed & { sha256?: string }, issuer: TrustedCertificate): boolean {
    // The outcome is a function of the signed bytes and the key: remembered by both fingerprints.
    const id = signed.sha256 ? `${issuer.cert.sha256}:${signed.sha256}` : undefined;
    const known = id ? this.outcomes.get(id) : undefined;
    if (known !== undefined) return known;
    let key = this.keys.get(issuer.cert.sha256);
    if (!key) this.keys.set(issuer.cert.sha256, (key = signerKey(issuer.cert)));
    const ok = verifySigned(signed, key);
    if (id) {
      if (this.outcomes.size >= MAX_REMEMBERED) this.outcomes.clear();
      this.outcomes.set(id, ok);
    }
    return ok;
  }
}

let current: Promise<TrustStore> | undefined;

/** What changes whenever the registry or a held CRL does. */
async function readStamp(em: EntityManager): Promise<string> {
  const [row] = await query<{ stamp: string }>(
    em,
    `select (select count(*) || ':' || coalesce(max(version), 0) || ':' || coalesce(max(updated_at)::text, '') from certificate_authority)
      || '/' || (select count(*) || ':' || coalesce(max(imported_at)::text, '') from crl) as stamp`,
    [],
  );
  return row.stamp;
}

async function load(em: EntityManager, stamp: string): Promise<TrustStore> {
  const cas = await query<{
    code: string;
    certificates: CaCertificateData[];
    credit_code_locations: CreditCodeLocation[] | null;
  }>(em, `select code, certificates, credit_code_locations from certificate_authority where status = ? order by code`, [
    CaStatus.RECOGNISED,
  ]);
  const crls = await query<{
    issuer_fingerprint: string;
    this_update: Date;
    next_update: Date | null;
    revoked: { serial: string; revokedAt: string }[];
  }>(
    em,
    `select l.issuer_fingerprint, l.this_update, l.next_update, l.revoked from crl l
     join certificate_authority a on a.code = l.ca_code and a.status = ?`,
    [CaStatus.RECOGNISED],
  );
  return new TrustStore(
    stamp,
    cas.map((c) => ({ code: c.code, certificates: c.certificates, locations: c.credit_code_locations })),
    crls.map((c) => ({
      issuerFingerprint: c.issuer_fingerprint,
      thisUpdate: new Date(c.this_update),
      nextUpdate: c.next_update ? new Date(c.next_update) : null,
      revoked: c.revoked,
    })),
  );
}

/**
 * The trust store as the database holds it now: one cheap statement to read
 * the stamp, and a reload only when it moved. Inside a transaction that has
 * changed the registry, pass `fresh` to read it as that transaction sees it.
 */
export async function trustStore(em: EntityManager, fresh = false): Promise<TrustStore> {
  const stamp = await readStamp(em);
  if (fresh) return load(em, stamp);
  const held = current ? await current.catch(() => undefined) : undefined;
  if (held?.stamp === stamp) return held;
  const next = load(em, stamp);
  current = next;
  return next;
}
