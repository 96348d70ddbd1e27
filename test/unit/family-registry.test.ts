import { REGISTRY, type HubTopicPayloads } from '../../resolvers/families';
import { PERSONAL_ID, hideAll } from '../../src/auth/masking';
import { marketFamily } from '../../src/market';
import { defineFamily, topic } from '../../src/registry/family';
import { FamilyRegistry } from '../../src/registry/registry';
import { tradingFamily } from '../../src/trading';
import { BidStatus } from '../../src/trading/records.rules';

/** A small family of its own, as a new family would declare itself. */
const certificates = defineFamily({
  name: 'certificates',
  topics: {
    CA_CERTIFICATE: topic<{ fingerprint: string; holderIdNumber: string | null }>({
      description: 'A CA certificate; key: its fingerprint.',
      sensitive: { holderIdNumber: PERSONAL_ID },
      defaultWrite: false,
    }),
  },
  sensitivities: [{ name: 'CERT_SERIAL', mask: hideAll }],
  entities: [],
  push: { CA_CERTIFICATE: async () => ({ topic: 'CA_CERTIFICATE' }) as never },
  commands: [
    {
      title: 'CA certificates:',
      commands: [{ name: 'ca add', usage: '  ca add', load: async () => ({ run: async () => 0 }) }],
    },
  ],
});

