import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';

/** What the hub can learn of another process on this machine. */
export interface ProcessInfo {
  pid: number;
  /** Parent pid, when the system tells it (Linux). */
  ppid?: number;
  /** Start time in clock ticks since boot (Linux): with the pid, it names one process even after the pid is reused. */
  startTime?: number;
  /** Working directory (Linux; PostgreSQL processes work in their data folder). */
  cwd?: string;
  /** Command line, argument by argument (Linux). */
  argv?: string[];
}

/**
 * The operating system's processes, as the data-folder checks see them. An
 * interface so that the decisions of src/db/data-dir.ts can be unit-tested
 * with made-up processes; {@link systemProcesses} is the real one.
 */
export interface Processes {
  /** The process with this pid, or undefined when none runs (a zombie, dead but not yet reaped, counts as none). */
  info(pid: number): ProcessInfo | undefined;
  /** Running processes whose working directory is `dir` (Linux; elsewhere none are known). */
  inFolder(dir: string): number[];
  /** Sends a signal; false when the process is gone. */
  kill(pid: number, signal: NodeJS.Signals): boolean;
  /** This process. */
  self(): ProcessInfo;
}

/**
 * /proc/<pid>/stat: state, ppid and start time, read after the command name (which may hold spaces and parentheses).
 */
function procStat(pid: number): { state: string; ppid: number; startTime: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 of proc(5) (state), fields[1] field 4 (ppid), fields[19] field 22 (starttime).
  return { state: fields[0], ppid: Number(fields[1]), startTime: Number(fields[19]) };
}

function tryRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

const hasProc = (() => {
  try {
    return readdirSync('/proc').some((n) => /^\d+$/.test(n)) && procStat(process.pid) !== undefined;
  } catch {
    return false;
  }
})();

function linuxInfo(pid: number): ProcessInfo | undefined {
  const stat = procStat(pid);
  // Z: a zombie (exited, waiting for its parent to reap it); X: dead.
  if (!stat || stat.state === 'Z' || stat.state === 'X') return undefined;
  const info: ProcessInfo = { pid, ppid: stat.ppid, startTime: stat.startTime };
  try {
    info.cwd = readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    // another user's process: its folder is not ours to read
  }
  try {
    info.argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    // gone meanwhile
  }
  return info;
}

/** Without /proc (macOS, BSD): whether the pid lives, and its command line as `ps` shows it (split at spaces). */
function portableInfo(pid: number): ProcessInfo | undefined {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists, under another user.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  try {
    const command = execFileSync('ps', ['-o', 'command=', '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return command ? { pid, argv: command.split(/\s+/) } : { pid };
  } catch {
    return { pid };
  }
}

/** The processes of this machine: read from /proc on Linux; elsewhere only whether a pid is alive is known. */
export const systemProcesses: Processes = {
  info: (pid) => (Number.isInteger(pid) && pid > 0 ? (hasProc ? linuxInfo(pid) : portableInfo(pid)) : undefined),
  inFolder(dir) {
    if (!hasProc) return [];
    const target = tryRealpath(dir);
    const found: number[] = [];
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const pid = Number(name);
      if (pid === process.pid) continue;
      let cwd: string;
      try {
        cwd = readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        continue;
      }
      if (cwd === target && linuxInfo(pid)) found.push(pid);
    }
    return found;
  },
  kill(pid, signal) {
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  },
  self: () => (hasProc ? linuxInfo(process.pid) : undefined) ?? { pid: process.pid },
};

/** True when `info` is the PostgreSQL server (postmaster or one of its processes) of the data folder `dataDir`. */
export function isPostgresOf(info: ProcessInfo, dataDir: string): boolean {
  const target = tryRealpath(dataDir);
  if (info.cwd !== undefined) return info.cwd === target && (info.argv?.[0] ?? '').includes('postgres');
  // Without the working directory: the postmaster's own `-D <folder>` argument.
  const d = info.argv?.indexOf('-D') ?? -1;
  if (d >= 0 && info.argv![d + 1]) return tryRealpath(info.argv![d + 1]) === target;
  // Nothing to tell by: not taken for a PostgreSQL, so that nothing is ever signalled on a guess
  // (PostgreSQL itself still refuses to start beside a live predecessor: its shared-memory interlock).
  return false;
}
