import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RECORD_READERS, Role } from '../../src/auth/principal';
import { certificatesFamily } from '../../src/certificates';
import type { CertificateAuthorityRow } from '../../src/certificates/certificate-authority.entity';
import {
  listCertificateAuthorities,
  recognizeCertificateAuthority,
  withdrawCertificateAuthority,
} from '../../src/certificates/certificate-authority.service';
import type { CertificateRow } from '../../src/certificates/certificate.entity';
import { pushCertificates } from '../../src/certificates/certificate.push';
import {
  crlsOfCas,
  findCertificate,
  listCertificates,
  verifyCertificate,
} from '../../src/certificates/certificate.queries';
import { CERTIFICATE_TOPIC } from '../../src/certificates/certificates.model';
import { pushCertificateRevocationLists } from '../../src/certificates/crl.service';
import type { MarketEntityRow } from '../../src/market';
import { pushOptions } from '../common/push-options';
import { PushResult } from '../common/push-result.type';
import { DateTimeScalar } from '../common/scalars';
import type { HubContext } from '../context';
import { MarketEntity } from '../market';
import { CertificateInput, CertificatesArgs, CrlInput, RecognizeCertificateAuthorityInput } from './certificate.input';
import { Certificate, CertificateAuthority, CertificateConnection, CertificateVerdict } from './certificate.type';

const loaders = (ctx: HubContext) => ctx.loaders.of(certificatesFamily);

function certificateView(row: CertificateRow): Certificate {
  const b64 = row.der.match(/.{1,64}/g) ?? [];
  return Object.assign(row as unknown as Certificate, {
    pem: `-----BEGIN CERTIFICATE-----\n${b64.join('\n')}\n-----END CERTIFICATE-----\n`,
    keyUsage: row.keyUsage ?? null,
    revokedAt: row.revokedAt ?? null,
    externalId: row.externalId ?? null,
  });
}

async function caViews(ctx: HubContext, rows: CertificateAuthorityRow[]): Promise<CertificateAuthority[]> {
  const crls = await crlsOfCas(
    ctx.em,
    rows.map((r) => r.code),
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    status: r.status,
    certificates: r.certificates.map((c) => ({
      fingerprint: c.fingerprint,
      subject: c.subject,
      issuer: c.issuer,
      serial: c.serial,
      notBefore: new Date(c.notBefore),
      notAfter: new Date(c.notAfter),
      root: c.root,
    })),
    crlDistributionPoints: r.crlDistributionPoints,
    crls: crls
      .filter((l) => l.caCode === r.code)
      .map((l) => ({
        fingerprint: l.fingerprint,
        issuer: l.issuer,
        issuerFingerprint: l.issuerFingerprint,
        thisUpdate: l.thisUpdate,
        nextUpdate: l.nextUpdate ?? null,
        revokedCount: l.revoked.length,
        importedAt: l.importedAt,
      })),
    version: r.version,
    updatedAt: r.updatedAt,
  }));
}

/** The CA registry (operators), CRL imports, certificate pushes, reads and verification. */
@Resolver(() => Certificate)
export class CertificateResolver {
  @Authorized(...RECORD_READERS)
  @Query(() => [CertificateAuthority], { description: 'The certificate authorities of the registry, by code.' })
  async certificateAuthorities(@Ctx() ctx: HubContext): Promise<CertificateAuthority[]> {
    return caViews(ctx, await listCertificateAuthorities(ctx.em));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CertificateAuthority, {
    description:
      'Recognises a certificate authority with its root and intermediate certificates (ADMIN); an event of topic CERTIFICATE_AUTHORITY.',
  })
  async recognizeCertificateAuthority(
    @Arg('input', () => RecognizeCertificateAuthorityInput) input: RecognizeCertificateAuthorityInput,
    @Ctx() ctx: HubContext,
  ): Promise<CertificateAuthority> {
    const [view] = await caViews(ctx, [await recognizeCertificateAuthority(ctx.em, ctx.principal, input)]);
    return view;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CertificateAuthority, {
    description:
      'Withdraws recognition of a CA (ADMIN): its certificates verify as UNTRUSTED from now on; an event of topic CERTIFICATE_AUTHORITY.',
  })
  async withdrawCertificateAuthority(
    @Arg('code', () => String) code: string,
    @Ctx() ctx: HubContext,
  ): Promise<CertificateAuthority> {
    const [view] = await caViews(ctx, [await withdrawCertificateAuthority(ctx.em, ctx.principal, code)]);
    return view;
  }

