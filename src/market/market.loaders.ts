import type { EntityManager } from '@mikro-orm/postgresql';
import { oneEach } from '../read/loaders';
import type { MarketEntityRow } from './market-entity.entity';
import { marketEntitiesByIds } from './market-entity.queries';

/** The market family's request-scoped loaders (keys are surrogate ids, bigint text). */
export function marketLoaders(em: EntityManager) {
  return {
    marketEntityById: oneEach<string, MarketEntityRow>(
      (ids) => marketEntitiesByIds(em, ids),
      (r) => r.id,
    ),
  };
}
