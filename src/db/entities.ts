import { ApiKeyRow } from '../auth/api-key.entity';
import { PrincipalRow } from '../auth/principal.entity';
import { DeadLetterRow, FeedConsumerRow } from '../consumers/feed-consumer.entity';
import { ChangeEventRow } from '../feed/change-event.entity';
import { PushRejectionRow } from '../ingest/push-rejection.entity';
import { SourceSystemRow } from '../systems/source-system.entity';

/**
 * The ORM entities of the generic layers. A data family's entities come from
 * its descriptor: FamilyRegistry.entities is the whole list the ORM is opened with.
 */
export const GENERIC_ENTITIES = [
  SourceSystemRow,
  PrincipalRow,
  ApiKeyRow,
  ChangeEventRow,
  FeedConsumerRow,
  DeadLetterRow,
  PushRejectionRow,
];
