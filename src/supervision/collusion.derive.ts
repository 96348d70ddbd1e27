import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubConfig } from '../config';
import { TEXT_SET, query, textSetParam } from '../common/sql';
import type { DerivedFindings, FindingRule } from '../ingest/findings';
import { TradingTopic } from '../trading';
import {
  COLLUSION_RULES,
  CROSS_PROJECT_RULES,
  DEFAULT_COLLUSION_THRESHOLDS,
  SECTION_RULES,
  bidRotation,
  coverBidding,
  sectionFindings,
  type CollusionFinding,
  type CollusionThresholds,
  type SectionFacts,
} from './collusion.rules';

/*
 * The collusion rules wired into the push: set-based, one query for the facts
 * of every section a batch touches, then two statements to sync the findings
 * (src/ingest/findings.ts), in the push's transaction. Section findings are
 * stored on topic BID with the section code as record key (they rest on the
 * section's bids as a set); COVER_BIDDING on the losing bid's own key.
 */

/** The thresholds in force: the configured ones (HUB_COLLUSION_*), the defaults without a configuration. */
export function thresholdsOf(config: HubConfig | undefined): CollusionThresholds {
  if (!config) return DEFAULT_COLLUSION_THRESHOLDS;
  const c = config.collusion;
  return {
    progressionPpm: c.progressionPpm,
    clusterBandPpm: c.clusterBandPpm,
    nearBudgetPpm: c.nearBudgetPpm,
    windowDays: c.windowDays,
    rotationMinMeetings: c.rotationMinMeetings,
    coverMinLosses: c.coverMinLosses,
  };
}

const enabled = (config: HubConfig | undefined) => config?.collusion.enabled !== false;

interface FactsRow {
  section_code: string;
  project_code: string;
  method: string;
  budget: string | null;
  opened: boolean;
  winner: string | null;
  award_amount: string | null;
  awarded_on: string | null;
  bids: SectionFacts['bids'];
}

const FACTS = `select s.code as section_code, p.code as project_code, p.method, s.budget::text as budget,
    exists (select 1 from bid_opening o where o.section_id = s.id) as opened,
    w.credit_code as winner, a.amount::text as award_amount, a.awarded_on::text as awarded_on,
    coalesce((select jsonb_agg(jsonb_build_object('key', b.record_key, 'bidder', m.credit_code, 'amount', b.amount::text,
        'status', b.status, 'deviceFingerprint', b.device_fingerprint, 'ipAddress', b.ip_address,
        'documentHash', b.document_hash, 'projectManagerId', b.project_manager_id, 'bondAccount', b.bond_account,
        'caCertSerial', b.ca_cert_serial) order by b.record_key)
      from bid b join market_entity m on m.id = b.bidder_id where b.section_id = s.id), '[]'::jsonb) as bids
  from section s join trading_project p on p.id = s.project_id
  left join award a on a.section_id = s.id left join market_entity w on w.id = a.winner_id`;

const toFacts = (r: FactsRow): SectionFacts => ({
  sectionCode: r.section_code,
  projectCode: r.project_code,
  method: r.method,
  budget: r.budget,
  opened: r.opened,
  winner: r.winner,
  awardAmount: r.award_amount,
  awardedOn: r.awarded_on,
  bids: r.bids,
});

/** The facts of these sections (by section code) or of every section of these projects, one query. */
export async function sectionFactsOf(
  em: EntityManager,
  by: 'section' | 'project',
  codes: readonly string[],
): Promise<SectionFacts[]> {
  const list = [...new Set(codes)];
  if (!list.length) return [];
  const rows = await query<FactsRow>(em, `${FACTS} where ${by === 'section' ? 's' : 'p'}.code in ${TEXT_SET}`, [
    textSetParam(list),
  ]);
  return rows.map(toFacts);
}

/** One finding as the finding store takes it. */
const item = (f: CollusionFinding, sectionCode: string) => ({
  rule: f.rule,
  message: f.message,
  severity: f.severity,
  sectionCode,
  evidence: f.evidence as unknown as Record<string, unknown>,
});

/** The section rules over these sections: one DerivedFindings per section (empty clears). */
export function deriveSections(sections: readonly SectionFacts[], t: CollusionThresholds): DerivedFindings[] {
  return sections.map((s) => ({
    key: s.sectionCode,
    projectCode: s.projectCode,
    items: sectionFindings(s, t).map((f) => item(f, s.sectionCode)),
  }));
}

