import { createHash } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { GENESIS_HASH, FEED_LOCK_KEY } from '../../src/feed/append';
import { runPush } from '../../src/ingest/pipeline';
import type { MarketEntityPush } from '../../src/market/market-entity.rules';
import { ensureSeedSystem, seedingPrincipal } from '../../src/seed/volume';
import { loadSubItems, volumeEntity, volumeProject, volumeShape } from '../../src/seed/generator';
import { projectPush } from '../../src/trading/project.push';
import type { BidPush } from '../../src/trading/records.rules';
import { benchOrm, benchSystems, postAll, type BenchContext } from '../lib/context';
import { startHub } from '../lib/env';
import { figure, type Figure } from '../lib/results';

export interface IngestSize {
  /** Market entities pushed in the first phase. */
  entities: number;
  /** Projects whose sections the second phase bids on (stored untimed in between). */
  projects: number;
  bidsPerSection: number;
  /** Records per push (full size: 1,000). */
  batch: number;
  /** Concurrent clients (full size: 4). */
  clients: number;
}

const PUSH_ENTITIES =
  'mutation Push($records: [MarketEntityInput!]!) { pushMarketEntities(records: $records) { accepted unchanged rejected } }';
const PUSH_BIDS =
  'mutation Push($records: [BidInput!]!) { pushBids(records: $records) { accepted unchanged rejected } }';

const SEED = 5150;

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** The data of the scenario, identical for hub and baseline. */
function dataset(size: IngestSize) {
  const shape = { projects: size.projects, entities: size.entities, bidsPerSection: size.bidsPerSection, seed: SEED };
  const entities = Array.from({ length: size.entities }, (_, i) => volumeEntity(i, SEED));
  return { shape, entities };
}

/** Stores the projects (with their sections) the bids refer to, untimed, with the hub's own pipeline in-process. */
async function storeProjects(url: string, shape: ReturnType<typeof volumeShape>): Promise<BidPush[]> {
  const orm = await benchOrm(url);
  try {
    const principal = seedingPrincipal(await ensureSeedSystem(orm.em.fork()));
    const catalog = await loadSubItems(orm.em.fork());
    const generated = Array.from({ length: shape.projects }, (_, i) => volumeProject(i, shape, catalog));
    for (const batch of chunks(
      generated.map((g) => g.project),
      2000,
    )) {
      const r = await runPush(orm.em.fork(), principal, projectPush, batch, { maxBatch: 2000 });
      if (r.rejected)
        throw new Error(`set-up projects rejected: ${JSON.stringify(r.results.find((x) => x.errors.length))}`);
    }
    return generated.flatMap((g) => g.bids);
  } finally {
    await orm.close(true);
  }
}

// ---------------------------------------------------------------- the baseline: plain pg

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sm3 = (s: string) => createHash('sm3').update(s).digest('hex');

/** Multi-row `VALUES` placeholders for `rows` rows of `cols` parameters, with optional casts per column. */
function values(rows: number, cols: number, casts: string[] = []): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++)
    out.push(`(${Array.from({ length: cols }, (_, c) => `$${r * cols + c + 1}${casts[c] ?? ''}`).join(', ')})`);
  return out.join(', ');
}

interface Written {
  key: string;
  version: number;
  created: boolean;
  updated_at: Date;
  data: Record<string, unknown>;
}

/**
 * Appends change-log rows as the hub does: advisory lock, last seq and hash, SM3 chain, one multi-row INSERT, NOTIFY.
 */
async function appendEvents(c: PoolClient, topic: string, rows: Written[], system: string): Promise<void> {
  await c.query('select pg_advisory_xact_lock($1)', [FEED_LOCK_KEY]);
  const last = (
    await c.query<{ seq: string; hash: string }>('select seq, hash from change_event order by seq desc limit 1')
  ).rows[0];
  let seq = last ? Number(last.seq) : 0;
  let prev = last?.hash ?? GENESIS_HASH;
  const occurredAt = new Date().toISOString();
  const params: unknown[] = [];
  for (const w of rows) {
    seq += 1;
    const data = JSON.stringify(w.data);
    const hash = sm3(
      `${prev}{"seq":"${seq}","topic":"${topic}","key":${JSON.stringify(w.key)},"version":${w.version},"data":${data},"occurredAt":"${occurredAt}"}`,
    );
    params.push(
      seq,
      topic,
      w.created ? 'CREATE' : 'UPDATE',
      w.key,
      w.version,
      data,
      system,
      `${system}/baseline`,
      occurredAt,
      prev,
      hash,
    );
    prev = hash;
  }
  await c.query(
    `insert into change_event (seq, topic, op, key, version, data, source_system, principal, occurred_at, prev_hash, hash) values ${values(rows.length, 11, ['', '', '', '', '', '::jsonb', '', '', '::timestamptz'])}`,
    params,
  );
  await c.query('select pg_notify($1, $2)', ['hub_changes', String(seq)]);
}

