import { code } from '../setup/data';
import { ADMIN_KEY, collect, startTestHub, type TestHub } from '../setup/hub';
import { makeMiniCa, makePki, type MiniCa, type TestPki } from '../setup/pki';
import { parties, project, push } from '../setup/trading';

/*
 * Certificates over GraphQL against the real database: a CA whose
 * certificates carry the credit code in a place of its own
 * (creditCodeLocations), the masking of a personal certificate's holder,
 * the bid certificate findings, and an issuer's first CRL racing a push of
 * the certificate it revokes.
 */

const ENTITY = code('MA4KRULE1');
/** Where the personal CA puts the credit code: an extension of its own (a UTF8String). */
const CODE_EXTENSION = '1.2.156.10260.4.1.4';
/** The personal leaf's holder: a person's name and resident ID number. */
const HOLDER = '/CN=张三丰/serialNumber=420102199001011234';

const RECOGNIZE = `mutation($input: RecognizeCertificateAuthorityInput!) { recognizeCertificateAuthority(input: $input) { code } }`;
const PUSH_CRLS = `mutation($r: [CrlInput!]!) {
  pushCertificateRevocationLists(records: $r) { accepted results { status errors { code message } } }
}`;
const PUSH_CERTS = `mutation($r: [CertificateInput!]!) {
  pushCertificates(records: $r) { accepted rejected results { key status errors { code message } } }
}`;
const CLIENT = `mutation($input: CreateClientInput!) { createClient(input: $input) { apiKey } }`;

interface CertPush {
  accepted: number;
  rejected: number;
  results: { key: string | null; status: string; errors: { code: string; message: string }[] }[];
}

