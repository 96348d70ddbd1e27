/**
 * Example: a government-procurement system (政府采购交易系统) pushes one
 * project through its whole lifecycle, in order.
 *
 *   npm run build
 *   HUB_API_KEY=hub_... npm run example:procurement               # a new project code from the clock
 *   HUB_API_KEY=hub_... npm run example:procurement -- GP-2026-0042   # a code of your own
 *
 * The steps, each a push of its own kind:
 *   1. the market entities it needs (采购人, 采购代理机构, three 供应商),
 *   2. the project with two lots (标段/包) in sub-item GP_GOODS,
 *   3. the tender notice (招标公告), 4. the bids (投标), 5. the bid openings (开标),
 *   6. the evaluation committees (评标委员会), then the evaluation reports (评标结果);
 *      their experts must be in the province-wide pool (全省一库) already, pushed
 *      by the pool's system (pushExperts): an expert code the pool does not hold
 *      is REJECTED with rule EXPERT_NOT_IN_POOL (the demo hub's pool, from
 *      `npm start`, holds the eight experts named here),
 *   7. the candidate publicity (中标候选人公示),
 *   8. the awards (中标), 9. the award notice (中标结果公告), 10. the contracts (合同),
 *   and, after the opening, the award and the contracts, the project's new status
 *   (EVALUATING, AWARDED, CONTRACTED).
 *
 * What to learn from it:
 * - Every trading record has its own push mutation, judged record by record
 *   like pushMarketEntities: ACCEPTED, UNCHANGED or REJECTED with `errors`.
 * - Order matters: a record names what it follows (a bid its section, an award
 *   a bidder with a valid bid, a contract an awarded section). A record that
 *   comes too early is REJECTED with a lifecycle `rule` (e.g.
 *   CONTRACT_WITHOUT_AWARD); so this program stops at the first rejection.
 * - Timing problems (a bid after the opening, a publicity that is too short or
 *   late, a bid period under 20 days) do not reject the record: it is stored,
 *   and the result carries `warnings`, data-quality findings that supervisors
 *   follow up (they are also listed on the project: `findings`).
 * - Times are ISO 8601 with an offset (+08:00, China time), days YYYY-MM-DD,
 *   money decimal strings in yuan: never floats.
 * - Without an argument every run makes a new project (GP-<date>-<time> from
 *   the clock); the parties, already stored, then come back UNCHANGED. Given
 *   the code of a project pushed today, the records come back UNCHANGED too,
 *   except the project itself, whose status walks through its stages again
 *   (a new version each time: the hub stores what it is sent).
 *
 * Environment: HUB_URL (default http://127.0.0.1:4000/graphql), HUB_API_KEY
 * (required: the key of a registered source system granted the
 * GOV_PROCUREMENT category, e.g. from `npx hub systems add`).
 */
import { graphql } from './gql';
import type { MarketEntityInput, PushOutcomeFragment, TypedDocumentString } from './gql/graphql';
import { ExampleError, execute, hubEndpoint, runExample } from './lib/hub-client';
import './lib/push-outcome'; // the PushOutcome fragment the pushes below spread

// One mutation per kind of record; they all answer with a PushResult, selected by the PushOutcome fragment.

const PushEntities = graphql(`
  mutation PushProcurementEntities($records: [MarketEntityInput!]!) {
    pushMarketEntities(records: $records) {
      ...PushOutcome
    }
  }
`);

const PushProjects = graphql(`
  mutation PushProcurementProjects($records: [TradingProjectInput!]!) {
    pushTradingProjects(records: $records) {
      ...PushOutcome
    }
  }
`);

const PushAnnouncements = graphql(`
  mutation PushProcurementAnnouncements($records: [AnnouncementInput!]!) {
    pushAnnouncements(records: $records) {
      ...PushOutcome
    }
  }
`);

const PushBids = graphql(`
  mutation PushProcurementBids($records: [BidInput!]!) {
    pushBids(records: $records) {
      ...PushOutcome
    }
  }
`);

const PushBidOpenings = graphql(`
  mutation PushProcurementBidOpenings($records: [BidOpeningInput!]!) {
    pushBidOpenings(records: $records) {
      ...PushOutcome
    }
  }
`);

const PushEvaluations = graphql(`
  mutation PushProcurementEvaluations($records: [EvaluationInput!]!) {
    pushEvaluations(records: $records) {
      ...PushOutcome
    }
  }
`);