export async function baselineEntities(
  c: PoolClient,
  batch: MarketEntityPush[],
  systemId: number,
  system: string,
): Promise<number> {
  const params: unknown[] = [];
  const sorted = [...batch].sort((a, b) => (a.creditCode! < b.creditCode! ? -1 : 1));
  const rows = sorted.map((e) => {
    const row = {
      creditCode: e.creditCode!,
      name: e.name!,
      kind: e.creditCode!.startsWith('9') ? 'ENTERPRISE' : 'PUBLIC_INSTITUTION',
      roles: [...(e.roles ?? [])].sort() as string[],
      legalRepresentative: e.legalRepresentative ?? null,
      registeredCapital: e.registeredCapital ?? null,
      regionCode: e.regionCode!,
      address: e.address ?? null,
      establishedOn: e.establishedOn ?? null,
      status: e.status ?? 'ACTIVE',
      qualifications: (e.qualifications ?? []).map((q) => ({
        code: q!.code,
        name: q!.name,
        level: q!.level ?? null,
        validUntil: q!.validUntil ?? null,
        issuer: q!.issuer ?? null,
      })),
      externalId: e.externalId ?? null,
    };
    const hash = sha256(JSON.stringify(row));
    params.push(
      row.creditCode,
      row.name,
      row.kind,
      row.roles,
      row.legalRepresentative,
      row.registeredCapital,
      row.regionCode,
      row.address,
      row.establishedOn,
      row.status,
      JSON.stringify(row.qualifications),
      row.externalId,
      systemId,
      hash,
    );
    return row;
  });
  await c.query('begin');
  try {
    const written = await c.query<{ key: string; version: number; created: boolean; updated_at: Date }>(
      `insert into market_entity as t (credit_code, name, kind, roles, legal_representative, registered_capital, region_code, address, established_on, status, qualifications, external_id, source_system_id, content_hash, owner_system_id, version, created_at, updated_at)
       select v.*, v.source_system_id, 1, now(), now() from (values ${values(rows.length, 14, ['', '', '', '::text[]', '', '::numeric', '', '', '::date', '', '::jsonb', '', '::int', ''])})
         as v(credit_code, name, kind, roles, legal_representative, registered_capital, region_code, address, established_on, status, qualifications, external_id, source_system_id, content_hash)
       on conflict (credit_code) do update set name = excluded.name, kind = excluded.kind, roles = excluded.roles, legal_representative = excluded.legal_representative,
         registered_capital = excluded.registered_capital, region_code = excluded.region_code, address = excluded.address, established_on = excluded.established_on,
         status = excluded.status, qualifications = excluded.qualifications, external_id = excluded.external_id, source_system_id = excluded.source_system_id,
         content_hash = excluded.content_hash, version = t.version + 1, updated_at = now()
       where t.content_hash is distinct from excluded.content_hash
       returning t.credit_code as key, t.version, (t.xmax = 0) as created, t.updated_at`,
      params,
    );
    const byKey = new Map(rows.map((r) => [r.creditCode, r]));
    await appendEvents(
      c,
      'MARKET_ENTITY',
      written.rows.map((w) => ({
        ...w,
        data: { ...byKey.get(w.key)!, version: w.version, sourceSystem: system, updatedAt: w.updated_at },
      })),
      system,
    );
    await c.query('commit');
    return written.rowCount ?? 0;
  } catch (err) {
    await c.query('rollback');
    throw err;
  }
}

