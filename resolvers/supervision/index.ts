import type { FamilyApi } from '../common/api-family';
import { DisclosureResolver, OffendingRecordConnectionResolver } from './disclosure.resolver';
import { SupervisionFindingConnectionResolver, SupervisionResolver } from './finding.resolver';

/*
 * The API side of the supervision family: findings across the province, their
 * statistics, and reviews (`api`, loaded by resolvers/families.ts).
 */
export const api: FamilyApi = {
  resolvers: [
    SupervisionResolver,
    SupervisionFindingConnectionResolver,
    DisclosureResolver,
    OffendingRecordConnectionResolver,
  ],
};
