import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { keysOf } from '../auth/admin.service';
import type { ApiKeyRow } from '../auth/api-key.entity';
import { readHistory } from '../feed/read';
import type { ChangeRecord } from '../feed/topics';
import type { LoaderFactory, LoadersOf } from '../registry/family';
import { SourceSystemRow } from '../systems/source-system.entity';

/**
 * A loader of at most one row per key: `fetch` reads all keys in one statement, `keyOf` says which key a row answers.
 */
export function oneEach<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | undefined> {
  return new DataLoader<K, V | undefined>(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k));
  });
}

/** A loader of a list per key, keeping the order `fetch` returns the rows in. */
export function listEach<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const byKey = new Map<K, V[]>(keys.map((k) => [k, []]));
    for (const r of await fetch(keys)) byKey.get(keyOf(r))?.push(r);
    return keys.map((k) => byKey.get(k)!);
  });
}

/** Loaders that take a page size: one loader per size asked for in the request, each batching its own keys. */
export function perLimit<K, V>(make: (limit: number) => DataLoader<K, V>): (limit: number) => DataLoader<K, V> {
  const made = new Map<number, DataLoader<K, V>>();
  return (limit) => {
    let l = made.get(limit);
    if (!l) made.set(limit, (l = make(limit)));
    return l;
  };
}

/**
 * The request-scoped DataLoaders of one request: every field resolver goes
 * through them, so the number of SQL statements grows with the depth of the
 * query, never with the number of rows. The generic ones are fields; a data
 * family's come from its descriptor's `loaders` factory, made on first use
 * in the request (`ctx.loaders.of(tradingFamily).sectionById`).
 */
export class RequestLoaders {
  private readonly families = new Map<string, unknown>();
  private readonly histories = new Map<string, DataLoader<string, ChangeRecord[]>>();

  constructor(private readonly em: EntityManager) {}

  readonly sourceSystemById = new DataLoader<number, SourceSystemRow | undefined>(async (ids) => {
    const rows = await this.em.find(SourceSystemRow, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  });

  readonly keysByPrincipal = new DataLoader<number, ApiKeyRow[]>(async (ids) => {
    const keys = await keysOf(this.em, ids);
    return ids.map((id) => keys.filter((k) => k.principal.id === id));
  });

  /** The events of records of one topic by business key, oldest first (their history). */
  history(topic: string): DataLoader<string, ChangeRecord[]> {
    let loader = this.histories.get(topic);
    if (!loader) {
      loader = new DataLoader<string, ChangeRecord[]>(async (keys) => {
        const byKey = await readHistory(this.em, topic, keys);
        return keys.map((k) => byKey.get(k) ?? []);
      });
      this.histories.set(topic, loader);
    }
    return loader;
  }

  /** The loaders of a data family, made by its descriptor's factory on first use in this request. */
  of<F extends { readonly name: string; readonly loaders?: LoaderFactory<unknown> }>(family: F): LoadersOf<F> {
    let made = this.families.get(family.name);
    if (made === undefined) {
      if (!family.loaders) throw new Error(`data family ${family.name} has no loaders`);
      made = family.loaders(this.em);
      this.families.set(family.name, made);
    }
    return made as LoadersOf<F>;
  }
}
