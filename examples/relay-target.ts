import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A stand-in for a relay's target (the national platform, Credit Hubei) that
 * records what it receives and can be told to misbehave. It keeps batches by
 * their idempotency key: a repeat of a key already stored is answered 200 and
 * dropped, as a real target's deduplication would. Used by the relay tests and
 * `npm run simulate`; run alone with `node dist/examples/relay-target.js [PORT]`.
 */

/** The faults the target can be told to show; all off by default. */
export interface TargetFaults {
  /** Fraction (0-1) of requests answered 500 (before storing anything). */
  fail500?: number;
  /** Fraction of requests never answered (the relay's timeout fires). */
  hang?: number;
  /** Fraction of requests whose connection is closed before any answer. */
  drop?: number;
  /** Fraction of requests stored, then answered 200 only after `lateMs` (beyond the relay's timeout). */
  late?: number;
  lateMs?: number;
  /** Record ids (event seqs) refused with 422 whenever they come. */
  refuse?: readonly string[];
  /** Down: every connection closed at once, nothing stored. */
  down?: boolean;
}

export interface ReceivedRecord {
  id: string;
  key: string;
  dataSet: string;
  action: string;
  version: number;
  [field: string]: unknown;
}

interface Body {
  batch?: { idempotencyKey?: string; from?: string; to?: string };
  records?: ReceivedRecord[];
  ocds?: unknown[];
}

export interface RelayTarget {
  url: string;
  /** Records stored, in arrival order (repeats of a stored idempotency key not included). */
  records: ReceivedRecord[];
  /** OCDS release packages received with stored batches. */
  ocds: unknown[];
  /** Requests seen, stored batches, repeats dropped by key, refusals. */
  stats: {
    requests: number;
    stored: number;
    duplicates: number;
    refused: number;
    failed: number;
    /** Most requests in progress at once: a relay delivers one batch at a time, so more means two relays active. */
    maxInFlight: number;
  };
  /** When each stored record arrived (ms since epoch), by id. */
  arrivedAt: Map<string, number>;
  /**
   * What a publishing target (Credit Hubei) shows after applying the records in order: PUBLISH puts the payload
   * under the record's key, WITHDRAW takes it away. Records with other actions leave it as it is.
   */
  published: Map<string, Record<string, unknown>>;
  faults: TargetFaults;
  close(): Promise<void>;
}

/** Starts a target on loopback (port 0: any free one). `random` decides the fractions (a seeded one in tests). */
export async function startRelayTarget(
  port = 0,
  faults: TargetFaults = {},
  random: () => number = Math.random,
): Promise<RelayTarget> {
  const keys = new Set<string>();
  const target: RelayTarget = {
    url: '',
    records: [],
    ocds: [],
    stats: { requests: 0, stored: 0, duplicates: 0, refused: 0, failed: 0, maxInFlight: 0 },
    arrivedAt: new Map(),
    published: new Map(),
    faults,
    close: () => Promise.resolve(),
  };
  const store = (key: string, body: Body): void => {
    if (keys.has(key)) {
      target.stats.duplicates += 1;
      return;
    }
    keys.add(key);
    target.stats.stored += 1;
    const now = Date.now();
    for (const r of body.records ?? []) {
      target.records.push(r);
      target.arrivedAt.set(r.id, now);
      if (r.action === 'PUBLISH') target.published.set(r.key, (r.payload ?? {}) as Record<string, unknown>);
      else if (r.action === 'WITHDRAW') target.published.delete(r.key);
    }
    target.ocds.push(...(body.ocds ?? []));
  };
  const handle = (req: IncomingMessage, res: ServerResponse, text: string): void => {
    const f = target.faults;
    target.stats.requests += 1;
    if (f.down || (f.drop && random() < f.drop)) {
      target.stats.failed += 1;
      req.socket.destroy();
      return;
    }
    if (f.hang && random() < f.hang) {
      target.stats.failed += 1;
      return; // never answered; the socket goes when the client gives up
    }
    if (f.fail500 && random() < f.fail500) {
      target.stats.failed += 1;
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"injected failure"}');
      return;
    }
    let body: Body;
    try {
      body = JSON.parse(text) as Body;
    } catch {
      res.writeHead(400).end('{"error":"not JSON"}');
      return;
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    if (!key) {
      res.writeHead(400).end('{"error":"an Idempotency-Key header is required"}');
      return;
    }
    const refused = (body.records ?? []).filter((r) => f.refuse?.includes(r.id));
    if (refused.length && !keys.has(key)) {
      target.stats.refused += 1;
      res.writeHead(422, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          rejected: refused.map((r) => ({ id: r.id, error: `record ${r.id} refused by the target` })),
        }),
      );
      return;
    }
    store(key, body);
    if (f.late && random() < f.late) {
      setTimeout(() => res.writeHead(200).end('{"ok":true}'), f.lateMs ?? 5000).unref();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  };
  let inFlight = 0;
  const server: Server = createServer((req, res) => {
    inFlight += 1;
    target.stats.maxInFlight = Math.max(target.stats.maxInFlight, inFlight);
    let counted = true;
    const done = () => {
      if (counted) inFlight -= 1;
      counted = false;
    };
    res.once('close', done);
    req.socket.once('close', done);
    if (target.faults.down) {
      target.stats.requests += 1;
      target.stats.failed += 1;
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  target.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  target.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return target;
}

if (require.main === module) {
  void startRelayTarget(Number(process.argv[2] ?? 0)).then((t) => {
    console.log(`relay target listening on ${t.url}`);
    setInterval(() => console.log(JSON.stringify(t.stats)), 5000).unref();
    process.on('SIGINT', () => void t.close().then(() => process.exit(0)));
  });
}
