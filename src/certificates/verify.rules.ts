import { VerdictReason, VerdictStatus } from './certificates.model';
import type { CreditCodeLocation } from './credit-code-locations';
import { MalformedError, isSupportedSignature, parseCertificate, type ParsedCertificate, type Signed } from './x509';

/** A CA certificate of the registry, as verification uses it. */
export interface TrustedCertificate {
  cert: ParsedCertificate;
  caCode: string;
  /** Self-signed: a trust anchor. */
  root: boolean;
  creditCodeLocations: readonly CreditCodeLocation[] | null;
}

/** A CRL the hub holds, by the fingerprint of the CA certificate that signed it. */
export interface HeldCrl {
  thisUpdate: Date;
  nextUpdate: Date | null;
  /** Revoked serial → revocation time. */
  revoked: ReadonlyMap<string, Date>;
}

/** What verification reads: the recognised CAs' certificates and their CRLs. */
export interface TrustView {
  /** CA certificates whose subject has this DER (hex). */
  bySubject(subjectKey: string): readonly TrustedCertificate[];
  crlOf(issuerFingerprint: string): HeldCrl | undefined;
  /** Whether `signed` verifies under the certificate's key (cached by the caller's store). */
  verifies(signed: Signed & { sha256?: string }, issuer: TrustedCertificate): boolean;
}

export interface Reason {
  code: VerdictReason;
  message: string;
}

export interface ChainLink {
  subject: string;
  issuer: string;
  serial: string;
  fingerprint: string;
}

/** The outcome of {@link verifyChain}. */
export interface Verdict {
  status: VerdictStatus;
  reasons: Reason[];
  chain: ChainLink[];
  leaf: ParsedCertificate | null;
  /** The CA whose root anchors the chain. */
  caCode: string | null;
  /** The certificate of the leaf's issuer (for the CRL and the credit-code locations). */
  issuer: TrustedCertificate | null;
}

/** Longest chain followed (leaf to root). */
const MAX_DEPTH = 8;

/** The first status of this list among a verdict's problems is its status. */
const PRECEDENCE: readonly VerdictStatus[] = [
  VerdictStatus.MALFORMED,
  VerdictStatus.UNTRUSTED,
  VerdictStatus.BAD_SIGNATURE,
  VerdictStatus.REVOKED,
  VerdictStatus.EXPIRED,
  VerdictStatus.NOT_YET_VALID,
  VerdictStatus.WRONG_USAGE,
];

const link = (c: ParsedCertificate): ChainLink => ({
  subject: c.subject,
  issuer: c.issuer,
  serial: c.serial,
  fingerprint: c.sha256,
});

/** The candidate issuers of `child`: same name, and the same key identifier when both carry one (RFC 5280 4.2.1.1). */
function candidates(child: ParsedCertificate | Signed, issuerKey: string, aki: string | null, trust: TrustView) {
  return trust
    .bySubject(issuerKey)
    .filter((c) => !aki || !c.cert.subjectKeyId || c.cert.subjectKeyId === aki)
    .filter((c) => c.cert.sha256 !== (child as ParsedCertificate).sha256);
}

/**
 * The issuer of a signed object (certificate or CRL) among the registry's
 * certificates: `found` the one whose key verifies the signature; `named`
 * whether any certificate has the issuer's name at all.
 */
export function findIssuer(
  signed: ParsedCertificate | (Signed & { issuerKey: string; authorityKeyId: string | null }),
  trust: TrustView,
): { found?: TrustedCertificate; named: boolean } {
  const list = candidates(signed, signed.issuerKey, signed.authorityKeyId, trust);
  return { found: list.find((c) => trust.verifies(signed, c)), named: list.length > 0 };
}

/**
 * Verifies a certificate at time `at` (RFC 5280 6.1, as `openssl verify
 * -crl_check` does it): a path through the registry's certificates to a
 * recognised root, each signature on it, each certificate's validity at `at`,
 * the CAs' basic constraints, the leaf's key usage for signing
 * (digitalSignature or nonRepudiation when it has a keyUsage extension), and
 * revocation by the CRL held of each issuer (a revocation dated after `at`
 * does not count; a CRL past its nextUpdate is said, STALE_CRL). Every
 * problem is a reason; the status is the gravest.
 */
