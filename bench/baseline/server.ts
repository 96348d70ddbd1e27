/**
 * The baselines' server: what the same machine does without the hub. Plain
 * `pg` and `ws`, no ORM, no GraphQL execution, every response built as JSON
 * text by PostgreSQL or serialised once per event.
 *
 * - POST /graphql `{ variables: { after } }`: the nested read of the bench
 *   (20 projects, their sections, bids, bidders and qualifications) in ONE
 *   SQL statement that returns the response's JSON text.
 * - graphql-ws on /graphql: the `changes` subscription (replay from the table
 *   in keyset batches, then live from one LISTEN connection and one tail
 *   reader fanned out in memory), speaking just enough of the protocol for
 *   the graphql-ws client.
 *
 * Runs as a child process of the bench (`node dist/bench/baseline/server.js`
 * with DATABASE_URL) and prints `listening <port>` when ready.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Pool } from 'pg';
import { WebSocketServer, type WebSocket } from 'ws';

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const ts = (col: string) => `to_char(${col} at time zone 'UTC', ${ISO})`;

/** The bench's nested read, as one statement: the `edges` array of the response, as JSON text. */
export const NESTED_READ_SQL = `
select coalesce(json_agg(json_build_object('node', json_build_object(
  'code', p.code, 'name', p.name, 'budget', p.budget::text, 'publishedAt', ${ts('p.published_at')},
  'sections', (
    select coalesce(json_agg(json_build_object(
      'code', s.code, 'name', s.name, 'budget', s.budget::text,
      'bids', (
        select coalesce(json_agg(json_build_object(
          'amount', b.amount::text, 'submittedAt', ${ts('b.submitted_at')}, 'status', b.status,
          'bidder', json_build_object(
            'creditCode', m.credit_code, 'name', m.name,
            'qualifications', (
              select coalesce(json_agg(json_build_object('code', q->'code', 'name', q->'name', 'level', q->'level', 'validUntil', q->'validUntil')), '[]'::json)
              from jsonb_array_elements(m.qualifications) q))
        ) order by b.submitted_at, b.id), '[]'::json)
        from bid b join market_entity m on m.id = b.bidder_id where b.section_id = s.id)
    ) order by s.code), '[]'::json)
    from section s where s.project_id = p.id)
)) order by p.code), '[]'::json)::text as edges
from (select * from trading_project where code > $1 order by code limit $2) p`;

const EVENT_COLUMNS = `seq, topic, op, key, version, data, source_system, ${ts('occurred_at')} as occurred_at, hash`;

interface EventRow {
  seq: string;
  topic: string;
  op: string;
  key: string;
  version: number;
  data: unknown;
  source_system: string | null;
  occurred_at: string;
  hash: string;
}

