/**
 * Example: a trading system (交易系统) pushes market entities (市场主体) to the hub.
 *
 *   npm run build
 *   HUB_API_KEY=hub_... npm run example:push                      # examples/data/entities.json
 *   HUB_API_KEY=hub_... npm run example:push -- my-entities.json  # your own file
 *
 * The file holds a JSON array of MarketEntityInput records, or an object with
 * such an array under `records`. The records are sent in batches of
 * BATCH_SIZE (default 500; the hub takes at most HUB_MAX_BATCH, default 5000).
 *
 * What to learn from it:
 * - A push is judged record by record. Each record comes back ACCEPTED (stored
 *   as a new version, a change event published), UNCHANGED (identical to the
 *   stored version, nothing written) or REJECTED (nothing stored; `errors`
 *   says which field is wrong, e.g. `creditCode` or
 *   `qualifications.0.validUntil`). One bad record never blocks the others.
 * - Pushing the same file again is harmless: the valid records come back
 *   UNCHANGED. So a system that is unsure whether a push arrived simply retries.
 * - Only a failure of the whole request (no key, a wrong key, too big a batch,
 *   the hub unreachable) is an error; the example then exits with status 1.
 *
 * Environment: HUB_URL (default http://127.0.0.1:4000/graphql), HUB_API_KEY
 * (required: the key printed by `npx hub systems add` or `registerSourceSystem`),
 * BATCH_SIZE.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { graphql } from './gql';
import type { MarketEntityInput, PushMarketEntitiesMutation } from './gql/graphql';
import { ExampleError, execute, hubEndpoint, runExample } from './lib/hub-client';
import './lib/push-outcome'; // the PushOutcome fragment the pushes below spread

/** The one mutation of a push; `results` is in the order of the pushed records. */
const PushMarketEntities = graphql(`
  mutation PushMarketEntities($records: [MarketEntityInput!]!) {
    pushMarketEntities(records: $records) {
      ...PushOutcome
    }
  }
`);

type RecordResult = PushMarketEntitiesMutation['pushMarketEntities']['results'][number];

/**
 * The sample file. Compiled, this program runs from dist/examples/, while the
 * data stays in examples/data/: look beside the program first, then in the
 * source tree.
 */
function defaultDataFile(): string {
  const candidates = [
    join(__dirname, 'data', 'entities.json'),
    join(__dirname, '..', '..', 'examples', 'data', 'entities.json'),
  ];
  return candidates.find((f) => existsSync(f)) ?? candidates[1];
}

/** Reads the records to push; throws an ExampleError naming the file when it is missing or malformed. */
function readRecords(file: string): MarketEntityInput[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ExampleError(`cannot read ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ExampleError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const records = Array.isArray(json) ? json : (json as { records?: unknown } | null)?.records;
  if (!Array.isArray(records))
    throw new ExampleError(`${file} must hold a JSON array of records, or an object with a "records" array`);
  // No checks beyond the shape: validating the records is the hub's job, and
  // its per-record answer is what this example is about.
  return records as MarketEntityInput[];
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new ExampleError(`${name}=${JSON.stringify(raw)} must be a whole number above 0`);
  return n;
}

/** Pads to a width; the columns before the last one hold only ASCII, so they line up. */
const pad = (s: string, width: number) => s.padEnd(width);

/** One line per record, and one more line for each further error of a rejected record. */
function printResults(results: readonly RecordResult[]): void {
  const widths = { index: 5, key: 20, status: 10, version: 8 };
  console.log(
    `${pad('index', widths.index)} ${pad('key', widths.key)} ${pad('status', widths.status)} ${pad('version', widths.version)} errors`,
  );
  for (const r of results) {
    const [first, ...more] = r.errors.map((e) => `${e.field || '(record)'}: ${e.code} ${e.message}`);
    console.log(
      `${pad(String(r.index), widths.index)} ${pad(r.key ?? '-', widths.key)} ${pad(r.status, widths.status)} ${pad(r.version === null || r.version === undefined ? '-' : String(r.version), widths.version)} ${first ?? ''}`.trimEnd(),
    );
    const indent = ' '.repeat(widths.index + widths.key + widths.status + widths.version + 4);
    for (const line of more) console.log(indent + line);
  }
}

async function main(): Promise<number> {
  const endpoint = hubEndpoint();
  if (!endpoint.apiKey) {
    throw new ExampleError(
      'HUB_API_KEY is not set: pushing needs the API key of a registered source system ' +
        '(npx hub systems add --code C --name N --kind GOVERNMENT prints one; see README.md, "A first push")',
    );
  }
  const file = resolve(process.argv[2] ?? defaultDataFile());
  const batchSize = positiveInt('BATCH_SIZE', process.env.BATCH_SIZE, 500);
  const records = readRecords(file);
  const shown = relative(process.cwd(), file);
  console.log(
    `Pushing ${records.length} market ${records.length === 1 ? 'entity' : 'entities'} from ${shown && !shown.startsWith('..') ? shown : file} to ${endpoint.url}\n`,
  );

  const results: RecordResult[] = [];
  const totals = { accepted: 0, unchanged: 0, rejected: 0 };
  for (let offset = 0; offset < records.length; offset += batchSize) {
    const batch = records.slice(offset, offset + batchSize);
    const { pushMarketEntities: r } = await execute(endpoint, PushMarketEntities, { records: batch });
    // `index` is the position inside the batch; report positions in the file.
    results.push(...r.results.map((x) => ({ ...x, index: x.index + offset })));
    totals.accepted += r.accepted;
    totals.unchanged += r.unchanged;
    totals.rejected += r.rejected;
  }

  printResults(results);
  console.log(
    `\naccepted ${totals.accepted}, unchanged ${totals.unchanged}, rejected ${totals.rejected} (of ${records.length} records)`,
  );
  // Rejected records are an expected outcome, not a failure of the program:
  // a real system would queue them for correction and carry on.
  return 0;
}

runExample('push-entities', main);
