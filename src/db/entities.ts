import { ApiKey } from '../auth/api-key.entity';
import { PrincipalRow } from '../auth/principal.entity';
import { ChangeEventRow } from '../feed/change-event.entity';
import { CreditCodeException } from '../market/credit-code-exception.entity';
import { MarketEntityRow } from '../market/market-entity.entity';
import { SourceSystem } from '../systems/source-system.entity';

/** Every ORM entity of the hub; a new data family adds its entities here. */
export const ENTITIES = [SourceSystem, PrincipalRow, ApiKey, CreditCodeException, MarketEntityRow, ChangeEventRow];
