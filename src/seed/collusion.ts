import type { MikroORM } from '@mikro-orm/postgresql';
import { query } from '../common/sql';
import { runPush } from '../ingest/pipeline';
import { MARKET_ENTITY_TOPIC, marketFamily } from '../market';
import type { AnyPushDomain, AnyFamily } from '../registry/family';
import { CollusionRule, supervisionFamily } from '../supervision';
import { creditFamily } from '../credit';
import type { HubConfig } from '../config';
import { TradingTopic, tradingFamily } from '../trading';
import { demoEntities } from './demo';
import { prng } from './prng';
import { ensureSeedSystem, seedingPrincipal } from './volume';

/*
 * A generator of labelled trading data for the collusion rules: clean
 * sections (independent bidders, prices spread over 85–99% of the budget,
 * evidence of their own) with each pattern planted into sections of its own,
 * and the answer key: which rule must be found on which section, resting on
 * which bids and which shared value. Deterministic for a seed.
 */

/** One planted case: the rule, the section it is on, the bids it must name, the shared value if any. */
export interface Answer {
  rule: string;
  sectionCode: string;
  bids: string[];
  shared?: Record<string, string>;
}

export interface LabelledData {
  parties: { tenderer: string; agency: string };
  projects: Record<string, unknown>[];
  bids: Record<string, unknown>[];
  openings: Record<string, unknown>[];
  awards: Record<string, unknown>[];
  answers: Answer[];
  /** Sections where no collusion rule may fire. */
  clean: string[];
  /** How many bidders the data needs (credit codes passed in `bidders`). */
}

