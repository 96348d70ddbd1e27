/**
 * Example: a trading system pushes market entities signed with its
 * certificate's key (non-repudiation, 不可抵赖), so the hub's change log
 * proves which certificate sent them.
 *
 *   npm run build
 *   HUB_API_KEY=… npm run example:signed-push -- --key leaf.key --certificate FINGERPRINT entities.json
 *
 * What to learn from it:
 * - The signature covers the exact bytes of the request body: serialise the
 *   body once, sign those bytes, send those bytes (never re-serialise).
 * - `x-hub-signature` is the signature in base64 (DER-encoded for SM2 and
 *   ECDSA), `x-hub-certificate` the certificate's SHA-256 (or SM3)
 *   fingerprint in hex. The certificate must be one this system pushed
 *   (pushCertificates) and must verify now.
 * - SM2 keys sign with SM3 and the default user ID 1234567812345678
 *   (GM/T 0009), here with sm-crypto-v2; RSA and EC P-256 keys sign with
 *   SHA-256 through Node's crypto.
 * - A refused signature is HTTP 401 UNAUTHENTICATED with a stable
 *   `extensions.reason` (BAD_SIGNATURE, SIGNER_INVALID, SIGNER_NOT_OURS, ...).
 *
 * Environment: HUB_URL (default http://127.0.0.1:4000/graphql), HUB_API_KEY (the system's key).
 * FILE: a JSON array of MarketEntityInput records. Exit status 0 when every record was accepted or unchanged.
 */
import * as asn1js from 'asn1js';
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sm2 } from 'sm-crypto-v2';
import {
  ExampleError,
  bearer,
  formatGraphQLErrors,
  hubEndpoint,
  runExample,
  type HubGraphQLError,
} from './lib/hub-client';

const PUSH = `mutation Push($records: [MarketEntityInput!]!) {
  pushMarketEntities(records: $records) { accepted unchanged rejected results { index key status errors { field code message } } }
}`;

const SM2_CURVE = '1.2.156.10197.1.301';
const SM2_USER_ID = '1234567812345678';

/** The private scalar (hex) of an SM2 key in PKCS#8 PEM (`openssl genpkey -algorithm SM2`); else undefined. */
function sm2PrivateKeyHex(pem: string): string | undefined {
  const m = /-----BEGIN PRIVATE KEY-----([\s\S]*?)-----END PRIVATE KEY-----/.exec(pem);
  if (!m) return undefined;
  const info = asn1js.fromBER(Buffer.from(m[1].replace(/\s/g, ''), 'base64')).result;
  if (!(info instanceof asn1js.Sequence)) return undefined;
  const [, algorithm, key] = info.valueBlock.value;
  const curve = algorithm instanceof asn1js.Sequence ? algorithm.valueBlock.value[1] : undefined;
  if (!(curve instanceof asn1js.ObjectIdentifier) || curve.valueBlock.toString() !== SM2_CURVE) return undefined;
  if (!(key instanceof asn1js.OctetString)) return undefined;
  // ECPrivateKey (RFC 5915): version, then the private key as an OCTET STRING.
  const ec = asn1js.fromBER(key.valueBlock.valueHexView).result;
  const d = ec instanceof asn1js.Sequence ? ec.valueBlock.value[1] : undefined;
  if (!(d instanceof asn1js.OctetString)) return undefined;
  return Buffer.from(d.valueBlock.valueHexView).toString('hex');
}

/** The base64 signature of `body` with the key: SM2/SM3 with the default ID, or SHA-256 (RSA, ECDSA). */
function signBody(body: Buffer, keyPem: string): string {
  const sm2Key = sm2PrivateKeyHex(keyPem);
  if (sm2Key)
    return Buffer.from(
      sm2.doSignature(new Uint8Array(body), sm2Key, { der: true, hash: true, userId: SM2_USER_ID }),
      'hex',
    ).toString('base64');
  return sign('sha256', body, createPrivateKey(keyPem)).toString('base64');
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: { key: { type: 'string' }, certificate: { type: 'string' } },
      allowPositionals: true,
    });
  } catch (err) {
    throw new ExampleError(
      `${(err as Error).message}; usage: signed-push --key KEY.pem --certificate FINGERPRINT FILE.json`,
    );
  }
  const { key, certificate } = args.values;
  const [file] = args.positionals;
  if (!key || !certificate || !file)
    throw new ExampleError('usage: signed-push --key KEY.pem --certificate FINGERPRINT FILE.json');
  const { url, apiKey } = hubEndpoint();
  if (!apiKey) throw new ExampleError('HUB_API_KEY must hold the key of the pushing system');
  const records = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
  // The bytes signed are the bytes sent.
  const body = Buffer.from(JSON.stringify({ query: PUSH, variables: { records } }));
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: bearer(apiKey),
      'x-hub-signature': signBody(body, readFileSync(key, 'utf8')),
      'x-hub-certificate': certificate,
    },
    body,
  });
  const answer = (await res.json()) as {
    data?: {
      pushMarketEntities: {
        accepted: number;
        unchanged: number;
        rejected: number;
        results: { index: number; key: string | null; status: string; errors: { message: string }[] }[];
      };
    };
    errors?: HubGraphQLError[];
  };
  if (answer.errors?.length) {
    const reason = answer.errors[0].extensions?.reason as string | undefined;
    console.log(`refused (HTTP ${res.status}${reason ? `, ${reason}` : ''}): ${formatGraphQLErrors(answer.errors)}`);
    return 3;
  }
  const r = answer.data!.pushMarketEntities;
  console.log(`signed by ${certificate}: ${r.accepted} accepted, ${r.unchanged} unchanged, ${r.rejected} rejected`);
  for (const x of r.results)
    if (x.errors.length) console.log(`  #${x.index} ${x.key ?? ''}: ${x.errors.map((e) => e.message).join('; ')}`);
  return r.rejected ? 3 : 0;
}

runExample('signed-push', main);
