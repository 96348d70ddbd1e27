import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { maskField, type SensitiveField, type SensitiveFields } from '../../src/auth/masking';
import type { HubContext } from '../context';

function maskMiddleware(field: SensitiveField): MiddlewareFn<HubContext> {
  return async ({ root, context }, next) =>
    maskField(field, await next(), root as Record<string, unknown>, context.principal);
}

/**
 * Masks the sensitive fields of a GraphQL object type from the data family's
 * one declaration (e.g. MARKET_ENTITY_SENSITIVE), the same that masks its
 * change-feed payloads and exports. Call once, beside the type's class.
 */
export function applySensitiveFields(type: abstract new (...args: never[]) => object, fields: SensitiveFields): void {
  for (const [name, field] of Object.entries(fields)) {
    UseMiddleware(maskMiddleware(field))(type.prototype as object, name);
  }
}
