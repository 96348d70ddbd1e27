import { readPostmasterPid } from '../../src/db/data-dir';
import type { TypedDocumentString } from '../gql/graphql';
import type { HubProcess } from './process';

/* What the crash tests (test/e2e/crash.test.ts, test/smoke/crash-rounds.test.ts) share. */

export const ADMIN = 'crash-admin-key-0123456789abcdef';
const COUNT = '{ marketEntities(first: 1) { totalCount } }';

export async function gql<T>(
  url: string,
  query: string | TypedDocumentString<unknown, never>,
  variables?: unknown,
  key = ADMIN,
): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: String(query), variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

export async function count(url: string): Promise<number> {
  const r = await gql<{ marketEntities: { totalCount: number } }>(url, COUNT);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.marketEntities.totalCount;
}

export async function register(url: string, code: string): Promise<string> {
  const r = await gql<{ registerSourceSystem: { apiKey: string } }>(
    url,
    'mutation($input: RegisterSourceSystemInput!) { registerSourceSystem(input: $input) { apiKey } }',
    { input: { code, name: `${code} 崩溃测试`, kind: 'MARKET', regionCode: '420000' } },
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.registerSourceSystem.apiKey;
}

/** The pid of the PostgreSQL server (postmaster) running in `dir`. */
export function postmasterOf(dir: string): number {
  const lock = readPostmasterPid(dir);
  if (!lock?.pid) throw new Error(`no postmaster.pid in ${dir}`);
  return lock.pid;
}

/** Polls `check` every 50 ms until it returns true; fails with `what` after `ms`. */
export async function until(what: string, check: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Kills a hub process with SIGKILL and waits until it is gone. */
export async function kill9(hub: HubProcess): Promise<void> {
  expect(await hub.stop('SIGKILL')).toBeNull();
}
