/**
 * Example: an integrator pages through the market-entity registry (市场主体库).
 *
 *   npm run build
 *   npm run example:page
 *   REGION=420100 ROLE=BIDDER npm run example:page          # bidders in Wuhan and its districts
 *   npm run example:page -- --name 建设 --page-size 20       # names containing 建设
 *
 * Filters, from the command line or the environment (the command line wins):
 *   --region / REGION        GB/T 2260 code; a prefecture (420100) includes its
 *                            districts, 420000 is all of Hubei
 *   --role   / ROLE          TENDERER, BIDDER, AGENCY, SUPPLIER, PURCHASER, TRANSFEROR
 *   --name   / NAME          part of the name, case-insensitive
 *   --status / STATUS        ACTIVE, CANCELLED, REVOKED
 *   --page-size / PAGE_SIZE  entities per request (default 50; the hub allows up to HUB_MAX_PAGE, 500)
 *
 * What to learn from it:
 * - `marketEntities` is a Relay-style connection: ask for `first` entities,
 *   then pass `pageInfo.endCursor` as `after` until `hasNextPage` is false.
 *   The order (by credit code) is stable, so no entity is skipped or repeated
 *   between pages; the cursor is opaque, so never build one yourself.
 * - `totalCount` costs a count query, so this example asks for it (with
 *   @include) only on the first page.
 * - Reads need no key; HUB_API_KEY is sent when set.
 *
 * Environment: HUB_URL (default http://127.0.0.1:4000/graphql), HUB_API_KEY (optional).
 */
import { parseArgs } from 'node:util';
import { graphql } from './gql';
import type { EntityStatus, MarketEntitiesPageQuery, MarketEntityFilterInput, MarketRole } from './gql/graphql';
import { ExampleError, execute, hubEndpoint, runExample } from './lib/hub-client';

const MarketEntitiesPage = graphql(`
  query MarketEntitiesPage($filter: MarketEntityFilterInput, $first: Int, $after: String, $withTotal: Boolean!) {
    marketEntities(filter: $filter, first: $first, after: $after, orderBy: CREDIT_CODE) {
      totalCount @include(if: $withTotal)
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          creditCode
          name
          regionCode
          roles
          status
          registeredCapital
          sourceSystem {
            code
          }
        }
      }
    }
  }
`);

/** The filter from argv and the environment; empty values mean "no condition". */
function readFilter(): { filter: MarketEntityFilterInput; pageSize: number } {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        region: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        status: { type: 'string' },
        'page-size': { type: 'string' },
      },
    }));
  } catch (err) {
    throw new ExampleError(`${(err as Error).message}; options are --region, --role, --name, --status, --page-size`);
  }
  const env = process.env;
  const pick = (arg: string | undefined, name: string) => (arg ?? env[name])?.trim() || undefined;
  const filter: MarketEntityFilterInput = {};
  const region = pick(values.region, 'REGION');
  const role = pick(values.role, 'ROLE');
  const name = pick(values.name, 'NAME');
  const status = pick(values.status, 'STATUS');
  if (region) filter.regionCode = region;
  // Enum values are checked by the hub: a wrong one comes back as BAD_USER_INPUT naming the value.
  if (role) filter.role = role.toUpperCase() as MarketRole;
  if (name) filter.nameContains = name;
  if (status) filter.status = status.toUpperCase() as EntityStatus;
  const rawSize = pick(values['page-size'], 'PAGE_SIZE');
  const pageSize = rawSize === undefined ? 50 : Number(rawSize);
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new ExampleError(`page size ${JSON.stringify(rawSize)} must be a whole number above 0`);
  return { filter, pageSize };
}

async function main(): Promise<number> {
  const endpoint = hubEndpoint();
  const { filter, pageSize } = readFilter();
  const conditions = Object.entries(filter).map(([k, v]) => `${k}=${String(v)}`);
  console.log(`Market entities at ${endpoint.url}${conditions.length ? ` where ${conditions.join(', ')}` : ''}\n`);

  let after: string | null = null;
  let totalCount: number | undefined;
  let listed = 0;
  let pages = 0;
  for (;;) {
    const { marketEntities: page }: MarketEntitiesPageQuery = await execute(endpoint, MarketEntitiesPage, {
      filter,
      first: pageSize,
      after,
      withTotal: pages === 0,
    });
    pages++;
    if (page.totalCount !== undefined && page.totalCount !== null) totalCount = page.totalCount;
    for (const { node: e } of page.edges) {
      listed++;
      // Fixed-width ASCII columns first, the (Chinese) name last, so the lines align.
      console.log(
        [
          e.creditCode,
          e.regionCode,
          e.status.padEnd(9),
          (e.roles.join(',') || '-').padEnd(18),
          (e.registeredCapital ?? '-').padStart(15),
          e.sourceSystem.code.padEnd(12),
          e.name,
        ].join('  '),
      );
    }
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }

  console.log(`\n${listed} entities listed in ${pages} page(s); totalCount ${totalCount ?? '?'}`);
  return 0;
}

runExample('page-entities', main);
