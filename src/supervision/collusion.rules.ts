import { Severity } from './severity';

/*
 * Collusion indicators (围标串标预警) over the bids of a section and, across
 * projects, over the sections a group of bidders met in. Pure functions over
 * facts loaded in one query per push batch (collusion.derive.ts); each
 * finding names its rule, severity, basis, and the bids and evidence it rests
 * on. Money is compared exactly, in fen as bigint, never as a float.
 */

/** The rule codes: stable, part of the API. */
export enum CollusionRule {
  SHARED_DEVICE = 'SHARED_DEVICE',
  SHARED_IP = 'SHARED_IP',
  SHARED_DOCUMENT_HASH = 'SHARED_DOCUMENT_HASH',
  SHARED_PROJECT_MANAGER = 'SHARED_PROJECT_MANAGER',
  SHARED_BOND_ACCOUNT = 'SHARED_BOND_ACCOUNT',
  SHARED_CERTIFICATE = 'SHARED_CERTIFICATE',
  IDENTICAL_PRICES = 'IDENTICAL_PRICES',
  PRICE_PROGRESSION = 'PRICE_PROGRESSION',
  LOSERS_CLUSTERED = 'LOSERS_CLUSTERED',
  SINGLE_BIDDER = 'SINGLE_BIDDER',
  WIN_NEAR_BUDGET = 'WIN_NEAR_BUDGET',
  BID_ROTATION = 'BID_ROTATION',
  COVER_BIDDING = 'COVER_BIDDING',
}

/** What a rule is, for the README, the schema and the findings it raises. */
export interface RuleSpec {
  readonly severity: Severity;
  /** The legal or published basis. */
  readonly basis: string;
  readonly description: string;
}

const ART40 = '招标投标法实施条例 第四十条 (视为串通投标)';

/** Every collusion rule with its severity and basis. */
export const COLLUSION_RULES: Readonly<Record<CollusionRule, RuleSpec>> = {
  SHARED_DEVICE: {
    severity: Severity.HIGH,
    basis: `${ART40}: documents of different bidders made by the same unit or person (文件制作机器码)`,
    description: 'bid documents of different bidders prepared on the same device',
  },
  SHARED_IP: {
    severity: Severity.MEDIUM,
    basis: `${ART40}: bid matters handled by the same unit or person (same submitting IP address)`,
    description: 'bids of different bidders uploaded from the same IP address',
  },
  SHARED_DOCUMENT_HASH: {
    severity: Severity.HIGH,
    basis: `${ART40}: abnormally uniform bid documents (identical document hash)`,
    description: 'different bidders submitted the same bid document',
  },
  SHARED_PROJECT_MANAGER: {
    severity: Severity.HIGH,
    basis: `${ART40}: the same project-management member in different bids`,
    description: 'the same project manager (projectManagerId) on different bidders',
  },
  SHARED_BOND_ACCOUNT: {
    severity: Severity.HIGH,
    basis: `${ART40}: bid bonds of different bidders paid from the same account`,
    description: 'bid bonds of different bidders paid from the same account',
  },
  SHARED_CERTIFICATE: {
    severity: Severity.HIGH,
    basis: `${ART40}: bid matters handled by the same unit or person (the same CA certificate)`,
    description: 'the same CA certificate used by different bidders',
  },
  IDENTICAL_PRICES: {
    severity: Severity.MEDIUM,
    basis: `${ART40}: abnormally uniform quotes; Cardinal R028 identical bid prices`,
    description: 'two or more bids with the same amount',
  },
  PRICE_PROGRESSION: {
    severity: Severity.MEDIUM,
    basis: `${ART40}: quotes with regular differences`,
    description: 'three or more bids forming an arithmetic sequence (steps equal within 0.1%)',
  },
  LOSERS_CLUSTERED: {
    severity: Severity.LOW,
    basis: 'Cardinal R024 second price close to the winner',
    description: 'every losing bid within a narrow band above the winning one',
  },
  SINGLE_BIDDER: {
    severity: Severity.LOW,
    basis: 'Cardinal R018 single bid received; 招标投标法 第二十八条 (fewer than three bidders: re-tender)',
    description: 'an open tender opened or awarded with a single valid bid',
  },
  WIN_NEAR_BUDGET: {
    severity: Severity.LOW,
    basis: 'Cardinal R058 (inverse): the award is within 0.5% of the budget',
    description: 'the winning amount within 0.5% below the budget',
  },
  BID_ROTATION: {
    severity: Severity.MEDIUM,
    basis: '招标投标法实施条例 第三十九条 (约定轮流中标): the same group meets and the winner rotates',
    description: 'the same group of bidders met in several sections within the window, the win rotating among them',
  },
  COVER_BIDDING: {
    severity: Severity.MEDIUM,
    basis: '招标投标法实施条例 第三十九条 (陪标): a bidder that always loses to the same winner',
    description: 'a bidder lost every section it bid in within the window, each to the same winner',
  },
};

