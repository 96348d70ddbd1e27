import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger';
import { isPostgresOf, systemProcesses, type ProcessInfo, type Processes } from './processes';

/**
 * Who holds an embedded PostgreSQL data folder, and how to take it back after
 * a crash.
 *
 * PostgreSQL locks its folder with `postmaster.pid` (pid, folder, start time,
 * port, …). The hub records beside it, in `hub-owner.json`, which process
 * started that PostgreSQL. A hub starting on the folder then finds one of:
 *
 * - `free`: no PostgreSQL runs here;
 * - `stale`: PostgreSQL died (kill -9, power loss) and left its lock file,
 *   perhaps with some of its processes still exiting: PostgreSQL itself
 *   refuses to start while the dead postmaster's pid is a zombie or reused,
 *   or while an old process still holds its shared memory;
 * - `orphan`: PostgreSQL runs, but the process that started it is gone (the
 *   hub was killed alone, as an out-of-memory kill does): nobody will ever
 *   stop it, and it holds the folder and the port;
 * - `held`: PostgreSQL runs for a live process (another hub, or a `hub`
 *   command): the folder is in use.
 */
export type DataDirState =
  | { kind: 'free' }
  | { kind: 'stale'; postmasterPid?: number; leftovers: number[] }
  | { kind: 'orphan'; postmasterPid: number; port: number; ownerPid?: number }
  | { kind: 'held'; postmasterPid: number; port: number; ownerPid: number; ownerCommand?: string };

/** The record of the process that started the cluster, kept in the data folder. */
export interface OwnerRecord {
  pid: number;
  /**
   * Start time of that process (clock ticks since boot, Linux): tells it from a later process that got the same pid.
   */
  startTime?: number;
  /** What it is, for messages: `hub` or `hub <command>`. */
  command: string;
  since: string;
}

export const OWNER_FILE = 'hub-owner.json';
const PID_FILE = 'postmaster.pid';

/** postmaster.pid: line 1 the postmaster's pid, line 4 its port. */
export function readPostmasterPid(dataDir: string): { pid: number; port: number } | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, PID_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  // An empty or half-written file (PostgreSQL writes it in steps) names no process.
  if (!Number.isInteger(pid) || pid <= 0) return { pid: 0, port: 0 };
  return { pid, port: Number(lines[3]) || 0 };
}

export function readOwner(dataDir: string): OwnerRecord | undefined {
  try {
    const o = JSON.parse(readFileSync(join(dataDir, OWNER_FILE), 'utf8')) as OwnerRecord;
    return Number.isInteger(o.pid) && o.pid > 0 ? o : undefined;
  } catch {
    return undefined;
  }
}

/** Records this process as the one that runs the cluster of `dataDir`. */
export function writeOwner(dataDir: string, command: string, procs: Processes = systemProcesses): void {
  const self = procs.self();
  const record: OwnerRecord = { pid: self.pid, startTime: self.startTime, command, since: new Date().toISOString() };
  writeFileSync(join(dataDir, OWNER_FILE), `${JSON.stringify(record)}\n`);
}

/** Removes the owner record if it names this process (after a clean stop). */
export function releaseOwner(dataDir: string, procs: Processes = systemProcesses): void {
  if (readOwner(dataDir)?.pid === procs.self().pid) rmSync(join(dataDir, OWNER_FILE), { force: true });
}

/** The live process an owner record names, or undefined when it is gone (or its pid now belongs to another process). */
function liveOwner(record: OwnerRecord | undefined, procs: Processes): ProcessInfo | undefined {
  if (!record) return undefined;
  const p = procs.info(record.pid);
  if (!p) return undefined;
  if (record.startTime !== undefined && p.startTime !== undefined && record.startTime !== p.startTime) return undefined;
  return p;
}

/**
 * Live PostgreSQL processes working in `dataDir` (never this process, nor a shell that happens to be in the folder).
 */
function leftoversOf(dataDir: string, procs: Processes): number[] {
  const self = procs.self().pid;
  return procs.inFolder(dataDir).filter((pid) => {
    const p = pid === self ? undefined : procs.info(pid);
    return p !== undefined && isPostgresOf(p, dataDir);
  });
}

/** Looks at the data folder and its processes; changes nothing. */
export function inspectDataDir(dataDir: string, procs: Processes = systemProcesses): DataDirState {
  const self = procs.self().pid;
  const lock = readPostmasterPid(dataDir);
  const postmaster = lock && lock.pid ? procs.info(lock.pid) : undefined;
  if (!postmaster || !isPostgresOf(postmaster, dataDir)) {
    const leftovers = leftoversOf(dataDir, procs);
    if (!lock && !leftovers.length) return { kind: 'free' };
    return { kind: 'stale', postmasterPid: lock?.pid || undefined, leftovers };
  }
  const record = readOwner(dataDir);
  const owner = liveOwner(record, procs);
  if (owner && owner.pid !== self)
    return {
      kind: 'held',
      postmasterPid: postmaster.pid,
      port: lock!.port,
      ownerPid: owner.pid,
      ownerCommand: record!.command,
    };
  if (
    !record &&
    postmaster.ppid !== undefined &&
    postmaster.ppid > 1 &&
    postmaster.ppid !== self &&
    procs.info(postmaster.ppid)
  ) {
    // No record (a cluster started by hand or by an older hub), but its parent lives: not ours to stop.
    return { kind: 'held', postmasterPid: postmaster.pid, port: lock!.port, ownerPid: postmaster.ppid };
  }
  return { kind: 'orphan', postmasterPid: postmaster.pid, port: lock!.port, ownerPid: record?.pid };
}

