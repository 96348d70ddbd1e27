/**
 * Example: Credit Hubei (信用湖北) keeps the set of credit records that are
 * public now, by following the hub's CREDIT_PUBLICATION topic.
 *
 *   npm run build
 *   HUB_API_KEY=… STATE_FILE=/var/lib/credit-hubei/state.json npm run example:credit-hubei
 *   UNTIL_SEQ=1234 npm run example:credit-hubei     # stop once the event with seq 1234 is applied
 *
 * The hub appends CREATE when a record's publication starts, UPDATE when a
 * public record changes and DELETE when its publication ends (window closed,
 * repaired, revoked); a scheduler in the hub emits them as time passes.
 * Applying them in order gives exactly the records public now, with personal
 * data already masked by the hub.
 *
 * What to learn from it: the published set and the cursor of the last event
 * applied are one state, saved together atomically (write a temporary file,
 * fsync, rename over the old one). A crash leaves the old state or the new,
 * never a set that disagrees with its cursor, so a restart resumes after the
 * saved cursor and applies each event exactly once.
 *
 * Environment: HUB_URL (default http://127.0.0.1:4000/graphql), HUB_API_KEY
 * (a key that may read CREDIT_PUBLICATION), STATE_FILE (default
 * .credit-hubei.json), UNTIL_SEQ (exit after applying that seq), MAX_EVENTS
 * (exit after that many events).
 */
import { createClient } from 'graphql-ws';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import { graphql } from './gql';
import type { FollowPublicationSubscription } from './gql/graphql';
import { bearer, ExampleError, formatGraphQLErrors, hubEndpoint, runExample } from './lib/hub-client';

const FollowPublication = graphql(`
  subscription FollowPublication($after: String) {
    changes(topics: [CREDIT_PUBLICATION], after: $after) {
      cursor
      seq
      op
      key
      data
    }
  }
`);

/** What this program keeps: the cursor of the last event applied and the records public after it, by code. */
export interface PublishedState {
  cursor: string | null;
  published: Record<string, Record<string, unknown>>;
}

const note = (message: string) => console.error(`[credit-hubei] ${message}`);

function loadState(file: string): PublishedState {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PublishedState;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { cursor: null, published: {} };
    throw new ExampleError(`cannot read STATE_FILE ${file}: ${(err as Error).message}`);
  }
}

/** Replaces the state file atomically and durably (same folder, so rename is atomic). */
function saveState(file: string, state: PublishedState): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(state)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

function optionalInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ExampleError(`${name}=${JSON.stringify(raw)} must be a whole number`);
  return n;
}

async function main(): Promise<number> {
  const endpoint = hubEndpoint();
  const url = new URL(endpoint.url);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const file = resolve(process.env.STATE_FILE?.trim() || '.credit-hubei.json');
  const untilSeq = optionalInt('UNTIL_SEQ');
  const maxEvents = optionalInt('MAX_EVENTS');
  const state = loadState(file);
  note(
    `${Object.keys(state.published).length} record(s) public; ${state.cursor ? 'resuming after the saved cursor' : 'from the beginning'}`,
  );
  let applied = 0;

  const client = createClient({
    url: url.toString(),
    webSocketImpl: WebSocket,
    connectionParams: endpoint.apiKey ? { authorization: bearer(endpoint.apiKey) } : undefined,
    lazy: true,
    // A retry inside the client would resubscribe with the first cursor: this program stops, and resumes on restart.
    retryAttempts: 0,
  });

  const status = await new Promise<number>((finish, fail) => {
    const unsubscribe = client.subscribe<FollowPublicationSubscription>(
      { query: FollowPublication.toString(), variables: { after: state.cursor } },
      {
        next: (result) => {
          if (result.errors?.length) {
            unsubscribe();
            return fail(new ExampleError(formatGraphQLErrors(result.errors)));
          }
          const e = result.data?.changes;
          if (!e) return;
          // Apply, then save the set with the event's cursor in one write.
          if (e.op === 'DELETE') delete state.published[e.key];
          else state.published[e.key] = e.data;
          state.cursor = e.cursor;
          saveState(file, state);
          console.log(`seq ${e.seq}  ${e.op.padEnd(6)}  ${e.key}`);
          applied++;
          if (
            (untilSeq !== undefined && Number(e.seq) >= untilSeq) ||
            (maxEvents !== undefined && applied >= maxEvents)
          ) {
            unsubscribe();
            finish(0);
          }
        },
        error: (err) => fail(new ExampleError(`subscription ended: ${JSON.stringify(err)}; run again to resume`)),
        complete: () => finish(0),
      },
    );
  }).finally(() => client.dispose());
  note(`${applied} event(s) applied; ${Object.keys(state.published).length} record(s) public; state in ${file}`);
  return status;
}

runExample('credit-hubei', main);
