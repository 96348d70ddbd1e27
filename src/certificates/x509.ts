import { createHash, createPublicKey, verify as nodeVerify, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  CertificateList,
  CRLDistributionPoints,
  ExtendedKeyUsage,
  KeyUsage,
  KeyUsageFlags,
  Name as AsnName,
  SubjectKeyIdentifier,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_cRLDistributionPoints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
  type Extension,
  type Time,
} from '@peculiar/asn1-x509';
import { Name } from '@peculiar/x509';
import { sm2 } from 'sm-crypto-v2';
import { findCreditCode, type CodeSources, type CreditCodeLocation } from './credit-code-locations';
import { SM2_DEFAULT_USER_ID } from './certificates.model';

/*
 * X.509 certificates and CRLs as the hub reads them: parsed with the
 * @peculiar ASN.1 schemas, the to-be-signed bytes cut from the DER exactly as
 * received (never re-encoded, or a signature over a non-canonical encoding
 * would not verify), signatures checked with Node's crypto (RSA, ECDSA) or
 * sm-crypto-v2 (SM2 with SM3 and the signer's Z value, GM/T 0003).
 */

/** Signature algorithms the hub verifies, by OID. */
const SIGNATURE_ALGORITHMS: Readonly<Record<string, { name: string; kind: 'node' | 'sm2'; hash: string }>> = {
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', kind: 'node', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', kind: 'node', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', kind: 'node', hash: 'sha512' },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', kind: 'node', hash: 'sha256' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', kind: 'node', hash: 'sha384' },
  '1.2.156.10197.1.501': { name: 'SM2-with-SM3', kind: 'sm2', hash: 'sm3' },
};

const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const CURVES: Readonly<Record<string, string>> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.2.156.10197.1.301': 'SM2',
};
const KEY_ALGORITHMS: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.1': 'RSA',
  [EC_PUBLIC_KEY]: 'EC',
  '1.2.156.10197.1.301': 'SM2',
};

/** Names of the key usage bits (RFC 5280 4.2.1.3), in bit order. */
const KEY_USAGES: readonly [KeyUsageFlags, string][] = [
  [KeyUsageFlags.digitalSignature, 'digitalSignature'],
  [KeyUsageFlags.nonRepudiation, 'nonRepudiation'],
  [KeyUsageFlags.keyEncipherment, 'keyEncipherment'],
  [KeyUsageFlags.dataEncipherment, 'dataEncipherment'],
  [KeyUsageFlags.keyAgreement, 'keyAgreement'],
  [KeyUsageFlags.keyCertSign, 'keyCertSign'],
  [KeyUsageFlags.cRLSign, 'cRLSign'],
  [KeyUsageFlags.encipherOnly, 'encipherOnly'],
  [KeyUsageFlags.decipherOnly, 'decipherOnly'],
];

/** What signs and what is signed, as received. */
export interface Signed {
  /** The to-be-signed part, byte for byte. */
  tbs: Buffer;
  /** The signature value (the BIT STRING's bytes). */
  signature: Buffer;
  /** The signature algorithm's OID. */
  signatureOid: string;
}

/** A certificate as the hub reads it. */
export interface ParsedCertificate extends Signed {
  der: Buffer;
  /** SHA-256 of the DER, lower-case hex: the certificate's key in the hub. */
  sha256: string;
  /** SM3 of the DER, lower-case hex. */
  sm3: string;
  /** Serial number, upper-case hex without leading zero bytes (as OpenSSL prints it). */
  serial: string;
  subject: string;
  issuer: string;
  /** DER of the subject and issuer names, hex: what chain building compares. */
  subjectKey: string;
  issuerKey: string;
  notBefore: Date;
  notAfter: Date;
  /** RSA, EC or SM2, with the curve for EC keys: `EC P-256`. */
  keyAlgorithm: string;
  signatureAlgorithm: string;
  /** Names of the key usage bits; null when the certificate has no keyUsage extension (any usage). */
  keyUsage: string[] | null;
  extendedKeyUsage: string[];
  isCa: boolean;
  subjectKeyId: string | null;
  authorityKeyId: string | null;
  crlDistributionPoints: string[];
  /** The subject's SubjectPublicKeyInfo, DER. */
  spki: Buffer;
  /** Texts where a credit code may be (subject attributes, extensions), by OID. */
  codeSources: CodeSources;
}

