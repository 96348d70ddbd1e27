import 'reflect-metadata';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { readOwner } from '../../src/db/data-dir';
import { startEmbedded, type EmbeddedDatabase } from '../../src/db/embedded';
import { systemProcesses } from '../../src/db/processes';
import { openOrm } from '../../src/db/orm';
import { createLogger } from '../../src/logger';
import { TEMPLATE_DB } from './db';
import { removeDataDir } from './process';
import { REGISTRY } from '../../resolvers/families';
import { freePort } from '../../src/common/free-port';

/** The embedded cluster of a test run and its folder. */
export interface TestCluster {
  db: EmbeddedDatabase;
  dir: string;
}

/**
 * Removes the clusters of earlier runs that were interrupted before their
 * teardown (Ctrl-C, a killed jest): those whose recorded owner, the jest
 * process that started them, is gone. Runs of others still going are left alone.
 */
async function removeInterruptedRuns(): Promise<void> {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('hub-test-pg-')) continue;
    const dir = join(tmpdir(), name);
    const owner = readOwner(dir);
    if (owner?.command === 'jest run' && !systemProcesses.info(owner.pid)) await removeDataDir(dir);
  }
}

/**
 * Starts one real PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL's
 * server) and prepares a template database with every migration applied.
 * Each test file then clones the template into a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  const log = createLogger('warn');
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    await removeInterruptedRuns();
    const dir = mkdtempSync(join(tmpdir(), 'hub-test-pg-'));
    let db: EmbeddedDatabase | undefined;
    try {
      db = await startEmbedded(dir, await freePort(), log, { command: 'jest run' });
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    // Stopped, and its folder (some 70 MB) removed, by global-teardown.ts.
    (globalThis as { __HUB_TEST_PG__?: TestCluster }).__HUB_TEST_PG__ = { db, dir };
    serverUrl = db.url;
    await withoutDurability(serverUrl);
  }
  try {
    await prepareTemplate(serverUrl, log);
  } catch (err) {
    const cluster = (globalThis as { __HUB_TEST_PG__?: TestCluster }).__HUB_TEST_PG__;
    await cluster?.db.stop();
    if (cluster) rmSync(cluster.dir, { recursive: true, force: true });
    throw err;
  }
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  process.env.HUB_TEST_PG_URL = admin.toString();
}

/**
 * The test cluster lives for one run in a temporary folder: nothing in it has
 * to survive a power cut, so it does not wait for the disk (the hub's own
 * clusters keep PostgreSQL's defaults). Tests of crash recovery start clusters
 * of their own through the hub, with the defaults.
 */
async function withoutDurability(serverUrl: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    // One statement each: ALTER SYSTEM cannot run inside the implicit transaction of a multi-statement query.
    for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes'])
      await client.query(`alter system set ${setting} = off`);
    await client.query('select pg_reload_conf()');
  } finally {
    await client.end();
  }
}

/** A template database with every migration applied, which each test file clones. */
async function prepareTemplate(serverUrl: string, log: ReturnType<typeof createLogger>): Promise<void> {
  const template = new URL(serverUrl);
  template.pathname = `/${TEMPLATE_DB}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists ${TEMPLATE_DB}`);
  await client.query(`create database ${TEMPLATE_DB}`);
  await client.end();
  const orm = await openOrm(template.toString(), log, { entities: REGISTRY.entities });
  await orm.close(true);
  // MikroORM keeps entity metadata on globalThis; when jest runs the tests in
  // this same process, metadata from this realm must not leak into theirs.
  delete (globalThis as Record<string, unknown>)['mikro-orm-metadata'];
}