/** Bidders the generator needs: 8 for the cross-project cases, the rest a pool for the others. */
export const LABELLED_BIDDERS = 48;

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid resident ID number (GB 11643) born 1980-01-01 in Wuhan, distinct for n < 1000. */
export function idNumber(n: number): string {
  const body = `42010219800101${String(n % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * W[i], 0);
  return body + '10X98765432'[sum % 11];
}

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/**
 * Labelled data over the given bidders (at least LABELLED_BIDDERS registered
 * credit codes), in projects coded `<prefix>-…`.
 */
export function labelledCollusionData(
  prefix: string,
  parties: { tenderer: string; agency: string },
  bidders: readonly string[],
  cleanCount = 24,
  seed = 15,
): LabelledData {
  if (bidders.length < LABELLED_BIDDERS) throw new Error(`need ${LABELLED_BIDDERS} bidders`);
  const rand = prng(seed);
  const [rotA, rotB, rotC, coverW, coverL, coverX, coverY, coverZ] = bidders;
  const pool = bidders.slice(8);
  const out: LabelledData = { parties, projects: [], bids: [], openings: [], awards: [], answers: [], clean: [] };
  let serial = 0;
  let day = 0;

  const pick = (n: number) => {
    const left = [...pool];
    return Array.from({ length: n }, () => left.splice(Math.floor(rand() * left.length), 1)[0]);
  };
  /** A new single-section project; returns the section code. */
  const section = (name: string, method = 'OPEN_TENDER') => {
    const code = `${prefix}-${name}`;
    out.projects.push({
      code,
      name: `${code} 某道路改造工程`,
      subItemCode: 'ENG_TRANSPORT',
      regionCode: '420102',
      tendererCreditCode: parties.tenderer,
      agencyCreditCode: parties.agency,
      budget: '1000000.00',
      method,
      status: 'TENDERING',
      publishedAt: '2026-01-01T09:00:00+08:00',
      bidDeadline: '2026-01-25T09:30:00+08:00',
      sections: [{ code: `${code}-S1`, name: '一标段', budget: '1000000.00', openingAt: '2026-01-25T09:30:00+08:00' }],
    });
    return `${code}-S1`;
  };
  /** Bids with clean evidence of their own; `fenAmounts` in whole fen (random 85–99% of the budget when absent). */
  const bidsFor = (sectionCode: string, who: readonly string[], fenAmounts?: number[]) =>
    who.map((bidder, i) => {
      serial += 1;
      const b = {
        sectionCode,
        bidderCreditCode: bidder,
        amount: yuan(fenAmounts?.[i] ?? 85_000_000 + Math.floor(rand() * 14_000_000)),
        submittedAt: '2026-01-20T10:00:00+08:00',
        caCertSerial: `CA-${serial}`,
        deviceFingerprint: `MAC-${serial}-CPU-${serial * 7}`,
        ipAddress: `10.${Math.floor(serial / 250) % 250}.${serial % 250}.${(serial * 3) % 250}`,
        documentHash: `sm3-${serial.toString(16).padStart(8, '0')}`,
        projectManagerId: idNumber(serial),
        bondAccount: `6222${String(serial).padStart(12, '0')}`,
      };
      out.bids.push(b);
      return b;
    });
  /** Opens the section and awards it to the lowest bid, `days` after the first award. */
  const close = (sectionCode: string, bids: { bidderCreditCode: string; amount: string }[], at = day++) => {
    out.openings.push({ sectionCode, openedAt: '2026-01-25T09:30:00+08:00', bidderCount: String(bids.length) });
    const win = [...bids].sort((a, b) => Number(a.amount) - Number(b.amount))[0];
    const awardedOn = new Date(Date.UTC(2026, 1, 1) + at * 86_400_000).toISOString().slice(0, 10);
    out.awards.push({ sectionCode, winnerCreditCode: win.bidderCreditCode, amount: win.amount, awardedOn });
  };
  const keys = (bids: { sectionCode: string; bidderCreditCode: string }[]) =>
    bids.map((b) => `${b.sectionCode}/${b.bidderCreditCode}`).sort();

  /** Prices 85–99% of the budget with no three in near-regular steps (within 1%), as independent bidders' are. */
  const independentPrices = (n: number): number[] => {
    for (;;) {
      const fen = Array.from({ length: n }, () => 85_000_000 + Math.floor(rand() * 14_000_000));
      const sorted = [...fen].sort((a, b) => a - b);
      const regular = sorted.some(
        (v, i) => i >= 2 && Math.abs(v - sorted[i - 1] - (sorted[i - 1] - sorted[i - 2])) * 100 <= v - sorted[i - 1],
      );
      if (!regular) return fen;
    }
  };

  for (let i = 0; i < cleanCount; i++) {
    const s = section(`CLEAN${i}`);
    const n = 3 + (i % 2);
    close(s, bidsFor(s, pick(n), independentPrices(n)));
    out.clean.push(s);
  }

  const shared: [string, string, string][] = [
    ['SHARED_DEVICE', 'deviceFingerprint', 'MAC-00:1A:2B:3C:4D:5E'],
    ['SHARED_IP', 'ipAddress', '192.168.77.8'],
    ['SHARED_DOCUMENT_HASH', 'documentHash', 'sm3-deadbeef'],
    ['SHARED_PROJECT_MANAGER', 'projectManagerId', idNumber(999)],
    ['SHARED_BOND_ACCOUNT', 'bondAccount', '6222000099998888'],
    ['SHARED_CERTIFICATE', 'caCertSerial', 'CA-SHARED-01'],
  ];
  for (const [rule, field, value] of shared) {
    const s = section(rule);
    const bids = bidsFor(s, pick(3));
    (bids[0] as Record<string, unknown>)[field] = value;
    (bids[2] as Record<string, unknown>)[field] = value;
    close(s, bids);
    out.answers.push({ rule, sectionCode: s, bids: keys([bids[0], bids[2]]), shared: { [field]: value } });
  }

  const priced: [string, number[], number[]][] = [
    ['IDENTICAL_PRICES', [90_123_456, 93_000_000, 93_000_000], [1, 2]],
    ['PRICE_PROGRESSION', [91_000_000, 92_500_000, 94_000_000], [0, 1, 2]],
    ['LOSERS_CLUSTERED', [90_000_000, 90_350_000, 90_720_000], [0, 1, 2]],
    ['WIN_NEAR_BUDGET', [99_700_000, 101_300_000, 103_400_000], [0]],
  ];
  for (const [rule, amounts, named] of priced) {
    const s = section(rule);
    const bids = bidsFor(s, pick(3), amounts);
    close(s, bids);
    out.answers.push({ rule, sectionCode: s, bids: keys(named.map((i) => bids[i])) });
  }

  {
    const s = section('SINGLE_BIDDER');
    const bids = bidsFor(s, pick(1));
    out.openings.push({ sectionCode: s, openedAt: '2026-01-25T09:30:00+08:00', bidderCount: '1' });
    out.answers.push({ rule: 'SINGLE_BIDDER', sectionCode: s, bids: keys(bids) });
  }

  // The same three take turns: A, then B, then C wins, a month apart.
  [rotA, rotB, rotC].forEach((winner, i) => {
    const s = section(`ROTATION${i}`);
    const who = [rotA, rotB, rotC];
    const amounts = who.map((b, j) =>
      b === winner ? 88_000_000 + i * 100_000 : 93_000_000 + j * 1_700_000 + i * 50_000,
    );
    const bids = bidsFor(s, who, amounts);
    close(s, bids, 30 * i);
    out.answers.push({ rule: 'BID_ROTATION', sectionCode: s, bids: keys(bids) });
  });

  // L always loses to W, each time beside another bidder.
  [coverX, coverY, coverZ].forEach((third, i) => {
    const s = section(`COVER${i}`);
    const bids = bidsFor(s, [coverW, coverL, third], [88_000_000 + i * 70_000, 95_000_000 + i * 90_000, 97_300_000]);
    close(s, bids, 20 * i + 5);
    out.answers.push({ rule: 'COVER_BIDDING', sectionCode: s, bids: keys([bids[0], bids[1]]) });
  });
  return out;
}

/** What {@link seedCollusionDemo} stored and found. */
export interface CollusionDemoResult {
  projects: number;
  bids: number;
  openings: number;
  awards: number;
  rejected: number;
  /** Planted cases, and how many of them the rules found (same rule on the same section). */
  planted: number;
  found: number;
  /** Collusion findings on the clean sections. */
  falsePositives: number;
  cleanSections: number;
}

/** Project codes of the labelled demo: `CL-DEMO-…`. */
export const COLLUSION_DEMO_PREFIX = 'CL-DEMO';

/**
 * Seeds the labelled collusion cases through the real push pipeline, as the
 * provincial system (its parties first), so the collusion rules raise their
 * findings as on any push; then compares the findings with the answer key.
 * Idempotent: a second run stores nothing new.
 */
export async function seedCollusionDemo(orm: MikroORM, config?: HubConfig): Promise<CollusionDemoResult> {
  // The rules other families contribute on trading records, as the hub's pushes run them.
  const contributed: readonly AnyFamily[] = [creditFamily, supervisionFamily];
  const optionsOf = (topic: string) => ({
    maxBatch: 500,
    config,
    findingRules: contributed.flatMap((f) => (f.findingRules ?? []).filter((r) => r.topic === topic)),
    referenceRules: contributed.flatMap((f) => (f.referenceRules ?? []).filter((r) => r.topic === topic)),
  });
  const em = orm.em.fork();
  const principal = seedingPrincipal(await ensureSeedSystem(em));
  const all = demoEntities(2 + LABELLED_BIDDERS, 7, 8100).map((e) => ({ ...e, regionCode: '420102' }));
  const codes = all.map((e) => e.creditCode as string);
  const data = labelledCollusionData(COLLUSION_DEMO_PREFIX, { tenderer: codes[0], agency: codes[1] }, codes.slice(2));
  let rejected = 0;
  const push = async (domain: Promise<AnyPushDomain>, records: unknown[]): Promise<number> => {
    let stored = 0;
    for (let i = 0; i < records.length; i += 500) {
      const d = await domain;
      const r = await runPush(orm.em.fork(), principal, d, records.slice(i, i + 500), optionsOf(d.topic));
      rejected += r.rejected;
      stored += r.accepted + r.unchanged;
    }
    return stored;
  };
  await push(marketFamily.push[MARKET_ENTITY_TOPIC](), all);
  const projects = await push(tradingFamily.push[TradingTopic.TRADING_PROJECT](), data.projects);
  const bids = await push(tradingFamily.push[TradingTopic.BID](), data.bids);
  const openings = await push(tradingFamily.push[TradingTopic.BID_OPENING](), data.openings);
  const awards = await push(tradingFamily.push[TradingTopic.AWARD](), data.awards);
  const rows = await query<{ rule: string; section_code: string | null }>(
    orm.em.fork(),
    `select rule, section_code from finding where project_code like ? and rule = any(?)`,
    [`${COLLUSION_DEMO_PREFIX}-%`, Object.values(CollusionRule)],
  );
  const seen = new Set(rows.map((r) => `${r.rule} ${r.section_code}`));
  const clean = new Set(data.clean);
  return {
    projects,
    bids,
    openings,
    awards,
    rejected,
    planted: data.answers.length,
    found: data.answers.filter((a) => seen.has(`${a.rule} ${a.sectionCode}`)).length,
    falsePositives: rows.filter((r) => r.section_code !== null && clean.has(r.section_code)).length,
    cleanSections: data.clean.length,
  };
}
