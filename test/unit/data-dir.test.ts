import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirInUseError, OWNER_FILE, inspectDataDir, reclaimDataDir } from '../../src/db/data-dir';
import type { ProcessInfo, Processes } from '../../src/db/processes';
import { createLogger } from '../../src/logger';

/** Made-up processes: what /proc would say, and what signals do to them. */
class FakeProcesses implements Processes {
  readonly table = new Map<number, ProcessInfo>();
  readonly signals: [number, NodeJS.Signals][] = [];
  /** Signals a process obeys by exiting (default: every signal). */
  readonly obeys = new Map<number, NodeJS.Signals[]>();

  constructor(readonly selfPid = 100) {
    this.table.set(selfPid, { pid: selfPid, ppid: 1, startTime: 5000, cwd: '/', argv: ['node', 'main.js'] });
  }

  add(p: ProcessInfo): void {
    this.table.set(p.pid, p);
  }

  info(pid: number): ProcessInfo | undefined {
    return this.table.get(pid);
  }

  inFolder(dir: string): number[] {
    return [...this.table.values()].filter((p) => p.cwd === dir).map((p) => p.pid);
  }

  kill(pid: number, signal: NodeJS.Signals): boolean {
    this.signals.push([pid, signal]);
    if (!this.table.has(pid)) return false;
    const obeys = this.obeys.get(pid);
    if (!obeys || obeys.includes(signal)) this.table.delete(pid);
    return true;
  }

  self(): ProcessInfo {
    return this.table.get(this.selfPid)!;
  }
}

const log = createLogger('silent');
const noWait = async () => undefined;

