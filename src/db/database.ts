import type { MikroORM } from '@mikro-orm/postgresql';
import type { HubConfig } from '../config';
import type { Logger } from '../logger';
import { ensureDatabase, startEmbedded, type EmbeddedDatabase } from './embedded';
import { openOrm, type OrmOptions } from './orm';

/** How the database of this process is doing, for /healthz. */
export interface DatabaseHealth {
  /** False while the embedded PostgreSQL is down (being restarted, or failed for good). */
  ok: boolean;
  /** `external` (DATABASE_URL), or the embedded server's state: running, restarting, failed, stopped. */
  state: string;
}

export interface Database {
  orm: MikroORM;
  url: string;
  health(): DatabaseHealth;
  /** Called once when the embedded PostgreSQL died and could not be restarted; never for DATABASE_URL. */
  onFailure(listener: (err: Error) => void): void;
  /** Says that the process stops from now on: the embedded PostgreSQL ending is no longer a crash to restart. */
  expectStop(): void;
  /** Closes the ORM and stops the embedded PostgreSQL if this process started it. */
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL when it is unset,
 * then applies pending migrations. `command` names the process in the data
 * folder's owner record (`hub` for the server, `hub <command>` for the CLI);
 * `orm` carries the hub's entities (FamilyRegistry.entities).
 */
export async function openDatabase(
  config: HubConfig,
  log: Logger,
  orm: OrmOptions,
  command = 'hub',
): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (url) {
    await ensureDatabase(url);
  } else {
    embedded = await startEmbedded(config.dataDir, config.embeddedPgPort, log, { command });
    url = embedded.url;
  }
  try {
    const opened = await openOrm(url, log, { pool: { min: 0, max: config.dbPool }, ...orm });
    return {
      orm: opened,
      url,
      health: () =>
        embedded ? { ok: embedded.state === 'running', state: embedded.state } : { ok: true, state: 'external' },
      onFailure: (listener) => embedded?.onFailure(listener),
      expectStop: () => embedded?.expectStop(),
      async close() {
        await opened.close(true);
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}