/** The section rules (judged on one section's bids). */
export const SECTION_RULES: readonly CollusionRule[] = [
  CollusionRule.SHARED_DEVICE,
  CollusionRule.SHARED_IP,
  CollusionRule.SHARED_DOCUMENT_HASH,
  CollusionRule.SHARED_PROJECT_MANAGER,
  CollusionRule.SHARED_BOND_ACCOUNT,
  CollusionRule.SHARED_CERTIFICATE,
  CollusionRule.IDENTICAL_PRICES,
  CollusionRule.PRICE_PROGRESSION,
  CollusionRule.LOSERS_CLUSTERED,
  CollusionRule.SINGLE_BIDDER,
  CollusionRule.WIN_NEAR_BUDGET,
];

/** The rules across projects (judged on the sections a group of bidders met in). */
export const CROSS_PROJECT_RULES: readonly CollusionRule[] = [CollusionRule.BID_ROTATION, CollusionRule.COVER_BIDDING];

/** The numbers the rules use; configuration, with these defaults (see src/config.ts HUB_COLLUSION_*). */
export interface CollusionThresholds {
  /** Steps of a price progression equal within this many parts per million of the step. Default 1000 (0.1%). */
  progressionPpm: number;
  /** LOSERS_CLUSTERED: every loser at most this many ppm above the winner. Default 10000 (1%). */
  clusterBandPpm: number;
  /** WIN_NEAR_BUDGET: the award at most this many ppm below the budget. Default 5000 (0.5%). */
  nearBudgetPpm: number;
  /** Cross-project rules look at sections awarded within this many days of each other. Default 365. */
  windowDays: number;
  /** BID_ROTATION: the group meets in at least this many awarded sections. Default 3. */
  rotationMinMeetings: number;
  /** COVER_BIDDING: the bidder lost at least this many awarded sections. Default 3. */
  coverMinLosses: number;
}

export const DEFAULT_COLLUSION_THRESHOLDS: CollusionThresholds = {
  progressionPpm: 1000,
  clusterBandPpm: 10_000,
  nearBudgetPpm: 5000,
  windowDays: 365,
  rotationMinMeetings: 3,
  coverMinLosses: 3,
};

/** The evidence fields of a bid that Art. 40 rules compare; named as the bid's own fields, so they mask alike. */
export type EvidenceField =
  'deviceFingerprint' | 'ipAddress' | 'documentHash' | 'projectManagerId' | 'bondAccount' | 'caCertSerial';

const SHARED_RULES: readonly [CollusionRule, EvidenceField, string][] = [
  [CollusionRule.SHARED_DEVICE, 'deviceFingerprint', 'were prepared on the same device (文件制作机器码)'],
  [CollusionRule.SHARED_IP, 'ipAddress', 'were uploaded from the same IP address'],
  [CollusionRule.SHARED_DOCUMENT_HASH, 'documentHash', 'carry the same bid document (hash)'],
  [CollusionRule.SHARED_PROJECT_MANAGER, 'projectManagerId', 'name the same project manager'],
  [CollusionRule.SHARED_BOND_ACCOUNT, 'bondAccount', 'paid their bonds from the same account'],
  [CollusionRule.SHARED_CERTIFICATE, 'caCertSerial', 'were signed with the same CA certificate'],
];

/** One bid as the rules see it. */
export interface BidFacts {
  /** `<sectionCode>/<bidderCreditCode>` */
  key: string;
  bidder: string;
  /** Decimal string, yuan; null when the bid has no price. */
  amount: string | null;
  /** VALID, WITHDRAWN or DISQUALIFIED. */
  status: string;
  deviceFingerprint: string | null;
  ipAddress: string | null;
  documentHash: string | null;
  projectManagerId: string | null;
  bondAccount: string | null;
  caCertSerial: string | null;
}

