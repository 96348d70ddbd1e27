import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { keysOf } from '../src/auth/admin.service';
import type { ApiKey } from '../src/auth/api-key.entity';
import { readHistory } from '../src/feed/read';
import { ChangeTopic, type ChangeRecord } from '../src/feed/topics';
import { SourceSystem } from '../src/systems/source-system.entity';

/**
 * Request-scoped DataLoaders, one per relation: every field resolver of a
 * request goes through them, so the number of SQL statements grows with the
 * depth of the query, never with the number of rows.
 */
export function createLoaders(em: EntityManager) {
  return {
    sourceSystemById: new DataLoader<number, SourceSystem | undefined>(async (ids) => {
      const rows = await em.find(SourceSystem, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    }),
    keysByPrincipal: new DataLoader<number, ApiKey[]>(async (ids) => {
      const keys = await keysOf(em, ids);
      return ids.map((id) => keys.filter((k) => k.principal.id === id));
    }),
    marketEntityHistory: new DataLoader<string, ChangeRecord[]>(async (keys) => {
      const byKey = await readHistory(em, ChangeTopic.MARKET_ENTITY, keys);
      return keys.map((k) => byKey.get(k) ?? []);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