/**
 * The cross-project rules around these sections: every awarded section
 * within twice the window of theirs that shares a bidder with them is loaded
 * (one query), so that the patterns of every section within one window are
 * judged on complete facts; those are re-judged. BID_ROTATION is kept on the
 * section, COVER_BIDDING on the losing bid.
 */
export async function deriveAcross(
  em: EntityManager,
  sectionCodes: readonly string[],
  t: CollusionThresholds,
): Promise<DerivedFindings[]> {
  const list = [...new Set(sectionCodes)];
  if (!list.length) return [];
  const rows = await query<FactsRow & { judged: boolean; bidders_in: string[] }>(
    em,
    `with touched as (select s.id from section s where s.code in ${TEXT_SET}),
       bidders as (select distinct b.bidder_id from bid b where b.section_id in (select id from touched)),
       span as (select min(a.awarded_on) as lo, max(a.awarded_on) as hi from award a where a.section_id in (select id from touched))
     select f.*, f.awarded_on::date between (select lo from span) - ?::int and (select hi from span) + ?::int as judged,
       (select coalesce(jsonb_agg(m.credit_code), '[]'::jsonb) from bid b join market_entity m on m.id = b.bidder_id
        where b.section_id = f.section_id and b.bidder_id in (select bidder_id from bidders)) as bidders_in
     from (${FACTS.replace('select s.code as section_code', 'select s.id as section_id, s.code as section_code')}
       where a.awarded_on between (select lo from span) - 2 * ?::int and (select hi from span) + 2 * ?::int
       and exists (select 1 from bid b where b.section_id = s.id and b.bidder_id in (select bidder_id from bidders))) f`,
    [textSetParam(list), t.windowDays, t.windowDays, t.windowDays, t.windowDays],
  );
  if (!rows.length) return [];
  const facts = rows.map(toFacts);
  const rotation = bidRotation(facts, t);
  const cover = coverBidding(facts, t);
  const out: DerivedFindings[] = [];
  for (const r of rows.filter((x) => x.judged)) {
    out.push({
      key: r.section_code,
      projectCode: r.project_code,
      items: (rotation.get(r.section_code) ?? []).map((f) => item(f, r.section_code)),
    });
    // COVER_BIDDING is judged per bidder: only those of the touched sections have all their sections loaded.
    for (const bidder of r.bidders_in) {
      const key = `${r.section_code}/${bidder}`;
      const mine = (cover.get(r.section_code) ?? []).filter((f) => f.evidence.bidders?.[0] === bidder);
      out.push({ key, projectCode: r.project_code, items: mine.map((f) => item(f, r.section_code)) });
    }
  }
  return out;
}

/** Section codes of pushed records: bids, openings and awards carry `sectionCode`. */
const sectionCodes = (records: readonly { value: unknown }[]) =>
  records.map((r) => (r.value as { sectionCode: string }).sectionCode);

const sectionRule = (topic: string): FindingRule => ({
  topic,
  rules: SECTION_RULES,
  findingTopic: TradingTopic.BID,
  async rederive(em, records, config) {
    if (!enabled(config)) return [];
    return deriveSections(await sectionFactsOf(em, 'section', sectionCodes(records)), thresholdsOf(config));
  },
});

const acrossRule = (topic: string): FindingRule => ({
  topic,
  rules: CROSS_PROJECT_RULES,
  findingTopic: TradingTopic.BID,
  async rederive(em, records, config) {
    if (!enabled(config)) return [];
    return deriveAcross(em, sectionCodes(records), thresholdsOf(config));
  },
});

/**
 * The collusion rules on the pushes they depend on: a section's bids, its
 * opening (SINGLE_BIDDER waits for it), its award (the winner), its project
 * (budget, method); the cross-project rules on bids and awards.
 */
export const COLLUSION_FINDING_RULES: readonly FindingRule[] = [
  sectionRule(TradingTopic.BID),
  sectionRule(TradingTopic.BID_OPENING),
  sectionRule(TradingTopic.AWARD),
  {
    topic: TradingTopic.TRADING_PROJECT,
    rules: SECTION_RULES,
    findingTopic: TradingTopic.BID,
    async rederive(em, records, config) {
      if (!enabled(config)) return [];
      const projects = records.map((r) => (r.value as { code: string }).code);
      return deriveSections(await sectionFactsOf(em, 'project', projects), thresholdsOf(config));
    },
  },
  acrossRule(TradingTopic.BID),
  acrossRule(TradingTopic.AWARD),
];

/** Every collusion rule code with its spec, for the API and the README. */
export { COLLUSION_RULES };