/** One section with its bids, budget, opening and award. */
export interface SectionFacts {
  sectionCode: string;
  projectCode: string;
  /** The project's method, e.g. OPEN_TENDER. */
  method: string;
  budget: string | null;
  /** Whether the section's bids were opened (a bid opening is stored). */
  opened: boolean;
  /** The winner's credit code, when awarded. */
  winner: string | null;
  awardAmount: string | null;
  /** Award date YYYY-MM-DD, when awarded. */
  awardedOn: string | null;
  bids: BidFacts[];
}

/**
 * What a finding rests on: the bids (by key), the evidence value they share
 * (under the bid field's own name, so it is masked as that field is), their
 * amounts, and for cross-project rules the sections.
 */
export interface Evidence {
  bids: string[];
  shared?: Partial<Record<EvidenceField, string>>;
  amounts?: Record<string, string>;
  sections?: string[];
  winner?: string;
  bidders?: string[];
}

export interface CollusionFinding {
  rule: CollusionRule;
  severity: Severity;
  message: string;
  evidence: Evidence;
}

/** A decimal string of yuan in fen; null when unreadable. */
export function fen(amount: string | null): bigint | null {
  if (amount === null) return null;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) return null;
  const v = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -v : v;
}

const abs = (v: bigint) => (v < 0n ? -v : v);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function finding(rule: CollusionRule, message: string, evidence: Evidence): CollusionFinding {
  return { rule, severity: COLLUSION_RULES[rule].severity, message, evidence };
}

const participating = (b: BidFacts) => b.status !== 'WITHDRAWN';
const valid = (b: BidFacts) => b.status === 'VALID';

/** Bids of different bidders sharing one value of an evidence field: one finding per shared value. */
export function sharedEvidence(section: SectionFacts): CollusionFinding[] {
  const out: CollusionFinding[] = [];
  for (const [rule, field, says] of SHARED_RULES) {
    const groups = new Map<string, BidFacts[]>();
    for (const b of section.bids.filter(participating)) {
      const v = b[field]?.trim();
      if (v) groups.set(v, [...(groups.get(v) ?? []), b]);
    }
    for (const [value, bids] of [...groups].sort(([a], [b]) => byText(a, b))) {
      const bidders = [...new Set(bids.map((b) => b.bidder))].sort(byText);
      if (bidders.length < 2) continue;
      out.push(
        finding(rule, `bids of ${bidders.join(', ')} in section ${section.sectionCode} ${says}`, {
          bids: bids.map((b) => b.key).sort(byText),
          shared: { [field]: value },
        }),
      );
    }
  }
  return out;
}

/** Valid bids with a price, lowest first. */
function priced(section: SectionFacts): { bid: BidFacts; fen: bigint }[] {
  return section.bids
    .filter(valid)
    .map((bid) => ({ bid, fen: fen(bid.amount) }))
    .filter((p): p is { bid: BidFacts; fen: bigint } => p.fen !== null && p.fen > 0n)
    .sort((a, b) => (a.fen < b.fen ? -1 : a.fen > b.fen ? 1 : byText(a.bid.key, b.bid.key)));
}

const amountsOf = (ps: { bid: BidFacts }[]) => Object.fromEntries(ps.map((p) => [p.bid.key, p.bid.amount ?? '']));

/** IDENTICAL_PRICES: two or more valid bids with the same amount, one finding per amount. */
export function identicalPrices(section: SectionFacts): CollusionFinding[] {
  const groups = new Map<bigint, { bid: BidFacts; fen: bigint }[]>();
  for (const p of priced(section)) groups.set(p.fen, [...(groups.get(p.fen) ?? []), p]);
  return [...groups.values()]
    .filter((g) => g.length >= 2)
    .map((g) =>
      finding(
        CollusionRule.IDENTICAL_PRICES,
        `bids of ${g.map((p) => p.bid.bidder).join(', ')} in section ${section.sectionCode} quote the same ${g[0].bid.amount}`,
        { bids: g.map((p) => p.bid.key), amounts: amountsOf(g) },
      ),
    );
}

