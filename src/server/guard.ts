import { ErrorCode, HubError } from '../common/errors';
import { TokenBuckets } from '../limits/rate-limit';
import type { Principal } from '../auth/principal';
import type { HubServices } from '../services';

/**
 * The admission checks every operation passes, over HTTP and graphql-ws alike:
 * the per-principal rate limit. (Authentication is resolvePrincipal; operation
 * limits are the validation rules and the cost check.)
 */
export class Guard {
  private readonly buckets: TokenBuckets;

  constructor(services: Pick<HubServices, 'config'>) {
    this.buckets = new TokenBuckets(services.config.rateLimit, services.config.rateBurst);
  }

  /** Throws LIMIT_EXCEEDED with `retryAfterSeconds` when the caller has used up its requests. */
  admit(principal: Principal, address: string | undefined): void {
    const key = principal.id === 'anonymous' ? `ip:${address ?? '?'}` : `p:${principal.name}`;
    const wait = this.buckets.take(key);
    if (wait > 0) {
      throw new HubError(ErrorCode.LIMIT_EXCEEDED, `too many requests; retry after ${wait} s`, {
        details: { retryAfterSeconds: wait },
        httpStatus: 429,
      });
    }
  }
}
