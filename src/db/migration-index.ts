/*
 * migrations/index.ts lists the committed migrations explicitly (the same list
 * works from the TypeScript sources in tests and from the compiled build).
 * `hub migration:create` adds the migration it writes to that list itself.
 */

const IMPORT = /^import \{ (Migration\d+) \} from '\.\/\1';$/gm;
const LIST_END = /^\];$/m;

/**
 * The text of migrations/index.ts with migration `name` (its file's base name,
 * which is also its class name) imported and appended to `migrationsList`.
 * Unchanged when it is listed already; an error when the file does not have
 * the shape this function writes (imports of Migration… classes, then the list).
 */
export function addToMigrationIndex(text: string, name: string): string {
  if (!/^Migration\d+$/.test(name)) throw new Error(`${name} is not a migration name (Migration<timestamp>)`);
  const imports = [...text.matchAll(IMPORT)];
  if (imports.some((m) => m[1] === name)) return text;
  const lastImport = imports.at(-1);
  const listStart = text.indexOf('export const migrationsList');
  const end = listStart < 0 ? null : LIST_END.exec(text.slice(listStart));
  if (!lastImport || !end)
    throw new Error('migrations/index.ts does not have its usual shape; add the migration to it by hand');
  const afterImport = lastImport.index + lastImport[0].length;
  const listEnd = listStart + end.index;
  return (
    text.slice(0, afterImport) +
    `\nimport { ${name} } from './${name}';` +
    text.slice(afterImport, listEnd) +
    `  { name: '${name}', class: ${name} },\n` +
    text.slice(listEnd)
  );
}