/** The `changes` fields a subscription selected, in the order the hub's schema lists them. */
function selectedFields(query: string): string[] {
  return ['cursor', 'seq', 'topic', 'op', 'key', 'version', 'occurredAt', 'sourceSystem', 'data', 'hash'].filter((f) =>
    new RegExp(`\\b${f}\\b`).test(query.replace(/changes\s*\(/, '')),
  );
}

/** One event as the payload JSON of a `next` message, serialised once for every subscriber with the same selection. */
function payloadJson(e: EventRow, fields: string[]): string {
  const all: Record<string, unknown> = {
    cursor: Buffer.from(`seq:${e.seq}`).toString('base64url'),
    seq: String(e.seq),
    topic: e.topic,
    op: e.op,
    key: e.key,
    version: e.version,
    occurredAt: e.occurred_at,
    sourceSystem: e.source_system,
    data: e.data,
    hash: e.hash,
  };
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = all[f];
  return JSON.stringify({ data: { changes: out } });
}

interface Subscriber {
  socket: WebSocket;
  id: string;
  fields: string[];
  /** Topics asked for; all when null. */
  topics: Set<string> | null;
  key: string;
  delivered: number;
  live: boolean;
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const pool = new Pool({ connectionString: url, max: 10 });
  // Idle clients see PostgreSQL stop at the end of a run; that is not a failure.
  pool.on('error', () => undefined);
  const live = new Set<Subscriber>();
  let head = Number((await pool.query<{ m: string }>('select coalesce(max(seq), 0) as m from change_event')).rows[0].m);

  // One tail reader: each new event is read once and serialised once per distinct selection.
  let pumping = false;
  let again = false;
  const pump = async () => {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        for (;;) {
          const { rows } = await pool.query<EventRow>(
            `select ${EVENT_COLUMNS} from change_event where seq > $1 order by seq limit 1000`,
            [head],
          );
          if (!rows.length) break;
          const cache = new Map<string, string[]>();
          for (const s of live) {
            let payloads = cache.get(s.key);
            if (!payloads) cache.set(s.key, (payloads = rows.map((r) => payloadJson(r, s.fields))));
            for (let i = 0; i < rows.length; i++) {
              if (Number(rows[i].seq) <= s.delivered || (s.topics && !s.topics.has(rows[i].topic))) continue;
              s.socket.send(`{"id":${JSON.stringify(s.id)},"type":"next","payload":${payloads[i]}}`);
            }
            s.delivered = Number(rows[rows.length - 1].seq);
          }
          head = Number(rows[rows.length - 1].seq);
          if (rows.length < 1000) break;
        }
      } while (again);
    } finally {
      pumping = false;
    }
  };
  const listener = new Client({ connectionString: url });
  await listener.connect();
  listener.on('notification', () => void pump());
  await listener.query('listen hub_changes');
  setInterval(() => void pump(), 2000).unref();

  /** Replays from the table in keyset batches, waiting for the socket to drain, then goes live. */
  const replay = async (s: Subscriber) => {
    for (;;) {
      // The watermark comes from the same snapshot: every event up to it is visible to this statement.
      const { rows } = await pool.query<EventRow & { wm: string }>(
        `with w as (select coalesce(max(seq), 0) as wm from change_event)
         select w.wm, e.* from w left join lateral (
           select ${EVENT_COLUMNS} from change_event where seq > $1 and ($2::text[] is null or topic = any($2::text[])) order by seq limit 5000
         ) e on true`,
        [s.delivered, s.topics ? [...s.topics] : null],
      );
      const events = rows.filter((r) => r.seq !== null);
      for (const r of events)
        s.socket.send(`{"id":${JSON.stringify(s.id)},"type":"next","payload":${payloadJson(r, s.fields)}}`);
      const full = events.length === 5000;
      s.delivered = full ? Number(events[events.length - 1].seq) : Math.max(s.delivered, Number(rows[0]?.wm ?? 0));
      while (s.socket.bufferedAmount > 8 * 2 ** 20) await new Promise((r) => setTimeout(r, 5));
      if (s.socket.readyState !== s.socket.OPEN) return;
      // Caught up with the tail reader: from here it delivers (synchronously with this check).
      if (!full && s.delivered >= head) {
        s.live = true;
        live.add(s);
        return;
      }
    }
  };

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      res.statusCode = 404;
      return res.end();
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            variables?: { after?: string | null; first?: number };
          };
          const { rows } = await pool.query<{ edges: string }>(NESTED_READ_SQL, [
            body.variables?.after ?? '',
            body.variables?.first ?? 20,
          ]);
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.end(`{"data":{"tradingProjects":{"edges":${rows[0].edges}}}}`);
        } catch (err) {
          res.statusCode = 500;
          res.end(JSON.stringify({ errors: [{ message: String(err) }] }));
        }
      })();
    });
  });
  const wss = new WebSocketServer({ server: http, path: '/graphql' });
  wss.on('connection', (socket) => {
    const mine = new Set<Subscriber>();
    socket.on('message', (raw) => {
      // One Buffer per message: this server keeps ws's default binaryType.
      const m = JSON.parse((raw as Buffer).toString()) as {
        type: string;
        id?: string;
        payload?: { query: string; variables?: { after?: string | null; topics?: string[] | null } };
      };
      if (m.type === 'connection_init') return socket.send('{"type":"connection_ack"}');
      if (m.type === 'ping') return socket.send('{"type":"pong"}');
      if (m.type === 'subscribe' && m.id && m.payload) {
        const fields = selectedFields(m.payload.query);
        const after = m.payload.variables?.after;
        const topics = m.payload.variables?.topics?.length ? new Set(m.payload.variables.topics) : null;
        const s: Subscriber = {
          socket,
          id: m.id,
          fields,
          topics,
          key: fields.join(','),
          delivered: after ? Number(after) : 0,
          live: false,
        };
        mine.add(s);
        void replay(s).catch(() => socket.close());
        return;
      }
      if (m.type === 'complete') {
        for (const s of mine) if (s.id === m.id) live.delete(s);
      }
    });
    socket.on('close', () => {
      for (const s of mine) live.delete(s);
    });
  });
  http.listen(0, '127.0.0.1', () => console.log(`listening ${(http.address() as AddressInfo).port}`));
  const stop = () => {
    wss.close();
    http.close();
    void listener.end();
    void pool.end().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