  @Authorized(Role.ADMIN, Role.SOURCE_SYSTEM)
  @Mutation(() => PushResult, {
    description:
      "Imports CRLs (operators, or a CA's system granted topic CERTIFICATE_AUTHORITY). Each CRL's signature is checked against its recognised issuer first; the certificates it revokes become REVOKED, each an UPDATE event of topic CERTIFICATE.",
  })
  pushCertificateRevocationLists(
    @Arg('records', () => [CrlInput]) records: CrlInput[],
    @Ctx() ctx: HubContext,
  ): Promise<PushResult> {
    return pushCertificateRevocationLists(ctx.em, ctx.principal, records, ctx.services.config.maxBatch);
  }

  @Authorized(Role.SOURCE_SYSTEM)
  @Mutation(() => PushResult, {
    description:
      'Pushes subject certificates (PEM or base64 DER), each bound to the market entity of its credit code; per-record results, idempotent, topic CERTIFICATE.',
  })
  pushCertificates(
    @Arg('records', () => [CertificateInput]) records: CertificateInput[],
    @Ctx() ctx: HubContext,
  ): Promise<PushResult> {
    return pushCertificates(ctx.em, ctx.principal, records, pushOptions(ctx, CERTIFICATE_TOPIC));
  }

  @Authorized(...RECORD_READERS)
  @Query(() => Certificate, { nullable: true, description: 'One certificate by its SHA-256 fingerprint (hex).' })
  async certificate(
    @Arg('fingerprint', () => String) fingerprint: string,
    @Ctx() ctx: HubContext,
  ): Promise<Certificate | null> {
    const row = await findCertificate(ctx.em, fingerprint);
    return row ? certificateView(row) : null;
  }

  @Authorized(...RECORD_READERS)
  @Query(() => CertificateConnection, { description: 'Certificates, filtered, newest change first, a page at a time.' })
  async certificates(
    @Args(() => CertificatesArgs) args: CertificatesArgs,
    @Ctx() ctx: HubContext,
  ): Promise<CertificateConnection> {
    const page = await listCertificates(ctx.em, args, ctx.services.config.maxPage);
    return {
      edges: page.nodes.map((node, i) => ({ node: certificateView(node), cursor: page.cursors[i] })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      count: page.totalCount,
    };
  }

  @Authorized(...RECORD_READERS)
  @Query(() => CertificateVerdict, {
    description:
      'Verifies a certificate (PEM or base64 DER) at `at` (default now): a path to a recognised root, each signature (RSA, ECDSA P-256, SM2 with SM3), validity, key usage for signing, revocation by the CRLs held.',
  })
  async verifyCertificate(
    @Arg('pem', () => String) pem: string,
    @Arg('at', () => DateTimeScalar, { nullable: true }) at: Date | null,
    @Ctx() ctx: HubContext,
  ): Promise<CertificateVerdict> {
    const v = await verifyCertificate(ctx.em, pem, at ?? new Date());
    return { status: v.status, reasons: v.reasons, chain: v.chain, caCode: v.caCode, creditCode: v.creditCode };
  }

  @FieldResolver(() => MarketEntity, { nullable: true, description: 'The market entity the certificate is bound to.' })
  marketEntity(@Root() row: Certificate, @Ctx() ctx: HubContext): Promise<MarketEntityRow | undefined> {
    return loaders(ctx).marketEntityByCreditCode.load(row.creditCode);
  }
}

@Resolver(() => CertificateVerdict)
export class CertificateVerdictResolver {
  @FieldResolver(() => MarketEntity, {
    nullable: true,
    description: 'The market entity of the credit code the certificate carries, when the hub holds it.',
  })
  async marketEntity(@Root() v: CertificateVerdict, @Ctx() ctx: HubContext): Promise<MarketEntityRow | null> {
    return v.creditCode ? ((await loaders(ctx).marketEntityByCreditCode.load(v.creditCode)) ?? null) : null;
  }
}

@Resolver(() => CertificateConnection)
export class CertificateConnectionResolver {
  @FieldResolver(() => Int, {
    description: 'Number of certificates matching the filter (counted only when asked for).',
  })
  totalCount(@Root() conn: CertificateConnection): Promise<number> {
    return conn.count();
  }
}

/** MarketEntity.certificates: contributed by this family to the market family's type. */
@Resolver(() => MarketEntity)
export class MarketEntityCertificatesResolver {
  @FieldResolver(() => [Certificate], {
    description: 'The certificates bound to the entity (its credit code), newest expiry first.',
  })
  async certificates(@Root() row: MarketEntityRow, @Ctx() ctx: HubContext): Promise<Certificate[]> {
    return (await loaders(ctx).certificatesByCreditCode.load(row.creditCode)).map(certificateView);
  }
}
