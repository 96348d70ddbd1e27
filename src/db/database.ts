import type { MikroORM } from '@mikro-orm/postgresql';
import type { HubConfig } from '../config';
import type { Logger } from '../logger';
import { ensureDatabase, startEmbedded, type EmbeddedDatabase } from './embedded';
import { openOrm } from './orm';

export interface Database {
  orm: MikroORM;
  url: string;
  /** Closes the ORM and stops the embedded PostgreSQL if this process started it. */
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL when it is unset,
 * then applies pending migrations.
 */
export async function openDatabase(config: HubConfig, log: Logger): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (url) {
    await ensureDatabase(url);
  } else {
    embedded = await startEmbedded(config.dataDir, config.embeddedPgPort, log);
    url = embedded.url;
  }
  try {
    const orm = await openOrm(url, log, { pool: { min: 0, max: config.dbPool } });
    return {
      orm,
      url,
      async close() {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}