/** A CRL as the hub reads it. */
export interface ParsedCrl extends Signed {
  der: Buffer;
  sha256: string;
  issuer: string;
  issuerKey: string;
  authorityKeyId: string | null;
  thisUpdate: Date;
  nextUpdate: Date | null;
  /** Revoked serials (upper-case hex) and when. */
  revoked: { serial: string; revokedAt: Date }[];
}

/** Thrown by the parsers for input that is not what it should be; `message` is safe to show. */
export class MalformedError extends Error {}

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * The DER blocks of a text: the PEM blocks of the given labels in order, or,
 * when the text has no PEM armour, the text read as base64 DER.
 */
export function derBlocks(text: string, labels: readonly string[]): Buffer[] {
  const blocks: Buffer[] = [];
  let armoured = false;
  for (const m of text.matchAll(PEM)) {
    armoured = true;
    if (labels.includes(m[1])) blocks.push(base64(m[2]));
  }
  if (!armoured) blocks.push(base64(text));
  return blocks;
}

function base64(text: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (!compact || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0)
    throw new MalformedError('not PEM or base64 DER');
  return Buffer.from(compact, 'base64');
}

/** The first element of the outer SEQUENCE, as encoded, and the third (the signature BIT STRING's bytes). */
function cut(der: Buffer, what: string): { tbs: Buffer; signature: Buffer } {
  const parsed = asn1js.fromBER(new Uint8Array(der));
  if (parsed.offset === -1 || parsed.offset !== der.length || !(parsed.result instanceof asn1js.Sequence))
    throw new MalformedError(`not a DER ${what}`);
  const [tbs, , sig] = parsed.result.valueBlock.value;
  if (!(tbs instanceof asn1js.Sequence) || !(sig instanceof asn1js.BitString))
    throw new MalformedError(`not a ${what}`);
  return {
    tbs: Buffer.from(tbs.valueBeforeDecodeView),
    signature: Buffer.from(sig.valueBlock.valueHexView),
  };
}

const hex = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');

/** A serial as OpenSSL prints it: upper-case hex, no leading zero bytes. */
export function serialHex(bytes: ArrayBuffer | Uint8Array): string {
  const h = hex(bytes)
    .toUpperCase()
    .replace(/^(00)+(?=.)/, '');
  return h.length % 2 ? `0${h}` : h;
}

const timeOf = (t: Time): Date => t.getTime();

function nameText(n: AsnName): string {
  return new Name(AsnConvert.serialize(n)).toString();
}

function attributes(n: AsnName): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const rdn of n) for (const atv of rdn) out.set(atv.type, [...(out.get(atv.type) ?? []), atv.value.toString()]);
  return out;
}

function extensionText(e: Extension): string[] {
  // An extension holding a string (the usual case for a CA's credit-code extension), or a sequence of strings.
  const parsed = asn1js.fromBER(new Uint8Array(e.extnValue.buffer));
  if (parsed.offset === -1) return [];
  const texts: string[] = [];
  const walk = (node: asn1js.AsnType, depth: number) => {
    if (depth > 4) return;
    if (node instanceof asn1js.Sequence || node instanceof asn1js.Set) {
      for (const child of node.valueBlock.value) walk(child, depth + 1);
    } else if ('getValue' in node && typeof (node as { getValue: unknown }).getValue === 'function') {
      const v = (node as { getValue(): unknown }).getValue();
      if (typeof v === 'string') texts.push(v);
    } else if (node instanceof asn1js.OctetString) {
      texts.push(Buffer.from(node.valueBlock.valueHexView).toString('utf8'));
    }
  };
  walk(parsed.result, 0);
  return texts;
}

function keyAlgorithm(spkiAlg: { algorithm: string; parameters?: ArrayBuffer | null }): string {
  const base = KEY_ALGORITHMS[spkiAlg.algorithm] ?? spkiAlg.algorithm;
  if (spkiAlg.algorithm !== EC_PUBLIC_KEY || !spkiAlg.parameters) return base;
  const p = asn1js.fromBER(new Uint8Array(spkiAlg.parameters));
  const curve = p.result instanceof asn1js.ObjectIdentifier ? p.result.valueBlock.toString() : '';
  return CURVES[curve] === 'SM2' ? 'SM2' : `EC ${CURVES[curve] ?? curve}`;
}

