/**
 * Example: a trading system asks the hub whether a bidder's certificate is
 * genuine, valid, not revoked, and whose it is (CA互认).
 *
 *   npm run build
 *   HUB_API_KEY=… npm run example:verify -- cert.pem
 *   HUB_API_KEY=… npm run example:verify -- cert.pem --at 2026-06-01T00:00:00+08:00
 *
 * What to learn from it:
 * - `verifyCertificate` takes the certificate as PEM (or base64 DER) and an
 *   optional time `at`; the hub builds the path to a recognised root from its
 *   CA registry, checks every signature (RSA, ECDSA P-256, SM2 with SM3),
 *   validity at `at`, key usage for signing and the CRLs it holds.
 * - `status` is the gravest problem; `reasons` lists them all with stable
 *   codes (a CRL past its nextUpdate is STALE_CRL, not a failure): branch on
 *   the codes, show the messages.
 * - `marketEntity` is the registry's entity of the credit code the CA put in
 *   the certificate, when the hub holds it.
 * - The exit status is 0 for VALID, 3 for any other verdict.
 *
 * Environment: HUB_URL (default http://127.0.0.1:4000/graphql), HUB_API_KEY (a reader's key).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { graphql } from './gql';
import { ExampleError, execute, hubEndpoint, runExample } from './lib/hub-client';

const VerifyCertificate = graphql(`
  query VerifyCertificate($pem: String!, $at: DateTime) {
    verifyCertificate(pem: $pem, at: $at) {
      status
      reasons {
        code
        message
      }
      chain {
        subject
        serial
        fingerprint
      }
      caCode
      creditCode
      marketEntity {
        name
        status
      }
    }
  }
`);

async function main(): Promise<number> {
  let file: string | undefined;
  let at: string | undefined;
  try {
    const { values, positionals } = parseArgs({ options: { at: { type: 'string' } }, allowPositionals: true });
    [file] = positionals;
    at = values.at;
  } catch (err) {
    throw new ExampleError(`${(err as Error).message}; usage: verify-certificate FILE [--at ISO-TIME]`);
  }
  if (!file) throw new ExampleError('usage: verify-certificate FILE [--at ISO-TIME]');
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ExampleError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const { verifyCertificate: v } = await execute(hubEndpoint(), VerifyCertificate, { pem, at: at ?? null });
  console.log(`${file}: ${v.status}${v.caCode ? ` (CA ${v.caCode})` : ''}`);
  for (const [depth, c] of v.chain.entries()) console.log(`  ${depth}  ${c.subject}  serial ${c.serial}`);
  for (const r of v.reasons) console.log(`  ${r.code}: ${r.message}`);
  if (v.creditCode)
    console.log(
      `  credit code ${v.creditCode}: ${v.marketEntity ? `${v.marketEntity.name} (${v.marketEntity.status})` : 'not in the registry'}`,
    );
  return v.status === 'VALID' ? 0 : 3;
}

runExample('verify-certificate', main);
