import { creditFamily } from '../src/credit';
import { certificatesFamily } from '../src/certificates';
import { ADMIN_TOPIC, type AdminPayload } from '../src/feed/topics';
import { marketFamily } from '../src/market';
import type { TopicOf, TopicPayloads } from '../src/registry/family';
import { FamilyRegistry } from '../src/registry/registry';
import { supervisionFamily } from '../src/supervision';
import { tradingFamily } from '../src/trading';
import { apiFamily } from './common/api-family';

/**
 * The data families of the hub, one line each: the family's descriptor
 * (src/<family>/<family>.family.ts) and its API (resolvers/<family>/index.ts,
 * loaded only where the schema is built). Everything central is derived from
 * this array: the ORM's entities, the resolvers, the topics (the ChangeTopic
 * enum in GraphQL and TypeScript) with their sensitive fields, the masking
 * classes, the loaders, the default grants of a new system, the history
 * catalogue and the `hub` command table. A new family adds its line here.
 */
export const FAMILIES = [
  apiFamily(marketFamily, () => import('./market/index.js')),
  apiFamily(tradingFamily, () => import('./trading/index.js')),
  apiFamily(supervisionFamily, () => import('./supervision/index.js')),
  apiFamily(creditFamily, () => import('./credit/index.js')),
  apiFamily(certificatesFamily, () => import('./certificates/index.js')),
] as const;

/** The central lists over every family, handed to src/ (HubServices.registry, the CLI, the ORM). */
export const REGISTRY = new FamilyRegistry(FAMILIES.map((f) => f.family));

/** Every family's descriptor type. */
export type HubFamily = (typeof FAMILIES)[number]['family'];

/** Every topic of the change log: the families' and ADMIN. */
export type ChangeTopic = TopicOf<HubFamily> | typeof ADMIN_TOPIC;

/** Topic → payload type of its events, for writers and subscribers of any topic. */
export type HubTopicPayloads = TopicPayloads<HubFamily> & { [ADMIN_TOPIC]: AdminPayload };

/** The topics as an enum object (`ChangeTopic.BID`), for TypeScript and for GraphQL (resolvers/common/hub-enums.ts). */
export const ChangeTopic = REGISTRY.topicEnum() as { readonly [K in ChangeTopic]: K };

/** The names of the masking classes as an enum object, for GraphQL's Sensitivity. */
export const Sensitivity: Readonly<Record<string, string>> = REGISTRY.sensitivityEnum();
