/**
 * Example: a supervisor's console follows the province-wide warnings (预警).
 *
 *   npm run build
 *   export HUB_API_KEY=$(npx hub clients add --name warnings --roles FEED_CONSUMER \
 *     --read-topics FINDING,FINDING_REVIEW | tail -n 1)
 *   npm run example:warnings                        # follow from the start of the log (Ctrl-C to stop)
 *   MAX_EVENTS=5 AFTER=<cursor> npm run example:warnings
 *
 * It subscribes to the FINDING and FINDING_REVIEW topics of the change feed
 * (`changes(topics, after)`): a finding is raised (CREATE) in the same
 * transaction as the push that makes it hold, cleared (DELETE) in the one
 * that corrects it, and a supervisor's review follows as FINDING_REVIEW. The
 * national-platform relay follows the same topics and sends findings as
 * project alarms (项目报警信息), severity HIGH/MEDIUM/LOW as alarm level 1/2/3.
 * Evidence arrives masked unless the key is granted BID_EVIDENCE: the
 * console shows that two bids share a device, not the device.
 *
 * Environment: HUB_URL, HUB_API_KEY, AFTER (a cursor to resume after),
 * MAX_EVENTS (exit after N events).
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql } from './gql';
import type { FollowWarningsSubscription } from './gql/graphql';
import { bearer, ExampleError, hubEndpoint, runExample } from './lib/hub-client';

const FollowWarnings = graphql(`
  subscription FollowWarnings($after: String) {
    changes(topics: [FINDING, FINDING_REVIEW], after: $after) {
      cursor
      seq
      topic
      op
      key
      occurredAt
      data
    }
  }
`);

type Event = FollowWarningsSubscription['changes'];

const ALARM: Record<string, string> = { HIGH: '1', MEDIUM: '2', LOW: '3' };

/** Text of a payload field (findings carry text fields; anything else is shown as JSON). */
const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);

/** One line per event: what was raised, cleared or reviewed, where, and on what evidence. */
function line(e: Event): string {
  const d = e.data;
  if (e.topic === 'FINDING_REVIEW')
    return `seq ${e.seq}  REVIEW   #${text(d.findingId)} ${text(d.rule)} → ${text(d.outcome)} by ${text(d.author)} ${text(d.note)}`.trimEnd();
  const what = e.op === 'CREATE' ? 'RAISED ' : 'CLEARED';
  const severity = text(d.severity);
  const evidence = d.evidence as { shared?: Record<string, string> } | null;
  const shared = evidence?.shared ? ` shared ${JSON.stringify(evidence.shared)}` : '';
  return (
    `seq ${e.seq}  ${what}  #${e.key} ${text(d.rule)} [${severity}, alarm level ${ALARM[severity] ?? '3'}] ` +
    `${text(d.projectCode)} ${text(d.sectionCode)}${shared}\n      ${text(d.message)}`
  );
}

async function main(): Promise<number> {
  const endpoint = hubEndpoint();
  const raw = process.env.MAX_EVENTS;
  const max = raw ? Number(raw) : Infinity;
  if (raw && (!Number.isInteger(max) || max < 0)) throw new ExampleError('MAX_EVENTS must be a whole number');
  const url = new URL(endpoint.url);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const client = createClient({
    url: url.toString(),
    webSocketImpl: WebSocket,
    connectionParams: endpoint.apiKey ? { authorization: bearer(endpoint.apiKey) } : undefined,
    retryAttempts: 0,
  });
  let seen = 0;
  try {
    if (max === 0) return 0;
    const events = client.iterate<FollowWarningsSubscription>({
      query: FollowWarnings.toString(),
      variables: { after: process.env.AFTER?.trim() || null },
    });
    for await (const r of events) {
      if (r.errors?.length) throw new ExampleError(r.errors.map((e) => e.message).join('; '));
      const e = r.data!.changes;
      console.log(line(e));
      seen += 1;
      if (seen >= max) {
        console.error(`[warnings] ${seen} event(s); resume with AFTER=${e.cursor}`);
        break;
      }
    }
  } finally {
    await client.dispose();
  }
  return 0;
}

runExample('warnings', main);
