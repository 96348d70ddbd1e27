import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { authenticate, bearerToken } from '../src/auth/keys';
import type { Principal } from '../src/auth/principal';
import type { Logger } from '../src/logger';
import type { HubServices } from '../src/services';
import { RequestLoaders } from '../src/read/loaders';

/** What every resolver receives: built once per HTTP request or per graphql-ws operation. */
export interface HubContext {
  requestId: string;
  principal: Principal;
  /** A fresh EntityManager fork for this request only. */
  em: EntityManager;
  /** Request-scoped DataLoaders: the generic ones, `history(topic)`, and each family's by `of(family)`. */
  loaders: RequestLoaders;
  services: HubServices;
  log: Logger;
  /** The graphql-ws connection the operation came on (a named feed consumer's lease is held by one); none over HTTP. */
  connectionId?: string;
}

/**
 * Resolves the caller of an `Authorization` header value. An invalid key is
 * UNAUTHENTICATED, never silently anonymous.
 */
export function resolvePrincipal(services: HubServices, authorization: string | undefined | null): Promise<Principal> {
  return authenticate(
    () => services.orm.em.fork(),
    bearerToken(authorization),
    services.config.adminKey,
    services.keyCache,
    new Date(services.clock.now()),
  );
}

/**
 * A context whose EntityManager fork, loaders and child logger are made when first read. The getters live on the
 * prototype and the made values in plain fields: Apollo copies each request's context (`Object.assign` onto an object
 * of the same prototype), which would call getters that were own properties and make all three for every request.
 */
class LazyContext implements HubContext {
  madeEm: EntityManager | undefined = undefined;
  madeLoaders: RequestLoaders | undefined = undefined;
  madeLog: Logger | undefined = undefined;

  constructor(
    readonly services: HubServices,
    readonly principal: Principal,
    readonly requestId: string,
    readonly connectionId?: string,
  ) {}

  get em(): EntityManager {
    return (this.madeEm ??= this.services.orm.em.fork());
  }

  get loaders(): RequestLoaders {
    return (this.madeLoaders ??= new RequestLoaders(this.em));
  }

  get log(): Logger {
    return (this.madeLog ??= this.services.log.child({ requestId: this.requestId, principal: this.principal.id }));
  }
}

/**
 * The one context factory, for HTTP requests and graphql-ws operations alike:
 * a fresh EntityManager fork and fresh loaders for this operation only. Each is
 * made when first read, so a request the compiled read path answers, which
 * needs neither loaders nor an identity map, makes neither (nor its logger
 * unless it logs).
 */
export function createContext(
  services: HubServices,
  principal: Principal,
  requestId: string = randomUUID(),
  connectionId?: string,
): HubContext {
  return new LazyContext(services, principal, requestId, connectionId);
}
