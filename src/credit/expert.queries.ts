import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { ErrorCode, HubError } from '../common/errors';
import { pageSize, type Page } from '../common/pagination';
import { findOnePlain, findPlain, inSet } from '../common/plain';
import { isKnownRegion, regionPrefix } from '../common/regions';
import { TEXT_SET, query, textSetParam } from '../common/sql';
import { isStorableText } from '../common/storable';
import { keysetOrder } from '../read/keyset';
import type { ExpertKind, ExpertStatus } from './credit.model';
import { ExpertRow } from './expert.entity';

/** Ids and standing of pool experts by code, one query; codes not in the pool are absent. */
export async function expertIds(
  em: EntityManager,
  codes: Iterable<string>,
): Promise<Map<string, { id: string; status: ExpertStatus; name: string }>> {
  const list = [...new Set(codes)];
  if (!list.length) return new Map();
  const rows = await query<{ id: string; code: string; status: ExpertStatus; name: string }>(
    em,
    `select id, code, status, name from expert where code in ${TEXT_SET}`,
    [textSetParam(list)],
  );
  return new Map(rows.map((r) => [r.code, { id: String(r.id), status: r.status, name: r.name }]));
}

/** One expert by code; null when the pool does not hold it. */
export function findExpert(em: EntityManager, code: string): Promise<ExpertRow | null> {
  if (!isStorableText(code)) return Promise.resolve(null);
  return findOnePlain(em, ExpertRow, { code: code.trim() });
}

/** Experts by code (for loaders). */
export function expertsByCodes(em: EntityManager, codes: readonly string[]): Promise<ExpertRow[]> {
  return findPlain(em, ExpertRow, inSet('code', codes, 'text'));
}

export interface ExpertFilter {
  kind?: ExpertKind | null;
  status?: ExpertStatus | null;
  /** A GB/T 2260 code: a prefecture includes its counties. */
  regionCode?: string | null;
  specialty?: string | null;
}

/** One page of experts by code (keyset); every condition has an index (expert.entity.ts). */
export async function listExperts(
  em: EntityManager,
  args: { filter?: ExpertFilter | null; first?: number | null; after?: string | null },
  maxPage: number,
): Promise<Page<ExpertRow>> {
  const first = pageSize(args.first, maxPage);
  const f = args.filter ?? {};
  const base: FilterQuery<ExpertRow> & Record<string, unknown> = {};
  if (f.kind) base.kind = f.kind;
  if (f.status) base.status = f.status;
  if (f.regionCode) {
    if (!isKnownRegion(f.regionCode))
      throw new HubError(ErrorCode.BAD_USER_INPUT, `regionCode ${f.regionCode} is not a known Hubei GB/T 2260 code`, {
        field: 'filter.regionCode',
      });
    base.regionCode = { $like: `${regionPrefix(f.regionCode)}%` };
  }
  if (f.specialty) {
    if (!isStorableText(f.specialty) || f.specialty.length > 80)
      throw new HubError(ErrorCode.BAD_USER_INPUT, 'specialty must be a specialty code', { field: 'filter.specialty' });
    base.specialties = { $contains: [f.specialty.trim().toUpperCase()] };
  }
  const order = keysetOrder<ExpertRow, 'code'>('code', false, args.after);
  const where: FilterQuery<ExpertRow> = order.after ? { $and: [base, order.after] } : base;
  const rows = first === 0 ? [] : await findPlain(em, ExpertRow, where, { orderBy: order.orderBy, limit: first + 1 });
  const nodes = rows.slice(0, first);
  return {
    nodes,
    cursors: nodes.map(order.cursorOf),
    hasNextPage: rows.length > first,
    totalCount: () => em.count(ExpertRow, base),
  };
}