/** A data folder in use by a live process: the hub says which, and exits. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly state: Extract<DataDirState, { kind: 'held' }>,
  ) {
    super(
      `HUB_DATA_DIR ${dataDir} is in use: ${state.ownerCommand ? `the ${state.ownerCommand} process` : 'process'} ${state.ownerPid} runs its ` +
        `embedded PostgreSQL (pid ${state.postmasterPid}, port ${state.port}). Stop that process first, or give this hub another ` +
        `HUB_DATA_DIR, or point it at that PostgreSQL with DATABASE_URL (README: "Several hub processes").`,
    );
    this.name = 'DataDirInUseError';
  }
}

export interface ReclaimOptions {
  procs?: Processes;
  /** Waits; injectable so that tests need no real time. */
  sleep?: (ms: number) => Promise<void>;
  /** How long a fast shutdown of an orphaned PostgreSQL may take before it is stopped harder. */
  shutdownMs?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until none of `pids` runs; false if some still do after `ms`. */
async function waitGone(
  pids: number[],
  ms: number,
  procs: Processes,
  sleep: (ms: number) => Promise<void>,
): Promise<boolean> {
  for (let waited = 0; ; waited += 50) {
    if (pids.every((pid) => !procs.info(pid))) return true;
    if (waited >= ms) return false;
    await sleep(50);
  }
}

/**
 * Makes a folder that is not held by a live process ready for a new
 * PostgreSQL, keeping every committed record:
 *
 * - an orphaned PostgreSQL is shut down the way `pg_ctl stop -m fast` does it
 *   (SIGINT: sessions end, committed work is checkpointed), then harder if it
 *   does not go (SIGQUIT, then SIGKILL: WAL recovery at the next start replays
 *   every commit);
 * - processes a dead postmaster left behind are killed (they are exiting
 *   anyway; while one lives it holds the old shared memory and PostgreSQL
 *   refuses to start), and a stale postmaster.pid is removed (PostgreSQL
 *   cannot tell a zombie or a reused pid from its live predecessor).
 *
 * Throws {@link DataDirInUseError} when the folder is held.
 */
export async function reclaimDataDir(
  dataDir: string,
  log: Logger,
  options: ReclaimOptions = {},
): Promise<DataDirState> {
  const procs = options.procs ?? systemProcesses;
  const sleep = options.sleep ?? realSleep;
  const state = inspectDataDir(dataDir, procs);
  if (state.kind === 'free') return state;
  if (state.kind === 'held') throw new DataDirInUseError(dataDir, state);
  if (state.kind === 'orphan') {
    log.warn(
      { dataDir, postmasterPid: state.postmasterPid, port: state.port, ownerPid: state.ownerPid },
      'stopping the embedded PostgreSQL left running by a hub that is gone',
    );
    const pid = state.postmasterPid;
    let gone = false;
    for (const [signal, ms] of [
      ['SIGINT', options.shutdownMs ?? 60_000],
      ['SIGQUIT', 10_000],
      ['SIGKILL', 10_000],
    ] as const) {
      procs.kill(pid, signal);
      if ((gone = await waitGone([pid], ms, procs, sleep))) break;
      log.warn({ pid, signal }, 'the orphaned PostgreSQL did not stop; stopping it harder');
    }
    if (!gone) throw new Error(`the embedded PostgreSQL (pid ${pid}) left running in ${dataDir} could not be stopped`);
  }
  // Whatever the dead postmaster left: its other processes, then its lock file.
  const leftovers = leftoversOf(dataDir, procs);
  if (leftovers.length) {
    log.warn({ dataDir, pids: leftovers }, 'stopping processes of a PostgreSQL that died');
    for (const pid of leftovers) procs.kill(pid, 'SIGKILL');
    if (!(await waitGone(leftovers, 10_000, procs, sleep))) {
      throw new Error(`processes ${leftovers.join(', ')} of a dead PostgreSQL still hold ${dataDir}`);
    }
  }
  const after = inspectDataDir(dataDir, procs);
  if (after.kind === 'held') throw new DataDirInUseError(dataDir, after);
  if (after.kind === 'orphan')
    throw new Error(`another PostgreSQL (pid ${after.postmasterPid}) started in ${dataDir} meanwhile`);
  if (existsSync(join(dataDir, PID_FILE))) {
    log.warn({ dataDir, postmasterPid: state.postmasterPid }, 'removing the lock file of a PostgreSQL that died');
    rmSync(join(dataDir, PID_FILE), { force: true });
  }
  return state;
}
