import {
  COLLUSION_RULES,
  CollusionRule,
  DEFAULT_COLLUSION_THRESHOLDS as T,
  bidRotation,
  coverBidding,
  fen,
  sectionFindings,
  type BidFacts,
  type SectionFacts,
} from '../../src/supervision/collusion.rules';
import { ALARM_LEVEL, Severity, alarmLevelOf } from '../../src/supervision/severity';

const bid = (section: string, bidder: string, amount: string | null, extra: Partial<BidFacts> = {}): BidFacts => ({
  key: `${section}/${bidder}`,
  bidder,
  amount,
  status: 'VALID',
  deviceFingerprint: `dev-${bidder}`,
  ipAddress: `ip-${bidder}`,
  documentHash: `doc-${bidder}`,
  projectManagerId: `pm-${bidder}`,
  bondAccount: `acct-${bidder}`,
  caCertSerial: `ca-${bidder}`,
  ...extra,
});

const section = (code: string, amounts: string[], extra: Partial<SectionFacts> = {}): SectionFacts => ({
  sectionCode: code,
  projectCode: `P-${code}`,
  method: 'OPEN_TENDER',
  budget: '1000000.00',
  opened: true,
  winner: null,
  awardAmount: null,
  awardedOn: null,
  bids: amounts.map((a, i) => bid(code, `B${i + 1}`, a)),
  ...extra,
});

const rules = (s: SectionFacts) => sectionFindings(s, T).map((f) => f.rule);

describe('collusion rules on one section', () => {
  it('finds nothing on an ordinary competitive section', () => {
    const s = section('S', ['912345.00', '935000.50', '968200.00', '981000.00'], {
      winner: 'B1',
      awardAmount: '912345.00',
      awardedOn: '2026-10-01',
    });
    expect(sectionFindings(s, T)).toEqual([]);
  });

  it.each([
    ['deviceFingerprint', CollusionRule.SHARED_DEVICE],
    ['ipAddress', CollusionRule.SHARED_IP],
    ['documentHash', CollusionRule.SHARED_DOCUMENT_HASH],
    ['projectManagerId', CollusionRule.SHARED_PROJECT_MANAGER],
    ['bondAccount', CollusionRule.SHARED_BOND_ACCOUNT],
    ['caCertSerial', CollusionRule.SHARED_CERTIFICATE],
  ] as const)('finds %s shared by two bidders as %s, with the value as evidence', (field, rule) => {
    const s = section('S', ['912345.00', '935000.50', '968200.00']);
    s.bids[0][field] = 'SAME';
    s.bids[2][field] = ' SAME ';
    const found = sectionFindings(s, T);
    expect(found).toEqual([
      {
        rule,
        severity: COLLUSION_RULES[rule].severity,
        message: expect.stringContaining('B1, B3') as string,
        evidence: { bids: ['S/B1', 'S/B3'], shared: { [field]: 'SAME' } },
      },
    ]);
  });

  it('ignores a withdrawn bid and empty evidence', () => {
    const s = section('S', ['912345.00', '935000.50', '968200.00']);
    s.bids[0].deviceFingerprint = 'X';
    s.bids[1].deviceFingerprint = 'X';
    s.bids[1].status = 'WITHDRAWN';
    s.bids[2].ipAddress = '';
    s.bids[0].ipAddress = '';
    expect(rules(s)).toEqual([]);
  });

  it('finds identical prices', () => {
    const f = sectionFindings(section('S', ['912345.00', '950000', '950000.00']), T);
    expect(f.map((x) => [x.rule, x.evidence.bids])).toEqual([[CollusionRule.IDENTICAL_PRICES, ['S/B2', 'S/B3']]]);
  });

  it('finds three prices in regular steps, within 0.1% of the step, but not 0.2%', () => {
    expect(rules(section('S', ['900000.00', '920000.00', '940010.00', '990000.00']))).toEqual([
      CollusionRule.PRICE_PROGRESSION,
    ]);
    expect(rules(section('S', ['900000.00', '920000.00', '940050.00', '990000.00']))).toEqual([]);
    const long = sectionFindings(section('S', ['900000.00', '910000.00', '920000.00', '930000.00']), T);
    expect(long.map((x) => x.evidence.bids.length)).toEqual([4]);
  });

  it('finds every loser clustered within 1% above the winner', () => {
    const won = { winner: 'B1', awardAmount: '900000.00', awardedOn: '2026-10-01' };
    expect(rules(section('S', ['900000.00', '903000.00', '908900.00'], won))).toEqual([CollusionRule.LOSERS_CLUSTERED]);
    expect(rules(section('S', ['900000.00', '903000.00', '909100.00'], won))).toEqual([]);
  });

  it('finds a single bidder in an opened open tender only', () => {
    expect(rules(section('S', ['900000.00']))).toEqual([CollusionRule.SINGLE_BIDDER]);
    expect(rules(section('S', ['900000.00'], { opened: false }))).toEqual([]);
    expect(rules(section('S', ['900000.00'], { method: 'COMPETITIVE_NEGOTIATION' }))).toEqual([]);
  });

  it('finds a win within 0.5% of the budget, not above it', () => {
    const s = (amount: string) =>
      section('S', [amount, '999999.00', '1000000.00'].slice(0, 1).concat(['955000.00', '981000.00']), {
        winner: 'B1',
        awardAmount: amount,
        awardedOn: '2026-10-01',
      });
    expect(rules(s('995000.00'))).toEqual([CollusionRule.WIN_NEAR_BUDGET]);
    expect(rules(s('994999.99'))).toEqual([]);
    expect(rules(s('1000000.01'))).toEqual([]);
  });
});

