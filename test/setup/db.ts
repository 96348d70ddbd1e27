import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEMPLATE_DB = 'hub_test_template';

function serverUrl(): URL {
  const url = process.env.HUB_TEST_PG_URL;
  if (!url) throw new Error('HUB_TEST_PG_URL is not set: run the tests through jest (test/setup/global-setup.ts)');
  return new URL(url);
}

async function onServer(sql: string): Promise<void> {
  const c = new Client({ connectionString: serverUrl().toString() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: cloned from the migrated template,
 * or empty when `migrated` is false (for the migration test).
 */
export async function createTestDatabase(migrated = true): Promise<TestDatabase> {
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  await onServer(`create database ${name}${migrated ? ` template ${TEMPLATE_DB}` : ''}`);
  const url = serverUrl();
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`drop database if exists ${name} with (force)`) };
}
