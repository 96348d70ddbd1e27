import { readFileSync } from 'node:fs';
import { migratorOf, openOrm } from '../../src/db/orm';
import { createLogger } from '../../src/logger';
import { SCHEMA_FILE, printHubSchema } from '../../resolvers/app/schema';
import { createTestDatabase } from '../setup/db';
import { REGISTRY } from '../../resolvers/families';

describe('the public contract and the database schema', () => {
  it('has schema/schema.graphql equal to the schema the code builds (run `npm run schema` after an API change)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printHubSchema());
  });

  it('gets exactly what the entities describe from the committed migrations on an empty database', async () => {
    const db = await createTestDatabase(false);
    const orm = await openOrm(db.url, createLogger('silent'), { entities: REGISTRY.entities });
    try {
      const executed = await (await migratorOf(orm)).getExecutedMigrations();
      expect(executed.length).toBeGreaterThan(0);
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe('');
      expect(await (await migratorOf(orm)).getPendingMigrations()).toEqual([]);
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });
});
