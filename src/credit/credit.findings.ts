import type { EntityManager } from '@mikro-orm/postgresql';
import { chinaDate } from '../common/datetime';
import { query } from '../common/sql';
import { ErrorCode } from '../common/errors';
import type { FindingRule, ReferenceRule } from '../ingest/findings';
import type { FieldError, FindingData } from '../ingest/types';
import { ExpertStatus } from './credit.model';
import { expertIds } from './expert.queries';
import { dayStart } from './publication.rules';

/*
 * Credit as a condition of market entry (一处受罚、处处受制), contributed as
 * findings on the trading family's records through its descriptor's
 * findingRules: derived in the push of a bid, award or evaluation, in its
 * transaction, one query per batch.
 */

/** Which of (key, credit code, moment) triples were blacklisted then: one statement, on credit_record_subject_idx. */
async function blacklistedAt(
  em: EntityManager,
  checks: readonly { key: string; code: string; at: Date }[],
): Promise<Map<string, { code: string; until: string }[]>> {
  if (!checks.length) return new Map();
  const rows = await query<{ key: string; record: string; until: string }>(
    em,
    `select x.key, r.code as record, r.effective_until::text as until
     from jsonb_to_recordset(?::jsonb) as x(key text, code text, day date, at timestamptz)
     join credit_record r on r.subject_code = x.code and r.effective_until > x.day and r.effective_from <= x.day
     where r.subject_type = 'ENTITY' and r.kind = 'BLACKLIST' and r.status <> 'REVOKED'
       and (r.repaired_at is null or r.repaired_at > x.at)
     order by x.key, r.code`,
    [JSON.stringify(checks.map((c) => ({ key: c.key, code: c.code, day: chinaDate(c.at), at: c.at.toISOString() })))],
  );
  const out = new Map<string, { code: string; until: string }[]>();
  for (const r of rows) out.set(r.key, [...(out.get(r.key) ?? []), { code: r.record, until: r.until }]);
  return out;
}

function add(out: Map<string, FindingData[]>, key: string, f: FindingData): void {
  out.set(key, [...(out.get(key) ?? []), f]);
}

/** A bid by a subject blacklisted (失信联合惩戒对象) at its submittedAt: BIDDER_BLACKLISTED. */
export const blacklistedBidder: FindingRule = {
  topic: 'BID',
  rules: ['BIDDER_BLACKLISTED'],
  async derive(em, records) {
    const checks = records.map((r) => {
      const v = r.value as { bidderCreditCode: string; submittedAt: string };
      return { key: r.key, code: v.bidderCreditCode, at: new Date(v.submittedAt) };
    });
    const found = await blacklistedAt(em, checks);
    const out = new Map<string, FindingData[]>();
    for (const c of checks)
      for (const b of found.get(c.key) ?? [])
        add(out, c.key, {
          rule: 'BIDDER_BLACKLISTED',
          message: `${c.code} was blacklisted when it bid (record ${b.code}, until ${b.until})`,
        });
    return out;
  },
};

/** An award to a subject blacklisted on its award date: WINNER_BLACKLISTED. */
export const blacklistedWinner: FindingRule = {
  topic: 'AWARD',
  rules: ['WINNER_BLACKLISTED'],
  async derive(em, records) {
    const checks = records.map((r) => {
      const v = r.value as { winnerCreditCode: string; awardedOn: string };
      return { key: r.key, code: v.winnerCreditCode, at: new Date(dayStart(v.awardedOn)) };
    });
    const found = await blacklistedAt(em, checks);
    const out = new Map<string, FindingData[]>();
    for (const c of checks)
      for (const b of found.get(c.key) ?? [])
        add(out, c.key, {
          rule: 'WINNER_BLACKLISTED',
          message: `${c.code} was blacklisted on the award date (record ${b.code}, until ${b.until})`,
        });
    return out;
  },
};

/** Committee roles filled from the pool (the tenderer's representative is not a pool expert). */
const POOL_ROLES = new Set(['CHAIR', 'MEMBER']);

/** A SUSPENDED expert of the pool on an evaluation committee: EXPERT_SUSPENDED. */
export const suspendedExpert: FindingRule = {
  topic: 'EVALUATION',
  rules: ['EXPERT_SUSPENDED'],
  async derive(em, records) {
    const members = records.flatMap((r) =>
      ((r.value as { committee?: { expertCode: string; role: string }[] }).committee ?? [])
        .filter((m) => POOL_ROLES.has(m.role))
        .map((m) => ({ key: r.key, code: m.expertCode })),
    );
    const pool = await expertIds(
      em,
      members.map((m) => m.code),
    );
    const out = new Map<string, FindingData[]>();
    for (const m of members)
      if (pool.get(m.code)?.status === ExpertStatus.SUSPENDED)
        add(out, m.key, {
          rule: 'EXPERT_SUSPENDED',
          message: `expert ${m.code} of the committee is suspended from the pool`,
        });
    return out;
  },
};

export const CREDIT_FINDING_RULES: readonly FindingRule[] = [blacklistedBidder, blacklistedWinner, suspendedExpert];

/**
 * Committee experts must be in the province-wide pool (全省一库): an unknown
 * code is a per-record error (EXPERT_NOT_IN_POOL) at
 * `committee.<i>.expertCode`, so the pool's system pushes experts before the
 * trading systems push the committees they sit on.
 */
export const committeeExpertsInPool: ReferenceRule = {
  topic: 'EVALUATION',
  async check(em, records) {
    const members = records.flatMap((r) =>
      ((r.value as { committee?: { expertCode: string; role: string }[] }).committee ?? [])
        .map((m, i) => ({ key: r.key, code: m.expertCode, role: m.role, i }))
        .filter((m) => POOL_ROLES.has(m.role)),
    );
    const out = new Map<string, FieldError[]>();
    if (!members.length) return out;
    const pool = await expertIds(
      em,
      members.map((m) => m.code),
    );
    for (const m of members) {
      if (pool.has(m.code)) continue;
      out.set(m.key, [
        ...(out.get(m.key) ?? []),
        {
          field: `committee.${m.i}.expertCode`,
          code: ErrorCode.NOT_FOUND,
          rule: 'EXPERT_NOT_IN_POOL',
          message: `expert ${m.code} is not in the province-wide expert pool; push it first (pushExperts)`,
        },
      ]);
    }
    return out;
  },
};
