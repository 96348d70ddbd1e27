import { defineFamily, topic } from '../registry/family';
import { ClearedFindingRow } from './cleared-finding.entity';
import { COLLUSION_FINDING_RULES } from './collusion.derive';
import { FindingReviewRow } from './finding-review.entity';
import {
  FINDING_SENSITIVE,
  SupervisionTopic,
  type FindingPayload,
  type FindingReviewPayload,
} from './supervision.model';

/**
 * Supervision (监管): the collusion indicators (围标串标预警) derived on the
 * trading family's records, every finding on the change feed, supervisors'
 * reviews, and the disclosure-quality measures. Registered in
 * resolvers/families.ts.
 */
export const supervisionFamily = defineFamily({
  name: 'supervision',
  topics: {
    [SupervisionTopic.FINDING]: topic<FindingPayload>({
      description:
        'A finding (预警 / 数据质量问题): CREATE when raised, DELETE when cleared; key: the finding id. Sent to the national platform as project alarms (项目报警信息).',
      sensitive: FINDING_SENSITIVE,
      defaultWrite: false,
    }),
    [SupervisionTopic.FINDING_REVIEW]: topic<FindingReviewPayload>({
      description:
        "A supervisor's review of a finding (CONFIRMED or DISMISSED); key: the finding id, version: the review number.",
      defaultWrite: false,
    }),
  },
  entities: [ClearedFindingRow, FindingReviewRow],
  findingRules: COLLUSION_FINDING_RULES,
});
