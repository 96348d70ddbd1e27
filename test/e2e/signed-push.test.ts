import { execFile } from 'node:child_process';
import { sign } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { code } from '../setup/data';
import { ADMIN_KEY, collect, startTestHub, type TestHub } from '../setup/hub';
import { makePki, openssl, SM2_ID, type Alg, type TestPki } from '../setup/pki';

/*
 * Signed pushes (non-repudiation): a source system signs the body of a push
 * with the key of a certificate it registered; the hub verifies certificate
 * and signature before the push runs, and the change log records the signer
 * in the hash chain. SM2 signatures are made by the openssl command (an
 * independent implementation), ECDSA ones by Node's crypto.
 */

const ENTITY = code('MA4KQM001');
const OTHER = code('MA4KQM002');

const RECOGNIZE = `mutation($input: RecognizeCertificateAuthorityInput!) { recognizeCertificateAuthority(input: $input) { code } }`;
const PUSH_CRLS = `mutation($r: [CrlInput!]!) { pushCertificateRevocationLists(records: $r) { accepted } }`;
const PUSH_CERTS = `mutation($r: [CertificateInput!]!) {
  pushCertificates(records: $r) { accepted results { key status errors { code message } } }
}`;
const PUSH_ENTITIES = `mutation($records: [MarketEntityInput!]!) {
  pushMarketEntities(records: $records) { accepted rejected results { key status version } }
}`;
const GRANTS = `mutation($p: String!, $input: GrantsInput!) { updateGrants(principal: $p, input: $input) { name signatureRequired } }`;
const VERIFY_LOG = '{ verifyChangeLog { ok checked firstBrokenSeq } }';

interface Answer {
  status: number;
  data?: Record<string, unknown>;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('signed pushes (non-repudiation)', () => {
  let pki: TestPki;
  let t: TestHub;
  let sysA: string;
  let sysB: string;
  /** SHA-256 fingerprints of the certificates pushed, by name (`sm2 good`, ...). */
  const fp: Record<string, string> = {};
  let sm2GoodSm3: string;

  beforeAll(async () => {
    pki = await makePki(ENTITY, OTHER);
    t = await startTestHub();
    sysA = await t.system('SIGN-A');
    sysB = await t.system('SIGN-B');
    for (const p of ['SIGN-A', 'SIGN-B']) {
      const g = await t.gql(GRANTS, { p, input: { writeTopics: ['MARKET_ENTITY', 'CERTIFICATE'] } }, ADMIN_KEY);
      expect(g.errors).toBeUndefined();
    }
    for (const alg of ['sm2', 'ec'] as const) {
      const bundle = (await pki.read(alg, 'root.pem')) + (await pki.read(alg, 'inter.pem'));
      const r = await t.gql(
        RECOGNIZE,
        { input: { code: `SIGN-${alg.toUpperCase()}`, name: alg, certificatesPem: bundle } },
        ADMIN_KEY,
      );
      expect(r.errors).toBeUndefined();
      const crls = await t.gql(PUSH_CRLS, { r: [{ crlPem: await pki.read(alg, 'inter.crl') }] }, ADMIN_KEY);
      expect(crls.data).toEqual({ pushCertificateRevocationLists: { accepted: 1 } });
    }
    const entities = await t.gql(
      PUSH_ENTITIES,
      {
        records: [
          { creditCode: ENTITY, name: '签名测试有限公司', regionCode: '420102' },
          { creditCode: OTHER, name: '他人测试有限公司', regionCode: '420102' },
        ],
      },
      sysA,
    );
    expect(entities.errors).toBeUndefined();
    const pushCerts = async (key: string, certs: [Alg, string][]) => {
      const r = await t.gql<{ pushCertificates: { results: { key: string; status: string }[] } }>(
        PUSH_CERTS,
        { r: await Promise.all(certs.map(async ([alg, name]) => ({ pem: await pki.read(alg, `${name}.pem`) }))) },
        key,
      );
      expect(r.errors).toBeUndefined();
      r.data!.pushCertificates.results.forEach((x, i) => {
        expect(x).toMatchObject({ status: 'ACCEPTED' });
        fp[`${certs[i][0]} ${certs[i][1]}`] = x.key;
      });
    };
    await pushCerts(sysA, [
      ['sm2', 'good'],
      ['sm2', 'revoked'],
      ['sm2', 'expired'],
      ['ec', 'good'],
    ]);
    await pushCerts(sysB, [['sm2', 'stranger']]);
    const sm3 = (await openssl(['x509', '-in', pki.path('sm2', 'good.pem'), '-noout', '-fingerprint', '-sm3'])).out;
    sm2GoodSm3 = /=([0-9A-F:]+)/.exec(sm3)![1].replace(/:/g, '').toLowerCase();
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
    await pki?.remove();
  });

  /** The signature of `body` with the leaves' key of `alg`: SM2 by `openssl pkeyutl`, ECDSA by Node. */
  async function signature(alg: Alg, body: string): Promise<string> {
    if (alg === 'ec') return sign('sha256', Buffer.from(body), await pki.read('ec', 'leaf.key')).toString('base64');
    const file = join(pki.dir, 'body.json');
    await writeFile(file, body);
    const r = await openssl([
      'pkeyutl',
      '-sign',
      '-inkey',
      pki.path('sm2', 'leaf.key'),
      '-rawin',
      '-digest',
      'sm3',
      '-pkeyopt',
      `distid:${SM2_ID}`,
      '-in',
      file,
      '-out',
      `${file}.sig`,
    ]);
    expect(r.ok).toBe(true);
    return (await readFile(`${file}.sig`)).toString('base64');
  }

  /** POSTs `body` (a JSON text) with the key and the signature headers given. */
  async function post(body: string, key: string, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
      body,
    });
    return { status: res.status, ...((await res.json()) as Omit<Answer, 'status'>) };
  }