/** Parses one certificate from its DER; MalformedError when it is not one. */
export function parseCertificateDer(der: Buffer): ParsedCertificate {
  const { tbs, signature } = cut(der, 'certificate');
  let cert: Certificate;
  try {
    cert = AsnConvert.parse(der, Certificate);
  } catch {
    throw new MalformedError('not an X.509 certificate');
  }
  const t = cert.tbsCertificate;
  const ext = new Map((t.extensions ?? []).map((e) => [e.extnID, e]));
  const parse = <T>(id: string, type: new () => T): T | undefined => {
    const e = ext.get(id);
    if (!e) return undefined;
    try {
      return AsnConvert.parse(e.extnValue.buffer, type);
    } catch {
      throw new MalformedError(`its extension ${id} cannot be read`);
    }
  };
  const ku = parse(id_ce_keyUsage, KeyUsage);
  const usage = ku?.toNumber();
  const aki = parse(id_ce_authorityKeyIdentifier, AuthorityKeyIdentifier);
  const ski = parse(id_ce_subjectKeyIdentifier, SubjectKeyIdentifier);
  const cdp = parse(id_ce_cRLDistributionPoints, CRLDistributionPoints) ?? [];
  const spki = Buffer.from(AsnConvert.serialize(t.subjectPublicKeyInfo));
  const extensions = new Map<string, string[]>();
  for (const e of t.extensions ?? []) extensions.set(e.extnID, extensionText(e));
  return {
    der,
    tbs,
    signature,
    signatureOid: cert.signatureAlgorithm.algorithm,
    sha256: createHash('sha256').update(der).digest('hex'),
    sm3: createHash('sm3').update(der).digest('hex'),
    serial: serialHex(t.serialNumber),
    subject: nameText(t.subject),
    issuer: nameText(t.issuer),
    subjectKey: hex(AsnConvert.serialize(t.subject)),
    issuerKey: hex(AsnConvert.serialize(t.issuer)),
    notBefore: timeOf(t.validity.notBefore),
    notAfter: timeOf(t.validity.notAfter),
    keyAlgorithm: keyAlgorithm(t.subjectPublicKeyInfo.algorithm),
    signatureAlgorithm:
      SIGNATURE_ALGORITHMS[cert.signatureAlgorithm.algorithm]?.name ?? cert.signatureAlgorithm.algorithm,
    keyUsage: usage === undefined ? null : KEY_USAGES.filter(([bit]) => usage & bit).map(([, name]) => name),
    extendedKeyUsage: [...(parse(id_ce_extKeyUsage, ExtendedKeyUsage) ?? [])],
    isCa: parse(id_ce_basicConstraints, BasicConstraints)?.cA ?? false,
    subjectKeyId: ski ? hex(ski.buffer) : null,
    authorityKeyId: aki?.keyIdentifier ? hex(aki.keyIdentifier.buffer) : null,
    crlDistributionPoints: cdp.flatMap((dp) =>
      (dp.distributionPoint?.fullName ?? []).flatMap((g) =>
        g.uniformResourceIdentifier ? [g.uniformResourceIdentifier] : [],
      ),
    ),
    spki,
    codeSources: { attributes: attributes(t.subject), extensions },
  };
}

/** Parses a certificate pushed or asked about as PEM or base64 DER (exactly one certificate). */
export function parseCertificate(text: string): ParsedCertificate {
  const blocks = derBlocks(text, ['CERTIFICATE']);
  if (blocks.length !== 1) throw new MalformedError(`expected one certificate, found ${blocks.length}`);
  return parseCertificateDer(blocks[0]);
}

/** Parses every certificate of a PEM bundle (a CA's root and intermediates). */
export function parseCertificates(text: string): ParsedCertificate[] {
  const blocks = derBlocks(text, ['CERTIFICATE']);
  if (!blocks.length) throw new MalformedError('no certificate found');
  return blocks.map(parseCertificateDer);
}

