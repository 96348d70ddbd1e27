import { getMetadataStorage } from 'type-graphql';

/**
 * `Type.field` (GraphQL names) of the fields that do more than read a
 * property of their source: a type-graphql @FieldResolver and, with
 * `middlewares`, any field carrying middlewares (masking) or @Authorized. The
 * compiled read and subscription paths read the other fields directly. Call
 * after the schema is built.
 */
export function fieldsDoingMore(options: { middlewares: boolean }): Set<string> {
  const storage = getMetadataStorage();
  const typeName = (target: unknown) => storage.objectTypes.find((o) => o.target === target)?.name;
  const out = new Set<string>();
  for (const fr of storage.fieldResolvers) {
    const name = typeName(fr.getObjectType?.() ?? fr.resolverClassMetadata?.getObjectType());
    if (name) out.add(`${name}.${fr.schemaName}`);
  }
  if (options.middlewares) {
    for (const f of storage.fields) {
      const name = typeName(f.target);
      if (name && (f.middlewares?.length || f.roles)) out.add(`${name}.${f.schemaName}`);
    }
  }
  return out;
}
