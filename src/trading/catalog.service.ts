import type { EntityManager } from '@mikro-orm/postgresql';
import { logAdminAction } from '../auth/admin.service';
import type { Principal } from '../auth/principal';
import { ErrorCode, HubError } from '../common/errors';
import { LockScope, lockKeys } from '../common/locks';
import { TradingCategoryRow, TradingSubItemRow } from './catalog.entity';
import { compileDetailsSchema } from './catalog.rules';
import { displayTextProblem, jsonProblems } from '../common/storable';

const CODE = /^[A-Z][A-Z0-9_]{1,59}$/;

/** Longest code the catalog tables hold: varchar(40) for a category, varchar(60) for a sub-item. */
const MAX_CODE = { category: 40, 'sub-item': 60 } as const;

function checkCode(raw: string, field: string, kind: keyof typeof MAX_CODE): string {
  const code = raw.trim().toUpperCase();
  const max = MAX_CODE[kind];
  if (!CODE.test(code) || code.length > max)
    throw new HubError(
      ErrorCode.BAD_USER_INPUT,
      `${field} must be 2-${max} upper-case letters, digits or underscores, starting with a letter`,
      { field },
    );
  return code;
}

function checkName(raw: string, field: string): string {
  const name = raw.trim();
  if (!name || name.length > 200)
    throw new HubError(ErrorCode.BAD_USER_INPUT, `${field} must be 1-200 characters`, { field });
  const problem = displayTextProblem(name);
  if (problem) throw new HubError(ErrorCode.BAD_USER_INPUT, `${field} ${problem}`, { field });
  return name;
}

/**
 * A code that names an existing entry, or NOT_FOUND: no entry has a code outside the pattern, and text such as NUL
 * never reaches PostgreSQL.
 */
function existingCode(raw: string, what: string, field: string): string {
  const code = raw.trim().toUpperCase();
  if (!CODE.test(code))
    throw new HubError(ErrorCode.NOT_FOUND, `no ${what} ${JSON.stringify(raw.slice(0, 64))}`, { field });
  return code;
}

/**
 * A details schema is stored (jsonb) and logged: it must be storable JSON within the bounds of any JSONObject input.
 */
function checkSchemaJson(schema: Record<string, unknown>, field: string): void {
  const [problem] = jsonProblems(schema, field);
  if (problem) throw new HubError(ErrorCode.BAD_USER_INPUT, problem.message, { field: problem.path });
}

/** The catalog, categories in order with their sub-items; retired entries only when asked. */
export async function listCatalog(
  em: EntityManager,
  includeRetired: boolean,
): Promise<{ category: TradingCategoryRow; subItems: TradingSubItemRow[] }[]> {
  const where = includeRetired ? {} : { retiredAt: null };
  const [categories, subItems] = await Promise.all([
    em.find(TradingCategoryRow, where, { orderBy: { sortOrder: 'asc', code: 'asc' } }),
    em.find(TradingSubItemRow, where, { orderBy: { sortOrder: 'asc', code: 'asc' } }),
  ]);
  return categories.map((category) => ({
    category,
    subItems: subItems.filter((s) => s.category.code === category.code),
  }));
}

/**
 * Adds or renames a catalog category (the plan widens the catalog over time:
 * greening increments, ecological value, government data, ...). A retired
 * category comes back when upserted again.
 */
export async function upsertCategory(
  em: EntityManager,
  actor: Principal,
  input: { code: string; name: string; sortOrder?: number | null },
): Promise<TradingCategoryRow> {
  const code = checkCode(input.code, 'input.code', 'category');
  const name = checkName(input.name, 'input.name');
  return em.transactional(async (tx) => {
    // Operators changing one entry at once go in turn, each on what the other stored (no duplicate insert, no stale
    // event).
    await lockKeys(tx, LockScope.CATALOG, [`category:${code}`]);
    let c = await tx.findOne(TradingCategoryRow, { code }, { refresh: true });
    if (!c) c = tx.create(TradingCategoryRow, { code, name, sortOrder: input.sortOrder ?? 100 });
    c.name = name;
    if (input.sortOrder !== null && input.sortOrder !== undefined) c.sortOrder = input.sortOrder;
    c.retiredAt = null;
    await tx.flush();
    await logAdminAction(tx, actor, {
      action: 'UPSERT_CATEGORY',
      target: `category:${code}`,
      details: { name, sortOrder: c.sortOrder },
    });
    return c;
  });
}

/**
 * Adds or changes a sub-item, with an optional JSON Schema for its projects' details (checked to be a valid schema).
 */
export async function upsertSubItem(
  em: EntityManager,
  actor: Principal,
  input: {
    code: string;
    categoryCode: string;
    name: string;
    detailsSchema?: Record<string, unknown> | null;
    sortOrder?: number | null;
  },
): Promise<TradingSubItemRow> {
  const code = checkCode(input.code, 'input.code', 'sub-item');
  const name = checkName(input.name, 'input.name');
  if (input.detailsSchema) {
    checkSchemaJson(input.detailsSchema, 'input.detailsSchema');
    compileDetailsSchema(input.detailsSchema, 'input.detailsSchema');
  }
  const categoryCode = existingCode(input.categoryCode, 'category', 'input.categoryCode');
  return em.transactional(async (tx) => {
    await lockKeys(tx, LockScope.CATALOG, [`sub-item:${code}`]);
    const category = await tx.findOne(TradingCategoryRow, { code: categoryCode });
    if (!category)
      throw new HubError(ErrorCode.NOT_FOUND, `no category ${input.categoryCode}`, { field: 'input.categoryCode' });
    let s = await tx.findOne(TradingSubItemRow, { code }, { refresh: true });
    if (!s) s = tx.create(TradingSubItemRow, { code, category, name, sortOrder: input.sortOrder ?? 100 });
    if (s.category.code !== category.code)
      throw new HubError(ErrorCode.CONFLICT, `sub-item ${code} belongs to category ${s.category.code}`, {
        field: 'input.categoryCode',
      });
    s.name = name;
    s.detailsSchema = input.detailsSchema ?? null;
    if (input.sortOrder !== null && input.sortOrder !== undefined) s.sortOrder = input.sortOrder;
    s.retiredAt = null;
    await tx.flush();
    await logAdminAction(tx, actor, {
      action: 'UPSERT_SUB_ITEM',
      target: `sub-item:${code}`,
      details: { categoryCode: category.code, name, detailsSchema: s.detailsSchema },
    });
    return s;
  });
}

/**
 * Retires a category or sub-item: new projects can no longer use it; the
 * projects that did keep it. Nothing is deleted.
 */
export async function retireCatalogEntry(
  em: EntityManager,
  actor: Principal,
  kind: 'category' | 'sub-item',
  rawCode: string,
): Promise<void> {
  const code = existingCode(rawCode, kind, 'code');
  await em.transactional(async (tx) => {
    await lockKeys(tx, LockScope.CATALOG, [`${kind}:${code}`]);
    const row =
      kind === 'category'
        ? await tx.findOne(TradingCategoryRow, { code }, { refresh: true })
        : await tx.findOne(TradingSubItemRow, { code }, { refresh: true });
    if (!row) throw new HubError(ErrorCode.NOT_FOUND, `no ${kind} ${code}`, { field: 'code' });
    row.retiredAt ??= new Date();
    await tx.flush();
    await logAdminAction(tx, actor, {
      action: kind === 'category' ? 'RETIRE_CATEGORY' : 'RETIRE_SUB_ITEM',
      target: `${kind}:${code}`,
    });
  });
}
