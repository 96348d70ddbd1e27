import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ADMIN } from '../../src/auth/principal';
import { recognizeCertificateAuthority } from '../../src/certificates/certificate-authority.service';
import { verifyCertificate } from '../../src/certificates/certificate.queries';
import { VerdictStatus } from '../../src/certificates/certificates.model';
import { pushCertificateRevocationLists } from '../../src/certificates/crl.service';
import { trustStore } from '../../src/certificates/trust-store';
import { verifyChain } from '../../src/certificates/verify.rules';
import { withCheckChar } from '../../src/common/credit-code';
import { benchOrm, type BenchContext } from '../lib/context';
import { ROOT } from '../lib/env';
import { figure, percentile, type Figure } from '../lib/results';

export interface VerifySize {
  /** verifyCertificate calls timed per chain, one after the other. */
  samples: number;
}

/** Inside every fixture CRL's validity and the good leaves'. */
const AT = new Date('2026-06-01T00:00:00Z');

/**
 * verifyCertificate on a 3-certificate chain (leaf, intermediate, root) with
 * the intermediate's CRL held, SM2 and RSA, the fixtures made by
 * test/fixtures/pki/make-pki.sh with the openssl command. The hub figure is
 * the hub's own function in process (the trust store's freshness check, one
 * statement, then the chain: parse, path, signatures, validity, usage, CRL);
 * the baseline is the chain alone on a trust store already loaded (no
 * database): what the statement adds. Sequential calls; p50 and p99.
 */
export async function verify(ctx: BenchContext, size: VerifySize): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-pki-'));
  const url = await ctx.pg.freshDatabase('bench_verify');
  const orm = await benchOrm(url);
  try {
    ctx.log('verify: building the test PKI with openssl');
    await promisify(execFile)(
      'sh',
      [
        join(ROOT, 'test', 'fixtures', 'pki', 'make-pki.sh'),
        dir,
        withCheckChar('91420100MA4KBENC1'),
        withCheckChar('91420100MA4KBENC2'),
      ],
      { timeout: 300_000 },
    );
    const read = (alg: string, file: string) => readFile(join(dir, alg, file), 'utf8');
    const figures: Figure[] = [];
    for (const alg of ['sm2', 'rsa']) {
      await recognizeCertificateAuthority(orm.em.fork(), ADMIN, {
        code: `BENCH-${alg.toUpperCase()}`,
        name: `bench ${alg}`,
        certificatesPem: (await read(alg, 'root.pem')) + (await read(alg, 'inter.pem')),
      });
      const crl = await pushCertificateRevocationLists(
        orm.em.fork(),
        ADMIN,
        [{ crlPem: await read(alg, 'inter.crl') }],
        10,
      );
      if (crl.accepted !== 1) throw new Error(`verify: the ${alg} CRL was not imported`);
    }
    const em = orm.em.fork();
    for (const alg of ['sm2', 'rsa']) {
      const pem = await read(alg, 'good.pem');
      const first = await verifyCertificate(em, pem, AT);
      if (first.status !== VerdictStatus.VALID || first.chain.length !== 3)
        throw new Error(`verify: the ${alg} chain verifies as ${first.status} (${first.chain.length} certificates)`);
      const time = async (call: () => unknown) => {
        for (let i = 0; i < Math.min(200, size.samples); i++) await call(); // warm caches and plans
        const ms: number[] = [];
        for (let i = 0; i < size.samples; i++) {
          const t0 = performance.now();
          await call();
          ms.push(performance.now() - t0);
        }
        return ms;
      };
      const hub = await time(() => verifyCertificate(em, pem, AT));
      const store = await trustStore(em);
      const base = await time(() => verifyChain(pem, AT, store));
      const params = {
        ...size,
        chain: `${alg} leaf, intermediate, root; the intermediate's CRL held`,
        call: 'verifyCertificate (in process)',
        baseline: 'verifyChain on a loaded trust store (no database)',
      };
      figures.push(
        figure(
          'verify',
          `verifyCertificate ${alg} p50`,
          'ms',
          'lower',
          percentile(hub, 50),
          percentile(base, 50),
          ctx.machine,
          params,
        ),
        figure(
          'verify',
          `verifyCertificate ${alg} p99`,
          'ms',
          'lower',
          percentile(hub, 99),
          percentile(base, 99),
          ctx.machine,
          params,
        ),
      );
    }
    return figures;
  } finally {
    await orm.close(true);
    await rm(dir, { recursive: true, force: true });
  }
}