const PushAwards = graphql(`
  mutation PushProcurementAwards($records: [AwardInput!]!) {
    pushAwards(records: $records) {
      ...PushOutcome
    }
  }
`);

const PushContracts = graphql(`
  mutation PushProcurementContracts($records: [ContractInput!]!) {
    pushContracts(records: $records) {
      ...PushOutcome
    }
  }
`);

/** The PushResult every push mutation answers with (the PushOutcome fragment). */
type PushResult = PushOutcomeFragment;

// ---------------------------------------------------------------- the parties

/**
 * The market entities of the example. The credit codes are made up but valid
 * (GB 32100-2015): 17 characters plus the check character that
 * src/common/credit-code.ts `withCheckChar` computes.
 */
const PURCHASER = '12420106MB1P3Q5R7Y';
const AGENCY = '91420106MA4P8K2D33';
const SUPPLIERS = ['91420100MA4R6T3W50', '91420111MA4T9G7H2H', '91420102MA4U2N8C65'] as const;

const ENTITIES: MarketEntityInput[] = [
  {
    creditCode: PURCHASER,
    name: '武汉市武昌区第一人民医院',
    roles: ['PURCHASER', 'TENDERER'],
    legalRepresentative: '王建华',
    regionCode: '420106',
    establishedOn: '1952-07-01',
  },
  {
    creditCode: AGENCY,
    name: '湖北楚信招标代理有限公司',
    roles: ['AGENCY'],
    legalRepresentative: '李文静',
    registeredCapital: '10000000.00',
    regionCode: '420106',
    establishedOn: '2012-04-16',
  },
  {
    creditCode: SUPPLIERS[0],
    name: '武汉江城医疗设备有限公司',
    roles: ['SUPPLIER', 'BIDDER'],
    legalRepresentative: '张明',
    registeredCapital: '50000000.00',
    regionCode: '420100',
    establishedOn: '2015-09-08',
  },
  {
    creditCode: SUPPLIERS[1],
    name: '湖北光谷康泰医疗科技有限公司',
    roles: ['SUPPLIER', 'BIDDER'],
    legalRepresentative: '周丽',
    registeredCapital: '30000000.00',
    regionCode: '420111',
    establishedOn: '2017-03-22',
  },
  {
    creditCode: SUPPLIERS[2],
    name: '武汉汉口仁和医药器械有限公司',
    roles: ['SUPPLIER', 'BIDDER'],
    legalRepresentative: '陈刚',
    registeredCapital: '20000000.00',
    regionCode: '420102',
    establishedOn: '2010-11-30',
  },
];

// ---------------------------------------------------------------- China time

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** YYYY-MM-DD of a day, `offset` days after `start` (a date string). */
function day(start: string, offset: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
}

/** An ISO 8601 time with the China offset, e.g. 2026-09-01T09:00:00+08:00. */
function at(start: string, offset: number, hhmm: string): string {
  return `${day(start, offset)}T${hhmm}:00+08:00`;
}