describe('certificates over GraphQL: locations, masking, bid findings, the first CRL', () => {
  let t: TestHub;
  let pki: TestPki;
  let system: string;

  beforeAll(async () => {
    pki = await makePki(ENTITY, code('MA4KRULE2'));
    t = await startTestHub();
    system = await t.system('RULE-SYS');
    const g = await t.gql(
      `mutation { updateGrants(principal: "RULE-SYS", input: { writeTopics: [MARKET_ENTITY, CERTIFICATE, TRADING_PROJECT, BID] }) { name } }`,
      {},
      ADMIN_KEY,
    );
    expect(g.errors).toBeUndefined();
    const e = await t.gql(
      'mutation($r: [MarketEntityInput!]!) { pushMarketEntities(records: $r) { accepted } }',
      { r: [{ creditCode: ENTITY, name: '规则测试有限公司', regionCode: '420102' }] },
      system,
    );
    expect(e.data).toEqual({ pushMarketEntities: { accepted: 1 } });
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
    await pki?.remove();
  });

  const recognize = async (caCode: string, pem: string, creditCodeLocations?: unknown[]) => {
    const r = await t.gql(
      RECOGNIZE,
      { input: { code: caCode, name: caCode, certificatesPem: pem, creditCodeLocations } },
      ADMIN_KEY,
    );
    expect(r.errors).toBeUndefined();
  };
  const pushCerts = async (pems: string[]) => {
    const r = await t.gql<{ pushCertificates: CertPush }>(PUSH_CERTS, { r: pems.map((pem) => ({ pem })) }, system);
    expect(r.errors).toBeUndefined();
    return r.data!.pushCertificates;
  };
  const pushCrl = async (crlPem: string) => {
    const r = await t.gql<{ pushCertificateRevocationLists: { accepted: number } }>(
      PUSH_CRLS,
      { r: [{ crlPem }] },
      ADMIN_KEY,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.pushCertificateRevocationLists;
  };
  const client = async (name: string, reveal: string[]) => {
    const r = await t.gql<{ createClient: { apiKey: string } }>(
      CLIENT,
      { input: { name, roles: ['INTEGRATOR', 'FEED_CONSUMER'], readTopics: ['CERTIFICATE'], reveal } },
      ADMIN_KEY,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.createClient.apiKey;
  };

  describe('a personal certificate of a CA with its own credit-code location', () => {
    let personal: MiniCa;
    let fingerprint: string;

    beforeAll(async () => {
      personal = await makeMiniCa('个人CA', ENTITY, {
        subject: HOLDER,
        extensions: [`${CODE_EXTENSION}=ASN1:UTF8String:${ENTITY}`],
      });
    });

    it('binds the certificate through the CA’s creditCodeLocations, and refuses it without them', async () => {
      // Recognised without locations, the defaults find no code (the serialNumber is an ID number, not a credit code).
      await recognize('PERSONAL-DEFAULT', personal.pem);
      const without = await pushCerts([personal.leaf]);
      expect(without.results[0]).toMatchObject({ status: 'REJECTED' });
      const w = await t.gql(
        'mutation { withdrawCertificateAuthority(code: "PERSONAL-DEFAULT") { status } }',
        {},
        ADMIN_KEY,
      );
      expect(w.errors).toBeUndefined();

      await recognize('PERSONAL', personal.pem, [
        { kind: 'extension', oid: CODE_EXTENSION, pattern: '^([0-9A-HJ-NPQRTUWXY]{18})$' },
      ]);
      expect((await pushCrl(personal.crl)).accepted).toBe(1);
      const pushed = await pushCerts([personal.leaf]);
      expect(pushed.results[0]).toMatchObject({ status: 'ACCEPTED' });
      fingerprint = pushed.results[0].key!;
      const v = await t.gql<{
        verifyCertificate: { status: string; creditCode: string; marketEntity: { name: string } };
      }>(
        'query($pem: String!) { verifyCertificate(pem: $pem) { status creditCode marketEntity { name } } }',
        { pem: personal.leaf },
        system,
      );
      expect(v.data!.verifyCertificate).toEqual({
        status: 'VALID',
        creditCode: ENTITY,
        marketEntity: { name: '规则测试有限公司' },
      });
    });

    it('masks the holder in queries, history and the feed unless granted CERTIFICATE_HOLDER', async () => {
      const reader = await client('cert-reader', []);
      const revealer = await client('cert-revealer', ['CERTIFICATE_HOLDER']);
      const Q = `query($f: String!) { certificate(fingerprint: $f) { subject pem creditCode history { data } } }`;
      type Q = {
        certificate: { subject: string; pem: string; creditCode: string; history: { data: Record<string, string> }[] };
      };
      const masked = (await t.gql<Q>(Q, { f: fingerprint }, reader)).data!.certificate;
      const whole = (await t.gql<Q>(Q, { f: fingerprint }, revealer)).data!.certificate;
      expect(whole.subject).toContain('张三丰');
      expect(whole.subject).toContain('420102199001011234');
      expect(whole.pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
      expect(whole.history[0].data.subject).toBe(whole.subject);
      for (const shown of [masked.subject, masked.history[0].data.subject]) {
        expect(shown).not.toContain('张三丰');
        expect(shown).not.toContain('420102199001011234');
        expect(shown).toMatch(/^CN=张\*\*/);
        expect(shown).toContain('420102**********34');
      }
      expect(masked.pem).toBe('******');
      expect(masked.history[0].data.der).toBe('******');
      expect(masked.creditCode).toBe(ENTITY);

      const feed = async (key: string) =>
        (
          await collect<{ changes: { key: string; data: Record<string, string> } }>(
            t.ws(key),
            'subscription { changes(topics: [CERTIFICATE]) { key data } }',
            {},
            1,
          )
        )[0].changes;
      const maskedEvent = await feed(reader);
      expect(maskedEvent.key).toBe(fingerprint);
      expect(maskedEvent.data.subject).toBe(masked.subject);
      expect(maskedEvent.data.der).toBe('******');
      expect((await feed(revealer)).data.subject).toBe(whole.subject);
    });

    it('leaves an organisation’s certificate readable', async () => {
      await recognize('TEST-SM2', (await pki.read('sm2', 'root.pem')) + (await pki.read('sm2', 'inter.pem')));
      expect((await pushCrl(await pki.read('sm2', 'inter.crl'))).accepted).toBe(1);
      const pushed = await pushCerts([
        await pki.read('sm2', 'good.pem'),
        await pki.read('sm2', 'revoked.pem'),
        await pki.read('sm2', 'expired.pem'),
      ]);
      expect(pushed.accepted).toBe(3);
      const reader = await client('org-reader', []);
      const r = await t.gql<{ certificate: { subject: string; pem: string } }>(
        'query($f: String!) { certificate(fingerprint: $f) { subject pem } }',
        { f: pushed.results[0].key },
        reader,
      );
      expect(r.data!.certificate.subject).toBe(`CN=sm2 good, O=Test Co, OU=${ENTITY}`);
      expect(r.data!.certificate.pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    });
  });

  it('raises the bid certificate findings through bid pushes, visible in findings', async () => {
    const p = await parties(t, system, 3, 7950);
    expect(
      (await push(t, system, 'pushTradingProjects', 'TradingProjectInput', [project('RULE-P1', p)])).accepted,
    ).toBe(1);
    const bid = (bidder: string, serial: string) => ({
      sectionCode: 'RULE-P1-S1',
      bidderCreditCode: bidder,
      amount: '100.00',
      submittedAt: '2026-09-20T10:00:00+08:00',
      caCertSerial: serial,
    });
    // The sm2 leaves' serials: good 1000, expired 1001, revoked 1003 (revoked 2025-06-01).
    const r = await push(t, system, 'pushBids', 'BidInput', [
      bid(ENTITY, '1003'),
      bid(p.bidders[0], '1000'),
      bid(p.bidders[1], ''),
    ]);
    expect(r.accepted).toBe(3);
    const expired = await push(t, system, 'pushBids', 'BidInput', [
      { ...bid(ENTITY, '1001'), sectionCode: 'RULE-P1-S2' },
    ]);
    expect(expired.accepted).toBe(1);
    const f = await t.gql<{ findings: { edges: { node: { rule: string; recordKey: string; topic: string } }[] } }>(
      `{ findings(filter: { projectCode: "RULE-P1" }, first: 50) { edges { node { rule recordKey topic } } } }`,
      {},
      system,
    );
    expect(f.errors).toBeUndefined();
    const rules = f
      .data!.findings.edges.map((e) => e.node)
      .filter((n) => n.rule.startsWith('BID_CERTIFICATE'))
      .map((n) => [n.topic, n.recordKey, n.rule])
      .sort();
    expect(rules).toEqual(
      [
        ['BID', `RULE-P1-S1/${ENTITY}`, 'BID_CERTIFICATE_REVOKED'],
        ['BID', `RULE-P1-S1/${p.bidders[0]}`, 'BID_CERTIFICATE_OTHER_ENTITY'],
        ['BID', `RULE-P1-S2/${ENTITY}`, 'BID_CERTIFICATE_EXPIRED'],
      ].sort(),
    );
  });

  it('an issuer’s first CRL racing a push of the certificate it revokes: the certificate ends REVOKED (20 rounds)', async () => {
    const ROUNDS = 20;
    const cas: MiniCa[] = [];
    for (let i = 0; i < ROUNDS; i += 4)
      cas.push(...(await Promise.all([0, 1, 2, 3].map((j) => makeMiniCa(`RACE CA ${i + j}`, ENTITY)))));
    for (const [i, ca] of cas.entries()) {
      await recognize(`RACE-${i}`, ca.pem);
      const [certs, crls] = await Promise.all([pushCerts([ca.leaf]), pushCrl(ca.revokingCrl)]);
      expect(certs.results[0].status).toBe('ACCEPTED');
      expect(crls.accepted).toBe(1);
      const fp = certs.results[0].key!;
      const em = t.hub.services.orm.em.fork();
      const [row] = await em.execute<{ status: string }[]>('select status from certificate where fingerprint = ?', [
        fp,
      ]);
      const events = await em.execute<{ data: { status: string } }[]>(
        `select data from change_event where topic = 'CERTIFICATE' and key = ? order by seq`,
        [fp],
      );
      expect([i, row.status, events.at(-1)!.data.status]).toEqual([i, 'REVOKED', 'REVOKED']);
    }
  }, 300_000);
});