describe('the data folder of the embedded PostgreSQL after a crash', () => {
  let dir: string;
  let procs: FakeProcesses;
  const pidFile = (pid: number, port = 54329) =>
    writeFileSync(
      join(dir, 'postmaster.pid'),
      `${pid}\n${dir}\n1796324894\n${port}\n\n127.0.0.1\n  2205338        36\nready   \n`,
    );
  const owner = (pid: number, startTime?: number, command = 'hub') =>
    writeFileSync(join(dir, OWNER_FILE), JSON.stringify({ pid, startTime, command, since: '2026-12-01T00:00:00Z' }));
  const postmaster = (pid: number, ppid = 1) =>
    procs.add({ pid, ppid, startTime: 7000, cwd: dir, argv: ['/opt/pg/bin/postgres', '-D', dir, '-p', '54329'] });
  const backend = (pid: number) =>
    procs.add({ pid, ppid: 1, startTime: 7001, cwd: dir, argv: ['postgres: checkpointer'] });

  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'hub-unit-datadir-')));
    procs = new FakeProcesses();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is free when no PostgreSQL ran there', async () => {
    expect(inspectDataDir(dir, procs)).toEqual({ kind: 'free' });
    await reclaimDataDir(dir, log, { procs, sleep: noWait });
    expect(procs.signals).toEqual([]);
  });

  it('removes the lock file of a PostgreSQL that died (its pid gone, or a zombie, which /proc reports as gone)', async () => {
    pidFile(4242);
    expect(inspectDataDir(dir, procs)).toEqual({ kind: 'stale', postmasterPid: 4242, leftovers: [] });
    await reclaimDataDir(dir, log, { procs, sleep: noWait });
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
    expect(procs.signals).toEqual([]);
  });

  it('leaves alone a process that got the dead postmaster pid, and removes the lock file', async () => {
    pidFile(4242);
    procs.add({ pid: 4242, ppid: 1, startTime: 9000, cwd: '/home/someone', argv: ['vim', 'notes.txt'] });
    expect(inspectDataDir(dir, procs)).toMatchObject({ kind: 'stale', postmasterPid: 4242 });
    await reclaimDataDir(dir, log, { procs, sleep: noWait });
    expect(procs.signals).toEqual([]);
    expect(procs.info(4242)).toBeDefined();
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
  });

  it('kills what a dead postmaster left running in the folder (it would hold the old shared memory), but not a shell working there', async () => {
    pidFile(4242);
    backend(4250);
    backend(4251);
    procs.add({ pid: 300, ppid: 1, startTime: 100, cwd: dir, argv: ['bash'] });
    expect(inspectDataDir(dir, procs)).toEqual({ kind: 'stale', postmasterPid: 4242, leftovers: [4250, 4251] });
    await reclaimDataDir(dir, log, { procs, sleep: noWait });
    expect(procs.signals).toEqual([
      [4250, 'SIGKILL'],
      [4251, 'SIGKILL'],
    ]);
    expect(procs.info(300)).toBeDefined();
  });

  it('stops a PostgreSQL whose hub is gone with a fast shutdown (SIGINT), keeping every commit', async () => {
    pidFile(4242, 55000);
    postmaster(4242);
    owner(777, 6000);
    expect(inspectDataDir(dir, procs)).toEqual({ kind: 'orphan', postmasterPid: 4242, port: 55000, ownerPid: 777 });
    await reclaimDataDir(dir, log, { procs, sleep: noWait });
    expect(procs.signals).toEqual([[4242, 'SIGINT']]);
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
  });

  it('stops it harder when it does not go: SIGQUIT, then SIGKILL', async () => {
    pidFile(4242);
    postmaster(4242);
    owner(777);
    procs.obeys.set(4242, ['SIGKILL']);
    await reclaimDataDir(dir, log, { procs, sleep: noWait, shutdownMs: 100 });
    expect(procs.signals).toEqual([
      [4242, 'SIGINT'],
      [4242, 'SIGQUIT'],
      [4242, 'SIGKILL'],
    ]);
  });

  it('takes a recorded owner whose pid now names another process (another start time) for gone', () => {
    pidFile(4242);
    postmaster(4242);
    procs.add({ pid: 777, ppid: 1, startTime: 6001, cwd: '/', argv: ['node'] });
    owner(777, 6000);
    expect(inspectDataDir(dir, procs)).toMatchObject({ kind: 'orphan', ownerPid: 777 });
  });

  it('stops an unrecorded PostgreSQL whose parent is gone (started by an older hub)', () => {
    pidFile(4242);
    postmaster(4242, 1);
    expect(inspectDataDir(dir, procs)).toMatchObject({ kind: 'orphan', postmasterPid: 4242, ownerPid: undefined });
  });

  it('refuses a folder whose PostgreSQL belongs to a live hub, naming the hub, its PostgreSQL and the port', async () => {
    pidFile(4242, 55000);
    postmaster(4242, 777);
    procs.add({ pid: 777, ppid: 1, startTime: 6000, cwd: '/', argv: ['node', 'main.js'] });
    owner(777, 6000);
    const state = inspectDataDir(dir, procs);
    expect(state).toEqual({ kind: 'held', postmasterPid: 4242, port: 55000, ownerPid: 777, ownerCommand: 'hub' });
    await expect(reclaimDataDir(dir, log, { procs, sleep: noWait })).rejects.toThrow(DataDirInUseError);
    await expect(reclaimDataDir(dir, log, { procs, sleep: noWait })).rejects.toThrow(
      `HUB_DATA_DIR ${dir} is in use: the hub process 777 runs its embedded PostgreSQL (pid 4242, port 55000).`,
    );
    expect(procs.signals).toEqual([]);
  });

  it('refuses an unrecorded PostgreSQL whose parent lives (started by hand or by an older hub)', () => {
    pidFile(4242);
    postmaster(4242, 555);
    procs.add({ pid: 555, ppid: 1, startTime: 1, cwd: '/', argv: ['node'] });
    expect(inspectDataDir(dir, procs)).toMatchObject({ kind: 'held', ownerPid: 555 });
  });

  it('without /proc, knows the postmaster by its -D argument (as ps shows it), and signals nothing it cannot identify', async () => {
    pidFile(4242);
    owner(777);
    procs.add({ pid: 4242, argv: ['/opt/pg/bin/postgres', '-D', dir, '-p', '54329'] });
    expect(inspectDataDir(dir, procs)).toMatchObject({ kind: 'orphan', postmasterPid: 4242 });
    procs.add({ pid: 4242 }); // alive, but nothing tells what it is
    expect(inspectDataDir(dir, procs)).toMatchObject({ kind: 'stale', postmasterPid: 4242 });
    await reclaimDataDir(dir, log, { procs, sleep: noWait });
    expect(procs.signals).toEqual([]);
  });

  it('names a `hub` command that holds the folder', () => {
    pidFile(4242);
    postmaster(4242, 888);
    procs.add({ pid: 888, ppid: 1, startTime: 1, cwd: '/', argv: ['node', 'bin/hub.js'] });
    owner(888, 1, 'hub command');
    expect(() => {
      const s = inspectDataDir(dir, procs);
      if (s.kind === 'held') throw new DataDirInUseError(dir, s);
    }).toThrow('the hub command process 888 runs its embedded PostgreSQL');
  });
});
