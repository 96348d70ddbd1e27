import type { EntityClass } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { runningEmbeddedUrl } from '../db/embedded';
import { openOrm } from '../db/orm';
import { createLogger } from '../logger';

/**
 * Runs `fn` with an ORM on the hub's database and closes it afterwards:
 * DATABASE_URL, or the embedded PostgreSQL under HUB_DATA_DIR (the running
 * hub's if one runs; otherwise started for the command and stopped after it).
 * Pending migrations are applied first.
 */
export async function withOrm<T>(
  entities: readonly EntityClass<object>[],
  fn: (orm: MikroORM) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const running = config.databaseUrl ? undefined : await runningEmbeddedUrl(config.dataDir);
  if (running) {
    const orm = await openOrm(running, log, { entities });
    try {
      return await fn(orm);
    } finally {
      await orm.close(true);
    }
  }
  const db = await openDatabase(config, log, { entities }, 'hub command');
  try {
    return await fn(db.orm);
  } finally {
    await db.close();
  }
}
