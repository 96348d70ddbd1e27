import { ApiKey } from '../auth/api-key.entity';
import { PrincipalRow } from '../auth/principal.entity';
import { ChangeEventRow } from '../feed/change-event.entity';
import { CreditCodeException } from '../market/credit-code-exception.entity';
import { MarketEntityRow } from '../market/market-entity.entity';
import { SourceSystem } from '../systems/source-system.entity';
import { TradingCategory, TradingSubItem } from '../trading/catalog.entity';
import { SectionRow, TradingProjectRow } from '../trading/project.entity';
import { AnnouncementRow, AwardRow, BidOpeningRow, BidRow, ContractRow, EvaluationCandidateRow, EvaluationRow, FindingRow } from '../trading/records.entity';

/** Every ORM entity of the hub; a new data family adds its entities here. */
export const ENTITIES = [
  SourceSystem,
  PrincipalRow,
  ApiKey,
  CreditCodeException,
  MarketEntityRow,
  ChangeEventRow,
  TradingCategory,
  TradingSubItem,
  TradingProjectRow,
  SectionRow,
  AnnouncementRow,
  BidRow,
  BidOpeningRow,
  EvaluationRow,
  EvaluationCandidateRow,
  AwardRow,
  ContractRow,
  FindingRow,
];