async function baselineBids(c: PoolClient, batch: BidPush[], systemId: number, system: string): Promise<number> {
  const params: unknown[] = [];
  const rows = batch
    .map((b) => ({ recordKey: `${b.sectionCode as string}/${b.bidderCreditCode as string}`, ...b }))
    .sort((a, b) => (a.recordKey < b.recordKey ? -1 : 1))
    .map((b) => {
      const row = {
        recordKey: b.recordKey,
        sectionCode: b.sectionCode as string,
        bidderCreditCode: b.bidderCreditCode as string,
        amount: (b.amount as string | null) ?? null,
        submittedAt: new Date(b.submittedAt as string).toISOString(),
        status: (b.status as string | undefined) ?? 'VALID',
        caCertSerial: b.caCertSerial ?? null,
        deviceFingerprint: b.deviceFingerprint ?? null,
        ipAddress: b.ipAddress ?? null,
        documentHash: b.documentHash ?? null,
        projectManagerId: b.projectManagerId ?? null,
        bondAccount: b.bondAccount ?? null,
        externalId: b.externalId ?? null,
      };
      params.push(
        row.recordKey,
        row.sectionCode,
        row.bidderCreditCode,
        row.amount,
        row.submittedAt,
        row.status,
        row.caCertSerial,
        row.deviceFingerprint,
        row.ipAddress,
        row.documentHash,
        row.projectManagerId,
        row.bondAccount,
        row.externalId,
        systemId,
        sha256(JSON.stringify(row)),
      );
      return row;
    });
  await c.query('begin');
  try {
    const written = await c.query<{ key: string; version: number; created: boolean; updated_at: Date }>(
      `insert into bid as t (record_key, section_id, bidder_id, amount, submitted_at, status, ca_cert_serial, device_fingerprint, ip_address, document_hash, project_manager_id, bond_account, external_id, source_system_id, owner_system_id, content_hash, version, created_at, updated_at)
       select v.record_key, s.id, m.id, v.amount::numeric, v.submitted_at::timestamptz, v.status, v.ca, v.dev, v.ip, v.doc, v.pm, v.bond, v.ext, v.sys::int, v.sys::int, v.hash, 1, now(), now()
       from (values ${values(rows.length, 15)}) as v(record_key, section_code, bidder, amount, submitted_at, status, ca, dev, ip, doc, pm, bond, ext, sys, hash)
       join section s on s.code = v.section_code join market_entity m on m.credit_code = v.bidder
       on conflict (record_key) do update set amount = excluded.amount, submitted_at = excluded.submitted_at, status = excluded.status, ca_cert_serial = excluded.ca_cert_serial,
         device_fingerprint = excluded.device_fingerprint, ip_address = excluded.ip_address, document_hash = excluded.document_hash, project_manager_id = excluded.project_manager_id,
         bond_account = excluded.bond_account, external_id = excluded.external_id, source_system_id = excluded.source_system_id, content_hash = excluded.content_hash,
         version = t.version + 1, updated_at = now()
       where t.content_hash is distinct from excluded.content_hash
       returning t.record_key as key, t.version, (t.xmax = 0) as created, t.updated_at`,
      params,
    );
    const byKey = new Map(rows.map((r) => [r.recordKey, r]));
    await appendEvents(
      c,
      'BID',
      written.rows.map((w) => ({
        ...w,
        data: { ...byKey.get(w.key)!, version: w.version, sourceSystem: system, updatedAt: w.updated_at },
      })),
      system,
    );
    await c.query('commit');
    return written.rowCount ?? 0;
  } catch (err) {
    await c.query('rollback');
    throw err;
  }
}

/** Runs `work` over the batches with `clients` connections of a pool, each batch once; returns the wall time. */
async function baselineRun<T>(
  pool: Pool,
  batches: T[][],
  clients: number,
  work: (c: PoolClient, batch: T[], client: number) => Promise<number>,
): Promise<{ seconds: number; written: number }> {
  let next = 0;
  let written = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, k) => {
      const c = await pool.connect();
      try {
        for (let i = next++; i < batches.length; i = next++) {
          const n = await work(c, batches[i], k);
          written += n;
        }
      } finally {
        c.release();
      }
    }),
  );
  return { seconds: (Date.now() - started) / 1000, written };
}

/**
 * Issue 5, scenario 1. Market entities, then bids (whose projects and
 * sections are stored in between, untimed), pushed over HTTP in batches of
 * 1,000 by 4 concurrent clients (autocannon); the baseline writes the same
 * rows with plain `pg` multi-row INSERT ... ON CONFLICT plus the change-log
 * rows (advisory lock, SM3 chain, NOTIFY) into a database of its own on the
 * same server, with the same 4-way concurrency.
 */
