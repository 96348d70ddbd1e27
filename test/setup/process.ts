import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { readPostmasterPid } from '../../src/db/data-dir';
import { isPostgresOf, systemProcesses } from '../../src/db/processes';

export interface HubProcess {
  url: string;
  wsUrl: string;
  child: ChildProcess;
  /** Every log line the process wrote so far, parsed. */
  logs: Record<string, unknown>[];
  /** Everything it wrote on stderr so far. */
  stderr(): string;
  /** Resolves with the exit code once the process has exited (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const MAIN = join(__dirname, '..', '..', 'dist', 'resolvers', 'app', 'main.js');

/**
 * Every process spawned by this test file that has not exited yet, and every data folder made: see cleanUpProcesses.
 */
const children = new Set<ChildProcess>();
const folders = new Set<string>();

/**
 * Starts `node dist/resolvers/app/main.js` (what `npm start` runs) as a separate
 * process with the given environment, and waits until it listens. The process
 * is killed by cleanUpProcesses (run after every test file, test/setup/cleanup.ts)
 * if the test does not stop it.
 */
export function spawnHub(env: Record<string, string>, timeoutMs = 90000): Promise<HubProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: '0',
      LOG_LEVEL: 'info',
      HUB_SEED: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hub did not start in ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code} before listening: ${stderr}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      if (entry.msg === 'hub listening') {
        clearTimeout(timer);
        const url = String(entry.url);
        resolve({
          url,
          wsUrl: url.replace(/^http/, 'ws'),
          child,
          logs,
          stderr: () => stderr,
          exited,
          stop(signal = 'SIGTERM') {
            if (child.exitCode !== null || child.signalCode !== null) return exited;
            child.kill(signal);
            return exited;
          },
        });
      }
    });
  });
}

/** A new empty temporary folder (for HUB_DATA_DIR), removed by cleanUpProcesses with any PostgreSQL running in it. */
export function tempDataDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.add(dir);
  return dir;
}

/** Kills (SIGKILL) the PostgreSQL that runs in `dir`, if any, with all its processes, and waits until they are gone. */
export async function killCluster(dir: string): Promise<void> {
  const pids = new Set(
    systemProcesses.inFolder(dir).filter((pid) => {
      const p = systemProcesses.info(pid);
      return p !== undefined && isPostgresOf(p, dir);
    }),
  );
  const lock = readPostmasterPid(dir);
  const postmaster = lock?.pid ? systemProcesses.info(lock.pid) : undefined;
  if (postmaster && isPostgresOf(postmaster, dir)) pids.add(postmaster.pid);
  for (const pid of pids) systemProcesses.kill(pid, 'SIGKILL');
  for (let waited = 0; waited < 10_000 && [...pids].some((pid) => systemProcesses.info(pid)); waited += 50)
    await new Promise((r) => setTimeout(r, 50));
}

/** Kills a folder's PostgreSQL and removes the folder. */
export async function removeDataDir(dir: string): Promise<void> {
  await killCluster(dir);
  rmSync(dir, { recursive: true, force: true });
  folders.delete(dir);
}

/**
 * Kills every hub this test file spawned that still runs, then every
 * PostgreSQL left in its folders, and removes the folders: a failing test
 * leaves nothing behind.
 */
export async function cleanUpProcesses(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  for (const dir of [...folders]) await removeDataDir(dir);
}