export function verifyChain(pem: string, at: Date, trust: TrustView): Verdict {
  const reasons: Reason[] = [];
  const problems = new Set<VerdictStatus>();
  const fail = (status: VerdictStatus, code: VerdictReason, message: string) => {
    problems.add(status);
    reasons.push({ code, message });
  };
  let leaf: ParsedCertificate;
  try {
    leaf = parseCertificate(pem);
  } catch (err) {
    const message = err instanceof MalformedError ? err.message : 'not a certificate';
    return {
      status: VerdictStatus.MALFORMED,
      reasons: [{ code: VerdictReason.MALFORMED, message }],
      chain: [],
      leaf: null,
      caCode: null,
      issuer: null,
    };
  }
  const chain: ParsedCertificate[] = [leaf];
  const issuers: TrustedCertificate[] = [];
  let current = leaf;
  let anchored = false;
  while (chain.length <= MAX_DEPTH) {
    if (!isSupportedSignature(current.signatureOid)) {
      fail(
        VerdictStatus.BAD_SIGNATURE,
        VerdictReason.UNSUPPORTED_ALGORITHM,
        `${current.subject}: signature algorithm ${current.signatureAlgorithm} is not supported`,
      );
      break;
    }
    const { found, named } = findIssuer(current, trust);
    if (!found) {
      if (named)
        fail(
          VerdictStatus.BAD_SIGNATURE,
          VerdictReason.BAD_SIGNATURE,
          `${current.subject}: its signature does not verify under the key of its issuer ${current.issuer}`,
        );
      else
        fail(
          VerdictStatus.UNTRUSTED,
          VerdictReason.NO_PATH,
          `no recognised CA certificate named ${current.issuer} issued ${current.subject}`,
        );
      break;
    }
    issuers.push(found);
    chain.push(found.cert);
    if (found.root) {
      anchored = true;
      break;
    }
    current = found.cert;
  }
  if (!anchored && !problems.size)
    fail(VerdictStatus.UNTRUSTED, VerdictReason.NO_PATH, `no recognised root within ${MAX_DEPTH} certificates`);

  chain.forEach((c, depth) => {
    if (at < c.notBefore)
      fail(
        VerdictStatus.NOT_YET_VALID,
        VerdictReason.NOT_YET_VALID,
        `${c.subject} is valid from ${c.notBefore.toISOString()}`,
      );
    if (at > c.notAfter)
      fail(VerdictStatus.EXPIRED, VerdictReason.EXPIRED, `${c.subject} expired at ${c.notAfter.toISOString()}`);
    if (depth > 0 && (!c.isCa || (c.keyUsage && !c.keyUsage.includes('keyCertSign'))))
      fail(VerdictStatus.WRONG_USAGE, VerdictReason.NOT_A_CA, `${c.subject} is not a CA certificate`);
  });
  if (leaf.keyUsage && !leaf.keyUsage.includes('digitalSignature') && !leaf.keyUsage.includes('nonRepudiation'))
    fail(
      VerdictStatus.WRONG_USAGE,
      VerdictReason.NO_SIGNING_USAGE,
      `${leaf.subject} may not sign: its key usage is ${leaf.keyUsage.join(', ') || 'empty'}`,
    );

  // Revocation of every certificate below the root, by its issuer's CRL.
  issuers.forEach((issuer, i) => {
    const c = chain[i];
    const crl = trust.crlOf(issuer.cert.sha256);
    if (!crl) {
      reasons.push({ code: VerdictReason.NO_CRL, message: `no CRL of ${issuer.cert.subject} is held` });
      return;
    }
    const revokedAt = crl.revoked.get(c.serial);
    if (revokedAt && revokedAt <= at)
      fail(
        VerdictStatus.REVOKED,
        VerdictReason.REVOKED,
        `${c.subject} (serial ${c.serial}) was revoked at ${revokedAt.toISOString()}`,
      );
    if (crl.nextUpdate && at > crl.nextUpdate)
      reasons.push({
        code: VerdictReason.STALE_CRL,
        message: `the CRL of ${issuer.cert.subject} was due for renewal at ${crl.nextUpdate.toISOString()}`,
      });
  });

  const status = PRECEDENCE.find((s) => problems.has(s)) ?? VerdictStatus.VALID;
  return {
    status,
    reasons,
    chain: chain.map(link),
    leaf,
    caCode: issuers.at(-1)?.caCode ?? null,
    issuer: issuers[0] ?? null,
  };
}