  const entityPush = (name: string) =>
    JSON.stringify({
      query: PUSH_ENTITIES,
      variables: { records: [{ creditCode: ENTITY, name, regionCode: '420102' }] },
    });

  /** Pushes a renamed entity signed with `alg`'s key under the certificate `signer` (a fingerprint). */
  async function signedPush(alg: Alg, signer: string, name: string, key = sysA): Promise<Answer> {
    const body = entityPush(name);
    return post(body, key, { 'x-hub-signature': await signature(alg, body), 'x-hub-certificate': signer });
  }

  const refusal = (a: Answer) => [a.status, a.errors?.[0]?.extensions?.code, a.errors?.[0]?.extensions?.reason];

  const lastEvents = (n: number) =>
    t.hub.services.orm.em
      .fork()
      .execute<{ seq: string; key: string; signed_by: string | null }[]>(
        `select seq, key, signed_by from change_event where topic = 'MARKET_ENTITY' order by seq desc limit ${n}`,
      );

  it('accepts pushes signed with SM2 and ECDSA and records the signer of each event', async () => {
    const sm2 = await signedPush('sm2', fp['sm2 good'], '签名测试有限公司（SM2）');
    expect(sm2.errors).toBeUndefined();
    expect(sm2.data).toMatchObject({ pushMarketEntities: { accepted: 1 } });
    const ec = await signedPush('ec', fp['ec good'].toUpperCase().match(/../g)!.join(':'), '签名测试有限公司（EC）');
    expect(ec.data).toMatchObject({ pushMarketEntities: { accepted: 1 } });
    // The SM3 fingerprint names the certificate too; the log records its SHA-256 one.
    const bySm3 = await signedPush('sm2', sm2GoodSm3, '签名测试有限公司（SM3）');
    expect(bySm3.data).toMatchObject({ pushMarketEntities: { accepted: 1 } });
    const unsigned = await post(entityPush('签名测试有限公司（未签名）'), sysA);
    expect(unsigned.data).toMatchObject({ pushMarketEntities: { accepted: 1 } });
    expect((await lastEvents(4)).reverse().map((e) => e.signed_by)).toEqual([
      fp['sm2 good'],
      fp['ec good'],
      fp['sm2 good'],
      null,
    ]);

    // A follower of the feed sees who signed each event.
    const seen = await collect<{ changes: { key: string; data: { name: string }; signedBy: string | null } }>(
      t.ws(),
      'subscription { changes(topics: [MARKET_ENTITY]) { key signedBy data } }',
      {},
      6,
    );
    expect(seen.slice(2).map((s) => [s.changes.data.name, s.changes.signedBy])).toEqual([
      ['签名测试有限公司（SM2）', fp['sm2 good']],
      ['签名测试有限公司（EC）', fp['ec good']],
      ['签名测试有限公司（SM3）', fp['sm2 good']],
      ['签名测试有限公司（未签名）', null],
    ]);
  });