/**
 * PRICE_PROGRESSION: runs of three or more consecutive distinct prices (in
 * order) whose steps are equal within `progressionPpm` of the step.
 */
export function priceProgression(section: SectionFacts, t: CollusionThresholds): CollusionFinding[] {
  const ps = priced(section).filter((p, i, all) => i === 0 || all[i - 1].fen !== p.fen);
  const out: CollusionFinding[] = [];
  const close = (a: bigint, b: bigint) => abs(a - b) * 1_000_000n <= BigInt(t.progressionPpm) * (a < b ? a : b);
  let i = 0;
  while (i + 2 < ps.length) {
    let j = i + 1;
    while (j + 1 < ps.length && close(ps[j + 1].fen - ps[j].fen, ps[j].fen - ps[j - 1].fen)) j++;
    if (j - i + 1 < 3) {
      i += 1;
      continue;
    }
    const run = ps.slice(i, j + 1);
    out.push(
      finding(
        CollusionRule.PRICE_PROGRESSION,
        `bids of ${run.map((p) => p.bid.bidder).join(', ')} in section ${section.sectionCode} rise in regular steps`,
        { bids: run.map((p) => p.bid.key), amounts: amountsOf(run) },
      ),
    );
    i = j;
  }
  return out;
}

/** LOSERS_CLUSTERED: two or more losers, all within `clusterBandPpm` above the winner's bid. */
export function losersClustered(section: SectionFacts, t: CollusionThresholds): CollusionFinding[] {
  if (!section.winner) return [];
  const ps = priced(section);
  const win = ps.find((p) => p.bid.bidder === section.winner);
  const losers = ps.filter((p) => p.bid.bidder !== section.winner);
  if (!win || losers.length < 2) return [];
  const inBand = (p: { fen: bigint }) =>
    p.fen > win.fen && (p.fen - win.fen) * 1_000_000n <= BigInt(t.clusterBandPpm) * win.fen;
  if (!losers.every(inBand)) return [];
  const all = [win, ...losers];
  return [
    finding(
      CollusionRule.LOSERS_CLUSTERED,
      `every losing bid in section ${section.sectionCode} lies within ${t.clusterBandPpm / 10_000}% above the winner ${section.winner}`,
      { bids: all.map((p) => p.bid.key), amounts: amountsOf(all), winner: section.winner },
    ),
  ];
}

/** SINGLE_BIDDER: an open tender opened or awarded with exactly one valid bid. */
export function singleBidder(section: SectionFacts): CollusionFinding[] {
  if (section.method !== 'OPEN_TENDER' || !(section.opened || section.winner)) return [];
  const bids = section.bids.filter(valid);
  if (bids.length !== 1) return [];
  return [
    finding(
      CollusionRule.SINGLE_BIDDER,
      `open tender section ${section.sectionCode} has a single valid bid, from ${bids[0].bidder}`,
      { bids: [bids[0].key] },
    ),
  ];
}

/** WIN_NEAR_BUDGET: the award amount at most `nearBudgetPpm` below the budget (and not above it). */
export function winNearBudget(section: SectionFacts, t: CollusionThresholds): CollusionFinding[] {
  const budget = fen(section.budget);
  const award = fen(section.awardAmount);
  if (!section.winner || budget === null || award === null || budget <= 0n) return [];
  if (award > budget || (budget - award) * 1_000_000n > BigInt(t.nearBudgetPpm) * budget) return [];
  const win = section.bids.find((b) => b.bidder === section.winner);
  return [
    finding(
      CollusionRule.WIN_NEAR_BUDGET,
      `section ${section.sectionCode} was awarded to ${section.winner} at ${section.awardAmount}, within ${t.nearBudgetPpm / 10_000}% of its budget ${section.budget}`,
      {
        bids: win ? [win.key] : [],
        amounts: win ? { [win.key]: section.awardAmount ?? '' } : {},
        winner: section.winner,
      },
    ),
  ];
}

/** The findings of the section rules on one section. */
export function sectionFindings(section: SectionFacts, t: CollusionThresholds): CollusionFinding[] {
  return [
    ...sharedEvidence(section),
    ...identicalPrices(section),
    ...priceProgression(section, t),
    ...losersClustered(section, t),
    ...singleBidder(section),
    ...winNearBudget(section, t),
  ];
}

const DAY = 86_400_000;
const dayOf = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY;

