import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { maskValue, type SensitiveFields, type Sensitivity } from '../../src/auth/masking';
import { mayReveal } from '../../src/auth/principal';
import type { HubContext } from '../context';

function maskMiddleware(sensitivity: Sensitivity): MiddlewareFn<HubContext> {
  return async ({ context }, next) => {
    const value: unknown = await next();
    return mayReveal(context.principal, sensitivity) ? value : maskValue(sensitivity, value);
  };
}

/**
 * Masks the sensitive fields of a GraphQL object type from the data family's
 * one declaration (e.g. MARKET_ENTITY_SENSITIVE), the same that masks its
 * change-feed payloads and exports. Call once, beside the type's class.
 */
export function applySensitiveFields(type: abstract new (...args: never[]) => object, fields: SensitiveFields): void {
  for (const [field, sensitivity] of Object.entries(fields)) {
    UseMiddleware(maskMiddleware(sensitivity))(type.prototype, field);
  }
}