  it('the hash chain covers the signer: verify-log passes, and a rewritten signer breaks it', async () => {
    const ok = await t.gql<{ verifyChangeLog: { ok: boolean; checked: number } }>(VERIFY_LOG, {}, ADMIN_KEY);
    expect(ok.data!.verifyChangeLog.ok).toBe(true);
    const [signed] = (await lastEvents(4)).filter((e) => e.signed_by === fp['ec good']);
    const em = t.hub.services.orm.em.fork();
    await em.execute(`update change_event set signed_by = ? where seq = ?`, [fp['sm2 good'], signed.seq]);
    try {
      const broken = await t.gql<{ verifyChangeLog: { ok: boolean; firstBrokenSeq: string } }>(
        VERIFY_LOG,
        {},
        ADMIN_KEY,
      );
      expect(broken.data!.verifyChangeLog).toMatchObject({ ok: false, firstBrokenSeq: signed.seq });
    } finally {
      await em.execute(`update change_event set signed_by = ? where seq = ?`, [fp['ec good'], signed.seq]);
    }
    expect(
      (await t.gql<{ verifyChangeLog: { ok: boolean } }>(VERIFY_LOG, {}, ADMIN_KEY)).data!.verifyChangeLog.ok,
    ).toBe(true);
  });

  it('refuses a tampered body, a revoked, expired or unknown signer and another system’s certificate', async () => {
    const body = entityPush('篡改前');
    const tampered = await post(body.replace('篡改前', '篡改后'), sysA, {
      'x-hub-signature': await signature('sm2', body),
      'x-hub-certificate': fp['sm2 good'],
    });
    expect(refusal(tampered)).toEqual([401, 'UNAUTHENTICATED', 'BAD_SIGNATURE']);
    // The EC key does not make the SM2 certificate's signatures.
    expect(refusal(await signedPush('ec', fp['sm2 good'], 'x'))).toEqual([401, 'UNAUTHENTICATED', 'BAD_SIGNATURE']);
    const revoked = await signedPush('sm2', fp['sm2 revoked'], 'x');
    expect(refusal(revoked)).toEqual([401, 'UNAUTHENTICATED', 'SIGNER_INVALID']);
    expect(revoked.errors![0].extensions!.verdict).toBe('REVOKED');
    const expired = await signedPush('sm2', fp['sm2 expired'], 'x');
    expect(expired.errors![0].extensions).toMatchObject({ reason: 'SIGNER_INVALID', verdict: 'EXPIRED' });
    // The stranger's certificate has the same key in this test PKI: only its registration tells it apart.
    expect(refusal(await signedPush('sm2', fp['sm2 stranger'], 'x'))).toEqual([
      401,
      'UNAUTHENTICATED',
      'SIGNER_NOT_OURS',
    ]);
    expect(refusal(await signedPush('sm2', 'ab'.repeat(32), 'x'))).toEqual([401, 'UNAUTHENTICATED', 'SIGNER_UNKNOWN']);
    expect(refusal(await post(body, sysA, { 'x-hub-signature': 'not base64!' }))).toEqual([
      401,
      'UNAUTHENTICATED',
      'SIGNATURE_MALFORMED',
    ]);
    // Nothing of the refused pushes was written.
    const [entity] = await t.hub.services.orm.em
      .fork()
      .execute<{ name: string }[]>('select name from market_entity where credit_code = ?', [ENTITY]);
    expect(entity.name).toBe('签名测试有限公司（未签名）');
  });