export async function ingest(ctx: BenchContext, size: IngestSize): Promise<Figure[]> {
  const { shape: rawShape, entities } = dataset(size);
  const shape = volumeShape(rawShape);
  const hubUrl = await ctx.pg.freshDatabase('bench_ingest_hub');
  const baseUrl = await ctx.pg.freshDatabase('bench_ingest_base');
  const params = {
    ...size,
    recordsPerPush: size.batch,
    transport: 'HTTP POST /graphql (autocannon)',
    baselineTransport: 'pg, multi-row VALUES with bind parameters',
  };

  // ---- hub
  const orm = await benchOrm(hubUrl);
  const keys = await benchSystems(orm, size.clients);
  await orm.close(true);
  const hub = await startHub(hubUrl);
  let hubEntities: { seconds: number; non2xx: number; errors: number };
  let hubBids: { seconds: number; non2xx: number; errors: number };
  let bids: BidPush[];
  try {
    ctx.log(`ingest: hub, ${entities.length} market entities in pushes of ${size.batch} from ${size.clients} clients`);
    const entityBodies = chunks(entities, size.batch).map((records) =>
      JSON.stringify({ query: PUSH_ENTITIES, variables: { records } }),
    );
    hubEntities = await postAll(hub.url, entityBodies, size.clients, (i) => keys[i % keys.length]);
    ctx.log(`ingest: storing ${shape.projects} projects with their sections (untimed)`);
    bids = await storeProjects(hubUrl, shape);
    ctx.log(`ingest: hub, ${bids.length} bids`);
    const bidBodies = chunks(bids, size.batch).map((records) =>
      JSON.stringify({ query: PUSH_BIDS, variables: { records } }),
    );
    hubBids = await postAll(hub.url, bidBodies, size.clients, (i) => keys[i % keys.length]);
  } finally {
    await hub.stop();
  }
  const [stored] = await ctx.pg.sql<{ e: string; b: string }>(
    'bench_ingest_hub',
    'select (select count(*) from market_entity) as e, (select count(*) from bid) as b',
  );
  if (
    Number(stored.e) !== entities.length ||
    Number(stored.b) !== bids.length ||
    hubEntities.non2xx ||
    hubBids.non2xx
  ) {
    throw new Error(
      `ingest: the hub stored ${stored.e}/${entities.length} entities and ${stored.b}/${bids.length} bids (non-2xx ${hubEntities.non2xx + hubBids.non2xx})`,
    );
  }

  // ---- baseline
  const borm = await benchOrm(baseUrl);
  await benchSystems(borm, size.clients);
  await borm.close(true);
  const systems = (
    await ctx.pg.sql<{ id: number; code: string }>(
      'bench_ingest_base',
      `select id, code from source_system where code like 'BENCH-%' order by code`,
    )
  ).map((s) => ({ id: s.id, code: s.code }));
  const pool = new Pool({ connectionString: baseUrl, max: size.clients });
  // Idle clients see PostgreSQL stop at the end of a run; that is not a failure.
  pool.on('error', () => undefined);
  let baseEntities: { seconds: number; written: number };
  let baseBids: { seconds: number; written: number };
  try {
    ctx.log('ingest: baseline, market entities');
    baseEntities = await baselineRun(pool, chunks(entities, size.batch), size.clients, (c, b, k) =>
      baselineEntities(c, b, systems[k % systems.length].id, systems[k % systems.length].code),
    );
    await storeProjects(baseUrl, shape);
    ctx.log('ingest: baseline, bids');
    baseBids = await baselineRun(pool, chunks(bids, size.batch), size.clients, (c, b, k) =>
      baselineBids(c, b, systems[k % systems.length].id, systems[k % systems.length].code),
    );
  } finally {
    await pool.end();
  }
  if (baseEntities.written !== entities.length || baseBids.written !== bids.length) {
    throw new Error(
      `ingest: the baseline wrote ${baseEntities.written}/${entities.length} entities and ${baseBids.written}/${bids.length} bids`,
    );
  }

  const f = (
    metric: string,
    unit: string,
    dir: 'higher' | 'lower',
    h: number | null,
    b: number | null,
    extra: Record<string, unknown> = {},
  ) => figure('ingest', metric, unit, dir, h, b, ctx.machine, { ...params, ...extra });
  const total = entities.length + bids.length;
  return [
    f(
      'market entities per second',
      'records/s',
      'higher',
      entities.length / hubEntities.seconds,
      entities.length / baseEntities.seconds,
      { records: entities.length },
    ),
    f('bids per second', 'records/s', 'higher', bids.length / hubBids.seconds, bids.length / baseBids.seconds, {
      records: bids.length,
    }),
    f(
      'records per second (entities and bids)',
      'records/s',
      'higher',
      total / (hubEntities.seconds + hubBids.seconds),
      total / (baseEntities.seconds + baseBids.seconds),
      { records: total },
    ),
    f('peak RSS of the hub', 'MiB', 'lower', hub.peakRssMiB(), null),
  ];
}