/** Parses one CRL (PEM `X509 CRL` or base64 DER). */
export function parseCrl(text: string): ParsedCrl {
  const blocks = derBlocks(text, ['X509 CRL']);
  if (blocks.length !== 1) throw new MalformedError(`expected one CRL, found ${blocks.length}`);
  const der = blocks[0];
  const { tbs, signature } = cut(der, 'CRL');
  let crl: CertificateList;
  try {
    crl = AsnConvert.parse(der, CertificateList);
  } catch {
    throw new MalformedError('not an X.509 CRL');
  }
  const t = crl.tbsCertList;
  const akiExt = (t.crlExtensions ?? []).find((e) => e.extnID === id_ce_authorityKeyIdentifier);
  let authorityKeyId: string | null = null;
  if (akiExt) {
    const aki = AsnConvert.parse(akiExt.extnValue.buffer, AuthorityKeyIdentifier);
    authorityKeyId = aki.keyIdentifier ? hex(aki.keyIdentifier.buffer) : null;
  }
  return {
    der,
    tbs,
    signature,
    signatureOid: crl.signatureAlgorithm.algorithm,
    sha256: createHash('sha256').update(der).digest('hex'),
    issuer: nameText(t.issuer),
    issuerKey: hex(AsnConvert.serialize(t.issuer)),
    authorityKeyId,
    thisUpdate: timeOf(t.thisUpdate),
    nextUpdate: t.nextUpdate ? timeOf(t.nextUpdate) : null,
    revoked: (t.revokedCertificates ?? []).map((r) => ({
      serial: serialHex(r.userCertificate),
      revokedAt: timeOf(r.revocationDate),
    })),
  };
}

/** The credit code of a certificate's subject at the given locations, or null. */
export function creditCodeOf(cert: ParsedCertificate, locations: readonly CreditCodeLocation[]): string | null {
  return findCreditCode(cert.codeSources, locations);
}

/** A signer's public key, prepared once for repeated verification. */
export interface SignerKey {
  algorithm: string;
  /** Node's key object (RSA, ECDSA), or the SM2 point (precomputed for repeated verification). */
  node?: KeyObject;
  sm2Point?: ReturnType<typeof sm2.precomputePublicKey>;
}

/** Prepares an issuer's key for {@link verifySigned}. */
export function signerKey(cert: Pick<ParsedCertificate, 'spki' | 'keyAlgorithm'>): SignerKey {
  if (cert.keyAlgorithm === 'SM2') {
    const spki = asn1js.fromBER(new Uint8Array(cert.spki));
    const point = (spki.result as asn1js.Sequence).valueBlock.value[1] as asn1js.BitString;
    // An issuer signs many certificates: its point's multiples are computed once (sm-crypto-v2's window table).
    const hex = Buffer.from(point.valueBlock.valueHexView).toString('hex');
    try {
      return { algorithm: 'SM2', sm2Point: sm2.precomputePublicKey(hex) };
    } catch {
      return { algorithm: 'SM2' };
    }
  }
  try {
    return { algorithm: cert.keyAlgorithm, node: createPublicKey({ key: cert.spki, format: 'der', type: 'spki' }) };
  } catch {
    return { algorithm: cert.keyAlgorithm };
  }
}

/**
 * True when `signed` carries a valid signature by `key`; false for a wrong
 * signature, an unsupported algorithm or a key of another kind (the caller
 * tells them apart with {@link isSupportedSignature}).
 */
export function verifySigned(signed: Signed, key: SignerKey): boolean {
  const alg = SIGNATURE_ALGORITHMS[signed.signatureOid];
  if (!alg) return false;
  try {
    if (alg.kind === 'sm2') {
      if (!key.sm2Point) return false;
      return sm2.doVerifySignature(new Uint8Array(signed.tbs), signed.signature.toString('hex'), key.sm2Point, {
        der: true,
        hash: true,
        userId: SM2_DEFAULT_USER_ID,
      });
    }
    if (!key.node) return false;
    return nodeVerify(alg.hash, signed.tbs, key.node, signed.signature);
  } catch {
    return false;
  }
}

/** True when the hub can check signatures of this algorithm. */
export function isSupportedSignature(oid: string): boolean {
  return oid in SIGNATURE_ALGORITHMS;
}