/** Awarded sections with their valid bidders, for the cross-project rules. */
function awarded(sections: readonly SectionFacts[]) {
  return sections
    .filter((s) => s.winner && s.awardedOn)
    .map((s) => ({
      s,
      day: dayOf(s.awardedOn!),
      bidders: [...new Set(s.bids.filter(valid).map((b) => b.bidder))].sort(byText),
    }))
    .filter((a) => a.bidders.includes(a.s.winner!))
    .sort((a, b) => a.day - b.day || byText(a.s.sectionCode, b.s.sectionCode));
}

/**
 * BID_ROTATION: the same group of two or more bidders (exactly the valid
 * bidders of each section) met in at least `rotationMinMeetings` awarded
 * sections within `windowDays` of each other, and at least two of them won.
 * A finding on each section of such a run, naming the others.
 */
export function bidRotation(
  sections: readonly SectionFacts[],
  t: CollusionThresholds,
): Map<string, CollusionFinding[]> {
  const out = new Map<string, CollusionFinding[]>();
  const groups = new Map<string, ReturnType<typeof awarded>>();
  for (const a of awarded(sections)) {
    if (a.bidders.length < 2) continue;
    const g = a.bidders.join(',');
    groups.set(g, [...(groups.get(g) ?? []), a]);
  }
  for (const [group, met] of groups) {
    const flagged = new Set<number>();
    for (let i = 0; i < met.length; i++) {
      let j = i;
      while (j + 1 < met.length && met[j + 1].day - met[i].day <= t.windowDays) j++;
      const run = met.slice(i, j + 1);
      if (run.length >= t.rotationMinMeetings && new Set(run.map((a) => a.s.winner)).size >= 2)
        for (let k = i; k <= j; k++) flagged.add(k);
    }
    const run = met.filter((_, i) => flagged.has(i));
    for (const a of run) {
      const f = finding(
        CollusionRule.BID_ROTATION,
        `bidders ${group} met in ${run.length} sections within ${t.windowDays} days and took turns winning; section ${a.s.sectionCode} went to ${a.s.winner}`,
        {
          bids: a.s.bids
            .filter(valid)
            .map((b) => b.key)
            .sort(byText),
          sections: run.map((r) => r.s.sectionCode),
          bidders: a.bidders,
          winner: a.s.winner!,
        },
      );
      out.set(a.s.sectionCode, [...(out.get(a.s.sectionCode) ?? []), f]);
    }
  }
  return out;
}

/**
 * COVER_BIDDING: a bidder whose every valid bid in awarded sections within
 * `windowDays` lost, at least `coverMinLosses` times, each time to the same
 * winner. A finding on each of those sections.
 */
export function coverBidding(
  sections: readonly SectionFacts[],
  t: CollusionThresholds,
): Map<string, CollusionFinding[]> {
  const out = new Map<string, CollusionFinding[]>();
  const byBidder = new Map<string, ReturnType<typeof awarded>>();
  for (const a of awarded(sections)) for (const b of a.bidders) byBidder.set(b, [...(byBidder.get(b) ?? []), a]);
  for (const [bidder, all] of [...byBidder].sort(([a], [b]) => byText(a, b))) {
    for (let i = 0; i < all.length; i++) {
      let j = i;
      while (j + 1 < all.length && all[j + 1].day - all[i].day <= t.windowDays) j++;
      const run = all.slice(i, j + 1);
      const winners = new Set(run.map((a) => a.s.winner));
      const winner = run[0].s.winner!;
      if (run.length < t.coverMinLosses || winners.size !== 1 || winner === bidder) continue;
      for (const a of run) {
        const list = out.get(a.s.sectionCode) ?? [];
        const message = `${bidder} lost all ${run.length} sections it bid in within ${t.windowDays} days to ${winner}, section ${a.s.sectionCode} among them`;
        if (list.some((f) => f.evidence.bidders?.[0] === bidder)) continue;
        list.push(
          finding(CollusionRule.COVER_BIDDING, message, {
            bids: [`${a.s.sectionCode}/${bidder}`, `${a.s.sectionCode}/${winner}`],
            sections: run.map((r) => r.s.sectionCode),
            bidders: [bidder],
            winner,
          }),
        );
        out.set(a.s.sectionCode, list);
      }
    }
  }
  return out;
}
