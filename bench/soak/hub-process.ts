import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { readPostmasterPid } from '../../src/db/data-dir';
import { isPostgresOf, systemProcesses } from '../../src/db/processes';
import { ROOT, startScriptFlags } from '../lib/env';

/**
 * The hub as `npm start` runs it (`node [flags] dist/resolvers/app/main.js`) on a data
 * folder of its own, started and killed again and again on the same folder,
 * HTTP port and PostgreSQL port.
 */
export class HubProcess {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;
  /** The last log lines of the current process (for the report when something fails). */
  tail: string[] = [];
  /** Log lines of every start, parsed: what the hub said about the crash it recovered from. */
  readonly messages: string[] = [];

  constructor(
    readonly dataDir: string,
    readonly pgPort: number,
    readonly httpPort: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.httpPort}/graphql`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.httpPort}/graphql`;
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /**
   * Starts the hub and resolves once it listens, with the time that took; rejects with its stderr if it exits first.
   */
  start(timeoutMs = 180_000): Promise<number> {
    const started = Date.now();
    const child = spawn(process.execPath, [...startScriptFlags(), join(ROOT, 'dist', 'resolvers', 'app', 'main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        HUB_DATA_DIR: this.dataDir,
        HUB_PG_PORT: String(this.pgPort),
        PORT: String(this.httpPort),
        LOG_LEVEL: 'info',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.tail = [];
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the hub did not start in ${timeoutMs} ms: ${stderr}`));
      }, timeoutMs);
      void this.exited!.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the hub exited with ${code} before listening: ${stderr.trim()}`));
      });
      createInterface({ input: child.stdout }).on('line', (line) => {
        this.tail.push(line);
        if (this.tail.length > 50) this.tail.shift();
        let msg: string | undefined;
        try {
          msg = (JSON.parse(line) as { msg?: string }).msg;
        } catch {
          return;
        }
        if (!msg) return;
        this.messages.push(msg);
        if (msg === 'hub listening') {
          clearTimeout(timer);
          resolve(Date.now() - started);
        }
      });
    });
  }

  /** The pid of the embedded PostgreSQL server now running in the folder. */
  postmasterPid(): number | undefined {
    const lock = readPostmasterPid(this.dataDir);
    const p = lock?.pid ? systemProcesses.info(lock.pid) : undefined;
    return p && isPostgresOf(p, this.dataDir) ? p.pid : undefined;
  }

  /**
   * kill -9 of the hub's node process (what an out-of-memory kill does), and
   * of its PostgreSQL too when `both`; resolves once the hub has exited.
   */
  async kill9(both: boolean): Promise<void> {
    const postmaster = both ? this.postmasterPid() : undefined;
    this.child?.kill('SIGKILL');
    if (postmaster) systemProcesses.kill(postmaster, 'SIGKILL');
    await this.exited;
  }

  /** A clean stop (SIGTERM); resolves with the exit status. */
  async stop(): Promise<number | null> {
    if (this.pid === undefined) return this.exited ?? null;
    this.child!.kill('SIGTERM');
    return this.exited!;
  }

  /** Kills whatever still runs: the hub and every PostgreSQL process of the folder. */
  async destroy(): Promise<void> {
    if (this.pid !== undefined) {
      this.child!.kill('SIGKILL');
      await this.exited;
    }
    const pids = systemProcesses.inFolder(this.dataDir).filter((pid) => {
      const p = systemProcesses.info(pid);
      return p !== undefined && isPostgresOf(p, this.dataDir);
    });
    const postmaster = this.postmasterPid();
    if (postmaster) pids.push(postmaster);
    for (const pid of pids) systemProcesses.kill(pid, 'SIGKILL');
    for (let waited = 0; waited < 10_000 && pids.some((pid) => systemProcesses.info(pid)); waited += 50)
      await new Promise((r) => setTimeout(r, 50));
  }
}
