import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbedded } from '../../src/db/embedded';
import { openOrm } from '../../src/db/orm';
import { createLogger } from '../../src/logger';
import { TEMPLATE_DB } from './db';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
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
    const dir = mkdtempSync(join(tmpdir(), 'hub-test-pg-'));
    const db = await startEmbedded(dir, await freePort(), log);
    (globalThis as { __HUB_TEST_PG__?: { stop(): Promise<void> } }).__HUB_TEST_PG__ = db;
    serverUrl = db.url;
  }
  const template = new URL(serverUrl);
  template.pathname = `/${TEMPLATE_DB}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists ${TEMPLATE_DB}`);
  await client.query(`create database ${TEMPLATE_DB}`);
  await client.end();
  const orm = await openOrm(template.toString(), log);
  await orm.close(true);
  // MikroORM keeps entity metadata on globalThis; when jest runs the tests in
  // this same process, metadata from this realm must not leak into theirs.
  delete (globalThis as Record<string, unknown>)['mikro-orm-metadata'];
  process.env.HUB_TEST_PG_URL = admin.toString();
}