describe('collusion rules across projects', () => {
  const awardedSection = (code: string, day: string, bidders: string[], winner: string): SectionFacts => ({
    ...section(code, []),
    bids: bidders.map((b, i) => bid(code, b, `${900000 + i * 13_337}.00`)),
    winner,
    awardAmount: '1.00',
    awardedOn: day,
  });

  it('finds the same group taking turns to win within the window', () => {
    const ss = [
      awardedSection('R1', '2026-01-10', ['A', 'B', 'C'], 'A'),
      awardedSection('R2', '2026-03-10', ['A', 'B', 'C'], 'B'),
      awardedSection('R3', '2026-05-10', ['A', 'B', 'C'], 'C'),
      awardedSection('X1', '2026-05-10', ['A', 'B', 'D'], 'A'),
    ];
    const found = bidRotation(ss, T);
    expect([...found.keys()].sort()).toEqual(['R1', 'R2', 'R3']);
    expect(found.get('R2')![0].evidence).toMatchObject({ sections: ['R1', 'R2', 'R3'], bidders: ['A', 'B', 'C'] });
    expect(bidRotation(ss, { ...T, windowDays: 30 }).size).toBe(0);
    const sameWinner = ss.map((s) => ({ ...s, winner: 'A' }));
    expect(bidRotation(sameWinner, T).size).toBe(0);
  });

  it('finds a bidder that always loses to the same winner', () => {
    const ss = [
      awardedSection('C1', '2026-01-10', ['W', 'L', 'X'], 'W'),
      awardedSection('C2', '2026-02-10', ['W', 'L', 'Y'], 'W'),
      awardedSection('C3', '2026-03-10', ['W', 'L', 'Z'], 'W'),
    ];
    const found = coverBidding(ss, T);
    expect([...found.keys()].sort()).toEqual(['C1', 'C2', 'C3']);
    expect(found.get('C1')!.map((f) => f.evidence.bidders)).toEqual([['L']]);
    expect(found.get('C1')![0].evidence).toMatchObject({ winner: 'W', bids: ['C1/L', 'C1/W'] });
    // Once it wins elsewhere, or loses to someone else, it is no longer a cover bidder.
    const lostToOther = [...ss.slice(0, 2), awardedSection('C3', '2026-03-10', ['W', 'L', 'Z'], 'Z')];
    expect(coverBidding(lostToOther, T).size).toBe(0);
  });
});

describe('severity and alarm level', () => {
  it('maps each severity to one national alarm level, unknown to the lowest', () => {
    expect(ALARM_LEVEL).toEqual({ HIGH: '1', MEDIUM: '2', LOW: '3' });
    expect(alarmLevelOf('nonsense')).toBe('3');
    expect(Object.values(COLLUSION_RULES).every((r) => Object.values(Severity).includes(r.severity) && r.basis)).toBe(
      true,
    );
  });

  it('reads money exactly in fen', () => {
    expect([fen('1'), fen('1.5'), fen('0.01'), fen('x'), fen(null)]).toEqual([100n, 150n, 1n, null, null]);
  });
});
