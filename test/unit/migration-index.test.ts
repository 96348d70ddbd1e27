import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addToMigrationIndex } from '../../src/db/migration-index';

const INDEX = readFileSync(join(__dirname, '..', '..', 'migrations', 'index.ts'), 'utf8');

describe('adding a new migration to migrations/index.ts', () => {
  it('imports it after the last migration and lists it last', () => {
    const text = addToMigrationIndex(INDEX, 'Migration20991231235959');
    const lines = text.split('\n');
    const imports = lines.filter((l) => l.startsWith('import { Migration'));
    expect(imports.at(-1)).toBe("import { Migration20991231235959 } from './Migration20991231235959';");
    const entries = lines.filter((l) => l.startsWith('  { name: '));
    expect(entries.at(-1)).toBe("  { name: 'Migration20991231235959', class: Migration20991231235959 },");
    expect(entries).toHaveLength(INDEX.split('\n').filter((l) => l.startsWith('  { name: ')).length + 1);
    expect(text.trimEnd().endsWith('];')).toBe(true);
  });

  it('leaves the file as it is when the migration is listed already', () => {
    const once = addToMigrationIndex(INDEX, 'Migration20991231235959');
    expect(addToMigrationIndex(once, 'Migration20991231235959')).toBe(once);
  });

  it('refuses a name that is not a migration, and a file of another shape', () => {
    expect(() => addToMigrationIndex(INDEX, 'DropEverything')).toThrow(/not a migration name/);
    expect(() => addToMigrationIndex('export const x = 1;\n', 'Migration20991231235959')).toThrow(/by hand/);
  });
});
