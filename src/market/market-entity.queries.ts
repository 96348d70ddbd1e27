import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { couldBeCreditCode, normaliseCreditCode } from '../common/credit-code';
import { isStorableText } from '../common/storable';
import { ErrorCode, HubError } from '../common/errors';
import { findOnePlain, findPlain, inSet } from '../common/plain';
import { pageSize, type Page } from '../common/pagination';
import { keysetOrder } from '../read/keyset';
import { isKnownRegion, regionPrefix } from '../common/regions';
import { MarketEntityRow } from './market-entity.entity';
import type { EntityStatus, MarketRole } from './market-entity.model';

/** One entity by credit code, written in any case; null when it is not held. */
export async function findMarketEntity(em: EntityManager, creditCode: string): Promise<MarketEntityRow | null> {
  const code = normaliseCreditCode(creditCode);
  return couldBeCreditCode(code) ? findOnePlain(em, MarketEntityRow, { creditCode: code }) : null;
}

export interface MarketEntityFilter {
  nameContains?: string | null;
  /** A GB/T 2260 code: a prefecture includes its counties, 420000 the whole province. */
  regionCode?: string | null;
  role?: MarketRole | null;
  status?: EntityStatus | null;
  updatedSince?: Date | null;
  creditCodes?: string[] | null;
}

export enum MarketEntityOrder {
  CREDIT_CODE = 'CREDIT_CODE',
  UPDATED_AT = 'UPDATED_AT',
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Translates the API filter into an ORM condition; every condition has an index (see the entity). */
export function marketEntityWhere(filter: MarketEntityFilter = {}): FilterQuery<MarketEntityRow> {
  const where: FilterQuery<MarketEntityRow> & Record<string, unknown> = {};
  if (filter.nameContains?.trim()) {
    if (!isStorableText(filter.nameContains)) {
      throw new HubError(ErrorCode.BAD_USER_INPUT, 'nameContains must not contain NUL or a lone surrogate', {
        field: 'filter.nameContains',
      });
    }
    where.name = { $ilike: `%${escapeLike(filter.nameContains.trim())}%` };
  }
  if (filter.regionCode) {
    if (!isKnownRegion(filter.regionCode)) {
      throw new HubError(
        ErrorCode.BAD_USER_INPUT,
        `regionCode ${filter.regionCode} is not a known Hubei GB/T 2260 code`,
        { field: 'filter.regionCode' },
      );
    }
    where.regionCode = { $like: `${regionPrefix(filter.regionCode)}%` };
  }
  if (filter.role) where.roles = { $contains: [filter.role] };
  if (filter.status) where.status = filter.status;
  if (filter.updatedSince) {
    // PostgreSQL has no year 0: refuse such a time here rather than fail in the database.
    if (Number.isNaN(filter.updatedSince.getTime()) || filter.updatedSince.getUTCFullYear() < 1) {
      throw new HubError(ErrorCode.BAD_USER_INPUT, 'updatedSince must be a time after the year 1', {
        field: 'filter.updatedSince',
      });
    }
    where.updatedAt = { $gte: filter.updatedSince };
  }
  if (filter.creditCodes) {
    if (filter.creditCodes.length > 1000) {
      throw new HubError(ErrorCode.LIMIT_EXCEEDED, 'filter.creditCodes takes at most 1000 codes', {
        field: 'filter.creditCodes',
      });
    }
    where.creditCode = { $in: filter.creditCodes.map(normaliseCreditCode).filter(couldBeCreditCode) };
  }
  return where;
}

/**
 * One page of market entities in a stable order: by credit code, or by
 * (updatedAt, id) for integrators that sync "what changed since". Keyset
 * pagination: the cursor holds the sort key of the last row.
 */
export async function listMarketEntities(
  em: EntityManager,
  args: {
    filter?: MarketEntityFilter | null;
    first?: number | null;
    after?: string | null;
    orderBy?: MarketEntityOrder | null;
  },
  maxPage: number,
): Promise<Page<MarketEntityRow>> {
  const first = pageSize(args.first, maxPage);
  const base = marketEntityWhere(args.filter ?? {});
  const order = keysetOrder<MarketEntityRow, 'creditCode'>(
    'creditCode',
    args.orderBy === MarketEntityOrder.UPDATED_AT,
    args.after,
  );
  const where: FilterQuery<MarketEntityRow> = order.after ? { $and: [base, order.after] } : base;
  const rows =
    first === 0 ? [] : await findPlain(em, MarketEntityRow, where, { orderBy: order.orderBy, limit: first + 1 });
  const nodes = rows.slice(0, first);
  return {
    nodes,
    cursors: nodes.map(order.cursorOf),
    hasNextPage: rows.length > first,
    totalCount: () => em.count(MarketEntityRow, base),
  };
}

/** Market entities by surrogate id (tenderers, agencies, bidders, winners). */
export function marketEntitiesByIds(em: EntityManager, ids: readonly string[]): Promise<MarketEntityRow[]> {
  return findPlain(em, MarketEntityRow, inSet('id', ids, 'bigint'));
}
