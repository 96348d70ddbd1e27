import { readFile } from 'node:fs/promises';
import { code, CHANGES, PUSH, type ChangeEventData } from '../setup/data';
import { ADMIN_KEY, collect, startTestHub, type TestHub } from '../setup/hub';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hubCommand } from '../setup/cli';
import { parties, project, push } from '../setup/trading';
import {
  ALGORITHMS,
  makeMiniCa,
  LEAVES,
  makePki,
  openssl,
  sm2SignatureHolds,
  verdictOfVerify,
  SM2_ID,
  type Alg,
  type TestPki,
} from '../setup/pki';
import { updateGrants } from '../../src/auth/admin.service';
import { ADMIN } from '../../src/auth/principal';

/*
 * CA certificates and mutual recognition (CA互认) against an independent
 * oracle: hierarchies built with `openssl ca` (RSA, EC P-256, SM2), every
 * case judged by the hub and by OpenSSL, which must agree.
 */

const ENTITY = code('MA4KCERT1');
const STRANGER = code('MA4KCERT2');
/** The time every verdict is asked for: inside every CRL's validity, the good leaves' too. */
const AT = '2026-06-01T00:00:00Z';
/** A year later: the CRLs are past their nextUpdate. */
const LATER = '2027-06-01T00:00:00Z';
const epoch = (iso: string) => String(Date.parse(iso) / 1000);

const RECOGNIZE = `mutation($input: RecognizeCertificateAuthorityInput!) {
  recognizeCertificateAuthority(input: $input) { code name status version certificates { fingerprint subject root } }
}`;
const WITHDRAW = 'mutation($code: String!) { withdrawCertificateAuthority(code: $code) { code status version } }';
const CAS = '{ certificateAuthorities { code status crls { issuer thisUpdate nextUpdate revokedCount } } }';
const PUSH_CRLS = `mutation($r: [CrlInput!]!) {
  pushCertificateRevocationLists(records: $r) { accepted unchanged rejected results { status key errors { field code message rule } } }
}`;
const PUSH_CERTS = `mutation($r: [CertificateInput!]!) {
  pushCertificates(records: $r) { accepted unchanged rejected results { index status key version errors { field code message rule } } }
}`;
const VERIFY = `query($pem: String!, $at: DateTime) {
  verifyCertificate(pem: $pem, at: $at) {
    status reasons { code message } caCode creditCode
    chain { subject issuer serial fingerprint }
    marketEntity { creditCode name }
  }
}`;

interface Verdict {
  status: string;
  reasons: { code: string; message: string }[];
  caCode: string | null;
  creditCode: string | null;
  chain: { subject: string; issuer: string; serial: string; fingerprint: string }[];
  marketEntity: { creditCode: string; name: string } | null;
}
interface PushOut {
  accepted: number;
  unchanged: number;
  rejected: number;
  results: {
    index: number;
    status: string;
    key: string | null;
    version: number | null;
    errors: { field: string; code: string; message: string; rule: string | null }[];
  }[];
}

