import { ApiKeyRow } from '../auth/api-key.entity';
import { PrincipalRow } from '../auth/principal.entity';
import { ChangeEventRow } from '../feed/change-event.entity';
import { CreditCodeExceptionRow } from '../market/credit-code-exception.entity';
import { MarketEntityRow } from '../market/market-entity.entity';
import { SourceSystemRow } from '../systems/source-system.entity';
import { TradingCategoryRow, TradingSubItemRow } from '../trading/catalog.entity';
import { SectionRow } from '../trading/section.entity';
import { TradingProjectRow } from '../trading/trading-project.entity';
import { AnnouncementRow } from '../trading/announcement.entity';
import { AwardRow } from '../trading/award.entity';
import { BidOpeningRow } from '../trading/bid-opening.entity';
import { BidRow } from '../trading/bid.entity';
import { ContractRow } from '../trading/contract.entity';
import { EvaluationCandidateRow } from '../trading/evaluation-candidate.entity';
import { EvaluationRow } from '../trading/evaluation.entity';
import { FindingRow } from '../trading/finding.entity';

/** Every ORM entity of the hub; a new data family adds its entities here. */
export const ENTITIES = [
  SourceSystemRow,
  PrincipalRow,
  ApiKeyRow,
  CreditCodeExceptionRow,
  MarketEntityRow,
  ChangeEventRow,
  TradingCategoryRow,
  TradingSubItemRow,
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