describe('the family registry', () => {
  it('lists every family topic in the order of the families, ADMIN last', () => {
    expect(REGISTRY.topics).toEqual([
      'MARKET_ENTITY',
      'TRADING_PROJECT',
      'ANNOUNCEMENT',
      'BID',
      'BID_OPENING',
      'EVALUATION',
      'AWARD',
      'CONTRACT',
      'FINDING',
      'FINDING_REVIEW',
      'EXPERT',
      'CREDIT_RECORD',
      'CREDIT_PUBLICATION',
      'CERTIFICATE',
      'CERTIFICATE_AUTHORITY',
      'ADMIN',
    ]);
    expect(REGISTRY.writableTopics).not.toContain('ADMIN');
  });

  it('gives each topic the sensitive fields its family declares', () => {
    expect(Object.keys(REGISTRY.sensitiveOf('BID') ?? {})).toContain('deviceFingerprint');
    expect(REGISTRY.sensitiveOf('TRADING_PROJECT')).toBeUndefined();
    expect(REGISTRY.sensitiveOf('ADMIN')).toBeUndefined();
  });

  it("puts the generic masking classes first, then the families'", () => {
    expect(REGISTRY.sensitivities).toEqual([
      'PERSONAL_ID',
      'PHONE',
      'BID_EVIDENCE',
      'EXPERT_IDENTITY',
      'CERTIFICATE_HOLDER',
    ]);
  });

  it('knows the history catalogue by GraphQL type', () => {
    expect(REGISTRY.history.map((h) => [h.type, h.topic, h.key, h.family])).toEqual([
      ['MarketEntity', 'MARKET_ENTITY', 'creditCode', 'market'],
      ['TradingProject', 'TRADING_PROJECT', 'code', 'trading'],
      ['Expert', 'EXPERT', 'code', 'credit'],
      ['CreditRecord', 'CREDIT_RECORD', 'code', 'credit'],
      ['Certificate', 'CERTIFICATE', 'fingerprint', 'certificates'],
    ]);
  });

  it('adds a family: its topic, masking class, command and entities, and leaves it out of default grants when it says so', () => {
    const r = new FamilyRegistry([marketFamily, tradingFamily, certificates]);
    expect(r.topics.at(-2)).toBe('CA_CERTIFICATE');
    expect(r.writableTopics).toContain('CA_CERTIFICATE');
    expect(r.defaultWriteTopics).not.toContain('CA_CERTIFICATE');
    expect(r.sensitivities).toContain('CERT_SERIAL');
    expect(r.sensitiveOf('CA_CERTIFICATE')).toEqual({ holderIdNumber: PERSONAL_ID });
    expect(r.commandSections.map((s) => s.title)).toEqual([expect.stringMatching(/^Credit-code/), 'CA certificates:']);
    expect(r.entities).toHaveLength(new FamilyRegistry([marketFamily, tradingFamily]).entities.length);
  });

  it('loads a push domain on first use and checks it publishes its topic', async () => {
    await expect(REGISTRY.pushDomain('BID')).resolves.toMatchObject({ topic: 'BID' });
    await expect(REGISTRY.pushDomain('ADMIN')).rejects.toThrow(/no data family pushes topic ADMIN/);
    const wrong = defineFamily({ ...certificates, push: { CA_CERTIFICATE: async () => ({ topic: 'BID' }) as never } });
    await expect(new FamilyRegistry([wrong]).pushDomain('CA_CERTIFICATE')).rejects.toThrow(/publishes BID/);
  });

  it.each([
    ['a topic', { ...certificates, topics: { BID: topic({ description: 'x' }) }, push: {} }, /topic BID/],
    ['the ADMIN topic', { ...certificates, topics: { ADMIN: topic({ description: 'x' }) }, push: {} }, /topic ADMIN/],
    ['a masking class', { ...certificates, sensitivities: [{ name: 'PHONE', mask: hideAll }] }, /masking class PHONE/],
    [
      'a command',
      {
        ...certificates,
        commands: [
          {
            title: 't',
            commands: [{ name: 'credit-codes add', usage: '', load: async () => ({ run: async () => 0 }) }],
          },
        ],
      },
      /command credit-codes add/,
    ],
    ['a family name', { ...certificates, name: 'market' }, /name market/],
  ])('refuses two families declaring the same %s', (_what, family, message) => {
    expect(() => new FamilyRegistry([marketFamily, tradingFamily, family as typeof certificates])).toThrow(message);
  });

  it("collects the finding rules families contribute on another family's topic, once per rule code", () => {
    const flag = { topic: 'BID', rules: ['BID_CERT_REVOKED'], derive: async () => new Map() };
    const r = new FamilyRegistry([marketFamily, tradingFamily, { ...certificates, findingRules: [flag] }]);
    expect(r.findingRulesOf('BID')).toEqual([flag]);
    expect(r.findingRulesOf('CONTRACT')).toEqual([]);
    expect(
      () => new FamilyRegistry([marketFamily, tradingFamily, { ...certificates, findingRules: [flag, { ...flag }] }]),
    ).toThrow(/finding rule BID_CERT_REVOKED on BID/);
    expect(() => new FamilyRegistry([marketFamily, { ...certificates, findingRules: [flag] }])).toThrow(
      /topic BID, which no family declares/,
    );
  });

  it('refuses a push domain or a history for a topic the family does not declare', () => {
    expect(() => new FamilyRegistry([{ ...certificates, push: { OTHER: certificates.push.CA_CERTIFICATE } }])).toThrow(
      /push domain for topic OTHER/,
    );
    expect(
      () =>
        new FamilyRegistry([
          {
            ...certificates,
            history: { Cert: { topic: 'BID', key: 'k', description: 'd' } },
          },
        ]),
    ).toThrow(/history of Cert from topic BID/);
  });

  it("types each topic's payload from the descriptors (checked by the type checker)", () => {
    const bid: HubTopicPayloads['BID'] = {
      sectionCode: 'S',
      bidderCreditCode: 'C',
      amount: '1.00',
      submittedAt: 't',
      status: BidStatus.VALID,
      caCertSerial: null,
      deviceFingerprint: null,
      ipAddress: null,
      documentHash: null,
      projectManagerId: null,
      bondAccount: null,
      externalId: null,
      sourceSystem: 'S',
      version: 1,
      updatedAt: 'u',
    };
    const admin: HubTopicPayloads['ADMIN'] = { action: 'ADD', target: 'x' };
    // @ts-expect-error: a topic no family declares has no payload type
    const none: HubTopicPayloads['NOPE'] = {};
    // @ts-expect-error: a market entity's payload is not a bid's
    const wrong: HubTopicPayloads['MARKET_ENTITY'] = bid;
    expect([bid.sectionCode, admin.action, none, wrong]).toHaveLength(4);
  });
});
