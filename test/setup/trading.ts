import { entities } from './data';
import type { TestHub } from './hub';

/** The result of any push mutation, as the tests read it. */
export interface Push {
  accepted: number;
  unchanged: number;
  rejected: number;
  results: {
    index: number;
    key: string | null;
    status: string;
    version: number | null;
    errors: { field: string; code: string; message: string; rule: string | null }[];
    warnings: { rule: string; message: string }[];
  }[];
}

const RESULT =
  'accepted unchanged rejected results { index key status version errors { field code message rule } warnings { rule message } }';

/** Pushes records with one of the push mutations (e.g. `pushBids` with input type `BidInput`). */
export async function push(
  t: TestHub,
  key: string,
  mutation: string,
  inputType: string,
  records: unknown[],
): Promise<Push> {
  const r = await t.gql<Record<string, Push>>(
    `mutation($r: [${inputType}!]!) { ${mutation}(records: $r) { ${RESULT} } }`,
    { r: records },
    key,
  );
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data![mutation];
}

/** Registered market entities to trade with: a tenderer, an agency and `bidders` bidders, all in Wuhan. */
export async function parties(t: TestHub, key: string, bidders = 3, offset = 7000) {
  const all = entities(2 + bidders, offset).map((e) => ({ ...e, regionCode: '420102' }));
  const r = await t.gql<{ pushMarketEntities: { accepted: number } }>(
    'mutation($r: [MarketEntityInput!]!) { pushMarketEntities(records: $r) { accepted } }',
    { r: all },
    key,
  );
  if (r.data?.pushMarketEntities.accepted !== all.length) throw new Error(`parties not stored: ${JSON.stringify(r)}`);
  const codes = all.map((e) => e.creditCode!);
  return { tenderer: codes[0], agency: codes[1], bidders: codes.slice(2) };
}

/** A project of the engineering catalog in Wuhan with two sections. */
export function project(code: string, p: { tenderer: string; agency: string }, over: Record<string, unknown> = {}) {
  return {
    code,
    name: `${code} 武汉市某道路改造工程`,
    subItemCode: 'ENG_TRANSPORT',
    regionCode: '420102',
    tendererCreditCode: p.tenderer,
    agencyCreditCode: p.agency,
    budget: '1000000.00',
    method: 'OPEN_TENDER',
    status: 'TENDERING',
    publishedAt: '2026-09-01T09:00:00+08:00',
    bidDeadline: '2026-09-25T09:30:00+08:00',
    sections: [
      { code: `${code}-S1`, name: '一标段', budget: '600000.00', openingAt: '2026-09-25T09:30:00+08:00' },
      { code: `${code}-S2`, name: '二标段', budget: '400000.00', openingAt: '2026-09-25T09:30:00+08:00' },
    ],
    ...over,
  };
}