describe('CA certificates (CA互认)', () => {
  let pki: TestPki;
  let t: TestHub;
  let system: string;

  beforeAll(async () => {
    pki = await makePki(ENTITY, STRANGER);
    t = await startTestHub();
    system = await t.system('CERT-SYS');
    await updateGrants(
      t.hub.services.orm.em.fork(),
      ADMIN,
      'CERT-SYS',
      { writeTopics: ['MARKET_ENTITY', 'CERTIFICATE', 'TRADING_PROJECT', 'BID'] },
      t.hub.services.registry,
    );
    const r = await t.gql(
      PUSH,
      { records: [{ creditCode: ENTITY, name: '证书测试有限公司', regionCode: '420102' }] },
      system,
    );
    expect(r.errors).toBeUndefined();
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
    await pki?.remove();
  });

  const bundle = async (alg: Alg) => (await pki.read(alg, 'root.pem')) + (await pki.read(alg, 'inter.pem'));
  const verify = async (pem: string, at = AT) => {
    const r = await t.gql<{ verifyCertificate: Verdict }>(VERIFY, { pem, at }, system);
    expect(r.errors).toBeUndefined();
    return r.data!.verifyCertificate;
  };
  const pushCrls = async (crls: string[], key = ADMIN_KEY) => {
    const r = await t.gql<{ pushCertificateRevocationLists: PushOut }>(
      PUSH_CRLS,
      { r: crls.map((crlPem) => ({ crlPem })) },
      key,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.pushCertificateRevocationLists;
  };
  const pushCerts = async (pems: string[]) => {
    const r = await t.gql<{ pushCertificates: PushOut }>(PUSH_CERTS, { r: pems.map((pem) => ({ pem })) }, system);
    expect(r.errors).toBeUndefined();
    return r.data!.pushCertificates;
  };
  const events = (topic: string) =>
    t.hub.services.orm.em
      .fork()
      .execute<{ op: string; key: string; version: number; data: Record<string, unknown> }[]>(
        'select op, key, version, data from change_event where topic = ? order by seq',
        [topic],
      );

  describe('the CA registry', () => {
    it('recognises a CA with its root and intermediate, as an event of topic CERTIFICATE_AUTHORITY', async () => {
      for (const alg of ALGORITHMS) {
        const r = await t.gql<{
          recognizeCertificateAuthority: { code: string; status: string; certificates: { root: boolean }[] };
        }>(
          RECOGNIZE,
          { input: { code: `TEST-${alg.toUpperCase()}`, name: `${alg} test CA`, certificatesPem: await bundle(alg) } },
          ADMIN_KEY,
        );
        expect(r.errors).toBeUndefined();
        expect(r.data!.recognizeCertificateAuthority).toMatchObject({
          code: `TEST-${alg.toUpperCase()}`,
          status: 'RECOGNISED',
        });
        expect(r.data!.recognizeCertificateAuthority.certificates.map((c) => c.root)).toEqual([true, false]);
      }
      const log = await events('CERTIFICATE_AUTHORITY');
      expect(log.map((e) => [e.op, e.key, e.data.action])).toEqual([
        ['CREATE', 'TEST-RSA', 'RECOGNIZED'],
        ['CREATE', 'TEST-EC', 'RECOGNIZED'],
        ['CREATE', 'TEST-SM2', 'RECOGNIZED'],
      ]);
    });

    it('refuses a second recognition, a bundle without a root, and anyone but an operator', async () => {
      const again = await t.gql(
        RECOGNIZE,
        { input: { code: 'TEST-RSA', name: 'x', certificatesPem: await bundle('rsa') } },
        ADMIN_KEY,
      );
      expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
      const noRoot = await t.gql(
        RECOGNIZE,
        { input: { code: 'NO-ROOT', name: 'x', certificatesPem: await pki.read('rsa', 'inter.pem') } },
        ADMIN_KEY,
      );
      expect(noRoot.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.certificatesPem' });
      const bySystem = await t.gql(
        RECOGNIZE,
        { input: { code: 'SYS', name: 'x', certificatesPem: await bundle('rsa') } },
        system,
      );
      expect(bySystem.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('of two operators recognising the same CA at once, exactly one succeeds', async () => {
      const input = { code: 'RACE', name: 'race CA', certificatesPem: await bundle('ec') };
      const [a, b] = await Promise.all([
        t.gql(RECOGNIZE, { input }, ADMIN_KEY),
        t.gql(RECOGNIZE, { input }, ADMIN_KEY),
      ]);
      const codes = [a, b].map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      const [w1, w2] = await Promise.all([
        t.gql(WITHDRAW, { code: 'RACE' }, ADMIN_KEY),
        t.gql(WITHDRAW, { code: 'RACE' }, ADMIN_KEY),
      ]);
      expect([w1, w2].map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
      const log = (await events('CERTIFICATE_AUTHORITY')).filter((e) => e.key === 'RACE');
      expect(log.map((e) => [e.op, e.version, e.data.action])).toEqual([
        ['CREATE', 1, 'RECOGNIZED'],
        ['UPDATE', 2, 'WITHDRAWN'],
      ]);
    });
  });

  describe('CRLs', () => {
    it('imports each CA certificate’s CRL after checking its signature, and refuses a tampered one', async () => {
      for (const alg of ALGORITHMS) {
        const ok = await pushCrls([await pki.read(alg, 'root.crl'), await pki.read(alg, 'inter.crl')]);
        expect(ok).toMatchObject({ accepted: 2, rejected: 0 });
        const bad = await pushCrls([await pki.read(alg, 'bad-inter.crl'), 'not a CRL']);
        expect(bad.results.map((r) => [r.status, r.errors[0]?.rule ?? r.errors[0]?.code])).toEqual([
          ['REJECTED', 'BAD_SIGNATURE'],
          ['REJECTED', 'BAD_USER_INPUT'],
        ]);
        const again = await pushCrls([await pki.read(alg, 'inter.crl')]);
        expect(again.unchanged).toBe(1);
      }
      const cas = await t.gql<{
        certificateAuthorities: { code: string; crls: { revokedCount: number; nextUpdate: string }[] }[];
      }>(CAS, {}, system);
      const sm2 = cas.data!.certificateAuthorities.find((c) => c.code === 'TEST-SM2')!;
      expect(sm2.crls.map((c) => c.revokedCount).sort()).toEqual([0, 1]);
      expect(sm2.crls[0].nextUpdate).toBe('2027-01-01T00:00:00.000Z');
    });

    it('refuses a CRL from a system not granted CERTIFICATE_AUTHORITY', async () => {
      const r = await pushCrls([await pki.read('rsa', 'inter.crl')], system);
      expect(r.results[0].errors[0].code).toBe('FORBIDDEN');
    });
  });

  describe('agreement with OpenSSL', () => {
    /** OpenSSL's verdict on an RSA or EC leaf: `openssl verify -crl_check` over the whole chain. */
    async function opensslWhole(alg: Alg, leaf: string, at: string, crl = 'inter.crl'): Promise<string> {
      const r = await openssl([
        'verify',
        '-crl_check',
        '-attime',
        epoch(at),
        '-purpose',
        'smimesign',
        '-CAfile',
        pki.path(alg, 'root.pem'),
        '-untrusted',
        pki.path(alg, 'inter.pem'),
        '-CRLfile',
        pki.path(alg, crl),
        pki.path(alg, leaf),
      ]);
      return verdictOfVerify(r.out, r.ok);
    }

    /**
     * OpenSSL's verdict on an SM2 leaf, link by link (OpenSSL 3.0 applies the
     * SM2 ID only at depth 0 and cannot check an SM2 CRL): each signature with
     * `pkeyutl -rawin -digest sm3 -pkeyopt distid:…`, each certificate's time
     * and purpose with `verify -partial_chain` against its issuer, the CRL's
     * signature with pkeyutl and its entries with `crl -text`.
     */
    async function opensslSm2(leaf: string, at: string, crl = 'inter.crl'): Promise<string> {
      const file = pki.path('sm2', leaf);
      const parsed = await openssl(['x509', '-in', file, '-noout', '-issuer', '-serial']);
      if (!parsed.ok) return 'MALFORMED';
      const issuer = /issuer=(.*)/.exec(parsed.out)![1].trim();
      const serial = /serial=(\w+)/.exec(parsed.out)![1];
      const links: { child: string; issuer: string }[] = [];
      const subjectOf = async (f: string) =>
        /subject=(.*)/.exec((await openssl(['x509', '-in', f, '-noout', '-subject'])).out)![1].trim();
      const recognised = {
        inter: await subjectOf(pki.path('sm2', 'inter.pem')),
        root: await subjectOf(pki.path('sm2', 'root.pem')),
      };
      if (issuer === recognised.inter)
        links.push({ child: file, issuer: 'inter' }, { child: pki.path('sm2', 'inter.pem'), issuer: 'root' });
      else return 'UNTRUSTED';
      const problems = new Set<string>();
      for (const l of links) {
        const pub = pki.path('sm2', `${l.issuer}.pub`);
        await openssl(['x509', '-in', pki.path('sm2', `${l.issuer}.pem`), '-pubkey', '-noout', '-out', pub]);
        const der = await openssl(['x509', '-in', l.child, '-outform', 'DER', '-out', `${l.child}.der`]);
        if (!der.ok || !(await sm2SignatureHolds(await readFile(`${l.child}.der`), pub, `${l.child}.work`)))
          problems.add('BAD_SIGNATURE');
        const v = await openssl([
          'verify',
          '-partial_chain',
          '-vfyopt',
          `distid:${SM2_ID}`,
          '-attime',
          epoch(at),
          ...(l.child === file ? ['-purpose', 'smimesign'] : []),
          '-CAfile',
          pki.path('sm2', `${l.issuer}.pem`),
          l.child,
        ]);
        const said = verdictOfVerify(v.out, v.ok);
        if (said !== 'VALID') problems.add(said);
      }
      const crlFile = pki.path('sm2', crl);
      await openssl(['crl', '-in', crlFile, '-outform', 'DER', '-out', `${crlFile}.der`]);
      if (!(await sm2SignatureHolds(await readFile(`${crlFile}.der`), pki.path('sm2', 'inter.pub'), `${crlFile}.work`)))
        problems.add('CRL_BAD_SIGNATURE');
      else {
        const text = (await openssl(['crl', '-in', crlFile, '-noout', '-text', '-nextupdate'])).out;
        if (new RegExp(`Serial Number: 0*${serial}\\b`, 'i').test(text)) problems.add('REVOKED');
        const next = /nextUpdate=(.*)/.exec(text)![1];
        if (Date.parse(at) > Date.parse(next)) problems.add('STALE_CRL');
      }
      const order = [
        'UNTRUSTED',
        'BAD_SIGNATURE',
        'CRL_BAD_SIGNATURE',
        'REVOKED',
        'EXPIRED',
        'NOT_YET_VALID',
        'WRONG_USAGE',
        'STALE_CRL',
      ];
      return order.find((p) => problems.has(p)) ?? 'VALID';
    }

    /** The hub's verdict in the oracle's words: its status, or STALE_CRL for a valid one resting on a stale CRL. */
    const hubSays = (v: Verdict) =>
      v.status === 'VALID' && v.reasons.some((r) => r.code === 'STALE_CRL') ? 'STALE_CRL' : v.status;

    it('agrees with OpenSSL on every case, for RSA, EC P-256 and SM2', async () => {
      const table: { alg: Alg; case: string; expected: string; openssl: string; hub: string }[] = [];
      const expected: Record<string, string> = {
        good: 'VALID',
        expired: 'EXPIRED',
        notyet: 'NOT_YET_VALID',
        revoked: 'REVOKED',
        nousage: 'WRONG_USAGE',
        tampered: 'BAD_SIGNATURE',
        rogue: 'UNTRUSTED',
        garbage: 'MALFORMED',
      };
      for (const alg of ALGORITHMS) {
        const oracle = (leaf: string, at: string, crl?: string) =>
          alg === 'sm2' ? opensslSm2(leaf, at, crl) : opensslWhole(alg, leaf, at, crl);
        for (const leaf of LEAVES) {
          const hub = hubSays(await verify(await pki.read(alg, `${leaf}.pem`)));
          table.push({ alg, case: leaf, expected: expected[leaf], openssl: await oracle(`${leaf}.pem`, AT), hub });
        }
        table.push({
          alg,
          case: 'good, CRLs past nextUpdate',
          expected: 'STALE_CRL',
          openssl: await oracle('good.pem', LATER),
          hub: hubSays(await verify(await pki.read(alg, 'good.pem'), LATER)),
        });
        const badCrl = await pushCrls([await pki.read(alg, 'bad-inter.crl')]);
        table.push({
          alg,
          case: 'CRL with a bad signature',
          expected: 'CRL_BAD_SIGNATURE',
          openssl: await oracle('good.pem', AT, 'bad-inter.crl'),
          hub: badCrl.results[0].errors[0]?.rule === 'BAD_SIGNATURE' ? 'CRL_BAD_SIGNATURE' : badCrl.results[0].status,
        });
      }
      console.log(
        ['algorithm  case                         expected           openssl            hub                agree']
          .concat(
            table.map(
              (r) =>
                `${r.alg.padEnd(10)} ${r.case.padEnd(28)} ${r.expected.padEnd(18)} ${r.openssl.padEnd(18)} ${r.hub.padEnd(18)} ${r.openssl === r.hub ? 'yes' : 'NO'}`,
            ),
          )
          .join('\n'),
      );
      for (const r of table) expect({ ...r, openssl: r.openssl }).toEqual({ ...r, openssl: r.hub });
      for (const r of table) expect(r.hub).toBe(r.expected);
    });

    it('names the chain, the CA and the bound market entity of a valid SM2 certificate', async () => {
      const v = await verify(await pki.read('sm2', 'good.pem'));
      expect(v).toMatchObject({
        status: 'VALID',
        caCode: 'TEST-SM2',
        creditCode: ENTITY,
        marketEntity: { creditCode: ENTITY },
      });
      expect(v.chain.map((c) => c.subject)).toEqual([
        `CN=sm2 good, O=Test Co, OU=${ENTITY}`,
        'CN=sm2 intermediate CA, O=Test PKI',
        'CN=sm2 root CA, O=Test PKI',
      ]);
    });
  });

  describe('examples/verify-certificate.ts (needs npm run build)', () => {
    const example = (file: string) =>
      new Promise<{ status: number | null; stdout: string }>((resolve) => {
        execFile(
          process.execPath,
          [join(__dirname, '..', '..', 'dist', 'examples', 'verify-certificate.js'), file, '--at', AT],
          { env: { PATH: process.env.PATH ?? '', HUB_URL: t.hub.url, HUB_API_KEY: system }, timeout: 60_000 },
          (err, stdout) => resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout }),
        );
      });

    it('prints the verdict, the chain and the entity, and exits 0 only for a valid certificate', async () => {
      const good = await example(pki.path('sm2', 'good.pem'));
      expect(good.status).toBe(0);
      expect(good.stdout).toMatch(/: VALID \(CA TEST-SM2\)/);
      expect(good.stdout).toContain('证书测试有限公司');
      const revoked = await example(pki.path('sm2', 'revoked.pem'));
      expect(revoked.status).toBe(3);
      expect(revoked.stdout).toMatch(/: REVOKED/);
    });
  });

  describe('pushed certificates', () => {
    it('stores certificates bound to their entity, with per-record rejections', async () => {
      const r = await pushCerts([
        await pki.read('sm2', 'good.pem'),
        await pki.read('sm2', 'revoked.pem'),
        await pki.read('sm2', 'garbage.pem'),
        await pki.read('sm2', 'rogue.pem'),
        await pki.read('sm2', 'stranger.pem'),
        await pki.read('rsa', 'tampered.pem'),
        await pki.read('ec', 'good.pem'),
      ]);
      expect(r.results.map((x) => [x.status, x.errors[0]?.code ?? null])).toEqual([
        ['ACCEPTED', null],
        ['ACCEPTED', null],
        ['REJECTED', 'BAD_USER_INPUT'],
        ['REJECTED', 'NOT_FOUND'],
        ['REJECTED', 'NOT_FOUND'],
        ['REJECTED', 'BAD_USER_INPUT'],
        ['ACCEPTED', null],
      ]);
      expect(r.results[3].errors[0].message).toMatch(/unknown issuer/);
      expect(r.results[4].errors[0].message).toMatch(new RegExp(`no market entity with credit code ${STRANGER}`));
      expect(r.results[5].errors[0].rule).toBe('BAD_SIGNATURE');
      const again = await pushCerts([await pki.read('sm2', 'good.pem')]);
      expect(again.unchanged).toBe(1);

      const q = await t.gql<{
        marketEntity: { certificates: { caCode: string; status: string; keyAlgorithm: string; serial: string }[] };
        certificates: { totalCount: number; edges: { node: { fingerprint: string } }[] };
      }>(
        `query($c: String!) {
          marketEntity(creditCode: $c) { certificates { caCode status keyAlgorithm serial } }
          certificates(filter: { caCode: "TEST-SM2" }, first: 1) { totalCount edges { node { fingerprint } } }
        }`,
        { c: ENTITY },
        system,
      );
      expect(q.errors).toBeUndefined();
      expect(q.data!.marketEntity.certificates.map((c) => [c.caCode, c.status, c.keyAlgorithm]).sort()).toEqual([
        ['TEST-EC', 'GOOD', 'EC P-256'],
        ['TEST-SM2', 'GOOD', 'SM2'],
        ['TEST-SM2', 'REVOKED', 'SM2'],
      ]);
      expect(q.data!.certificates.totalCount).toBe(2);
      const fp = r.results[0].key!;
      const one = await t.gql<{
        certificate: { sm3Fingerprint: string; marketEntity: { creditCode: string }; pem: string };
      }>(
        'query($f: String!) { certificate(fingerprint: $f) { sm3Fingerprint pem marketEntity { creditCode } } }',
        { f: fp.toUpperCase().match(/../g)!.join(':') },
        system,
      );
      expect(one.data!.certificate.marketEntity.creditCode).toBe(ENTITY);
      expect(one.data!.certificate.pem.replace(/\s/g, '')).toBe((await pki.read('sm2', 'good.pem')).replace(/\s/g, ''));
      const sm3 = (await openssl(['x509', '-in', pki.path('sm2', 'good.pem'), '-noout', '-fingerprint', '-sm3'])).out;
      expect(one.data!.certificate.sm3Fingerprint).toBe(/=([0-9A-F:]+)/.exec(sm3)![1].replace(/:/g, '').toLowerCase());
    });

    it('revocation reaches every follower of the feed as an UPDATE of the certificate', async () => {
      const [pushed] = (await pushCerts([await pki.read('rsa', 'good.pem')])).results;
      expect(pushed.status).toBe('ACCEPTED');
      // The CA revokes the good leaf with `openssl ca` and issues a newer CRL.
      const cnf = pki.path('rsa', 'inter/ca.cnf');
      const ca = [
        '-batch',
        '-md',
        'sha256',
        '-config',
        cnf,
        '-cert',
        pki.path('rsa', 'inter.pem'),
        '-keyfile',
        pki.path('rsa', 'inter.key'),
      ];
      expect((await openssl(['ca', ...ca, '-revoke', pki.path('rsa', 'good.pem')])).ok).toBe(true);
      const crl = await openssl([
        'ca',
        ...ca,
        '-gencrl',
        '-crlexts',
        'crl_ext',
        '-crl_lastupdate',
        '20260301000000Z',
        '-crl_nextupdate',
        '20270301000000Z',
        '-out',
        pki.path('rsa', 'inter2.crl'),
      ]);
      expect(crl.ok).toBe(true);
      expect((await pushCrls([await pki.read('rsa', 'inter2.crl')])).accepted).toBe(1);
      // A follower of the feed (from the start) sees the four pushes, then the revocation.
      const seen = await collect<ChangeEventData>(t.ws(), String(CHANGES), { topics: ['CERTIFICATE'], after: null }, 5);
      const last = seen.at(-1)!.changes;
      expect(last).toMatchObject({ op: 'UPDATE', key: pushed.key, version: 2 });
      expect(last.data).toMatchObject({ status: 'REVOKED', creditCode: ENTITY });
      const v = await verify(await pki.read('rsa', 'good.pem'), new Date().toISOString());
      expect(v.status).toBe('REVOKED');
    });

    it('a bid signed with a known certificate must be its bidder’s, and valid and unrevoked when submitted', async () => {
      expect((await pushCerts([await pki.read('sm2', 'expired.pem')])).accepted).toBe(1);
      const p = await parties(t, system, 1, 7900);
      expect(
        (await push(t, system, 'pushTradingProjects', 'TradingProjectInput', [project('CERT-P1', p)])).accepted,
      ).toBe(1);
      const bid = (bidder: string, serial: string) => ({
        sectionCode: 'CERT-P1-S1',
        bidderCreditCode: bidder,
        amount: '100.00',
        submittedAt: '2026-09-20T10:00:00+08:00',
        caCertSerial: serial,
      });
      const r = await push(t, system, 'pushBids', 'BidInput', [
        bid(ENTITY, '1000'), // sm2 good: fine
        bid(p.bidders[0], '10:03'), // sm2 revoked, and not the bidder's
      ]);
      expect(r.accepted).toBe(2);
      const warnings = (r.results as { warnings: { rule: string }[] }[]).map((x) => x.warnings.map((w) => w.rule));
      expect(warnings).toEqual([[], ['BID_CERTIFICATE_OTHER_ENTITY']]);
      const again = await push(t, system, 'pushBids', 'BidInput', [bid(ENTITY, '1003'), bid(p.bidders[0], '')]);
      expect((again.results as { warnings: { rule: string }[] }[]).map((x) => x.warnings.map((w) => w.rule))).toEqual([
        ['BID_CERTIFICATE_REVOKED'],
        [],
      ]);
      const expired = await push(t, system, 'pushBids', 'BidInput', [bid(ENTITY, '1001')]);
      expect((expired.results as { warnings: { rule: string }[] }[])[0].warnings.map((w) => w.rule)).toEqual([
        'BID_CERTIFICATE_EXPIRED',
      ]);
      const stored = await t.hub.services.orm.em
        .fork()
        .execute(
          `select record_key, rule from finding where topic = 'BID' and project_code = 'CERT-P1' and rule like 'BID_CERTIFICATE%' order by record_key`,
        );
      expect(stored).toEqual([{ record_key: `CERT-P1-S1/${ENTITY}`, rule: 'BID_CERTIFICATE_EXPIRED' }]);
    });

    it('a withdrawn CA’s certificates no longer verify', async () => {
      const r = await t.gql(WITHDRAW, { code: 'TEST-EC' }, ADMIN_KEY);
      expect(r.errors).toBeUndefined();
      const v = await verify(await pki.read('ec', 'good.pem'));
      expect(v.status).toBe('UNTRUSTED');
    });
  });

  describe('the hub command', () => {
    it('adds, lists and withdraws a CA and imports its CRL (needs npm run build)', async () => {
      const mini = await makeMiniCa('CLI CA', ENTITY);
      const caFile = join(pki.dir, 'cli-ca.pem');
      const crlFile = join(pki.dir, 'cli-ca.crl');
      await writeFile(caFile, mini.pem);
      await writeFile(crlFile, mini.crl);
      const hub = (...args: string[]) => hubCommand(t.db.url, args);
      const added = await hub('ca', 'add', '--code', 'cli-ca', '--name', '命令行CA', '--file', caFile);
      expect(added).toMatchObject({ status: 0, stdout: expect.stringMatching(/Recognised CA CLI-CA/) });
      const imported = await hub('ca', 'crl', 'import', crlFile);
      expect(imported).toMatchObject({ status: 0, stdout: expect.stringMatching(/Imported CRL [0-9a-f]{64}/) });
      const garbage = await hub('ca', 'crl', 'import', caFile);
      expect(garbage.status).not.toBe(0);
      expect((await hub('ca', 'list')).stdout).toMatch(/^CLI-CA\tRECOGNISED\t命令行CA\tCN=CLI CA$/m);
      expect(await hub('ca', 'withdraw', '--code', 'CLI-CA')).toMatchObject({ status: 0 });
      expect((await hub('ca', 'list')).stdout).toMatch(/^CLI-CA\tWITHDRAWN\t/m);
      const log = (await events('CERTIFICATE_AUTHORITY')).filter((e) => e.key === 'CLI-CA');
      expect(log.map((e) => e.data.action)).toEqual(['RECOGNIZED', 'CRL_IMPORTED', 'WITHDRAWN']);
    });
  });
});