/** The China-time date of an instant. */
function chinaDay(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** GP-YYYYMMDD-HHMMSSmmm from the clock (China time), so every run makes a new project. */
function defaultProjectCode(now: number): string {
  const t = new Date(now + CHINA_OFFSET_MS).toISOString();
  return `GP-${t.slice(0, 10).replace(/-/g, '')}-${t.slice(11, 23).replace(/[:.]/g, '')}`;
}

// ---------------------------------------------------------------- printing

const pad = (s: string, width: number) => s.padEnd(width);

/** One line per record, then its errors and warnings indented below it. */
function printResult(r: PushResult): void {
  for (const x of r.results) {
    console.log(
      `  ${pad(String(x.index), 3)} ${pad(x.key ?? '-', 44)} ${pad(x.status, 10)} ${x.version === null || x.version === undefined ? '-' : `v${x.version}`}`,
    );
    for (const e of x.errors)
      console.log(`        error   ${e.field || '(record)'}: ${e.code}${e.rule ? ` ${e.rule}` : ''} ${e.message}`);
    for (const w of x.warnings) console.log(`        warning ${w.rule}: ${w.message}`);
  }
}

// ---------------------------------------------------------------- the lifecycle

interface Totals {
  steps: number;
  accepted: number;
  unchanged: number;
  warnings: number;
}

async function main(): Promise<number> {
  const endpoint = hubEndpoint();
  if (!endpoint.apiKey) {
    throw new ExampleError(
      'HUB_API_KEY is not set: pushing needs the API key of a registered source system ' +
        '(npx hub systems add --code C --name N --kind MARKET prints one; see README.md, "A first push")',
    );
  }
  const now = Date.now();
  const code = process.argv[2]?.trim() || defaultProjectCode(now);
  // The project's calendar starts 60 days ago, so that every date below is in the past.
  const d0 = chinaDay(now - 60 * DAY_MS);
  const lots = [
    { code: `${code}-01`, name: '包1：医用超声诊断设备', budget: '1800000.00' },
    { code: `${code}-02`, name: '包2：监护仪及输液泵', budget: '700000.00' },
  ];
  const openingAt = at(d0, 21, '09:30');
  const project = (status: string) => ({
    code,
    name: `${code} 武昌区第一人民医院医疗设备采购项目`,
    subItemCode: 'GP_GOODS',
    regionCode: '420106',
    tendererCreditCode: PURCHASER,
    agencyCreditCode: AGENCY,
    budget: '2500000.00',
    method: 'OPEN_TENDER',
    status,
    publishedAt: at(d0, 0, '09:00'),
    // At least 20 days from the notice to the deadline (政府采购法实施条例), or a BID_PERIOD_SHORT warning.
    bidDeadline: openingAt,
    details: { classificationCode: 'A02021000', centralised: false },
    externalId: `GPS-${code}`,
    sections: lots.map((l) => ({ ...l, openingAt, status })),
  });
  // Quotes per lot and supplier; the lowest evaluated price ranks first here.
  const quotes: Record<string, readonly string[]> = {
    [lots[0].code]: ['1726000.00', '1698500.00', '1752300.00'],
    [lots[1].code]: ['668000.00', '681200.00', '659900.00'],
  };
  const scores: Record<string, readonly string[]> = {
    [lots[0].code]: ['88.50', '93.20', '85.75'],
    [lots[1].code]: ['89.40', '86.10', '91.35'],
  };
  /** Suppliers of a lot by rank: best score first. */
  const ranked = (lot: string) =>
    SUPPLIERS.map((s, i) => ({ s, i })).sort((a, b) => Number(scores[lot][b.i]) - Number(scores[lot][a.i]));
  const winner = (lot: string) => ranked(lot)[0];

  console.log(`Pushing procurement project ${code} through its lifecycle to ${endpoint.url}\n`);
  const totals: Totals = { steps: 0, accepted: 0, unchanged: 0, warnings: 0 };
  const steps = 14;
  const step = async <TResult, TRecord>(
    title: string,
    document: TypedDocumentString<TResult, { records: TRecord[] }>,
    records: TRecord[],
  ) => {
    totals.steps++;
    const data = await execute(endpoint, document, { records });
    const r = Object.values(data as Record<string, PushResult>)[0];
    console.log(
      `[${totals.steps}/${steps}] ${title}: accepted ${r.accepted}, unchanged ${r.unchanged}, rejected ${r.rejected}`,
    );
    printResult(r);
    totals.accepted += r.accepted;
    totals.unchanged += r.unchanged;
    totals.warnings += r.results.reduce((n, x) => n + x.warnings.length, 0);
    if (r.rejected > 0) {
      // Later steps build on this one (a bid needs its lot, an award a bid...): stop here.
      throw new ExampleError(
        `${title}: ${r.rejected} record(s) rejected; stopping, since the later steps depend on them`,
      );
    }
  };

  await step('market entities (pushMarketEntities)', PushEntities, ENTITIES);
  await step('project with two lots (pushTradingProjects)', PushProjects, [project('TENDERING')]);
  await step('tender notice (pushAnnouncements)', PushAnnouncements, [
    {
      code: `${code}-ZB`,
      projectCode: code,
      type: 'TENDER_NOTICE',
      title: '武昌区第一人民医院医疗设备采购项目公开招标公告',
      publishedAt: at(d0, 0, '09:00'),
      url: `https://www.hbggzyfwpt.cn/notice/${encodeURIComponent(code)}/zb`,
    },
  ]);
  await step(
    'bids (pushBids)',
    PushBids,
    lots.flatMap((l, li) =>
      SUPPLIERS.map((s, i) => ({
        sectionCode: l.code,
        bidderCreditCode: s,
        amount: quotes[l.code][i],
        // Before the opening, or the bid is stored with a BID_AFTER_OPENING warning.
        submittedAt: at(d0, 18 + i, `1${li}:${15 + 10 * i}`),
        ipAddress: `10.42.${li + 1}.${11 + i}`,
        caCertSerial: `HBCA-${s.slice(8, 16)}-${li + 1}`,
      })),
    ),
  );
  await step(
    'bid openings (pushBidOpenings)',
    PushBidOpenings,
    lots.map((l) => ({
      sectionCode: l.code,
      openedAt: openingAt,
      bidderCount: String(SUPPLIERS.length),
      location: '湖北省公共资源交易中心 开标室 3',
    })),
  );
  await step('project status EVALUATING (pushTradingProjects)', PushProjects, [project('EVALUATING')]);
  // The committee sits: pushed while the evaluation runs, its members' identities
  // stay masked to readers without the EXPERT_IDENTITY grant until the report.
  // The chair and members are experts of the pool (EXP4201<lot><k><nnn>); the
  // tenderer's representative is not.
  const committee = (li: number) =>
    ['李建国', '王海燕', '陈志强', '周敏', '刘晓东'].map((name, k) => ({
      expertCode: k === 4 ? `${code}-REP` : `EXP4201${li}${k}${String(17 + 3 * k).padStart(3, '0')}`,
      name,
      role: k === 0 ? 'CHAIR' : k === 4 ? 'TENDERER_REPRESENTATIVE' : 'MEMBER',
      organisation:
        k === 4
          ? '武汉市武昌区第一人民医院'
          : ['华中科技大学同济医学院', '武汉大学人民医院', '湖北省医疗器械检验研究院', '湖北省医学会'][k],
    }));
  await step(
    'evaluation committees sit (pushEvaluations)',
    PushEvaluations,
    lots.map((l, li) => ({ sectionCode: l.code, startedAt: at(d0, 22, '09:00'), committee: committee(li) })),
  );
  await step(
    'evaluations (pushEvaluations)',
    PushEvaluations,
    lots.map((l, li) => ({
      sectionCode: l.code,
      startedAt: at(d0, 22, '09:00'),
      committee: committee(li),
      reportedAt: at(d0, 23, '17:00'),
      candidates: ranked(l.code).map(({ s, i }, rank) => ({
        rank: String(rank + 1),
        bidderCreditCode: s,
        score: scores[l.code][i],
        amount: quotes[l.code][i],
      })),
    })),
  );
  // Within 3 days of the evaluation report, for at least 3 days (招标投标法实施条例 第五十四条).
  await step('candidate publicity (pushAnnouncements)', PushAnnouncements, [
    {
      code: `${code}-GS`,
      projectCode: code,
      type: 'CANDIDATE_PUBLICITY',
      title: '武昌区第一人民医院医疗设备采购项目中标候选人公示',
      publishedAt: at(d0, 24, '09:00'),
      periodStart: day(d0, 24),
      periodEnd: day(d0, 26),
      sectionCodes: lots.map((l) => l.code),
    },
  ]);
  await step(
    'awards (pushAwards)',
    PushAwards,
    lots.map((l) => ({
      sectionCode: l.code,
      winnerCreditCode: winner(l.code).s,
      amount: quotes[l.code][winner(l.code).i],
      awardedOn: day(d0, 28),
    })),
  );
  await step('award notice (pushAnnouncements)', PushAnnouncements, [
    {
      code: `${code}-JG`,
      projectCode: code,
      type: 'AWARD_NOTICE',
      title: '武昌区第一人民医院医疗设备采购项目中标结果公告',
      publishedAt: at(d0, 28, '10:00'),
      sectionCodes: lots.map((l) => l.code),
    },
  ]);
  await step('project status AWARDED (pushTradingProjects)', PushProjects, [project('AWARDED')]);
  await step(
    'contracts (pushContracts)',
    PushContracts,
    lots.map((l, li) => ({
      code: `${code}-HT${li + 1}`,
      sectionCode: l.code,
      amount: quotes[l.code][winner(l.code).i],
      signedOn: day(d0, 35),
      periodStart: day(d0, 36),
      periodEnd: day(d0, 36 + 365),
    })),
  );
  await step('project status CONTRACTED (pushTradingProjects)', PushProjects, [project('CONTRACTED')]);

  console.log(
    `\nproject ${code} is CONTRACTED: ${totals.steps} steps, ${totals.accepted} records accepted, ${totals.unchanged} unchanged, 0 rejected, ${totals.warnings} warning(s)`,
  );
  return 0;
}

runExample('push-procurement', main);