  describe('examples/signed-push.ts (needs npm run build)', () => {
    const example = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string }>((resolve) => {
        execFile(
          process.execPath,
          [join(__dirname, '..', '..', 'dist', 'examples', 'signed-push.js'), ...args],
          { env: { PATH: process.env.PATH ?? '', HUB_URL: t.hub.url, HUB_API_KEY: sysA }, timeout: 60_000 },
          (err, stdout) => resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout }),
        );
      });

    it('signs with sm-crypto-v2 (SM2) or Node (ECDSA); the hub records the signer, and refuses a foreign certificate', async () => {
      const file = join(pki.dir, 'entities.json');
      for (const [alg, name] of [
        ['sm2', '示例签名有限公司（SM2）'],
        ['ec', '示例签名有限公司（EC）'],
      ] as const) {
        await writeFile(file, JSON.stringify([{ creditCode: ENTITY, name, regionCode: '420102' }]));
        const out = await example('--key', pki.path(alg, 'leaf.key'), '--certificate', fp[`${alg} good`], file);
        expect(out).toMatchObject({
          status: 0,
          stdout: expect.stringMatching(/: 1 accepted, 0 unchanged, 0 rejected/),
        });
        expect((await lastEvents(1))[0].signed_by).toBe(fp[`${alg} good`]);
      }
      const foreign = await example('--key', pki.path('sm2', 'leaf.key'), '--certificate', fp['sm2 stranger'], file);
      expect(foreign).toMatchObject({
        status: 3,
        stdout: expect.stringMatching(/refused \(HTTP 401, SIGNER_NOT_OURS\)/),
      });
    });
  });

  it('under signatureRequired refuses unsigned pushes (HTTP and graphql-ws) and still answers unsigned queries', async () => {
    const set = await t.gql(GRANTS, { p: 'SIGN-A', input: { signatureRequired: true } }, ADMIN_KEY);
    expect(set.data).toEqual({ updateGrants: { name: 'SIGN-A', signatureRequired: true } });
    try {
      const unsigned = await post(entityPush('未签名'), sysA);
      expect(refusal(unsigned)).toEqual([401, 'UNAUTHENTICATED', 'SIGNATURE_REQUIRED']);
      const query = await post(JSON.stringify({ query: `{ marketEntity(creditCode: "${ENTITY}") { name } }` }), sysA);
      expect(query.data).toEqual({ marketEntity: { name: '示例签名有限公司（EC）' } });
      const overWs = await new Promise<{ extensions?: Record<string, unknown> }[]>((resolve) => {
        t.ws(sysA).subscribe(
          { query: PUSH_ENTITIES, variables: { records: [{ creditCode: ENTITY, name: 'ws', regionCode: '420102' }] } },
          {
            next: () => resolve([]),
            error: (e) => resolve(e as { extensions?: Record<string, unknown> }[]),
            complete: () => undefined,
          },
        );
      });
      expect(overWs[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGNATURE_REQUIRED' });
      const signed = await signedPush('sm2', fp['sm2 good'], '签名测试有限公司');
      expect(signed.data).toMatchObject({ pushMarketEntities: { accepted: 1 } });
    } finally {
      await t.gql(GRANTS, { p: 'SIGN-A', input: { signatureRequired: false } }, ADMIN_KEY);
    }
    expect((await post(entityPush('未签名'), sysA)).data).toMatchObject({ pushMarketEntities: { accepted: 1 } });
  });
});
