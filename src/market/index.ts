/*
 * The market family's public surface: what other families (and the seed tool)
 * may import. Everything else under src/market/ is the family's own
 * (.dependency-cruiser.cjs enforces it).
 */
export { marketFamily } from './market.family';
export { MarketEntityRow } from './market-entity.entity';
export {
  EntityKind,
  EntityStatus,
  MARKET_ENTITY_SENSITIVE,
  MARKET_ENTITY_TOPIC,
  MarketRole,
  type MarketEntityData,
  type QualificationData,
} from './market-entity.model';
export type { MarketEntitySnapshot } from './market-entity.push';
export type { MarketEntityPush, QualificationPush } from './market-entity.rules';
export { marketEntityIds, noMarketEntity } from './market-entity.references';
